import type { S3Client } from '@aws-sdk/client-s3';
import { ProbeError } from '../core/errors.js';
import type { AwsClients } from './aws-clients.js';
import { AwsRefusalError } from './aws-clients.js';
import { BACKUP_FILE, type BackupFile, type BackupFormat, type BackupListing } from './backups.js';

/** Listing pages read under a backup prefix (1,000 keys each): the same 20,000-entry bound as a backup folder. */
const MAX_PAGES = 20;
const HEAD_BYTES = 512;
const TAIL_BYTES = 4_096;
const DUMP_HEADER = '-- PostgreSQL database dump';
const DUMP_TRAILER = '-- PostgreSQL database dump complete';

/** `s3://bucket/prefix` → bucket and prefix; undefined when it is not one. */
export function parseS3Location(location: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(location);
  return match ? { bucket: match[1]!, prefix: match[2]! } : undefined;
}

async function readRange(clients: AwsClients, s3: S3Client, where: string, bucket: string, key: string, range: string): Promise<Buffer> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  return clients.call('S3', 's3:GetObject', where, async (abortSignal) => {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range }), { abortSignal });
    return Buffer.from((await out.Body?.transformToByteArray()) ?? new Uint8Array());
  });
}

type Inspection = Pick<BackupFile, 'format' | 'complete' | 'problem' | 'startsWith'>;

const NOT_DOWNLOADED = 'in S3 it is not downloaded to be read to its end';

/** The format from the first bytes, and for a plain dump whether its last 4 KB hold pg_dump's trailer (two ranged GETs). */
async function inspect(clients: AwsClients, s3: S3Client, where: string, bucket: string, key: string, bytes: number): Promise<Inspection> {
  if (bytes === 0) return { format: 'unknown', complete: false, problem: 'the object is empty' };
  const head = await readRange(clients, s3, where, bucket, key, `bytes=0-${HEAD_BYTES - 1}`);
  const starts = (...magic: number[]) => magic.every((byte, i) => head[i] === byte);
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return { format: 'custom', complete: null, problem: `a custom-format dump: ${NOT_DOWNLOADED}` };
  if (head.subarray(257, 262).toString('latin1') === 'ustar') return { format: 'tar', complete: null, problem: `a tar-format dump: ${NOT_DOWNLOADED}` };
  const compressed: [BackupFormat, boolean][] = [
    ['gzip', starts(0x1f, 0x8b)],
    ['zstd', starts(0x28, 0xb5, 0x2f, 0xfd)],
    ['xz', starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)],
    ['bzip2', starts(0x42, 0x5a, 0x68)],
    ['lz4', starts(0x04, 0x22, 0x4d, 0x18)],
  ];
  const compression = compressed.find(([, found]) => found)?.[0];
  if (compression) return { format: compression, complete: null, problem: `${compression}-compressed: ${NOT_DOWNLOADED}` };
  const text = head.toString('utf8');
  if (text.includes(DUMP_HEADER)) {
    const tail = await readRange(clients, s3, where, bucket, key, `bytes=-${TAIL_BYTES}`);
    const complete = tail.toString('utf8').includes(DUMP_TRAILER);
    return { format: 'plain', complete, ...(complete ? {} : { problem: 'it has no "dump complete" trailer: the dump was cut off' }) };
  }
  const firstLine = text.split('\n')[0]!.trim();
  return {
    format: 'unknown',
    complete: false,
    problem: 'it does not start like pg_dump output (plain, custom, tar, or a compression of one)',
    ...(/^[\x20-\x7e]+$/.test(firstLine) ? { startsWith: firstLine.slice(0, 120) } : {}),
  };
}

/** The newest object under `s3://bucket/prefix` named like a backup, by LastModified, with its size and format. */
export async function newestS3Backup(clients: AwsClients, bucket: string, prefix: string): Promise<BackupListing> {
  const dir = `s3://${bucket}/${prefix}`;
  const s3 = await clients.s3(clients.config.region);
  const where = clients.where('s3');
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  let newest: { key: string; bytes: number; modified: Date } | undefined;
  let count = 0;
  let token: string | undefined;
  let pages = 0;
  try {
    do {
      const page = await clients.call('S3', 's3:ListBucket', where, (abortSignal) =>
        s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }), { abortSignal }),
      );
      pages++;
      for (const object of page.Contents ?? []) {
        if (!object.Key || !BACKUP_FILE.test(object.Key) || !object.LastModified) continue;
        count++;
        const modified = new Date(object.LastModified);
        if (!newest || modified > newest.modified) newest = { key: object.Key, bytes: object.Size ?? 0, modified };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token && pages < MAX_PAGES);
    if (!newest) return { dir, count: 0, newest: null, truncated: token !== undefined };
    const inspection = await inspect(clients, s3, where, bucket, newest.key, newest.bytes);
    const file = newest.key.startsWith(prefix) && prefix !== '' ? newest.key.slice(prefix.length).replace(/^\//, '') : newest.key;
    return { dir, count, newest: { file, bytes: newest.bytes, modified: newest.modified.toISOString(), ...inspection }, truncated: token !== undefined };
  } catch (error) {
    if (error instanceof AwsRefusalError) {
      const { code, action } = error.refusal;
      if (code === 'NoSuchBucket') throw new ProbeError('unavailable', `backup bucket ${bucket} does not exist (NoSuchBucket)`, code);
      if (code === 'AccessDenied') throw new ProbeError('permission', `cannot list ${dir} with these credentials: needs ${action.split(' ')[0]} on arn:aws:s3:::${bucket}${action.startsWith('s3:GetObject') ? `/${prefix}*` : ''}`, code);
      throw new ProbeError('unavailable', `cannot read ${dir}: ${action} answered ${code}`, code);
    }
    throw error;
  }
}
