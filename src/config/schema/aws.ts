import { z } from 'zod';
import { httpUrl, nonEmpty } from './common.js';
import { secret } from './secret.js';

/**
 * S3 bucket names as AWS allows them (3–63 characters of lower-case letters, digits, dots and hyphens, starting and
 * ending with a letter or digit): a name outside this can never be a bucket, so it is a typo caught at load.
 */
const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'expected an S3 bucket name (3–63 lower-case letters, digits, dots and hyphens)' });

const bucketSpec = z.strictObject({
  name: bucketName.describe('The bucket name'),
  public: z
    .union([z.literal(false), z.literal('read')])
    .default(false)
    .describe('false (default): nobody outside the account may read it; "read": it serves public assets, which must then be read-only (no public write, no public listing) and behind a CDN'),
  cdn: httpUrl.optional().describe('For a public "read" bucket: a URL of one of its objects through the CDN in front of it, fetched to see the CDN'),
});

/** A bucket as configured: a bare name means a private bucket. */
export const bucketSchema = z
  .union([bucketName, bucketSpec], { error: 'expected a bucket name, or { name, public: false or "read", cdn }' })
  .transform((value) => (typeof value === 'string' ? { name: value, public: false as const } : value));

/** 12 digits: the form every AWS account id has. */
const accountId = z.string().regex(/^\d{12}$/, { message: 'expected a 12-digit AWS account id' });

const principal = z
  .string()
  .regex(/^(arn:aws[a-z-]*:iam::\d{12}:(user|role)\/.+|(user|role)\/[\w+=,.@/-]+)$/, {
    message: 'expected an IAM user or role ARN (arn:aws:iam::123456789012:user/app, …:role/app) or user/<name>, role/<name>',
  });

const serviceEndpoints = z
  .strictObject({
    iam: httpUrl.optional().describe('IAM endpoint'),
    sts: httpUrl.optional().describe('STS endpoint'),
    s3control: httpUrl.optional().describe('S3 Control endpoint (account-level Block Public Access)'),
    budgets: httpUrl.optional().describe('AWS Budgets endpoint'),
  })
  .describe("Endpoints of the other services, for S3-compatible stacks and local emulators; unset ones are AWS's own (or, with `endpoint` set, not asked)");

export const awsSchema = z
  .strictObject({
    region: nonEmpty.describe('AWS region of the resources, e.g. us-east-1'),
    buckets: z
      .array(bucketSchema)
      .default([])
      .describe('S3 buckets the application uses: names (private buckets), or { name, public: "read", cdn } for a bucket that serves public assets'),
    endpoint: httpUrl.optional().describe('S3-compatible storage endpoint (MinIO, Ceph, R2, LocalStack); default: AWS S3'),
    pathStyle: z.boolean().optional().describe('Path-style addressing (endpoint/bucket/key); default: true when endpoint is set, else false'),
    endpoints: serviceEndpoints.optional(),
    profile: nonEmpty.optional().describe('Profile of ~/.aws/config and ~/.aws/credentials to use; default: the standard provider chain (AWS_* variables, SSO, instance roles, …)'),
    accessKeyId: nonEmpty.optional().describe('Access key id of read-only credentials, usually "${AWS_ACCESS_KEY_ID}"; default: the standard provider chain'),
    secretAccessKey: secret(nonEmpty).optional().describe('Its secret access key, usually "${AWS_SECRET_ACCESS_KEY}" (never printed)'),
    sessionToken: secret(nonEmpty).optional().describe('Session token of temporary credentials (never printed)'),
    principal: principal
      .optional()
      .describe('The IAM user or role the application runs as, judged for least privilege; default: whoever the credentials are (STS GetCallerIdentity)'),
    budgets: accountId.optional().describe('Account id whose AWS Budgets are read for the S3 budget line'),
    images: z
      .array(httpUrl)
      .optional()
      .describe('URLs of images produced by the upload pipeline (through the CDN as users get them), for the image optimization line'),
  })
  .superRefine((aws, ctx) => {
    if ((aws.accessKeyId === undefined) !== (aws.secretAccessKey === undefined)) {
      ctx.addIssue({ code: 'custom', path: [aws.accessKeyId === undefined ? 'accessKeyId' : 'secretAccessKey'], message: 'accessKeyId and secretAccessKey go together: set both, or neither to use the standard provider chain' });
    }
    if (aws.sessionToken !== undefined && aws.accessKeyId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sessionToken'], message: 'sessionToken needs accessKeyId and secretAccessKey' });
    }
    if (aws.profile !== undefined && aws.accessKeyId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['profile'], message: 'set either profile or accessKeyId/secretAccessKey, not both' });
    }
    const names = aws.buckets.map((b) => b.name);
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated) ctx.addIssue({ code: 'custom', path: ['buckets'], message: `bucket ${repeated} is listed twice` });
  })
  .describe('The AWS account the application uses; read with Get, List and Head calls only');

export type AwsConfig = z.infer<typeof awsSchema>;
export type BucketConfig = AwsConfig['buckets'][number];
