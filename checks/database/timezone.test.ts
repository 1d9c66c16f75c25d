import { describe, expect, it } from 'vitest';
import { SHOP_MIGRATIONS, deployMigrations } from '../../fixtures/db/prisma-history.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import check from './timezone.js';

describe('database.timezone against a real PostgreSQL', () => {
  const pg = usePostgres();
  const shop = (timezone?: string) =>
    pg.database({ ...(timezone ? { timezone } : {}), setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });

  it('passes on a UTC server', async () => {
    const db = await shop();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'UTC' });
    expect(result).toMatchObject({ status: 'pass', message: 'TimeZone is UTC', evidence: { source: 'command line' } });
  });

  it('fails on a non-UTC database whose timestamp-without-time-zone columns default to now()', async () => {
    const db = await shop('America/New_York');
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'New York with local timestamp defaults' });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^TimeZone is America\/New_York \(set by database\), not UTC as recommended; 2 timestamp-without-time-zone column\(s\) default to now\(\)/);
    expect(result.evidence.localTimestampDefaults).toEqual(['public.Product.createdAt', 'public.Shop.createdAt']);
  });

  it('warns on a non-UTC database when no stored value depends on it', async () => {
    const db = await pg.database({ timezone: 'Asia/Tokyo' });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'Tokyo' });
    expect(result).toMatchObject({ status: 'warn', message: 'TimeZone is Asia/Tokyo (set by database), not UTC as recommended' });
  });

  it('follows options.expected: pass when it matches, fail when it does not', async () => {
    const tokyo = await pg.database({ timezone: 'Asia/Tokyo' });
    expect((await runDatabaseCheck(check, { url: tokyo.url(pg.roles.reader) }, { checkOptions: { expected: 'Asia/Tokyo' }, record: 'Tokyo expected' })).result.status).toBe('pass');
    const utc = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: utc.url(pg.roles.reader) }, { checkOptions: { expected: 'Europe/Berlin' }, record: 'UTC where Berlin is expected' });
    expect(result).toMatchObject({ status: 'fail', message: 'TimeZone is UTC (set by command line), not Europe/Berlin' });
  });

  it("warns when another role's sessions get another zone", async () => {
    const db = await pg.database();
    const admin = await db.admin();
    await admin.query(`ALTER ROLE ${pg.roles.app.user} IN DATABASE ${db.name} SET timezone = 'Europe/Paris'`);
    await admin.end();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'app role in Paris' });
    expect(result).toMatchObject({ status: 'warn', message: 'timezone overridden to Europe/Paris for role shop_app: sessions of that role use another zone' });
  });

  it('reports error with the reason when the server is down', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader).replace(`:${pg.server.port}/`, ':1/') }, { record: 'server down' });
    expect(result).toMatchObject({ status: 'error', evidence: { reason: 'refused' } });
  });
});
