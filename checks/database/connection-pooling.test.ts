import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import check from './connection-pooling.js';

// The fixture server runs with max_connections = 40 and 3 superuser-reserved slots: 37 usable.
describe('database.connection-pooling against a real PostgreSQL', () => {
  const server = usePostgres();

  it('passes when replicas × pool size leaves headroom, and says how it counted', async () => {
    const db = await server.database();
    const { result } = await runDatabaseCheck(check, {
      url: db.url(server.roles.reader),
      pools: { api: { replicas: 2, size: 5 }, worker: { replicas: 1, size: 5 } },
    }, { record: 'pools leave headroom' });
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(/^\d+ of 37 usable connections in use now \([\d.]+%; max_connections 40 − 3 reserved\); the pools can open at most 15 \(40.5%\)$/);
  });

  it('fails when the pools can open more connections than the server accepts', async () => {
    const db = await server.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(server.roles.reader), pools: { api: { replicas: 10, size: 5 } } }, { record: 'pools exceed the server' });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/the pools can open 50 connections \(api 10×5\) of 37 usable: at peak, connections will be refused$/);
  });

  it("takes the pool size from Prisma's connection_limit and warns above 80 %", async () => {
    const db = await server.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(server.roles.reader, { connection_limit: '10' }), pools: { api: { replicas: 3 } } }, { record: 'connection_limit near the limit' });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/the pools can open 30 connections \(api 3×10\) of 37 usable \(81.1%, above 80%\)/);
    expect(result.evidence.urlParams).toEqual({ connection_limit: 10, pool_timeout: null, pgbouncer: false });
  });

  it('warns when no pool size is set anywhere (Prisma defaults apply)', async () => {
    const db = await server.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(server.roles.reader) }, { record: 'no pool size' });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/pool size not set: no connection_limit in database\.url, so Prisma opens num_cpus × 2 \+ 1 per instance$/);
  });

  it('is manual when the pool size is known but the replicas are not, or PgBouncer sits in front', async () => {
    const db = await server.database();
    expect((await runDatabaseCheck(check, { url: db.url(server.roles.reader, { connection_limit: '5' }) }, { record: 'replicas unknown' })).result).toMatchObject({
      status: 'manual',
      message: expect.stringMatching(/connection_limit=5 per instance, but the replicas are unknown/),
    });
    expect((await runDatabaseCheck(check, { url: db.url(server.roles.reader, { pgbouncer: 'true', connection_limit: '5' }) }, { record: 'behind PgBouncer' })).result.status).toBe('manual');
  });

  it("fails when the role's CONNECTION LIMIT is used up, counting the role's own connections", async () => {
    const db = await server.database();
    const admin = await db.admin();
    await admin.query(`CREATE ROLE capped LOGIN PASSWORD 'capped-pw-123' CONNECTION LIMIT 3 IN ROLE pg_read_all_stats`);
    await admin.end();
    const others = await Promise.all(
      [1, 2].map(async () => {
        const c = new pg.Client({ host: '127.0.0.1', port: server.server.port, database: db.name, user: 'capped', password: 'capped-pw-123' });
        await c.connect();
        return c;
      }),
    );
    try {
      const { result } = await runDatabaseCheck(check, { url: db.url({ user: 'capped', password: 'capped-pw-123' }), pools: { api: { replicas: 1, size: 1 } } }, { record: 'role connection limit used up' });
      expect(result.status).toBe('fail');
      expect(result.message).toMatch(/^3 of 3 usable connections in use now \(100%; the role's CONNECTION LIMIT 3\): new connections are refused/);
    } finally {
      await Promise.all(others.map((c) => c.end()));
    }
  });

  it('reports error with the reason when the password is wrong', async () => {
    const db = await server.database();
    const { result } = await runDatabaseCheck(check, { url: db.url({ user: server.roles.reader.user, password: 'nope-nope-nope' }) }, { record: 'wrong password' });
    expect(result).toMatchObject({ status: 'error', evidence: { reason: 'auth' } });
  });
});
