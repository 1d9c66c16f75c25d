import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsFixture, type AwsFixture } from '../../fixtures/aws/server.js';
import { ADMIN_POLICY, ALL_BLOCKED, appPolicy, denyInsecureTransport, publicReadStatement, type World } from '../../fixtures/aws/world.js';
import { awsSchema, type AwsConfig } from '../config/schema/aws.js';
import { ProbeError } from '../core/errors.js';
import { AwsProbe } from './aws.js';
import { closedPort } from '../../test/helpers/aws.js';

const ACCOUNT = '111122223333';
const KEY_ID = 'AKIAFIXTUREPROBE0001';
const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000);
const CUT_DUMP = '-- PostgreSQL database dump\nSELECT 1;\n-- cut';

function world(): World {
  return {
    account: ACCOUNT,
    accessKeys: [KEY_ID],
    callerArn: `arn:aws:iam::${ACCOUNT}:user/shop-api`,
    accountBlock: ALL_BLOCKED,
    buckets: [
      {
        name: 'shop-private',
        publicAccessBlock: ALL_BLOCKED,
        policy: { Version: '2012-10-17', Statement: [denyInsecureTransport('shop-private')] },
        encryption: 'AES256',
        ownership: 'BucketOwnerEnforced',
        objects: [
          { key: 'uploads/a.jpg', body: 'jpeg' },
          { key: 'backups/2024-05-01.sql', body: '-- PostgreSQL database dump\nSELECT 1;\n-- PostgreSQL database dump complete\n', lastModified: daysAgo(2) },
          { key: 'backups/2024-05-02.sql', body: CUT_DUMP, lastModified: daysAgo(1) },
        ],
      },
      {
        name: 'shop-public',
        policy: { Version: '2012-10-17', Statement: [publicReadStatement('shop-public')] },
        policyIsPublic: true,
        acl: [{ grantee: 'AllUsers', permission: 'READ' }],
        objects: [{ key: 'logo.png', body: 'png', acl: [{ grantee: 'AllUsers', permission: 'READ' }] }],
        anonymous: { list: true, read: true },
      },
      { name: 'shop-eu', region: 'eu-west-1', objects: [{ key: 'x.txt', body: 'x' }] },
    ],
    users: {
      'shop-api': {
        inline: { 'legacy-admin': ADMIN_POLICY },
        attached: [`arn:aws:iam::${ACCOUNT}:policy/shop-app`],
        groups: ['developers'],
        accessKeys: [
          { id: KEY_ID, created: daysAgo(10) },
          { id: 'AKIAFIXTUREOLDKEY999', created: daysAgo(400), status: 'Inactive' },
        ],
      },
    },
    groups: { developers: { attached: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'] } },
    roles: { 'shop-worker': { attached: [`arn:aws:iam::${ACCOUNT}:policy/shop-app`] } },
    managedPolicies: {
      [`arn:aws:iam::${ACCOUNT}:policy/shop-app`]: appPolicy(['shop-private']),
      'arn:aws:iam::aws:policy/AmazonS3FullAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
    },
    budgets: [
      { name: 'monthly', costFilters: { Service: ['Amazon Simple Storage Service'] }, notifications: [{ threshold: 80, subscribers: [{ type: 'EMAIL', address: 'ops@example.com' }] }] },
    ],
  };
}

describe('the AWS probe against a protocol-level AWS on loopback', () => {
  let aws: AwsFixture;
  beforeAll(async () => {
    aws = await startAwsFixture(world());
  });
  afterAll(() => aws.close());

  function config(extra: Record<string, unknown> = {}): AwsConfig {
    return awsSchema.parse({
      region: 'us-east-1',
      endpoint: aws.url,
      endpoints: { iam: aws.url, sts: aws.url, s3control: aws.url, budgets: aws.url },
      accessKeyId: KEY_ID,
      secretAccessKey: 'fixture-secret-never-sent',
      ...extra,
    });
  }
  async function withProbe<T>(use: (probe: AwsProbe) => Promise<T>, extra: Record<string, unknown> = {}, httpLimits: Record<string, number> = {}): Promise<T> {
    const probe = new AwsProbe(config(extra), { signal: new AbortController().signal, httpLimits, userAgent: 'readiness-test' });
    try {
      return await use(probe);
    } finally {
      await probe.close();
    }
  }

  it('reads everything about a private bucket, with each absent configuration as null', async () => {
    const seen = await withProbe((p) => p.bucket('shop-private'));
    expect(seen).toMatchObject({
      bucket: 'shop-private',
      region: 'us-east-1',
      head: { ok: true },
      publicAccessBlock: { ok: true, value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } },
      policy: { ok: true },
      policyStatus: { ok: true, value: false },
      acl: { ok: true, value: [{ grantee: 'owner', permission: 'FULL_CONTROL' }] },
      ownership: { ok: true, value: 'BucketOwnerEnforced' },
      encryption: { ok: true, value: ['AES256'] },
      sampleKeys: { ok: true, value: ['backups/2024-05-01.sql', 'backups/2024-05-02.sql', 'uploads/a.jpg'] },
      anonymous: { listing: { allowed: false, status: 403, code: 'AccessDenied' }, object: { allowed: false, status: 403, key: 'backups/2024-05-01.sql' } },
    });
    expect(JSON.parse((seen.policy as { value: string }).value)).toMatchObject({ Statement: [{ Sid: 'DenyInsecureTransport' }] });
    expect(seen.objectAcls).toHaveLength(3);
  });

  it('sees public grants and what anonymous requests get on a public bucket', async () => {
    const seen = await withProbe((p) => p.bucket('shop-public'));
    expect(seen.publicAccessBlock).toEqual({ ok: true, value: null });
    expect(seen.acl).toEqual({ ok: true, value: [{ grantee: 'owner', permission: 'FULL_CONTROL' }, { grantee: 'AllUsers', permission: 'READ' }] });
    expect(seen.objectAcls?.[0]?.acl).toEqual({ ok: true, value: [{ grantee: 'owner', permission: 'FULL_CONTROL' }, { grantee: 'AllUsers', permission: 'READ' }] });
    expect(seen.ownership).toEqual({ ok: true, value: null });
    expect(seen.encryption).toEqual({ ok: true, value: null });
    expect(seen.anonymous).toEqual({ listing: { allowed: true, status: 200, code: null }, object: { allowed: true, status: 200, code: null, key: 'logo.png' } });
  });

  it('follows a 301 to the bucket\'s own region', async () => {
    const before = aws.requests.length;
    const seen = await withProbe((p) => p.bucket('shop-eu'));
    expect(seen.region).toBe('eu-west-1');
    expect(seen.sampleKeys).toEqual({ ok: true, value: ['x.txt'] });
    const signedRegions = aws.requests.slice(before).filter((r) => r.signed && r.operation !== 's3:HeadBucket').map((r) => r.region);
    expect(new Set(signedRegions)).toEqual(new Set(['eu-west-1']));
  });

  it('reports a missing bucket and asks nothing more about it', async () => {
    const seen = await withProbe((p) => p.bucket('shop-missing'));
    expect(seen.head).toMatchObject({ ok: false, refusal: { status: 404 } });
    expect(seen.policy).toBeUndefined();
  });

  it('keeps AccessDenied as an observation naming the action to grant', async () => {
    aws.world.deny = ['s3:GetBucketPolicy', 'iam:ListAttachedUserPolicies', 's3control:GetPublicAccessBlock'];
    try {
      const [bucket, identity, block] = await withProbe((p) => Promise.all([p.bucket('shop-private'), p.identity(), p.accountBlock()]));
      expect(bucket.policy).toEqual({ ok: false, refusal: { code: 'AccessDenied', status: 403, action: 's3:GetBucketPolicy', message: 'Access Denied' } });
      expect(identity?.refused).toEqual([expect.objectContaining({ code: 'AccessDenied', action: 'iam:ListAttachedUserPolicies' })]);
      expect(block.flags).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', action: 's3:GetAccountPublicAccessBlock' } });
    } finally {
      aws.world.deny = [];
    }
  });

  it('reads the account-level Block Public Access, and its absence as null', async () => {
    expect(await withProbe((p) => p.accountBlock())).toEqual({ account: ACCOUNT, flags: { ok: true, value: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } } });
    const saved = aws.world.accountBlock;
    delete aws.world.accountBlock;
    try {
      expect((await withProbe((p) => p.accountBlock())).flags).toEqual({ ok: true, value: null });
    } finally {
      aws.world.accountBlock = saved;
    }
  });

  it('reads the caller user\'s own, managed and group policies, URL-encoded, and masks its access keys', async () => {
    const identity = (await withProbe((p) => p.identity()))!;
    expect(identity.principal).toMatchObject({ kind: 'user', name: 'shop-api', account: ACCOUNT, source: 'caller' });
    expect(identity.policies.map((p) => `${p.source.via} ${p.source.kind} ${p.source.name}`)).toEqual([
      'group developers managed arn:aws:iam::aws:policy/AmazonS3FullAccess',
      'user shop-api inline legacy-admin',
      `user shop-api managed arn:aws:iam::${ACCOUNT}:policy/shop-app`,
    ]);
    const inline = identity.policies.find((p) => p.source.name === 'legacy-admin')!;
    expect(inline.document.ok && inline.document.value.startsWith('%7B')).toBe(true);
    expect(identity.inlineUserPolicies).toEqual(['legacy-admin']);
    expect(identity.accessKeys).toEqual([
      { id: '…0001', status: 'Active', created: daysAgo(10).toISOString() },
      { id: '…Y999', status: 'Inactive', created: daysAgo(400).toISOString() },
    ]);
    expect(JSON.stringify(identity)).not.toContain(KEY_ID);
  });

  it('reads a configured role instead of the caller, and says when a principal does not exist', async () => {
    const role = (await withProbe((p) => p.identity(), { principal: 'role/shop-worker' }))!;
    expect(role.principal).toMatchObject({ kind: 'role', name: 'shop-worker', source: 'config' });
    expect(role.policies.map((p) => p.source.name)).toEqual([`arn:aws:iam::${ACCOUNT}:policy/shop-app`]);
    expect(role.accessKeys).toBeNull();
    const missing = (await withProbe((p) => p.identity(), { principal: `arn:aws:iam::${ACCOUNT}:user/nobody` }))!;
    expect(missing.missing).toBe(true);
  });

  it('asks neither IAM, STS nor S3 Control on an S3-compatible endpoint without their endpoints', async () => {
    const before = aws.requests.length;
    const probe = new AwsProbe(awsSchema.parse({ region: 'us-east-1', endpoint: aws.url, accessKeyId: KEY_ID, secretAccessKey: 'x' }), { signal: new AbortController().signal, httpLimits: {}, userAgent: 't' });
    try {
      expect(await probe.identity()).toBeNull();
      expect(await probe.accountBlock()).toEqual({ account: null, flags: null });
    } finally {
      await probe.close();
    }
    expect(aws.requests.length).toBe(before);
  });

  it('reads budgets with their notifications and masked subscribers', async () => {
    const seen = await withProbe((p) => p.budgets(ACCOUNT));
    expect(seen).not.toBeNull();
    expect(seen).toEqual({
      account: ACCOUNT,
      refused: null,
      truncated: false,
      budgets: [
        {
          name: 'monthly',
          type: 'COST',
          limit: { amount: '100.0', unit: 'USD' },
          timeUnit: 'MONTHLY',
          costFilters: { Service: ['Amazon Simple Storage Service'] },
          filterExpression: null,
          refused: null,
          notifications: [{ type: 'ACTUAL', comparison: 'GREATER_THAN', threshold: 80, thresholdType: 'PERCENTAGE', subscribers: [{ type: 'EMAIL', address: 'o…@example.com' }], refused: null }],
        },
      ],
    });
  });

  it('finds the newest backup under a prefix and checks a plain dump for its trailer with ranged GETs', async () => {
    const listing = await withProbe((p) => p.newestBackup('shop-private', 'backups/'));
    expect(listing).toEqual({
      dir: 's3://shop-private/backups/',
      count: 2,
      truncated: false,
      newest: { file: '2024-05-02.sql', bytes: Buffer.byteLength(CUT_DUMP), modified: expect.any(String), format: 'plain', complete: false, problem: 'it has no "dump complete" trailer: the dump was cut off' },
    });
    const ranged = aws.requests.filter((r) => r.operation === 's3:GetObject' && r.signed).map((r) => r.headers.range);
    expect(ranged).toEqual(expect.arrayContaining(['bytes=0-511', 'bytes=-4096']));
  });

  it('sends only reads, signed with the configured key, and never the secret', () => {
    expect(aws.requests.length).toBeGreaterThan(20);
    for (const request of aws.requests) {
      expect(request.operation).toMatch(/^(s3:(HeadBucket|Get\w+|ListObjectsV2)|s3control:GetPublicAccessBlock|sts:GetCallerIdentity|iam:(Get|List)\w+|budgets:Describe\w+)$/);
      if (request.operation.startsWith('s3:')) expect(['GET', 'HEAD']).toContain(request.method);
      if (request.signed) expect(request.accessKeyId).toBe(KEY_ID);
      expect(JSON.stringify(request.headers)).not.toContain('fixture-secret-never-sent');
    }
  });

  describe('faults become ProbeErrors with the reason, within the timeout', () => {
    it('refused: the endpoint is down', async () => {
      const port = await closedPort();
      const probe = new AwsProbe(awsSchema.parse({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, accessKeyId: KEY_ID, secretAccessKey: 'x' }), { signal: new AbortController().signal, httpLimits: {}, userAgent: 't' });
      try {
        await expect(probe.bucket('shop-private')).rejects.toMatchObject({ code: 'refused', message: `connection refused by S3 at 127.0.0.1:${port} (s3:ListBucket (HeadBucket))` });
      } finally {
        await probe.close();
      }
    });

    it('unavailable: 500s after the one retry', async () => {
      aws.faults.internalError = ['s3:GetBucketEncryption'];
      try {
        await expect(withProbe((p) => p.bucket('shop-private'))).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/answered 500 InternalError to s3:GetEncryptionConfiguration$/) });
        expect(aws.requests.filter((r) => r.operation === 's3:GetBucketEncryption').length).toBeGreaterThanOrEqual(2);
      } finally {
        aws.faults.internalError = [];
      }
    });

    it('timeout: an answer slower than the total timeout', async () => {
      aws.faults.delay = { ms: 3_000, operations: ['budgets:DescribeBudgets'] };
      const started = Date.now();
      try {
        const error = await withProbe((p) => p.budgets(ACCOUNT), {}, { totalTimeoutMs: 400 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ProbeError);
        expect(error).toMatchObject({ code: 'timeout' });
        expect(Date.now() - started).toBeLessThan(2_500);
      } finally {
        delete aws.faults.delay;
      }
    });

    it('auth: credentials the service does not know', async () => {
      await expect(withProbe((p) => p.bucket('shop-private'), { accessKeyId: 'AKIAUNKNOWNKEY000000' })).rejects.toMatchObject({
        code: 'auth',
        message: 'S3 rejected the credentials (InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.)',
      });
    });

    it('aborted: Ctrl-C while waiting', async () => {
      aws.faults.delay = { ms: 3_000, operations: ['sts:GetCallerIdentity'] };
      const controller = new AbortController();
      const probe = new AwsProbe(config(), { signal: controller.signal, httpLimits: {}, userAgent: 't' });
      try {
        setTimeout(() => controller.abort(), 100);
        await expect(probe.caller()).rejects.toMatchObject({ code: 'aborted' });
      } finally {
        delete aws.faults.delay;
        await probe.close();
      }
    });
  });
});

describe('the AWS SDK is loaded only when an AWS check runs', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const catalog = path.join(root, 'dist/checks/index.js');
  it.skipIf(!existsSync(catalog))('importing every check module (what `readiness check` does first) loads no @aws-sdk package', () => {
    // A resolve hook in the child lists every package specifier resolved while the catalog loads.
    const resolveHook = `export async function resolve(s, c, n) { if (s.startsWith('@aws-sdk/') || s.startsWith('@smithy/')) console.error('LOADED ' + s); return n(s, c); }`;
    const hook = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(resolveHook)}`)});`;
    const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, '-e', `await import(${JSON.stringify(catalog)}); console.log('ok')`, '--input-type=module'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('ok');
    expect(run.stderr).not.toContain('LOADED');
  });
});
