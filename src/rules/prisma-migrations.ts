import { createHash } from 'node:crypto';
import { outcome, fromFindings, type Finding } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { ExpectedObject, MigrationRow, MigrationTableFacts } from '../probes/postgres-catalog.js';
import { describeObject, expectedObjects } from './database-migration-objects.js';
import type { LocalMigrations } from '../probes/prisma-migrations-dir.js';
import { listNames } from './list-names.js';

/** Prisma's checksum of a migration script: lower-case hex SHA-256 of its bytes. */
export function prismaChecksum(script: Buffer): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Prisma's own comparison (schema-engine checksum.rs): the script as is, with CRLF turned to LF, or with LF
 * turned to CRLF, since git may have changed line endings since it was applied; and for rows written by old
 * engines, hex without zero padding (prisma-engines#1887).
 */
export function scriptMatchesChecksum(script: Buffer, checksum: string): boolean {
  // latin1 maps bytes 1:1 to characters, so the line-ending rewrite never touches the other bytes.
  const text = script.toString('latin1');
  const variants = [script, Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1'), Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant).digest();
    const rendered = checksum !== '' && checksum.length !== 64 ? [...digest].map((b) => b.toString(16)).join('') : digest.toString('hex');
    return rendered === checksum;
  });
}

export interface FailedMigration {
  name: string;
  startedAt: string;
  logs: string | null;
}

export interface MigrationDiagnosis {
  /** `_prisma_migrations` does not exist. */
  neverMigrated: boolean;
  local: number;
  applied: string[];
  /** Local folders with no row, or only rolled-back rows: `migrate deploy` would apply them. */
  pending: string[];
  /** The pending ones whose only rows were rolled back (`migrate resolve --rolled-back`). */
  rolledBack: string[];
  /** Rows with neither finished_at nor rolled_back_at: `migrate deploy` refuses to run (P3009). */
  failed: FailedMigration[];
  /** Applied, but migration.sql no longer matches the checksum recorded when it ran. */
  modified: string[];
  /** Applied to the database, absent from the folder. */
  missingLocally: string[];
  /** Folders without migration.sql. */
  withoutScript: string[];
  /** Pending migrations that sort before the newest applied one (applied out of order when deployed). */
  outOfOrder: string[];
  /** Latest applied migration, by name order. */
  latestApplied: string | null;
  /**
   * Applied migrations whose applied row has applied_steps_count = 0: recorded by `prisma migrate resolve
   * --applied` (or a baseline), never run by Prisma. `afterFailure`: an earlier attempt failed (resolve marks such
   * rows rolled back), so the script's changes are only there if someone made them by hand.
   */
  markedApplied: { name: string; afterFailure: boolean }[];
}

/** Compares the folder with `_prisma_migrations` by Prisma's own rules (see docs/database.md). */
export function diagnoseMigrations(local: LocalMigrations, table: MigrationTableFacts): MigrationDiagnosis {
  const rowsByName = new Map<string, MigrationRow[]>();
  for (const row of table.rows) rowsByName.set(row.migrationName, [...(rowsByName.get(row.migrationName) ?? []), row]);
  const isApplied = (row: MigrationRow) => row.finishedAt !== null && row.rolledBackAt === null;

  const diagnosis: MigrationDiagnosis = {
    neverMigrated: !table.exists,
    local: local.migrations.length,
    applied: [],
    pending: [],
    rolledBack: [],
    failed: table.rows
      .filter((r) => r.finishedAt === null && r.rolledBackAt === null)
      .map((r) => ({ name: r.migrationName, startedAt: r.startedAt, logs: r.logs })),
    modified: [],
    missingLocally: [],
    withoutScript: [],
    outOfOrder: [],
    latestApplied: null,
    markedApplied: [],
  };
  const localNames = new Set(local.migrations.map((m) => m.name));
  for (const migration of local.migrations) {
    if (migration.script === null) diagnosis.withoutScript.push(migration.name);
    const rows = rowsByName.get(migration.name) ?? [];
    const live = rows.filter((r) => r.rolledBackAt === null);
    if (live.length === 0) {
      diagnosis.pending.push(migration.name);
      if (rows.length > 0) diagnosis.rolledBack.push(migration.name);
      continue;
    }
    const applied = live.filter(isApplied);
    if (applied.length === 0) continue; // only failed rows: reported as failed
    diagnosis.applied.push(migration.name);
    const ran = applied[applied.length - 1]!;
    if (migration.script !== null && !scriptMatchesChecksum(migration.script, ran.checksum)) diagnosis.modified.push(migration.name);
    // migrate deploy records each step it runs; resolve --applied inserts the row with none (schema-engine
    // mark_migration_applied), after marking earlier failed rows rolled back.
    if (ran.appliedStepsCount === 0) {
      diagnosis.markedApplied.push({ name: migration.name, afterFailure: rows.some((r) => r.finishedAt === null && r.rolledBackAt !== null) });
    }
  }
  const seen = new Set<string>();
  for (const row of table.rows) {
    if (isApplied(row) && !localNames.has(row.migrationName) && !seen.has(row.migrationName)) {
      seen.add(row.migrationName);
      diagnosis.missingLocally.push(row.migrationName);
    }
  }
  const appliedNames = [...diagnosis.applied, ...diagnosis.missingLocally].sort();
  diagnosis.latestApplied = appliedNames[appliedNames.length - 1] ?? null;
  if (diagnosis.latestApplied !== null) {
    diagnosis.outOfOrder = diagnosis.pending.filter((name) => name < diagnosis.latestApplied!);
  }
  return diagnosis;
}

/** What a migration marked applied without running was expected to create, and which of it the catalog lacks. */
export interface UnranMigrationObjects {
  name: string;
  /** Objects looked up. */
  checked: number;
  absent: ExpectedObject[];
}

/** At most this many marked-applied migrations have their objects looked up. */
const UNRAN_LOOKUP_CAP = 20;

/**
 * For each migration marked applied without running (diagnosis.markedApplied), the objects its script creates
 * that no later migration drops or renames: those must exist if the changes were made some other way.
 */
export function unranMigrationExpectations(diagnosis: MigrationDiagnosis, local: LocalMigrations): { name: string; objects: ExpectedObject[] }[] {
  const ordered = local.migrations;
  return diagnosis.markedApplied.slice(0, UNRAN_LOOKUP_CAP).flatMap((m) => {
    const index = ordered.findIndex((o) => o.name === m.name);
    const script = ordered[index]?.script;
    if (!script) return [];
    const later = ordered.slice(index + 1).flatMap((o) => (o.script ? [o.script.toString('utf8')] : []));
    return [{ name: m.name, objects: expectedObjects(script.toString('utf8'), later) }];
  });
}

export interface MigrationJudgeOptions {
  /** Verdict for a migration edited after it was applied. */
  modified: 'fail' | 'warn';
  /** Verdict for a migration applied to the database but absent from the folder. */
  missingLocally: 'fail' | 'warn';
  /** A migrate deploy holding Prisma's advisory lock for longer than this is reported as stuck (fail). */
  stuckLockMinutes: number;
}

const LIST_CAP = 50;
const LOG_CAP = 500;

/** The verdict on a diagnosis, the lock file and the advisory lock; every problem names its migrations. */
export function judgeMigrations(
  diagnosis: MigrationDiagnosis,
  local: LocalMigrations,
  table: MigrationTableFacts,
  options: MigrationJudgeOptions,
  unran: readonly UnranMigrationObjects[] = [],
): CheckOutcome {
  const problems: Finding[] = [];
  const names = (list: string[]) => listNames(list);

  const provider = local.lock?.provider ?? null;
  if (local.lock === null) {
    problems.push({
      status: 'warn',
      text: `no migration_lock.toml in ${local.dir}`,
      remediation: 'Commit prisma/migrations/migration_lock.toml (prisma migrate dev writes it) so migrations cannot be applied to another provider.',
    });
  } else if (provider !== 'postgresql' && provider !== 'postgres') {
    problems.push({
      status: 'fail',
      text: `migration_lock.toml names provider ${provider === null ? '(none)' : `"${provider}"`}, not "postgresql": these migrations were not written for PostgreSQL`,
      remediation: 'Regenerate the migrations for the postgresql provider (prisma migrate dev) and commit the new migration_lock.toml.',
    });
  }
  if (diagnosis.withoutScript.length > 0) {
    problems.push({
      status: 'fail',
      text: `${diagnosis.withoutScript.length} folder(s) without migration.sql: ${names(diagnosis.withoutScript)} (migrate deploy stops there)`,
      remediation: 'Restore each migration.sql from version control, or delete the empty folders.',
    });
  }
  if (diagnosis.failed.length > 0) {
    problems.push({
      status: 'fail',
      text: `${diagnosis.failed.length} failed migration(s): ${names(diagnosis.failed.map((f) => f.name))} (migrate deploy refuses to run until resolved, P3009)`,
      remediation:
        'Read the failed migration\'s logs, fix the database by hand, then mark it with `npx prisma migrate resolve --rolled-back <name>` (to retry) or `--applied <name>` (if completed manually), and run `npx prisma migrate deploy`.',
    });
  }
  if (diagnosis.neverMigrated && diagnosis.local > 0) {
    problems.push({
      status: 'fail',
      text: `never migrated: ${table.table} does not exist, so all ${diagnosis.local} migration(s) are pending`,
      remediation: 'Run `npx prisma migrate deploy` against this database (as the pre-deploy command), or baseline an existing schema with `prisma migrate resolve --applied`.',
    });
  } else if (diagnosis.pending.length > 0) {
    const rolledBack = diagnosis.rolledBack.length > 0 ? `; ${diagnosis.rolledBack.length} of them rolled back earlier (${names(diagnosis.rolledBack)})` : '';
    problems.push({
      status: 'fail',
      text: `${diagnosis.pending.length} pending migration(s): ${names(diagnosis.pending)}${rolledBack}`,
      remediation: 'Run `npx prisma migrate deploy` (make it the pre-deploy command of the API service so every deploy applies migrations first).',
    });
  }
  if (diagnosis.modified.length > 0) {
    problems.push({
      status: options.modified,
      text: `${diagnosis.modified.length} migration(s) modified after they were applied (checksum differs): ${names(diagnosis.modified)}`,
      remediation:
        'Restore the applied version of each migration.sql from version control and put the change in a new migration; never edit applied migrations.',
    });
  }
  if (diagnosis.missingLocally.length > 0) {
    problems.push({
      status: options.missingLocally,
      text: `${diagnosis.missingLocally.length} migration(s) applied to the database but missing from ${local.dir}: ${names(diagnosis.missingLocally)}`,
      remediation: 'Deploy from the branch that holds these migrations, or pull them into this branch; the database is ahead of the code being released.',
    });
  }
  const absentBy = new Map(unran.map((u) => [u.name, u]));
  const markedMissing = diagnosis.markedApplied.filter((m) => (absentBy.get(m.name)?.absent.length ?? 0) > 0);
  if (markedMissing.length > 0) {
    problems.push({
      status: 'fail',
      text: `${markedMissing.length} migration(s) marked applied without Prisma running them (applied_steps_count = 0, \`prisma migrate resolve --applied\`${
        markedMissing.some((m) => m.afterFailure) ? ' after they failed' : ''
      }), and what they create is absent: ${names(
        markedMissing.map((m) => {
          const absent = absentBy.get(m.name)!.absent;
          return `${m.name}${m.afterFailure ? ' (failed first)' : ''}: ${listNames(absent.map(describeObject), 5)}`;
        }),
      )}`,
      remediation:
        'The database lacks these changes although _prisma_migrations says they ran. Apply what is missing of each migration.sql by hand (in a transaction) and confirm it completed, or delete the row resolve wrote (DELETE FROM _prisma_migrations WHERE migration_name = \'<name>\' AND applied_steps_count = 0) and run `npx prisma migrate deploy` so Prisma runs it.',
    });
  }
  const markedAfterFailure = diagnosis.markedApplied.filter((m) => m.afterFailure && !markedMissing.includes(m));
  if (markedAfterFailure.length > 0) {
    problems.push({
      status: 'warn',
      text: `${markedAfterFailure.length} migration(s) failed, then were marked applied with \`prisma migrate resolve --applied\` (applied_steps_count = 0): Prisma never ran ${names(
        markedAfterFailure.map((m) => {
          const checked = absentBy.get(m.name)?.checked ?? 0;
          return `${m.name}${checked > 0 ? ` (the ${checked} object(s) it creates exist)` : ''}`;
        }),
      )}; confirm the rest of each script was completed by hand`,
      remediation:
        'Prisma\'s docs: resolve --applied is for a failed migration you completed manually. Compare the database with migration.sql (`npx prisma migrate diff --from-url "$DATABASE_URL" --to-migrations prisma/migrations --script`) and apply what is missing.',
    });
  }
  const granted = table.lockHolders.filter((h) => h.granted);
  if (granted.length > 0) {
    const oldest = Math.max(...granted.map((h) => h.seconds ?? 0));
    const stuck = oldest >= options.stuckLockMinutes * 60;
    const holder = granted[0]!;
    problems.push({
      status: stuck ? 'fail' : 'warn',
      text: `Prisma's migration lock (advisory lock 72707369) is held by pid ${holder.pid}${holder.application ? ` (${holder.application})` : ''} for ${oldest} s${stuck ? ': a migrate deploy looks stuck' : ': a migrate deploy is running'}`,
      remediation: stuck
        ? `Find the session with \`SELECT * FROM pg_stat_activity WHERE pid = ${holder.pid}\`; if the deploy is dead, end it with pg_terminate_backend(${holder.pid}) and rerun migrate deploy.`
        : 'Wait for the running migrate deploy to finish, then run readiness again.',
    });
  }

  const evidence = {
    folder: local.dir,
    table: table.table,
    lockProvider: provider,
    local: diagnosis.local,
    applied: diagnosis.applied.length,
    latestApplied: diagnosis.latestApplied,
    pending: diagnosis.pending.slice(0, LIST_CAP),
    rolledBack: diagnosis.rolledBack.slice(0, LIST_CAP),
    failed: diagnosis.failed.slice(0, LIST_CAP).map((f) => ({ ...f, logs: truncate(f.logs) })),
    modified: diagnosis.modified.slice(0, LIST_CAP),
    missingLocally: diagnosis.missingLocally.slice(0, LIST_CAP),
    ...(diagnosis.withoutScript.length > 0 ? { withoutScript: diagnosis.withoutScript.slice(0, LIST_CAP) } : {}),
    ...(diagnosis.outOfOrder.length > 0 ? { pendingBeforeLatestApplied: diagnosis.outOfOrder.slice(0, LIST_CAP) } : {}),
    ...(diagnosis.markedApplied.length > 0
      ? {
          markedApplied: diagnosis.markedApplied.slice(0, LIST_CAP).map((m) => ({
            ...m,
            objectsChecked: absentBy.get(m.name)?.checked ?? 0,
            absent: (absentBy.get(m.name)?.absent ?? []).slice(0, LIST_CAP).map(describeObject),
          })),
        }
      : {}),
    ...(table.lockHolders.length > 0 ? { advisoryLock: table.lockHolders } : {}),
  };
  const found = fromFindings(problems, evidence);
  if (found) return found;
  if (diagnosis.local === 0 && diagnosis.applied.length === 0) {
    return outcome('error', `nothing to compare: ${local.dir} holds no migrations and ${table.table} ${table.exists ? 'is empty' : 'does not exist'}`, {
      evidence,
      remediation: 'Point database.migrations at the Prisma migrations folder (default prisma/migrations, relative to the config file).',
    });
  }
  return outcome('pass', `all ${diagnosis.local} migration(s) applied, latest ${diagnosis.latestApplied}; checksums match`, { evidence });
}

function truncate(text: string | null): string | null {
  if (text === null) return null;
  return text.length > LOG_CAP ? `${text.slice(0, LOG_CAP)}… (${text.length - LOG_CAP} more characters)` : text;
}
