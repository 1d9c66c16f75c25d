import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { withDatabase } from '../../src/kit/database.js';
import { diagnoseMigrations, judgeMigrations } from '../../src/rules/prisma-migrations.js';
import { migrationsFolderProbe } from '../../src/probes/prisma-migrations-dir.js';

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
    'after stuckLockMinutes, fails. Stricter than `prisma migrate status`, which does not report edited migrations.',
  remediation:
    "Run `npx prisma migrate deploy` as the API's pre-deploy command, resolve failed migrations with `npx prisma migrate resolve`, and never run `migrate dev` or `db push` against production.",
  async run(ctx) {
    return withDatabase(ctx, async (probe) => {
      const folder = ctx.target.resolvePath(ctx.environment.database!.migrations);
      const [local, table] = await Promise.all([ctx.probe(migrationsFolderProbe).read(folder), probe.migrationTable()]);
      return judgeMigrations(diagnoseMigrations(local, table), local, table, ctx.options);
    });
  },
});
