import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { convertToCrlf, copyMigrations, SHOP_MIGRATIONS } from '../../fixtures/db/prisma-history.js';
import { judgementTable, type JudgementRow } from '../../test/helpers/judgement-table.js';
import check from './migrations-applied.js';

const INIT = '20240101120000_init';
const CONVERSIONS = '20240115090000_conversions';
const INDEX = '20240201080000_index_conversion_product';

const copies: string[] = [];
afterAll(() => Promise.all(copies.map((dir) => rm(path.dirname(dir), { recursive: true, force: true }))));

/** The scenario's database as recorded, with database.migrations at a temp copy of the shop's folder changed by `edit`. */
function folderCopy(edit: (dir: string) => Promise<unknown>): JudgementRow['environment'] {
  return async (recorded) => {
    const dir = await copyMigrations();
    copies.push(dir);
    await edit(dir);
    return { ...recorded, database: { ...(recorded.database as Record<string, unknown>), migrations: dir } };
  };
}
const withoutIndexMigration = folderCopy((dir) => rm(path.join(dir, INDEX), { recursive: true }));
const editedConversions = folderCopy((dir) => appendFile(path.join(dir, CONVERSIONS, 'migration.sql'), '\nALTER TABLE "Conversion" ADD COLUMN "note" TEXT;\n'));

const DATABASE_ERROR = String.raw`^PostgreSQL at 127\.0\.0\.1:\d+\/\w+`;

judgementTable(check, [
  { scenario: 'all applied', status: 'pass', message: `all 3 migration(s) applied, latest ${INDEX}; checksums match`, evidence: { applied: 3, pending: [], lockProvider: 'postgresql' } },
  // Rows written by `prisma migrate resolve --applied` (applied_steps_count = 0): judged by what the scripts create.
  {
    scenario: 'failed then resolved applied, objects absent',
    status: 'fail',
    message: `1 migration(s) marked applied without Prisma running them (applied_steps_count = 0, \`prisma migrate resolve --applied\` after they failed), and what they create is absent: ${INDEX} (failed first): index "Conversion_productId_idx" on "Conversion"`,
    evidence: { markedApplied: [{ name: INDEX, afterFailure: true, objectsChecked: 1, absent: ['index "Conversion_productId_idx" on "Conversion"'] }] },
  },
  {
    scenario: 'failed then completed by hand and resolved applied',
    status: 'warn',
    message: `1 migration(s) failed, then were marked applied with \`prisma migrate resolve --applied\` (applied_steps_count = 0): Prisma never ran ${INDEX} (the 1 object(s) it creates exist); confirm the rest of each script was completed by hand`,
  },
  { scenario: 'baselined with resolve --applied', status: 'pass', message: `all 3 migration(s) applied, latest ${INDEX}; checksums match` },
  {
    scenario: 'marked applied, never run, objects absent',
    status: 'fail',
    message: `2 migration(s) marked applied without Prisma running them (applied_steps_count = 0, \`prisma migrate resolve --applied\`), and what they create is absent: ${CONVERSIONS}: table "Conversion", constraint "Conversion_productId_fkey" on "Conversion", ${INDEX}: index "Conversion_productId_idx" on "Conversion"`,
  },
  {
    name: 'all applied, folder with CRLF line endings → pass',
    scenario: 'all applied',
    environment: folderCopy((dir) => convertToCrlf(dir, INIT)),
    status: 'pass',
    message: `all 3 migration(s) applied, latest ${INDEX}; checksums match`,
  },
  {
    name: 'all applied, a migration edited since → fail',
    scenario: 'all applied',
    environment: editedConversions,
    status: 'fail',
    message: `1 migration(s) modified after they were applied (checksum differs): ${CONVERSIONS}`,
  },
  {
    name: 'all applied, a migration edited since, modified: warn → warn',
    scenario: 'all applied',
    environment: editedConversions,
    options: { modified: 'warn' },
    status: 'warn',
    message: `1 migration(s) modified after they were applied (checksum differs): ${CONVERSIONS}`,
  },
  {
    name: 'all applied, the latest migration missing from the folder → fail',
    scenario: 'all applied',
    environment: withoutIndexMigration,
    status: 'fail',
    message: new RegExp(`^1 migration\\(s\\) applied to the database but missing from \\S+/migrations: ${INDEX}$`),
  },
  {
    name: 'all applied, the latest migration missing from the folder, missingLocally: warn → warn',
    scenario: 'all applied',
    environment: withoutIndexMigration,
    options: { missingLocally: 'warn' },
    status: 'warn',
    message: new RegExp(`^1 migration\\(s\\) applied to the database but missing from \\S+/migrations: ${INDEX}$`),
  },
  {
    name: 'all applied, migration_lock.toml for mysql → fail',
    scenario: 'all applied',
    environment: folderCopy((dir) => writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "mysql"\n')),
    status: 'fail',
    message: 'migration_lock.toml names provider "mysql", not "postgresql": these migrations were not written for PostgreSQL',
  },
  {
    name: 'all applied, no migration_lock.toml → warn',
    scenario: 'all applied',
    environment: folderCopy((dir) => rm(path.join(dir, 'migration_lock.toml'))),
    status: 'warn',
    message: /^no migration_lock\.toml in \S+\/migrations$/,
  },
  { scenario: 'one pending', status: 'fail', message: `1 pending migration(s): ${INDEX}` },
  {
    name: 'one pending, from a branch without that migration → pass',
    scenario: 'one pending',
    environment: withoutIndexMigration,
    status: 'pass',
    message: `all 2 migration(s) applied, latest ${CONVERSIONS}; checksums match`,
  },
  {
    scenario: 'failed with logs',
    status: 'fail',
    message: `1 failed migration(s): ${INDEX} (migrate deploy refuses to run until resolved, P3009)`,
    evidence: { failed: [{ name: INDEX, logs: expect.stringMatching(/^Database error: connect to postgresql:\/\/shop_app:\[REDACTED\]@127\.0\.0\.1:\d+\/postgres failed$/) }] },
  },
  { scenario: 'rolled back', status: 'fail', message: `1 pending migration(s): ${INDEX}; 1 of them rolled back earlier (${INDEX})` },
  { scenario: 'never migrated', status: 'fail', message: 'never migrated: public._prisma_migrations does not exist, so all 3 migration(s) are pending' },
  { scenario: 'other schema never migrated', status: 'fail', message: 'never migrated: tenant._prisma_migrations does not exist, so all 3 migration(s) are pending' },
  {
    scenario: 'deploy running',
    status: 'warn',
    message: /^Prisma's migration lock \(advisory lock 72707369\) is held by pid \d+ \(prisma-migrate\) for \d+ s: a migrate deploy is running$/,
  },
  {
    scenario: 'server down',
    status: 'error',
    message: /^PostgreSQL at 127\.0\.0\.1:1\/\w+ refused the connection: server down or wrong port$/,
    evidence: { reason: 'refused' },
  },
  {
    scenario: 'wrong password',
    status: 'error',
    message: new RegExp(`${DATABASE_ERROR}: password authentication failed \\(wrong password in the URL\\?\\)$`),
    evidence: { reason: 'auth', detail: '28P01' },
  },
  {
    scenario: 'table locked',
    status: 'error',
    message: /^a query waited more than 300 ms for a table lock held by another session; locked: "_prisma_migrations" \(AccessExclusiveLock by pid \d+, for \d+ s\)$/,
    evidence: { reason: 'timeout', detail: '55P03' },
  },
  {
    scenario: 'no permission on the table',
    status: 'error',
    message: new RegExp(`${DATABASE_ERROR}: permission denied: permission denied for table _prisma_migrations$`),
    evidence: { reason: 'permission' },
  },
  { scenario: 'folder missing', status: 'error', message: 'migrations folder /nonexistent/prisma/migrations does not exist (set database.migrations)' },
  {
    scenario: 'no database url',
    status: 'skip',
    message: 'environments.test.database.url is empty, so there is no database to check (set the variable it comes from to check one)',
  },
  {
    scenario: 'no prisma',
    status: 'skip',
    message:
      'not configured: environments.test.database.migrations (no Prisma here: the key is not set, there is no prisma/migrations folder beside the config and the database has no public._prisma_migrations table)',
    evidence: { missing: ['database.migrations'], tableExists: false, rows: 0 },
  },
  {
    name: 'no prisma, but database.migrations set to a folder that does not exist → error',
    scenario: 'no prisma',
    environment: async (recorded) => ({ ...recorded, database: { ...(recorded.database as Record<string, unknown>), migrations: '/nonexistent/prisma/migrations' } }),
    status: 'error',
    message: 'migrations folder /nonexistent/prisma/migrations does not exist (set database.migrations)',
  },
  {
    scenario: 'prisma table without folder',
    status: 'error',
    message:
      'public._prisma_migrations records 3 migration(s), but there is no migrations folder to compare them with: environments.test.database.migrations is not set and there is no prisma/migrations folder beside the config',
    evidence: { missing: ['database.migrations'], tableExists: true, rows: 3 },
  },
  {
    name: 'prisma table without folder, database.migrations set to the folder → pass',
    scenario: 'prisma table without folder',
    environment: async (recorded) => ({ ...recorded, database: { ...(recorded.database as Record<string, unknown>), migrations: SHOP_MIGRATIONS } }),
    status: 'pass',
    message: `all 3 migration(s) applied, latest ${INDEX}; checksums match`,
  },
  {
    scenario: 'failed migration without folder',
    status: 'fail',
    message: `1 failed migration(s) in public._prisma_migrations: ${INDEX} (migrate deploy refuses to run until resolved, P3009); no migrations folder to compare the rest with (environments.test.database.migrations is not set)`,
  },
]);
