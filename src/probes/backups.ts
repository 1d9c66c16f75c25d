import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { Memo } from '../core/memo.js';
import { ProbeError } from '../core/errors.js';
import { defineProbe } from './registry.js';

/** File names that look like database backups: pg_dump's plain, custom and tar formats, and their compressions. */
export const BACKUP_FILE = /\.(sql|dump|pgdump|backup|bak|custom|tar|gz|tgz|zst|xz|bz2|lz4)$/i;
/** Bounds of the directory walk: a backup folder is shallow (often one level of dated folders). */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 20_000;
/** A gzip file is decompressed to check its trailer only up to this size (compressed). */
const MAX_GZIP_BYTES = 256 * 1024 * 1024;
const TAIL_BYTES = 4_096;
const DUMP_HEADER = '-- PostgreSQL database dump';
const DUMP_TRAILER = '-- PostgreSQL database dump complete';

export type BackupFormat = 'plain' | 'custom' | 'gzip' | 'unknown';

export interface BackupFile {
  /** Relative to the backup directory. */
  file: string;
  bytes: number;
  modified: string;
  format: BackupFormat;
  /**
   * true: a plain dump (possibly gzipped) ends with pg_dump's "dump complete" trailer; false: it starts like a
   * dump but the trailer is missing (truncated); null: the format does not allow checking (custom, zstd, …).
   */
  complete: boolean | null;
}

export interface BackupListing {
  dir: string;
  /** Backup files seen. */
  count: number;
  newest: BackupFile | null;
  /** True when the walk stopped at MAX_ENTRIES. */
  truncated: boolean;
}

/** Finds the newest backup file under `dir` (by modification time) and checks whether it is complete. */
async function newestBackup(dir: string): Promise<BackupListing> {
  const found: { file: string; bytes: number; mtimeMs: number }[] = [];
  let seen = 0;
  let truncated = false;
  const walk = async (relative: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (depth === 0) {
        throw new ProbeError('unavailable', code === 'ENOENT' ? `backup directory ${dir} does not exist` : `cannot read backup directory ${dir} (${code ?? 'error'})`, code);
      }
      return;
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) {
        truncated = true;
        return;
      }
      if (entry.name.startsWith('.')) continue;
      const child = path.join(relative, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(child, depth + 1);
      else if (entry.isFile() && BACKUP_FILE.test(entry.name)) {
        const info = await stat(path.join(dir, child));
        found.push({ file: child, bytes: info.size, mtimeMs: info.mtimeMs });
      }
    }
  };
  await walk('', 0);
  const newest = found.reduce<(typeof found)[number] | null>((a, b) => (a === null || b.mtimeMs > a.mtimeMs ? b : a), null);
  if (!newest) return { dir, count: 0, newest: null, truncated };
  const { format, complete } = await inspect(path.join(dir, newest.file), newest.bytes);
  return {
    dir,
    count: found.length,
    newest: { file: newest.file, bytes: newest.bytes, modified: new Date(newest.mtimeMs).toISOString(), format, complete },
    truncated,
  };
}

async function inspect(file: string, bytes: number): Promise<{ format: BackupFormat; complete: boolean | null }> {
  if (bytes === 0) return { format: 'unknown', complete: false };
  const head = await readSlice(file, 0, 64);
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return { format: 'custom', complete: null };
  if (head[0] === 0x1f && head[1] === 0x8b) {
    if (bytes > MAX_GZIP_BYTES) return { format: 'gzip', complete: null };
    return { format: 'gzip', complete: await gzipComplete(file) };
  }
  if (head.toString('utf8').includes(DUMP_HEADER)) {
    const tail = await readSlice(file, Math.max(0, bytes - TAIL_BYTES), TAIL_BYTES);
    return { format: 'plain', complete: tail.toString('utf8').includes(DUMP_TRAILER) };
  }
  return { format: 'unknown', complete: null };
}

async function readSlice(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Streams the gzip through zlib keeping only its start and its last few KB: a cut-off file fails to inflate. */
function gzipComplete(file: string): Promise<boolean | null> {
  return new Promise((resolve) => {
    let head = '';
    let tail = Buffer.alloc(0);
    const gunzip = createGunzip();
    createReadStream(file).on('error', () => resolve(false)).pipe(gunzip);
    gunzip.on('data', (chunk: Buffer) => {
      if (head.length < 256) head += chunk.subarray(0, 256).toString('utf8');
      tail = Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
    });
    gunzip.on('error', () => resolve(false));
    gunzip.on('end', () => {
      if (head.startsWith('PGDMP')) resolve(null);
      else if (head.includes(DUMP_HEADER)) resolve(tail.toString('utf8').includes(DUMP_TRAILER));
      else resolve(null);
    });
  });
}

/** Backup folders, each walked once per run. */
export class BackupsProbe {
  private readonly memo = new Memo();

  /** The newest backup file under `dir` (an absolute path) and whether it is complete. */
  newest(dir: string): Promise<BackupListing> {
    return this.memo.get(dir, () => newestBackup(dir));
  }
}

export const backupsProbe = defineProbe<BackupsProbe>({
  name: 'backups',
  describes: 'Walks a backup folder (depth 3, at most 20,000 entries) for the newest dump and reads its header and trailer (gzip decompressed up to 256 MiB).',
  create: () => new BackupsProbe(),
});
