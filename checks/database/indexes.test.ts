import { describe, expect, it } from 'vitest';
import { SHOP_MIGRATIONS, deployMigrations } from '../../fixtures/db/prisma-history.js';
import { loadSchema } from '../../fixtures/db/schemas.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import check from './indexes.js';

describe('database.indexes against a real PostgreSQL', () => {
  const pg = usePostgres();

  it('passes when every foreign key has an index, read by the minimal read-only role', async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'every foreign key indexed' });
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(/^all 2 foreign key\(s\) are covered by an index/);
  });

  it('fails on a foreign key without an index, naming table and columns and giving the CREATE INDEX', async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS, 2).then(() => undefined) });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'one foreign key unindexed' });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('1 foreign key(s) without an index: Conversion(productId)');
    expect(result.evidence.unindexedForeignKeys).toEqual([
      { table: 'public.Conversion', columns: ['productId'], constraint: 'Conversion_productId_fkey', references: '"Product"' },
    ]);
    expect(result.remediation).toContain('CREATE INDEX CONCURRENTLY "Conversion_productId_idx" ON "public"."Conversion" ("productId");');
    const lenient = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { checkOptions: { unindexedForeignKeys: 'warn' } });
    expect(lenient.result.status).toBe('warn');
  });

  it('fails on an index left invalid by a failed CREATE INDEX CONCURRENTLY', async () => {
    const db = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS);
        await c.query(`INSERT INTO "Shop" (id, domain) VALUES ('a', 'x.example'), ('b', 'y.example')`);
        await c.query(`INSERT INTO "Product" (id, "shopId", title) VALUES ('p1', 'a', 'Same'), ('p2', 'b', 'Same')`);
        await c.query('CREATE UNIQUE INDEX CONCURRENTLY "Product_title_key" ON "Product"("title")').catch(() => undefined);
      },
    });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('1 invalid index(es), never used by queries: Product_title_key on Product');
  });

  it('warns on a large table read mostly by sequential scans', async () => {
    const db = await pg.database({
      setup: async (c) => {
        await loadSchema(c, 'heavy-sequential-scans');
        for (let i = 0; i < 120; i++) await c.query(`SELECT count(*) FROM "Event" WHERE "kind" = 'view'`);
        await c.query('SELECT pg_stat_force_next_flush()');
      },
    });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/^1 large table\(s\) read mostly by sequential scans: public\.Event \(12000 rows, 0% index scans\)$/);
    const quiet = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { checkOptions: { minRows: 20_000 } });
    expect(quiet.result.status).toBe('pass');
  });

  it('reports error with the reason when the server is down', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader).replace(`:${pg.server.port}/`, ':1/') });
    expect(result).toMatchObject({ status: 'error', evidence: { reason: 'refused' } });
  });
});
