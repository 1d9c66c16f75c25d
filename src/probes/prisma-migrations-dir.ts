import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProbeError } from '../core/errors.js';
import { Memo } from '../core/memo.js';
import { defineProbe } from './registry.js';

export interface LocalMigration {
  /** Folder name, which is also `migration_name` in `_prisma_migrations`. */
  name: string;
  /** Bytes of migration.sql; null when the folder has none (migrate deploy stops on such a folder). */
  script: Buffer | null;
}

export interface LocalMigrations {
  dir: string;
  /** Sorted by name, as Prisma applies them. */
  migrations: LocalMigration[];
  /** migration_lock.toml, when present. */
  lock: { provider: string | null } | null;
}

/** At most this many migration folders are read; more is surely not a Prisma migrations folder. */
export const MAX_MIGRATION_FOLDERS = 10_000;

/** Reads a Prisma migrations folder the way Prisma lists it: every sub-directory is a migration. */
async function readLocalMigrations(dir: string): Promise<LocalMigrations> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProbeError(
      'unavailable',
      code === 'ENOENT' ? `migrations folder ${dir} does not exist (set database.migrations)` : `cannot read migrations folder ${dir} (${code ?? 'error'})`,
      code,
    );
  }
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort(byCodePoint);
  if (folders.length > MAX_MIGRATION_FOLDERS) {
    throw new ProbeError('unavailable', `${dir} holds ${folders.length} folders, more than ${MAX_MIGRATION_FOLDERS}: is it really a Prisma migrations folder?`);
  }
  const migrations = await Promise.all(
    folders.map(async (name): Promise<LocalMigration> => ({ name, script: await readOptional(path.join(dir, name, 'migration.sql')) })),
  );
  const lockFile = await readOptional(path.join(dir, 'migration_lock.toml'));
  return { dir, migrations, lock: lockFile ? { provider: lockProvider(lockFile.toString('utf8')) } : null };
}

/**
 * `provider = "postgresql"` from migration_lock.toml. The file Prisma writes is comments plus this one key,
 * so a line match reads it exactly; anything else reads as no provider.
 */
export function lockProvider(toml: string): string | null {
  for (const line of toml.split(/\r?\n/)) {
    const match = /^\s*provider\s*=\s*(?:"([^"]*)"|'([^']*)')\s*(?:#.*)?$/.exec(line);
    if (match) return match[1] ?? match[2] ?? null;
  }
  return null;
}

async function readOptional(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new ProbeError('unavailable', `cannot read ${file} (${code ?? 'error'})`, code);
  }
}

/** Rust's string order (Prisma's), not the locale's. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Prisma migrations folders in the repository, each read once per run. */
export class MigrationsFolderProbe {
  private readonly memo = new Memo();

  read(dir: string): Promise<LocalMigrations> {
    return this.memo.get(dir, () => readLocalMigrations(dir));
  }
}

export const migrationsFolderProbe = defineProbe<MigrationsFolderProbe>({
  name: 'prisma-migrations-folder',
  describes: `Lists a Prisma migrations folder (at most ${MAX_MIGRATION_FOLDERS} migrations) and reads each migration.sql and migration_lock.toml.`,
  create: () => new MigrationsFolderProbe(),
});
