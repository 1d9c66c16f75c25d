import { judged, verdictOf, type Judgement } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { BucketConfig } from '../config/schema/aws.js';
import type { AccountBlockObservation, AclGrant, AwsRead, AwsRefusal, BucketObservation, PublicAccessBlockFlags } from '../probes/aws.js';
import { bucketMissing } from '../probes/aws.js';
import type { HttpResponse } from '../probes/http.js';
import { cacheability, detectCdn } from './cdn.js';
import { listNames } from './list-names.js';
import { ACCESS_WORDS, judgeBucketPolicy, WRITE_ACCESS, type Access, type PublicStatement } from './s3-policy.js';

/*
 * One bucket's verdict, from everything the AWS probe saw: Block Public Access (account and bucket), the policy,
 * ACLs (bucket and sampled objects), ownership controls, encryption, the TLS-only policy and — above all — what
 * unsigned requests actually got. Settings can claim a bucket is shielded while an anonymous GET still succeeds
 * (radosgw does not enforce RestrictPublicBuckets): what anyone can do wins over what the settings say.
 */

const FIX_BPA = 'Turn on all four Block Public Access settings for the bucket and the account (S3 console → Permissions → Block public access, or `aws s3api put-public-access-block`).';
const FIX_POLICY = 'Remove the statements that allow "Principal": "*" (or pin them with aws:SourceArn/aws:SourceVpce/aws:PrincipalOrgID conditions); serve public files through CloudFront with origin access control and presigned URLs.';
const FIX_WRITE = 'Critical: remove public write access now (s3:PutObject, s3:Delete*, s3:Put*, s3:*), then audit the bucket for planted or deleted objects.';
const FIX_ACL = 'Set Object Ownership to "Bucket owner enforced" (ACLs disabled), or remove the AllUsers/AuthenticatedUsers grants (`aws s3api put-bucket-acl --acl private`, and put-object-acl per object).';
const FIX_ANONYMOUS = 'Anyone on the internet can read this bucket right now: remove the public policy statement and ACL grants, turn on Block Public Access, and re-run until an unsigned GET answers 403.';
const FIX_ENCRYPTION = 'Enable default encryption (SSE-S3 or SSE-KMS) on the bucket.';
const FIX_TLS = 'Add a statement denying s3:* to "Principal": "*" when "aws:SecureTransport" is "false".';
const FIX_CDN = 'Serve public assets through a CDN (CloudFront with origin access control) and set aws.buckets[].cdn to one of its object URLs.';

/** What a denied read needs: `cannot verify with these credentials: needs s3:GetBucketPolicy`. */
export function needs(refusal: AwsRefusal): string {
  const action = refusal.action.split(' ')[0];
  if (refusal.code === 'AccessDenied' || refusal.code === 'AccessDeniedException' || refusal.status === 403) return `cannot verify with these credentials: needs ${action}`;
  if (refusal.code === 'NotImplemented' || refusal.code === 'MethodNotAllowed' || refusal.status === 405 || refusal.status === 501) return `this storage does not implement ${action} (${refusal.code})`;
  return `${action} answered ${refusal.code}${refusal.status ? ` (${refusal.status})` : ''}`;
}

const NEEDS_FIX = 'Give the credentials readiness uses the read-only policy in the README ("Minimal AWS policy"), or run it with credentials that have it.';

type Flag = keyof PublicAccessBlockFlags;
const FLAGS: readonly Flag[] = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'];
const FLAG_NAMES: Record<Flag, string> = { blockPublicAcls: 'BlockPublicAcls', ignorePublicAcls: 'IgnorePublicAcls', blockPublicPolicy: 'BlockPublicPolicy', restrictPublicBuckets: 'RestrictPublicBuckets' };

/** Each flag on at either level. A level that could not be read counts as off: unknown is not shielded. */
export function effectiveBlock(bucket: AwsRead<PublicAccessBlockFlags | null> | undefined, account: AccountBlockObservation): Record<Flag, boolean> {
  const of = (read: AwsRead<PublicAccessBlockFlags | null> | null | undefined) => (read?.ok && read.value ? read.value : undefined);
  const b = of(bucket);
  const a = of(account.flags);
  return Object.fromEntries(FLAGS.map((f) => [f, b?.[f] === true || a?.[f] === true])) as Record<Flag, boolean>;
}

const PUBLIC_GRANTEES = new Set(['AllUsers', 'AuthenticatedUsers']);
const WRITE_PERMISSIONS = new Set(['WRITE', 'WRITE_ACP', 'FULL_CONTROL']);

function publicGrants(grants: readonly AclGrant[]): AclGrant[] {
  return grants.filter((g) => PUBLIC_GRANTEES.has(g.grantee));
}

const describeGrants = (grants: readonly AclGrant[]) => grants.map((g) => `${g.grantee} ${g.permission}`).join(', ');
const accessWords = (access: readonly Access[]) => access.map((a) => ACCESS_WORDS[a]).join(', ');

function policyJudgements(bucket: BucketObservation, spec: BucketConfig, restrict: boolean, evidence: Record<string, unknown>): { judgements: Judgement[]; publicByPolicy: boolean; deniesInsecureTransport: boolean } {
  const read = bucket.policy;
  if (!read) return { judgements: [], publicByPolicy: false, deniesInsecureTransport: false };
  if (!read.ok) return { judgements: [judged('bucket policy', 'error', needs(read.refusal), NEEDS_FIX)], publicByPolicy: false, deniesInsecureTransport: false };
  if (read.value === null) return { judgements: [judged('bucket policy', 'pass', 'none')], publicByPolicy: false, deniesInsecureTransport: false };
  const judgement = judgeBucketPolicy(read.value);
  if (!judgement.ok) return { judgements: [judged('bucket policy', 'error', `cannot read it: ${judgement.reason}`)], publicByPolicy: false, deniesInsecureTransport: false };
  evidence.policy = { statements: judgement.statements, public: judgement.public, restricted: judgement.restricted, deniesInsecureTransport: judgement.deniesInsecureTransport };
  const judgements: Judgement[] = [];
  const describe = (p: PublicStatement) => `${p.statement} (${p.principal}) lets anyone ${accessWords(p.access)}`;
  const writes = judgement.public.filter((p) => p.access.some((a) => WRITE_ACCESS.includes(a)));
  for (const p of writes) judgements.push(judged('bucket policy', 'fail', `critical: ${describe(p)}`, FIX_WRITE));
  const reads = judgement.public.filter((p) => !writes.includes(p));
  for (const p of reads) {
    if (spec.public === 'read') {
      const extra = p.access.filter((a) => a !== 'read');
      judgements.push(
        extra.length === 0
          ? judged('bucket policy', 'pass', `${p.statement} lets anyone read objects, as configured (public: read)`)
          : judged('bucket policy', 'warn', `${describe(p)}: a public assets bucket needs only s3:GetObject`, 'Narrow the public statement to s3:GetObject on arn:aws:s3:::<bucket>/*.'),
      );
    } else if (restrict) {
      judgements.push(judged('bucket policy', 'warn', `${describe(p)}, held back only by RestrictPublicBuckets`, FIX_POLICY));
    } else {
      judgements.push(judged('bucket policy', 'fail', describe(p), FIX_POLICY));
    }
  }
  if (judgements.length === 0) {
    const held = judgement.restricted.length > 0 ? `; ${listNames(judgement.restricted.map((r) => `${r.statement}: ${r.restriction}`))}` : '';
    judgements.push(judged('bucket policy', 'pass', `no statement lets the public in (${judgement.statements} statement(s)${held})`));
  }
  return { judgements, publicByPolicy: judgement.public.length > 0, deniesInsecureTransport: judgement.deniesInsecureTransport };
}

function aclJudgements(bucket: BucketObservation, spec: BucketConfig, ignore: boolean, evidence: Record<string, unknown>): { judgements: Judgement[]; publicByAcl: boolean } {
  const ownership = bucket.ownership?.ok ? bucket.ownership.value : null;
  if (ownership === 'BucketOwnerEnforced') return { judgements: [judged('ACLs', 'pass', 'disabled (Object Ownership: bucket owner enforced)')], publicByAcl: false };
  const judgements: Judgement[] = [];
  let publicByAcl = false;
  const judgeGrants = (where: string, grants: readonly AclGrant[], objectLevel: boolean) => {
    const open = publicGrants(grants);
    if (open.length === 0) return;
    publicByAcl = true;
    const text = `${where} grants ${describeGrants(open)}`;
    const writes = open.filter((g) => WRITE_PERMISSIONS.has(g.permission));
    if (ignore) judgements.push(judged('ACLs', 'warn', `${text}, ignored only because IgnorePublicAcls is on`, FIX_ACL));
    else if (writes.length > 0) judgements.push(judged('ACLs', 'fail', `critical: ${where} grants ${describeGrants(writes)}: anyone can write or change its permissions`, FIX_WRITE));
    else if (spec.public === 'read' && objectLevel) judgements.push(judged('ACLs', 'pass', `${text}, as configured (public: read)`));
    else if (spec.public === 'read') judgements.push(judged('ACLs', 'warn', `${text}: anyone can list every key`, FIX_ACL));
    else judgements.push(judged('ACLs', 'fail', text, FIX_ACL));
  };
  if (bucket.acl) {
    if (!bucket.acl.ok) judgements.push(judged('ACLs', 'error', needs(bucket.acl.refusal), NEEDS_FIX));
    else judgeGrants('the bucket ACL', bucket.acl.value, false);
  }
  const objects = bucket.objectAcls ?? [];
  const refused = objects.find((o) => !o.acl.ok);
  if (refused && !refused.acl.ok) judgements.push(judged('ACLs', 'error', needs(refused.acl.refusal), NEEDS_FIX));
  for (const object of objects) if (object.acl.ok) judgeGrants(`object ${object.key}`, object.acl.value, true);
  evidence.acl = { ownership, bucket: bucket.acl?.ok ? bucket.acl.value : null, objects: objects.map((o) => ({ key: o.key, grants: o.acl.ok ? publicGrants(o.acl.value) : 'unreadable' })) };
  if (judgements.length === 0) judgements.push(judged('ACLs', 'pass', `no public grant on the bucket or ${objects.length} sampled object(s)`));
  return { judgements, publicByAcl };
}

function anonymousJudgements(bucket: BucketObservation, spec: BucketConfig): Judgement[] {
  const anonymous = bucket.anonymous;
  if (!anonymous) return [];
  const judgements: Judgement[] = [];
  if (anonymous.listing.allowed) {
    judgements.push(
      spec.public === 'read'
        ? judged('anonymous access', 'warn', 'an unsigned request listed the bucket (200): anyone can enumerate every key', 'Remove s3:ListBucket from the public statement (and READ from AllUsers on the bucket ACL).')
        : judged('anonymous access', 'fail', 'an unsigned request listed the bucket (200): it is public, whatever its settings say', FIX_ANONYMOUS),
    );
  }
  const object = anonymous.object;
  if (object?.allowed) {
    judgements.push(
      spec.public === 'read'
        ? judged('anonymous access', 'pass', `an unsigned GET of ${object.key} was answered, as configured (public: read)`)
        : judged('anonymous access', 'fail', `an unsigned GET of ${object.key} was answered 200: anyone can read it, whatever the settings say`, FIX_ANONYMOUS),
    );
  } else if (spec.public === 'read' && object) {
    judgements.push(judged('anonymous access', 'warn', `an unsigned GET of ${object.key} was refused (${object.code ?? object.status}): the bucket meant to serve public assets does not`, 'Check the public-read statement and Block Public Access if the bucket is meant to serve files directly, or set public: false.'));
  }
  if (judgements.length === 0) {
    const tried = object ? `the listing and a GET of ${object.key}` : 'the listing (the bucket has no object to GET)';
    judgements.push(judged('anonymous access', 'pass', `unsigned requests were refused (${tried}: ${anonymous.listing.code ?? anonymous.listing.status})`));
  }
  return judgements;
}

/** What the configured CDN URL of a public bucket answered, or why it could not be fetched. */
export type CdnAnswer = HttpResponse | { error: string };

/** The verdict for one configured bucket. */
export function judgeBucket(bucket: BucketObservation, spec: BucketConfig, account: AccountBlockObservation, cdn?: CdnAnswer): CheckOutcome {
  const evidence: Record<string, unknown> = { region: bucket.region, public: spec.public };
  if (bucketMissing(bucket)) {
    return verdictOf([judged('bucket', 'error', `does not exist (${bucket.head.ok ? '' : bucket.head.refusal.code}): check aws.buckets and aws.region`, 'Fix the bucket name in aws.buckets.')], '', evidence);
  }
  const judgements: Judgement[] = [];
  if (!bucket.head.ok) judgements.push(judged('bucket', 'error', needs(bucket.head.refusal), NEEDS_FIX));

  const flags = effectiveBlock(bucket.publicAccessBlock, account);
  evidence.blockPublicAccess = {
    bucket: bucket.publicAccessBlock?.ok ? (bucket.publicAccessBlock.value ?? 'not configured') : 'unreadable',
    account: account.flags === null ? 'not read' : account.flags.ok ? (account.flags.value ?? 'not configured') : 'unreadable',
    effective: flags,
  };
  if (bucket.publicAccessBlock && !bucket.publicAccessBlock.ok) judgements.push(judged('Block Public Access', 'error', needs(bucket.publicAccessBlock.refusal), NEEDS_FIX));
  else if (spec.public === false) {
    const off = FLAGS.filter((f) => !flags[f]).map((f) => FLAG_NAMES[f]);
    const accountNote = account.flags === null ? ' (account level not read)' : !account.flags.ok ? ` (account level unreadable: ${needs(account.flags.refusal)})` : '';
    judgements.push(
      off.length === 0
        ? judged('Block Public Access', 'pass', `all four settings on${account.flags?.ok && account.flags.value && FLAGS.every((f) => account.flags!.ok && account.flags!.value![f]) ? ' at account level' : ''}`)
        : judged('Block Public Access', 'warn', `${off.join(', ')} off at both bucket and account level${accountNote}: nothing stops a future public policy or ACL`, FIX_BPA),
    );
  }

  const policy = policyJudgements(bucket, spec, flags.restrictPublicBuckets, evidence);
  judgements.push(...policy.judgements);
  const acl = aclJudgements(bucket, spec, flags.ignorePublicAcls, evidence);
  judgements.push(...acl.judgements);
  judgements.push(...anonymousJudgements(bucket, spec));
  evidence.anonymous = bucket.anonymous;

  // GetBucketPolicyStatus is AWS's own evaluator; where it disagrees with the reading above, a person should look.
  if (bucket.policyStatus?.ok && bucket.policyStatus.value !== null && bucket.policy?.ok) {
    const ours = policy.publicByPolicy || acl.publicByAcl;
    evidence.policyStatusIsPublic = bucket.policyStatus.value;
    if (bucket.policyStatus.value && !ours) {
      judgements.push(judged('policy status', 'warn', 'S3 reports the bucket policy as public (GetBucketPolicyStatus IsPublic) where this reading finds no public statement', 'Review the policy with IAM Access Analyzer for S3: S3 sees it as public.'));
    } else if (!bucket.policyStatus.value && policy.publicByPolicy && spec.public === false) {
      judgements.push(judged('policy status', 'warn', 'S3 reports the policy as not public (IsPublic false) where this reading finds a public statement', 'Review the statements named above with IAM Access Analyzer for S3.'));
    }
  }

  if (bucket.encryption) {
    if (!bucket.encryption.ok) judgements.push(judged('default encryption', 'warn', needs(bucket.encryption.refusal), NEEDS_FIX));
    else if (bucket.encryption.value === null) judgements.push(judged('default encryption', 'warn', 'none configured', FIX_ENCRYPTION));
    else judgements.push(judged('default encryption', 'pass', bucket.encryption.value.join(', ')));
  }
  if (bucket.policy?.ok) {
    judgements.push(
      policy.deniesInsecureTransport
        ? judged('TLS only', 'pass', 'the policy denies requests without TLS (aws:SecureTransport false)')
        : judged('TLS only', 'warn', 'no policy statement denies requests without TLS (aws:SecureTransport false)', FIX_TLS),
    );
  }
  if (spec.public === 'read') judgements.push(cdnJudgement(spec, cdn));

  const pass = spec.public === 'read' ? 'serves public reads only, as configured' : 'not public: Block Public Access on, no public policy or ACL, unsigned requests refused';
  return verdictOf(judgements, pass, evidence);
}

function cdnJudgement(spec: BucketConfig, cdn: CdnAnswer | undefined): Judgement {
  if (!('cdn' in spec) || !spec.cdn || !cdn) return judged('CDN', 'warn', 'a public bucket should be served through a CDN: set cdn to one of its objects through the CDN to verify it', FIX_CDN);
  if ('error' in cdn) return judged('CDN', 'error', `${spec.cdn}: ${cdn.error}`);
  if (cdn.status !== 200) return judged('CDN', 'fail', `${spec.cdn} answered ${cdn.status}`, FIX_CDN);
  const found = detectCdn(cdn.headers);
  const cache = cacheability(cdn.headers);
  if (!found) return judged('CDN', 'warn', `no CDN seen in front of ${spec.cdn} (${cache.reason})`, FIX_CDN);
  return cache.cacheable ? judged('CDN', 'pass', `served through ${found} (${cache.reason})`) : judged('CDN', 'warn', `served through ${found}, but ${cache.reason}`, FIX_CDN);
}
