import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/types.js';
import type { Check } from '../../src/kit/check.js';
import { recording } from './observations.js';
import { runCheck, targetOf } from './run-check.js';

/**
 * Real pg_dump output, saved by the backup checks' real-server tests when recording (npm run record), so the
 * table tests judge real dumps without a server: a plain dump of the shop, custom- and tar-format dumps, and what a
 * backup job saves when pg_dump fails (its error text).
 */
const DUMPS = path.resolve(import.meta.dirname, '../../checks/database/recordings/backups');
export type RecordedDump = 'shop.sql' | 'custom.dump' | 'shop.tar' | 'pg_dump-error.sql';

export function saveDumpWhenRecording(name: RecordedDump, content: Buffer): void {
  if (!recording) return;
  mkdirSync(DUMPS, { recursive: true });
  writeFileSync(path.join(DUMPS, name), content);
}

export function recordedDump(name: RecordedDump): Buffer {
  return readFileSync(path.join(DUMPS, name));
}

/** A file in a backup directory: its bytes, and how old its modification time is. */
export interface BackupFileSpec {
  content: Buffer;
  ageHours: number;
}

export interface BackupRow {
  name: string;
  /** The backup directory's files by relative path; the row's database.backups.location is that directory. */
  files?: Record<string, BackupFileSpec>;
  /** Otherwise this location (a missing directory, an s3:// URL); neither means no database.backups at all. */
  location?: string;
  /** Other keys of database.backups (maxAge, minSize). */
  backups?: Record<string, unknown>;
  status: Status;
  /** An exact string, a regex, or one made from the directory the row wrote. */
  message: string | RegExp | ((dir: string) => string);
}

/**
 * The table test of a backup check whose verdict comes from files alone: each row writes a real backup directory
 * (file ages set by mtime), runs the check through the real loader, runner and backups probe, and expects a verdict.
 * The database URL is never connected to.
 */
export function backupTable(check: Check<never> | Check, rows: readonly BackupRow[]): void {
  let root: string | undefined;
  afterAll(() => (root ? rm(root, { recursive: true, force: true }) : undefined));

  async function backupDirectory(files: Record<string, BackupFileSpec>): Promise<string> {
    root ??= await mkdtemp(path.join(os.tmpdir(), 'readiness-backup-table-'));
    const dir = await mkdtemp(path.join(root, 'dir-'));
    for (const [name, { content, ageHours }] of Object.entries(files)) {
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      const when = new Date(Date.now() - ageHours * 3_600_000);
      await utimes(file, when, when);
    }
    return dir;
  }

  describe(`${check.id} judged from real backup files`, () => {
    for (const row of rows) {
      it(`${row.name} → ${row.status}`, async () => {
        const location = row.files ? await backupDirectory(row.files) : row.location;
        const database = {
          url: 'postgresql://unused@127.0.0.1:1/unused',
          ...(location !== undefined ? { backups: { location, ...row.backups } } : {}),
        };
        const result = await runCheck(check, targetOf({ database }));
        expect(result.status).toBe(row.status);
        if (typeof row.message === 'string') expect(result.message).toBe(row.message);
        else if (typeof row.message === 'function') expect(result.message).toBe(row.message(location ?? ''));
        else expect(result.message).toMatch(row.message);
      });
    }
  });
}
