import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsFixture, type AwsFixture } from '../../fixtures/aws/server.js';
import type { WorldObject } from '../../fixtures/aws/world.js';
import { closedPort } from '../../test/helpers/aws.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import automaticBackups from './automatic-backups.js';
import manualBackupTested from './manual-backup-tested.js';

/*
 * The backup lines with database.backups.location naming an S3 prefix, listed through the real SDK against the
 * protocol-level S3 (object ages are declared there: a real S3 stamps LastModified itself, so it cannot hold a
 * 30-hour-old backup written by a test).
 */

const KEY = 'AKIAFIXTUREBACKUPS01';
const DUMP = '-- PostgreSQL database dump\n\nCREATE TABLE shops (id int);\n\n-- PostgreSQL database dump complete\n\n';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe('the backup lines on an S3 prefix', () => {
  let aws: AwsFixture;
  beforeAll(async () => {
    aws = await startAwsFixture({ account: '777788889999', accessKeys: [KEY], callerArn: 'arn:aws:iam::777788889999:user/readiness', buckets: [{ name: 'shop-backups' }] });
  });
  afterAll(() => aws?.close());

  const environment = (objects: WorldObject[], backups: Record<string, unknown> = {}, awsExtra: Record<string, unknown> = {}) => {
    aws.world.buckets[0]!.objects = objects;
    return {
      database: { url: 'postgresql://unused@127.0.0.1:1/unused', backups: { location: 's3://shop-backups/postgres/', ...backups } },
      aws: { region: 'us-east-1', endpoint: aws.url, accessKeyId: KEY, secretAccessKey: 'fixture-backups-secret', ...awsExtra },
    };
  };
  const automatic = (objects: WorldObject[], record: string, backups?: Record<string, unknown>, awsExtra?: Record<string, unknown>) =>
    runCheck(automaticBackups, targetOf(environment(objects, backups, awsExtra)), { record, timeoutMs: 10_000 });

  it('passes a complete plain dump under the prefix, the newest of several, ignoring other keys and prefixes', async () => {
    const result = await automatic(
      [
        { key: 'postgres/2024-05-01/shop.sql', body: DUMP, lastModified: hoursAgo(50) },
        { key: 'postgres/2024-05-02/shop.sql', body: DUMP, lastModified: hoursAgo(3) },
        { key: 'postgres/README.txt', body: 'dumps land here', lastModified: hoursAgo(1) },
        { key: 'other/newer.sql', body: DUMP, lastModified: hoursAgo(0.5) },
      ],
      'fresh plain dump in s3',
    );
    expect(result).toMatchObject({ status: 'pass', message: `newest backup 2024-05-02/shop.sql: ${Buffer.byteLength(DUMP)} bytes, 3 h old (complete pg_dump), within 26 h` });
  });

  it('fails a dump older than maxAge, and passes it with a longer maxAge', async () => {
    const objects = [{ key: 'postgres/shop.sql', body: DUMP, lastModified: hoursAgo(30) }];
    expect(await automatic(objects, 'stale dump in s3')).toMatchObject({ status: 'fail', message: 'newest backup shop.sql is 30 h old, older than 26 h: backups have stopped' });
    expect((await automatic(objects, 'stale dump in s3, maxAge 36h', { maxAge: '36h' })).status).toBe('pass');
  });

  it('fails a cut-off plain dump, an empty object, and a prefix without backups', async () => {
    expect(await automatic([{ key: 'postgres/shop.sql', body: DUMP.slice(0, 40), lastModified: hoursAgo(1) }], 'truncated dump in s3')).toMatchObject({ status: 'fail', message: expect.stringMatching(/^newest backup shop\.sql is truncated|^newest backup shop\.sql .*cut off/) });
    expect((await automatic([{ key: 'postgres/shop.sql', body: '', lastModified: hoursAgo(1) }], 'empty dump in s3')).status).toBe('fail');
    expect(await automatic([{ key: 'postgres/notes.txt', body: 'x' }], 'no backup in s3')).toMatchObject({ status: 'fail', message: 'no backup file in s3://shop-backups/postgres/' });
  });

  it('warns on a gzip it cannot read to its end without downloading it', async () => {
    const result = await automatic([{ key: 'postgres/shop.sql.gz', body: gzipSync(DUMP), lastModified: hoursAgo(2) }], 'gzipped dump in s3');
    expect(result).toMatchObject({ status: 'warn', message: expect.stringMatching(/could not be verified to its end: gzip-compressed: in S3 it is not downloaded/) });
  });

  it('reports error, never pass, when the listing is denied or the bucket is missing or unreachable', async () => {
    aws.world.deny = ['s3:ListObjectsV2'];
    try {
      expect(await automatic([{ key: 'postgres/shop.sql', body: DUMP }], 'listing denied')).toMatchObject({ status: 'error', message: 'cannot list s3://shop-backups/postgres/ with these credentials: needs s3:ListBucket on arn:aws:s3:::shop-backups' });
    } finally {
      aws.world.deny = [];
    }
    const missing = await runCheck(automaticBackups, targetOf({ ...environment([]), database: { url: 'postgresql://u@127.0.0.1:1/db', backups: { location: 's3://no-such-bucket/x/' } } }), { timeoutMs: 10_000 });
    expect(missing).toMatchObject({ status: 'error', message: 'backup bucket no-such-bucket does not exist (NoSuchBucket)' });
    const port = await closedPort();
    expect(await automatic([], 'backup endpoint down', {}, { endpoint: `http://127.0.0.1:${port}` })).toMatchObject({ status: 'error', message: expect.stringMatching(/^connection refused by S3/) });
  });

  it('is manual without an aws key', async () => {
    const result = await runCheck(automaticBackups, targetOf({ database: { url: 'postgresql://u@127.0.0.1:1/db', backups: { location: 's3://shop-backups/postgres/' } } }));
    expect(result).toMatchObject({ status: 'manual', message: expect.stringMatching(/^backups are in s3:\/\/shop-backups\/postgres\/: add environments\.test\.aws/) });
  });

  it('"Manual backup tested": fails an unusable newest backup in S3, and is manual for a good one (a listed object is not a restore)', async () => {
    const run = (objects: WorldObject[]) => runCheck(manualBackupTested, targetOf(environment(objects)), { timeoutMs: 10_000 });
    expect(await run([{ key: 'postgres/shop.sql', body: '', lastModified: hoursAgo(1) }])).toMatchObject({ status: 'fail', message: 'newest backup shop.sql is 0 bytes, under 1: empty' });
    expect(await run([{ key: 'postgres/shop.sql', body: DUMP, lastModified: hoursAgo(1) }])).toMatchObject({
      status: 'manual',
      message: expect.stringMatching(/^newest backup shop\.sql in s3:\/\/shop-backups\/postgres\/ is listed, but a listed object is not a tested restore/),
    });
  });
});
