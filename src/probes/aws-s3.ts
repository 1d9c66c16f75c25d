import type { Grant, S3Client } from '@aws-sdk/client-s3';
import type { AwsClients, AwsRead } from './aws-clients.js';

/** Object keys whose ACLs are read per bucket: enough to catch a habit of public-read uploads, bounded per bucket. */
export const SAMPLE_KEYS = 5;

export interface PublicAccessBlockFlags {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

/** One ACL grant: `AllUsers`, `AuthenticatedUsers`, `LogDelivery`, `owner`, `user:<canonical id>`, `email` or `group:<uri>`. */
export interface AclGrant {
  grantee: string;
  /** READ, WRITE, READ_ACP, WRITE_ACP or FULL_CONTROL. */
  permission: string;
}

/** What an unsigned request got: allowed (2xx), or the refusal's status and code. */
export interface AnonymousAnswer {
  allowed: boolean;
  status: number | null;
  code: string | null;
}

export interface BucketObservation {
  bucket: string;
  /** The region the bucket lives in (HeadBucket's x-amz-bucket-region), else the configured one. */
  region: string;
  /** HeadBucket: a refusal NotFound/NoSuchBucket means the bucket does not exist, and nothing else was asked. */
  head: AwsRead<{ region: string | null }>;
  /** null: NoSuchPublicAccessBlockConfiguration, i.e. all four flags off. */
  publicAccessBlock?: AwsRead<PublicAccessBlockFlags | null>;
  /** The policy document as S3 returned it (JSON, possibly URL-encoded); null: NoSuchBucketPolicy. */
  policy?: AwsRead<string | null>;
  /** GetBucketPolicyStatus's IsPublic; null when there is no policy to judge. */
  policyStatus?: AwsRead<boolean | null>;
  acl?: AwsRead<AclGrant[]>;
  /** ObjectOwnership (BucketOwnerEnforced turns ACLs off); null: no ownership controls. */
  ownership?: AwsRead<string | null>;
  /** Default encryption algorithms (AES256, aws:kms, …); null: none configured. */
  encryption?: AwsRead<string[] | null>;
  /** Up to SAMPLE_KEYS real object keys, from a signed ListObjectsV2. */
  sampleKeys?: AwsRead<string[]>;
  objectAcls?: { key: string; acl: AwsRead<AclGrant[]> }[];
  anonymous?: {
    /** An unsigned ListObjectsV2 (MaxKeys=1). */
    listing: AnonymousAnswer;
    /** An unsigned ranged GET of one real key; null when no key could be listed. */
    object: (AnonymousAnswer & { key: string }) | null;
  };
}

const GROUPS: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
  'http://acs.amazonaws.com/groups/s3/LogDelivery': 'LogDelivery',
};

function granteeOf(grant: Grant, owner: string | undefined): string {
  const grantee = grant.Grantee;
  if (!grantee) return 'unknown';
  if (grantee.URI) return GROUPS[grantee.URI] ?? `group:${grantee.URI}`;
  if (grantee.ID) return grantee.ID === owner ? 'owner' : `user:${grantee.ID}`;
  if (grantee.EmailAddress) return 'email';
  return 'unknown';
}

function grantsOf(grants: Grant[] | undefined, owner: string | undefined): AclGrant[] {
  return (grants ?? []).map((grant) => ({ grantee: granteeOf(grant, owner), permission: grant.Permission ?? 'unknown' }));
}

/** A refusal with one of `codes` is the answer "none configured". */
function absentAs<T>(read: AwsRead<T>, codes: readonly string[], absent: T): AwsRead<T> {
  return !read.ok && codes.includes(read.refusal.code) ? { ok: true, value: absent } : read;
}

const MISSING_BUCKET = ['NotFound', 'NoSuchBucket'];

export function bucketMissing(observation: BucketObservation): boolean {
  return !observation.head.ok && (MISSING_BUCKET.includes(observation.head.refusal.code) || observation.head.refusal.status === 404);
}

/** Every read-only call the bucket line needs, in the bucket's own region. */
export async function observeBucket(clients: AwsClients, bucket: string): Promise<BucketObservation> {
  const { config } = clients;
  const s3 = await clients.s3(config.region);
  const head = await clients.read('S3', 's3:ListBucket (HeadBucket)', clients.where('s3'), async (abortSignal) => {
    const { HeadBucketCommand } = await import('@aws-sdk/client-s3');
    const out = await s3.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal });
    return { region: out.BucketRegion ?? null };
  });
  const region = (head.ok && head.value.region) || config.region;
  const observation: BucketObservation = { bucket, region, head };
  if (bucketMissing(observation)) return observation;

  const client = region === config.region ? s3 : await clients.s3(region);
  const sdk = await import('@aws-sdk/client-s3');
  const where = clients.where('s3', region);
  const read = <T>(action: string, send: (client: S3Client, abortSignal: AbortSignal) => Promise<T>) =>
    clients.read('S3', action, where, (abortSignal) => send(client, abortSignal));

  const [publicAccessBlock, policy, policyStatus, acl, ownership, encryption, sampleKeys] = await Promise.all([
    read('s3:GetBucketPublicAccessBlock', async (c, abortSignal) => {
      const out = await c.send(new sdk.GetPublicAccessBlockCommand({ Bucket: bucket }), { abortSignal });
      const flags = out.PublicAccessBlockConfiguration ?? {};
      return {
        blockPublicAcls: flags.BlockPublicAcls === true,
        ignorePublicAcls: flags.IgnorePublicAcls === true,
        blockPublicPolicy: flags.BlockPublicPolicy === true,
        restrictPublicBuckets: flags.RestrictPublicBuckets === true,
      } as PublicAccessBlockFlags | null;
    }).then((r) => absentAs(r, ['NoSuchPublicAccessBlockConfiguration'], null)),
    read('s3:GetBucketPolicy', async (c, abortSignal) => {
      const out = await c.send(new sdk.GetBucketPolicyCommand({ Bucket: bucket }), { abortSignal });
      return (out.Policy ?? null) as string | null;
    }).then((r) => absentAs(r, ['NoSuchBucketPolicy'], null)),
    read('s3:GetBucketPolicyStatus', async (c, abortSignal) => {
      const out = await c.send(new sdk.GetBucketPolicyStatusCommand({ Bucket: bucket }), { abortSignal });
      return (out.PolicyStatus?.IsPublic ?? null) as boolean | null;
    }).then((r) => absentAs(r, ['NoSuchBucketPolicy'], null)),
    read('s3:GetBucketAcl', async (c, abortSignal) => {
      const out = await c.send(new sdk.GetBucketAclCommand({ Bucket: bucket }), { abortSignal });
      return grantsOf(out.Grants, out.Owner?.ID);
    }),
    read('s3:GetBucketOwnershipControls', async (c, abortSignal) => {
      const out = await c.send(new sdk.GetBucketOwnershipControlsCommand({ Bucket: bucket }), { abortSignal });
      return (out.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? null) as string | null;
    }).then((r) => absentAs(r, ['OwnershipControlsNotFoundError'], null)),
    read('s3:GetEncryptionConfiguration', async (c, abortSignal) => {
      const out = await c.send(new sdk.GetBucketEncryptionCommand({ Bucket: bucket }), { abortSignal });
      const algorithms = (out.ServerSideEncryptionConfiguration?.Rules ?? [])
        .map((rule) => rule.ApplyServerSideEncryptionByDefault?.SSEAlgorithm)
        .filter((a): a is NonNullable<typeof a> => a !== undefined);
      return (algorithms.length > 0 ? algorithms : null) as string[] | null;
    }).then((r) => absentAs(r, ['ServerSideEncryptionConfigurationNotFoundError'], null)),
    read('s3:ListBucket', async (c, abortSignal) => {
      const out = await c.send(new sdk.ListObjectsV2Command({ Bucket: bucket, MaxKeys: SAMPLE_KEYS }), { abortSignal });
      return (out.Contents ?? []).map((o) => o.Key).filter((k): k is string => typeof k === 'string');
    }),
  ]);
  const keys = sampleKeys.ok ? sampleKeys.value : [];
  const anonymousClient = await clients.anonymousS3(region);
  const anonymously = async (action: string, send: (abortSignal: AbortSignal) => Promise<unknown>): Promise<AnonymousAnswer> => {
    const answer = await clients.read('S3', action, where, send);
    return answer.ok ? { allowed: true, status: 200, code: null } : { allowed: false, status: answer.refusal.status, code: answer.refusal.code };
  };
  const [objectAcls, listing, object] = await Promise.all([
    Promise.all(
      keys.map(async (key) => ({
        key,
        acl: await read('s3:GetObjectAcl', async (c, abortSignal) => {
          const out = await c.send(new sdk.GetObjectAclCommand({ Bucket: bucket, Key: key }), { abortSignal });
          return grantsOf(out.Grants, out.Owner?.ID);
        }),
      })),
    ),
    anonymously('anonymous ListObjectsV2', (abortSignal) => anonymousClient.send(new sdk.ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }), { abortSignal })),
    keys[0] === undefined
      ? Promise.resolve(null)
      : anonymously('anonymous GetObject', async (abortSignal) => {
          const out = await anonymousClient.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: keys[0], Range: 'bytes=0-0' }), { abortSignal });
          // One byte was asked for; a server that ignores Range must not make the probe read a whole object.
          (out.Body as { destroy?: () => void } | undefined)?.destroy?.();
          return out;
        }).then((answer) => ({ ...answer, key: keys[0]! })),
  ]);
  return { ...observation, publicAccessBlock, policy, policyStatus, acl, ownership, encryption, sampleKeys, objectAcls, anonymous: { listing, object } };
}
