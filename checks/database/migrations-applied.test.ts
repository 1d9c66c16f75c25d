import { appendFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SHOP_MIGRATIONS,
  convertToCrlf,
  copyMigrations,
  deployMigrations,
  recordMigration,
  resolveApplied,
  writeLongHistory,
} from '../../fixtures/db/prisma-history.js';
import { prismaChecksum } from '../../src/rules/prisma-migrations.js';
import { MigrationsFolderProbe } from '../../src/probes/prisma-migrations-dir.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import check from './migrations-applied.js';

const INIT = '20240101120000_init';
const CONVERSIONS = '20240115090000_conversions';
const INDEX = '20240201080000_index_conversion_product';

describe('database.migrations-applied against a real PostgreSQL', () => {
  const pg = usePostgres();
  const temporary: string[] = [];
  afterAll(() => Promise.all(temporary.map((dir) => rm(path.dirname(dir), { recursive: true, force: true }))));
  /** A temp copy of the shop's migrations (or a long history), removed after the file's tests. */
  const scratch = async (made: Promise<string>) => {
    const dir = await made;
    temporary.push(dir);
    return dir;
  };
  const run = (url: string, migrations = SHOP_MIGRATIONS, checkOptions = {}, record?: string) =>
    runDatabaseCheck(check, { url, migrations }, { checkOptions, record });

  it('passes when every migration is applied, read by the minimal read-only role', async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const { result } = await run(db.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'all applied');
    expect(result.status).toBe('pass');
    expect(result.message).toBe(`all 3 migration(s) applied, latest ${INDEX}; checksums match`);
    expect(result.evidence).toMatchObject({ applied: 3, pending: [], failed: [], lockProvider: 'postgresql' });
  });

  it('fails naming the pending migration', async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS, 2).then(() => undefined) });
    const { result } = await run(db.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'one pending');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(`1 pending migration(s): ${INDEX}`);
    expect(result.remediation).toMatch(/npx prisma migrate deploy/);
  });

  it('fails on a failed migration and shows its logs, with the password in them redacted', async () => {
    const db = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS, 2);
        const leaked = `connect to ${pg.server.url({ user: pg.roles.app.user, password: pg.roles.app.password })} failed`;
        await recordMigration(c, { name: INDEX, checksum: 'x'.repeat(64), finished: false, logs: `Database error: ${leaked}` });
      },
    });
    const { result } = await run(db.url(pg.roles.app), SHOP_MIGRATIONS, {}, 'failed with logs');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(new RegExp(`^1 failed migration\\(s\\): ${INDEX} `));
    const failed = (result.evidence.failed as { name: string; logs: string }[])[0]!;
    expect(failed.logs).toMatch(/^Database error: connect to postgresql:\/\/shop_app:\[REDACTED\]@127\.0\.0\.1:\d+\/postgres failed$/);
    expect(JSON.stringify(result)).not.toContain(pg.roles.app.password);
  });

  it('calls a migration rolled back with migrate resolve pending again', async () => {
    const db = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS, 2);
        await recordMigration(c, { name: INDEX, checksum: 'x'.repeat(64), finished: false, rolledBack: true });
      },
    });
    const { result } = await run(db.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'rolled back');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(`1 pending migration(s): ${INDEX}; 1 of them rolled back earlier (${INDEX})`);
  });

  /** A shop migration's script and checksum, as `prisma migrate resolve` would read them. */
  const shopScript = async (name: string) => {
    const script = (await new MigrationsFolderProbe().read(SHOP_MIGRATIONS)).migrations.find((m) => m.name === name)!.script!;
    return { sql: script.toString('utf8'), checksum: prismaChecksum(script) };
  };

  it('fails on a failed migration later marked applied with migrate resolve --applied while its index is absent', async () => {
    const { checksum } = await shopScript(INDEX);
    const db = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS, 2);
        await recordMigration(c, { name: INDEX, checksum, finished: false, logs: 'Database error: canceling statement due to lock timeout' });
        await resolveApplied(c, INDEX, checksum);
      },
    });
    const { result } = await run(db.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'failed then resolved applied, objects absent');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      `1 migration(s) marked applied without Prisma running them (applied_steps_count = 0, \`prisma migrate resolve --applied\` after they failed), and what they create is absent: ${INDEX} (failed first): index "Conversion_productId_idx" on "Conversion"`,
    );
    expect(result.evidence).toMatchObject({ markedApplied: [{ name: INDEX, afterFailure: true, objectsChecked: 1 }] });
  });

  it('warns when a failed migration was completed by hand and then marked applied, naming it', async () => {
    const { sql, checksum } = await shopScript(INDEX);
    const db = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS, 2);
        await recordMigration(c, { name: INDEX, checksum, finished: false, logs: 'Database error: canceling statement due to lock timeout' });
        await c.query(sql);
        await resolveApplied(c, INDEX, checksum);
      },
    });
    const { result } = await run(db.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'failed then completed by hand and resolved applied');
    expect(result.status).toBe('warn');
    expect(result.message).toBe(
      `1 migration(s) failed, then were marked applied with \`prisma migrate resolve --applied\` (applied_steps_count = 0): Prisma never ran ${INDEX} (the 1 object(s) it creates exist); confirm the rest of each script was completed by hand`,
    );
  });

  it('passes a baselined history (marked applied over an existing schema), and fails one whose objects were never made', async () => {
    const baseline = await pg.database({
      setup: async (c) => {
        for (const name of [INIT, CONVERSIONS, INDEX]) {
          const { sql, checksum } = await shopScript(name);
          await c.query(sql);
          await resolveApplied(c, name, checksum);
        }
      },
    });
    const passed = await run(baseline.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'baselined with resolve --applied');
    expect(passed.result.status).toBe('pass');
    expect(passed.result.message).toBe(`all 3 migration(s) applied, latest ${INDEX}; checksums match`);
    const skipped = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS, 1);
        for (const name of [CONVERSIONS, INDEX]) await resolveApplied(c, name, (await shopScript(name)).checksum);
      },
    });
    const failed = await run(skipped.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'marked applied, never run, objects absent');
    expect(failed.result.status).toBe('fail');
    expect(failed.result.message).toBe(
      `2 migration(s) marked applied without Prisma running them (applied_steps_count = 0, \`prisma migrate resolve --applied\`), and what they create is absent: ${CONVERSIONS}: table "Conversion", constraint "Conversion_productId_fkey" on "Conversion", ${INDEX}: index "Conversion_productId_idx" on "Conversion"`,
    );
  });

  it('fails on a migration edited after it was applied, but not on CRLF line endings', async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const crlf = await scratch(copyMigrations());
    await convertToCrlf(crlf, INIT);
    expect((await run(db.url(pg.roles.reader), crlf)).result.status).toBe('pass');

    const edited = await scratch(copyMigrations());
    await appendFile(path.join(edited, CONVERSIONS, 'migration.sql'), '\nALTER TABLE "Conversion" ADD COLUMN "note" TEXT;\n');
    const { result } = await run(db.url(pg.roles.reader), edited);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(`1 migration(s) modified after they were applied (checksum differs): ${CONVERSIONS}`);
    expect((await run(db.url(pg.roles.reader), edited, { modified: 'warn' })).result.status).toBe('warn');
  });

  it('fails on a migration applied to the database but missing from the folder', async () => {
    const db = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS);
        await recordMigration(c, { name: '20240301000000_hotfix', checksum: prismaChecksum(Buffer.from('SELECT 1;')) });
      },
    });
    const { result } = await run(db.url(pg.roles.reader));
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^1 migration\(s\) applied to the database but missing from .*: 20240301000000_hotfix$/);
  });

  it('fails as "never migrated" when _prisma_migrations does not exist', async () => {
    const db = await pg.database();
    const { result } = await run(db.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'never migrated');
    expect(result.status).toBe('fail');
    expect(result.message).toBe('never migrated: public._prisma_migrations does not exist, so all 3 migration(s) are pending');
  });

  it("looks for _prisma_migrations in the URL's ?schema=", async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const { result } = await run(db.url(pg.roles.app, { schema: 'tenant' }), SHOP_MIGRATIONS, {}, 'other schema never migrated');
    expect(result.message).toMatch(/^never migrated: tenant\._prisma_migrations does not exist/);
  });

  it('fails when migration_lock.toml names another provider', async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const mysql = await scratch(copyMigrations());
    await writeFile(path.join(mysql, 'migration_lock.toml'), 'provider = "mysql"\n');
    const { result } = await run(db.url(pg.roles.reader), mysql);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/migration_lock\.toml names provider "mysql", not "postgresql"/);
  });

  it("warns while another session holds Prisma's advisory lock 72707369", async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const deploy = await db.admin();
    try {
      await deploy.query("SET application_name = 'prisma-migrate'");
      await deploy.query('SELECT pg_advisory_lock(72707369)');
      const { result } = await run(db.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'deploy running');
      expect(result.status).toBe('warn');
      expect(result.message).toMatch(/advisory lock 72707369\) is held by pid \d+ \(prisma-migrate\) for \d+ s: a migrate deploy is running/);
    } finally {
      await deploy.end();
    }
  });

  it('stays at the same number of queries for a history of 200 migrations as for 3', async () => {
    const long = await scratch(writeLongHistory(200));
    const big = await pg.database({ setup: (c) => deployMigrations(c, long).then(() => undefined) });
    const small = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const bigRun = await run(big.url(pg.roles.reader), long);
    const smallRun = await run(small.url(pg.roles.reader));
    expect(bigRun.result.status).toBe('pass');
    expect(bigRun.result.evidence).toMatchObject({ applied: 200 });
    // One query for the session, one for the table and lock, one for the rows: whatever the history's length.
    expect(bigRun.queries).toBe(3);
    expect(smallRun.queries).toBe(bigRun.queries);
  });

  describe('cannot verify → error with the reason', () => {
    it('when the server is down', async () => {
      const db = await pg.database();
      const { result } = await run(db.url(pg.roles.reader).replace(`:${pg.server.port}/`, ':1/'), SHOP_MIGRATIONS, {}, 'server down');
      expect(result).toMatchObject({ status: 'error', evidence: { reason: 'refused' } });
      expect(result.message).toMatch(/refused the connection: server down or wrong port/);
    });

    it('when the password is wrong, without printing it', async () => {
      const db = await pg.database();
      const { result } = await run(db.url({ user: pg.roles.reader.user, password: 'not-the-Password-42' }), SHOP_MIGRATIONS, {}, 'wrong password');
      expect(result).toMatchObject({ status: 'error', evidence: { reason: 'auth', detail: '28P01' } });
      expect(JSON.stringify(result)).not.toContain('not-the-Password-42');
    });

    it('when a migration holds _prisma_migrations locked past the lock timeout', async () => {
      const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
      const locker = await db.admin();
      try {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE _prisma_migrations IN ACCESS EXCLUSIVE MODE');
        const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader), migrations: SHOP_MIGRATIONS, lockTimeout: '300ms' }, { record: 'table locked' });
        expect(result).toMatchObject({ status: 'error', evidence: { reason: 'timeout', detail: '55P03' } });
        expect(result.message).toMatch(/waited more than 300 ms for a table lock.*"_prisma_migrations" \(AccessExclusiveLock by pid/);
      } finally {
        await locker.query('ROLLBACK');
        await locker.end();
      }
    });

    it('when the role may not read _prisma_migrations', async () => {
      const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
      const admin = await db.admin();
      await admin.query(`REVOKE SELECT ON _prisma_migrations FROM ${pg.roles.reader.user}`);
      await admin.end();
      const { result } = await run(db.url(pg.roles.reader), SHOP_MIGRATIONS, {}, 'no permission on the table');
      expect(result).toMatchObject({ status: 'error', evidence: { reason: 'permission' } });
      expect(result.message).toMatch(/permission denied for table _prisma_migrations/);
      expect(result.remediation).toMatch(/GRANT SELECT ON _prisma_migrations/);
    });

    it('when the migrations folder does not exist', async () => {
      const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
      const { result } = await run(db.url(pg.roles.reader), '/nonexistent/prisma/migrations', {}, 'folder missing');
      expect(result).toMatchObject({ status: 'error', message: 'migrations folder /nonexistent/prisma/migrations does not exist (set database.migrations)' });
    });
  });

  it('skips, saying why, when database.url is empty', async () => {
    const { result } = await runDatabaseCheck(check, { url: '' }, { record: 'no database url' });
    expect(result.status).toBe('skip');
    expect(result.message).toMatch(/environments\.test\.database\.url is empty/);
  });

  // Without database.migrations the check looks at prisma/migrations beside the config (test.config.yaml: the
  // repository root, which has none).
  describe('no database.migrations and no prisma/migrations folder', () => {
    it('skips naming the key when the database has no _prisma_migrations: no Prisma here', async () => {
      const db = await pg.database();
      const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'no prisma' });
      expect(result.status).toBe('skip');
      expect(result.message).toMatch(
        /^not configured: environments\.test\.database\.migrations \(no Prisma here: the key is not set, there is no prisma\/migrations folder beside the config and the database has no public\._prisma_migrations table\)$/,
      );
      expect(result.evidence).toMatchObject({ missing: ['database.migrations'], tableExists: false });
    });

    it('is an error naming the key when the database has Prisma migrations to compare', async () => {
      const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
      const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'prisma table without folder' });
      expect(result.status).toBe('error');
      expect(result.message).toMatch(
        /^public\._prisma_migrations records 3 migration\(s\), but there is no migrations folder to compare them with: environments\.test\.database\.migrations is not set and there is no prisma\/migrations folder beside the config$/,
      );
      expect(result.remediation).toBe("Set environments.test.database.migrations to the application's Prisma migrations folder (relative to the config file).");
    });

    it('fails on a failed migration, which needs no folder to be seen', async () => {
      const db = await pg.database({
        setup: async (c) => {
          await deployMigrations(c, SHOP_MIGRATIONS, 2);
          await recordMigration(c, { name: INDEX, checksum: 'x'.repeat(64), finished: false, logs: 'ERROR: relation already exists' });
        },
      });
      const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'failed migration without folder' });
      expect(result.status).toBe('fail');
      expect(result.message).toBe(
        `1 failed migration(s) in public._prisma_migrations: ${INDEX} (migrate deploy refuses to run until resolved, P3009); no migrations folder to compare the rest with (environments.test.database.migrations is not set)`,
      );
    });
  });
});
