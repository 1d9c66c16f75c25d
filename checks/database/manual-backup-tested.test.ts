import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureDatabase } from '../../fixtures/db/databases.js';
import { pgDump, pgDumpFailing, restorePlainDump } from '../../fixtures/db/dump.js';
import { SHOP_MIGRATIONS, deployMigrations } from '../../fixtures/db/prisma-history.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import check from './manual-backup-tested.js';

describe('database.manual-backup-tested against a real restore', () => {
  const pg = usePostgres();
  let root: string;
  let production: FixtureDatabase;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'readiness-restore-'));
    production = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS);
        await c.query(`INSERT INTO "Shop" (id, domain) VALUES ('s1', 'a.example')`);
        await c.query(`INSERT INTO "Product" (id, "shopId", title) VALUES ('p1', 's1', 'Mug')`);
        await c.query('SELECT pg_stat_force_next_flush()');
      },
    });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  async function restoredCopy(options: { schemaOnly?: boolean } = {}): Promise<FixtureDatabase> {
    const file = path.join(root, `${Math.random().toString(36).slice(2)}.sql`);
    await pgDump(pg.server, production.name, file, options);
    const copy = await pg.database({ statements: false });
    await restorePlainDump(pg.server, copy.name, file);
    const admin = await copy.admin();
    await admin.query('SELECT pg_stat_force_next_flush()');
    await admin.query(`GRANT SELECT ON _prisma_migrations TO ${pg.roles.reader.user}`);
    await admin.end();
    return copy;
  }

  it('passes when a copy restored from a pg_dump has the schema and the data', async () => {
    const copy = await restoredCopy();
    const { result } = await runDatabaseCheck(
      check,
      { url: production.url(pg.roles.reader), backups: { location: root, restoredUrl: copy.url(pg.roles.reader) } },
      { record: 'restored copy has the data' },
    );
    expect(result.status).toBe('pass');
    expect(result.message).toBe(`the restored copy 127.0.0.1:${pg.server.port}/${copy.name} has 3 table(s) with data where production has data, migrated up to 20240201080000_index_conversion_product`);
  });

  it('fails when the restore brought the schema but no data', async () => {
    const copy = await restoredCopy({ schemaOnly: true });
    const { result } = await runDatabaseCheck(
      check,
      { url: production.url(pg.roles.reader), backups: { location: root, restoredUrl: copy.url(pg.roles.reader) } },
      { record: 'schema-only restore' },
    );
    // A schema-only dump does not even carry _prisma_migrations' rows.
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/has no applied Prisma migration.*; 2 table\(s\) empty in the restored copy but not in production: public\.Product, public\.Shop$/);
  });

  it('is manual, not pass, with only a readable backup file; fails on a truncated one', async () => {
    const dir = await mkdtemp(path.join(root, 'dir-'));
    await pgDump(pg.server, production.name, path.join(dir, 'shop.sql'));
    const { result } = await runDatabaseCheck(check, { url: production.url(pg.roles.reader), backups: { location: dir } });
    expect(result).toMatchObject({ status: 'manual', message: expect.stringMatching(/^newest backup shop\.sql is readable and complete, but a readable file is not a tested restore/) });
    await writeFile(path.join(dir, 'shop.sql'), '--\n-- PostgreSQL database dump\n--\nCREATE TABLE');
    expect((await runDatabaseCheck(check, { url: production.url(pg.roles.reader), backups: { location: dir } })).result.status).toBe('fail');
  });

  it('refuses a restoredUrl that is the production database itself, by URL or through another address', async () => {
    const same = await runDatabaseCheck(
      check,
      { url: production.url(pg.roles.reader), backups: { location: root, restoredUrl: production.url(pg.roles.app).replace('127.0.0.1', 'localhost') } },
      { record: 'restoredUrl is production' },
    );
    expect(same.result.status).toBe('fail');
    expect(same.result.message).toBe(
      `database.backups.restoredUrl names the production database itself (localhost:${pg.server.port}/${production.name}): a restore test must read a separate copy, and restoring into this URL would overwrite production`,
    );
    // A TCP relay on another port, as a pooler or tunnel would be: the URL differs, the database is the same.
    const relay = net.createServer((socket) => {
      const upstream = net.connect(pg.server.port, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      const close = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', close);
      upstream.on('error', close);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    try {
      const port = (relay.address() as net.AddressInfo).port;
      const via = await runDatabaseCheck(
        check,
        { url: production.url(pg.roles.reader), backups: { location: root, restoredUrl: production.url(pg.roles.reader).replace(`:${pg.server.port}/`, `:${port}/`) } },
        { record: 'restoredUrl reaches production through a relay' },
      );
      expect(via.result.status).toBe('fail');
      expect(via.result.message).toMatch(
        new RegExp(`^database\\.backups\\.restoredUrl \\(127\\.0\\.0\\.1:${port}/${production.name}\\) reaches the production database itself \\(same server, started .+, and the same database ${production.name}\\)`),
      );
    } finally {
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });

  it("fails, not manual, when the newest backup is pg_dump's error text and no restore is configured", async () => {
    const dir = await mkdtemp(path.join(root, 'dir-'));
    await pgDumpFailing(pg.server, path.join(dir, 'nightly.sql'));
    const { result } = await runDatabaseCheck(check, { url: production.url(pg.roles.reader), backups: { location: dir } });
    expect(result).toMatchObject({ status: 'fail', message: expect.stringMatching(/^newest backup nightly\.sql is not a database dump: it starts with "pg_dump: error: /) });
  });

  it('reports error naming the restored copy when it cannot be reached', async () => {
    const { result } = await runDatabaseCheck(check, {
      url: production.url(pg.roles.reader),
      backups: { location: root, restoredUrl: production.url(pg.roles.reader).replace(`:${pg.server.port}/`, ':1/') },
    }, { record: 'restored copy unreachable' });
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/^restored copy: PostgreSQL at 127\.0\.0\.1:1\/.* refused the connection/) });
  });

  it('is manual without any backup configuration', async () => {
    expect((await runDatabaseCheck(check, { url: production.url(pg.roles.reader) }, { record: 'no backups configured' })).result.status).toBe('manual');
  });
});
