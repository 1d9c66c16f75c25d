import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Memo } from '../core/memo.js';
import { ProbeError } from '../core/errors.js';
import { defineProbe } from './registry.js';
import { inspectDirectory, inspectFile, isDirectoryDump, looksLikeDirectoryDumpData, type BackupFormat, type InnerFormat } from './backups-formats.js';

/** File names that look like database backups: pg_dump's plain, custom and tar formats, and their compressions. */
export const BACKUP_FILE = /\.(sql|dump|pgdump|backup|bak|custom|tar|gz|tgz|zst|xz|bz2|lz4)$/i;
/** Bounds of the directory walk: a backup folder is shallow (often one level of dated folders). */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 20_000;

export type { BackupFormat, InnerFormat } from './backups-formats.js';

export interface BackupFile {
  /** Relative to the backup directory; a directory-format dump is its folder. */
  file: string;
  bytes: number;
  modified: string;
  format: BackupFormat;
  /** For gzip: what it holds. */
  inner?: InnerFormat;
  /**
   * true: read to the end and whole in its format; false: cut off, broken, or not a dump at all (`problem` says
   * which); null: it could not be read to the end (a compression this build cannot read, or over the size limits).
   */
  complete: boolean | null;
  problem?: string;
  /** For a file that is not a dump: its first line when printable (often pg_dump's own error message). */
  startsWith?: string;
}

export interface BackupListing {
  dir: string;
  /** Backup files seen. */
  count: number;
  newest: BackupFile | null;
  /** True when the walk stopped at MAX_ENTRIES. */
  truncated: boolean;
}

interface Candidate {
  file: string;
  bytes: number;
  mtimeMs: number;
  /** A directory-format dump (or what is left of one). */
  directory?: boolean;
}

/** Finds the newest backup under `dir` (by modification time) and validates it to its end. */
async function newestBackup(dir: string): Promise<BackupListing> {
  const found: Candidate[] = [];
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
    // A folder pg_dump -Fd wrote is one backup, not a set of files; its data files without toc.dat are a dump cut short.
    const names = entries.filter((e) => e.isFile()).map((e) => e.name);
    if (names.includes('toc.dat') || looksLikeDirectoryDumpData(names)) {
      let bytes = 0;
      let mtimeMs = 0;
      for (const name of names) {
        const info = await stat(path.join(dir, relative, name));
        bytes += info.size;
        mtimeMs = Math.max(mtimeMs, info.mtimeMs);
      }
      found.push({ file: relative, bytes, mtimeMs, directory: true });
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
  const newest = found.reduce<Candidate | null>((a, b) => (a === null || b.mtimeMs > a.mtimeMs ? b : a), null);
  if (!newest) return { dir, count: 0, newest: null, truncated };
  const full = path.join(dir, newest.file);
  const inspection = newest.directory
    ? (await isDirectoryDump(full))
      ? await inspectDirectory(full)
      : { format: 'directory' as const, complete: false, problem: 'a directory-format dump without its toc.dat (pg_dump writes it last, so the dump stopped)' }
    : await inspectFile(full, newest.bytes);
  return {
    dir,
    count: found.length,
    newest: { file: newest.file, bytes: newest.bytes, modified: new Date(newest.mtimeMs).toISOString(), ...inspection },
    truncated,
  };
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
  describes:
    'Walks a backup folder (depth 3, at most 20,000 entries) for the newest dump (a file, or a pg_dump -Fd folder) and validates it to its end in its format: ' +
    'plain SQL header and trailer; custom-format header, TOC and every data block; tar members and toc.dat; directory toc.dat and data files; gzip inflated (up to 256 MiB).',
  create: () => new BackupsProbe(),
});
