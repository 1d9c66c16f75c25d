import { z } from 'zod';
import { isProbeError } from '../../src/core/errors.js';
import { outcome } from '../../src/core/outcome.js';
import type { CheckOutcome } from '../../src/core/types.js';
import type { CheckContext } from '../../src/kit/check.js';
import { defineCheck } from '../../src/kit/check.js';
import { withDatabase } from '../../src/kit/database.js';
import type { MigrationTableFacts } from '../../src/probes/postgres-catalog.js';
import { listNames } from '../../src/rules/list-names.js';
import { diagnoseMigrations, judgeMigrations } from '../../src/rules/prisma-migrations.js';
import { migrationsFolderProbe, type LocalMigrations } from '../../src/probes/prisma-migrations-dir.js';
import { unranMigrationObjects } from '../../src/kit/database-migrations.js';

/** Where Prisma keeps migrations when database.migrations does not say, relative to the config file. */
const DEFAULT_FOLDER = 'prisma/migrations';

const options = z.strictObject({
  modified: z.enum(['fail', 'warn']).default('fail').describe('Verdict for a migration edited after it was applied'),
  missingLocally: z.enum(['fail', 'warn']).default('fail').describe('Verdict for a migration in the database but not in the folder'),
  stuckLockMinutes: z.number().positive().default(10).describe("Prisma's migration lock held longer than this fails as a stuck deploy"),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'database.migrations-applied',
  section: 'database',
  item: 'All Prisma migrations applied: `npx prisma migrate deploy`',
  severity: 'critical',
  automation: 'automated',
  needs: ['database'],
  options,
  verifies: 'Every migration in the Prisma migrations folder has been applied to the database, none failed, none was edited after it ran, and the database has none the folder lacks.',
  how:
    'Reads database.migrations (default prisma/migrations) and `_prisma_migrations` (in the URL\'s ?schema=, default public) in one read-only query, and compares them by Prisma\'s own rules: ' +
    'a folder with no row, or only rolled-back rows, is pending; a row with neither finished_at nor rolled_back_at is failed (its logs shown, truncated); ' +
    'an applied row whose checksum (lower-case hex SHA-256 of migration.sql, also tried with CRLF→LF and LF→CRLF) differs is modified; a row with no folder is missing locally; ' +
    'no table at all is "never migrated". migration_lock.toml must say provider = "postgresql". Prisma\'s advisory lock 72707369 held in pg_locks warns (a deploy is running) or, ' +
    'after stuckLockMinutes, fails. An applied row with applied_steps_count = 0 was written by `prisma migrate resolve --applied`, not by a deploy: the objects its ' +
    'script creates (tables, indexes, types, columns, constraints — less what later migrations drop or rename) are looked up in the catalog, and any absent fails; ' +
    'one that failed before it was marked applied warns even when they exist (the rest of the script is only there if done by hand), naming it. ' +
    'Stricter than `prisma migrate status`, which does not report edited migrations. ' +
    'Without database.migrations and without a prisma/migrations folder, a database with no `_prisma_migrations` does not use Prisma: skip, naming the key; ' +
    'one that has the table fails on failed migrations and is otherwise an error (nothing to compare its migrations with) until the key names the folder.',
  remediation:
    "Run `npx prisma migrate deploy` as the API's pre-deploy command, resolve failed migrations with `npx prisma migrate resolve`, and never run `migrate dev` or `db push` against production.",
  async run(ctx) {
    const configured = ctx.environment.database?.migrations;
    return withDatabase(ctx, async (probe) => {
      const folder = ctx.target.resolvePath(configured ?? DEFAULT_FOLDER);
      const [local, table] = await Promise.all([readFolder(ctx, folder, configured === undefined), probe.migrationTable()]);
      if (local === undefined) return withoutFolder(ctx.environmentName, folder, table);
      const diagnosis = diagnoseMigrations(local, table);
      return judgeMigrations(diagnosis, local, table, ctx.options, await unranMigrationObjects(probe, diagnosis, local));
    });
  },
});

/** The folder's migrations; undefined when the key is not set and the default folder does not exist either. */
async function readFolder(ctx: CheckContext<unknown>, folder: string, isDefault: boolean): Promise<LocalMigrations | undefined> {
  try {
    return await ctx.probe(migrationsFolderProbe).read(folder);
  } catch (error) {
    if (isDefault && isProbeError(error) && error.detail === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * No folder configured or at the default place. A database without `_prisma_migrations` does not use Prisma, so the
 * line does not apply; one with it does, and what cannot be compared is not a pass.
 */
function withoutFolder(environmentName: string, folder: string, table: MigrationTableFacts): CheckOutcome {
  const key = `environments.${environmentName}.database.migrations`;
  const evidence = { missing: ['database.migrations'], folder, table: table.table, tableExists: table.exists, rows: table.rows.length };
  if (!table.exists) {
    return outcome(
      'skip',
      `not configured: ${key} (no Prisma here: the key is not set, there is no ${DEFAULT_FOLDER} folder beside the config and the database has no ${table.table} table)`,
      { evidence },
    );
  }
  const setKey = `Set ${key} to the application's Prisma migrations folder (relative to the config file).`;
  const failed = diagnoseMigrations({ dir: folder, migrations: [], lock: null }, table).failed;
  if (failed.length > 0) {
    return outcome(
      'fail',
      `${failed.length} failed migration(s) in ${table.table}: ${listNames(failed.map((f) => f.name))} (migrate deploy refuses to run until resolved, P3009); no migrations folder to compare the rest with (${key} is not set)`,
      {
        evidence: { ...evidence, failed: failed.slice(0, 50).map((f) => ({ name: f.name, startedAt: f.startedAt })) },
        remediation: `Resolve the failed migration with \`npx prisma migrate resolve\` and run \`npx prisma migrate deploy\`. ${setKey}`,
      },
    );
  }
  return outcome(
    'error',
    `${table.table} records ${table.rows.length} migration(s), but there is no migrations folder to compare them with: ${key} is not set and there is no ${DEFAULT_FOLDER} folder beside the config`,
    { evidence, remediation: setKey },
  );
}
