import { z } from 'zod';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { isProbeError } from '../../src/core/errors.js';
import { awsFailure } from '../../src/kit/aws.js';
import { defineCheck } from '../../src/kit/check.js';
import { awsProbe } from '../../src/probes/aws.js';
import { httpProbe } from '../../src/probes/http.js';
import { judgeIdentity } from '../../src/rules/iam-identity.js';
import { judgeBucket, type CdnAnswer } from '../../src/rules/s3-bucket.js';

const options = z.strictObject({
  maxKeyAgeDays: z.number().int().positive().default(90).describe("An active access key of the app's IAM user older than this many days is a warning"),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'security.s3-bucket-not-public',
  section: 'security',
  item: 'S3 bucket has proper IAM permissions (not public)',
  severity: 'critical',
  automation: 'automated',
  needs: ['aws'],
  options,
  verifies:
    "No configured bucket can be read or written by the public (unless declared public: \"read\", which must then be read-only and behind a CDN), Block Public Access is on, and the app's IAM identity is not an administrator or s3:* on every bucket.",
  how:
    'Read-only AWS calls per bucket (Get/List/Head only): Block Public Access at account level (S3 Control, when readable) and bucket level — a bucket is shielded from public policies and ACLs only where IgnorePublicAcls and RestrictPublicBuckets hold at one of the two; NoSuchPublicAccessBlockConfiguration means all four off. ' +
    'The bucket policy (URL-encoded or not) is public when an Allow names Principal "*", {"AWS": "*"} (alone or in a list), arn:aws:iam::*:root or {"CanonicalUser": "*"}, or uses NotPrincipal, unless a condition pins it to fixed values (aws:SourceIp CIDRs of /8 or narrower, aws:SourceArn, aws:SourceVpc(e), aws:SourceAccount/Owner, aws:PrincipalOrgID/Arn/Account, aws:userid AROLEID:*; "*", 0.0.0.0/0, …IfExists, negated and ForAllValues operators restrict nothing) or a Deny shuts everyone else out; public write (s3:Put*, s3:Delete*, s3:*, *) is critical. ' +
    'GetBucketPolicyStatus is cross-checked (a disagreement warns). ACLs: AllUsers/AuthenticatedUsers grants on the bucket and on 5 listed object keys, unless Object Ownership is BucketOwnerEnforced. ' +
    'Then the empirical probe: an unsigned ListObjectsV2 and an unsigned one-byte GET of a real key: 200 is public whatever the settings claim (fail); 403 is good; a 301 is retried in the bucket\'s region; NoSuchBucket is a configuration error. ' +
    'Warn: Block Public Access not fully on, no default encryption, no Deny of aws:SecureTransport false. For public: "read" buckets: object reads are expected; public listing warns, public write fails, and the cdn URL must show a CDN with caching. ' +
    "The app's identity (aws.principal, else STS GetCallerIdentity): fail on Allow * on *, NotAction on every resource, iam:* or s3:* on every resource, or the root user; warn on inline user policies, an active access key older than maxKeyAgeDays (90) and two active keys. " +
    'AccessDenied on a read is `error` ("cannot verify with these credentials: needs …"), never pass. On an S3-compatible endpoint, IAM, STS and S3 Control are asked only where aws.endpoints names them.',
  remediation:
    'Turn on Block Public Access for the bucket and the account, remove public-read ACLs and "Principal": "*" statements, serve assets via CloudFront with origin access control or presigned URLs, and give the app a role or user whose policy allows only s3:GetObject/PutObject/DeleteObject on arn:aws:s3:::<bucket>/*.',
  async run(ctx) {
    const aws = ctx.environment.aws!;
    if (aws.buckets.length === 0) return outcome('skip', `environments.${ctx.environmentName}.aws.buckets lists no bucket`);
    const probe = ctx.probe(awsProbe);
    const parts: Part[] = await Promise.all(
      aws.buckets.map(async (spec): Promise<Part> => {
        try {
          const [bucket, account] = await Promise.all([probe.bucket(spec.name), probe.accountBlock()]);
          let cdn: CdnAnswer | undefined;
          if (spec.public === 'read' && 'cdn' in spec && spec.cdn) {
            cdn = await ctx
              .probe(httpProbe)
              .fetch({ url: spec.cdn, maxBodyBytes: 1024 })
              .catch((error: unknown) => {
                if (isProbeError(error)) return { error: error.message };
                throw error;
              });
          }
          return { label: spec.name, outcome: judgeBucket(bucket, spec, account, cdn) };
        } catch (error) {
          return { label: spec.name, outcome: awsFailure(error) };
        }
      }),
    );
    try {
      const identity = await probe.identity();
      parts.push({
        label: 'app identity',
        outcome: identity
          ? judgeIdentity(identity, { maxKeyAgeDays: ctx.options.maxKeyAgeDays }, new Date())
          : outcome('skip', 'not judged: an S3-compatible endpoint without aws.endpoints.iam has no AWS IAM to read'),
      });
    } catch (error) {
      parts.push({ label: 'app identity', outcome: awsFailure(error) });
    }
    const identityJudged = parts.some((p) => p.label === 'app identity' && p.outcome.status === 'pass');
    return combine(parts, { pass: `${aws.buckets.length} bucket(s) private, or public read-only as configured${identityJudged ? ", and the app's IAM identity is least-privilege" : ''}` });
  },
});
