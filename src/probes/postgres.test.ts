import { afterEach, describe, expect, it } from 'vitest';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { probeFailure } from '../../test/helpers/probe-failure.js';
import { usePostgres } from '../../test/helpers/postgres.js';
import { synDroppingServer } from '../../test/helpers/syn-dropping.js';
import { redactText } from '../core/redact.js';
import { PostgresProbe } from './postgres.js';

const probes: PostgresProbe[] = [];
afterEach(async () => {
  await Promise.all(probes.splice(0).map((p) => p.close()));
});
function probe(url: string, extra: Partial<ConstructorParameters<typeof PostgresProbe>[0]> = {}): PostgresProbe {
  const p = new PostgresProbe({ url, ...extra });
  probes.push(p);
  return p;
}

const failure = probeFailure;

describe('PostgresProbe against a real server with TLS', () => {
  const pg = usePostgres({ ssl: true });

  it('reports the session: version, role, database and the TLS actually negotiated', async () => {
    const db = await pg.database();
    const tls = await probe(db.url(pg.roles.app, { sslmode: 'require' })).session();
    expect(tls).toMatchObject({ user: 'shop_app', database: db.name, ssl: { used: true } });
    expect(tls.serverVersionNum).toBeGreaterThanOrEqual(120_000);
    const plain = await probe(db.url(pg.roles.app, { sslmode: 'disable' })).session();
    expect(plain.ssl.used).toBe(false);
    // No sslmode means libpq's (and Prisma's) prefer: TLS when the server offers it.
    expect((await probe(db.url(pg.roles.app)).session()).ssl.used).toBe(true);
  });

  it('refuses every write inside its session, even by the owner of the tables', async () => {
    const db = await pg.database({ setup: (c) => c.query('CREATE TABLE "Shop" (id int)').then(() => undefined) });
    const p = probe(db.url(pg.roles.app));
    const writes = ['INSERT INTO "Shop" VALUES (1)', 'CREATE TABLE "Other" (id int)', 'UPDATE "Shop" SET id = 2', 'DELETE FROM "Shop"', 'SELECT * FROM "Shop" FOR UPDATE'];
    for (const sql of writes) {
      const error = await failure(p.read(sql));
      expect(error.detail, sql).toBe('25006'); // read_only_sql_transaction
    }
    const admin = await db.admin();
    try {
      expect((await admin.query('SELECT count(*)::int AS n FROM "Shop"')).rows[0]).toEqual({ n: 0 });
      expect((await admin.query(`SELECT to_regclass('"Other"') AS t`)).rows[0]).toEqual({ t: null });
    } finally {
      await admin.end();
    }
    // The session is still usable after refused statements, and read-only by default too (the second fence).
    expect(await p.read<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(await p.read("SELECT current_setting('default_transaction_read_only') AS ro")).toEqual([{ ro: 'on' }]);
  });

  it('serialises concurrent queries on its one connection and counts them', async () => {
    const db = await pg.database();
    const p = probe(db.url(pg.roles.app));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => p.read<{ n: number }>('SELECT $1::int AS n', [i])));
    expect(answers.map((rows) => rows[0]?.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(p.queryCount).toBe(20);
  });

  it('verifies the certificate for sslmode=verify-full with the configured CA, and fails without it', async () => {
    const db = await pg.database();
    const url = db.url(pg.roles.app, { sslmode: 'verify-full' });
    expect((await probe(url, { extraCa: pg.server.caPem! }).session()).ssl.used).toBe(true);
    const error = await failure(probe(url).session());
    expect(error.code).toBe('tls');
  });

  it('says the server is down when nothing listens', async () => {
    const db = await pg.database();
    const url = db.url(pg.roles.app).replace(`:${pg.server.port}/`, ':1/');
    const error = await failure(probe(url).session());
    expect(error.code).toBe('refused');
    expect(error.message).toMatch(/refused the connection: server down or wrong port/);
  });

  it('says the password is wrong, without printing it', async () => {
    const db = await pg.database();
    const wrong = 'Wr0ng-But-Secret-Password';
    const error = await failure(probe(db.url({ user: pg.roles.app.user, password: wrong })).session());
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/password authentication failed/);
    expect(error.message).not.toContain(wrong);
    expect(redactText(`oops ${wrong}`)).toBe('oops [REDACTED]');
  });

  it('gives up on a server that accepts TCP but never answers, within the connect timeout', async () => {
    const hanging = await hangingServer();
    try {
      const started = Date.now();
      const error = await failure(probe(`postgresql://u:p@127.0.0.1:${hanging.port}/db`, { limits: { connectTimeoutMs: 300 } }).session());
      expect(error.code).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await hanging.close();
    }
  });

  it('close() ends a session still connecting at once, instead of waiting out the connect timeout', async () => {
    const dropping = await synDroppingServer();
    try {
      const p = probe(`postgresql://u:p@127.0.0.1:${dropping.port}/db`, { limits: { connectTimeoutMs: 30_000 } });
      const session = failure(p.session());
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      await p.close();
      expect((await session).code).toBe('aborted');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await dropping.close();
    }
  });

  it('gives up waiting for a table another session locked, and names the lock holder', async () => {
    const db = await pg.database({ setup: (c) => c.query('CREATE TABLE "Shop" (id int)').then(() => undefined) });
    const locker = await db.admin();
    try {
      await locker.query("SET application_name = 'stuck-migration'");
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE "Shop" IN ACCESS EXCLUSIVE MODE');
      const p = probe(db.url(pg.roles.app), { limits: { lockTimeoutMs: 200, statementTimeoutMs: 1_000 } });
      const started = Date.now();
      const error = await failure(p.read('SELECT count(*) FROM "Shop"'));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error.code).toBe('timeout');
      expect(error.message).toMatch(/waited more than 200 ms for a table lock.*"Shop" \(AccessExclusiveLock by pid \d+, stuck-migration/);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });

  it('ends a slow statement at the statement timeout', async () => {
    const db = await pg.database();
    const error = await failure(probe(db.url(pg.roles.app), { limits: { statementTimeoutMs: 200 } }).read('SELECT pg_sleep(2)'));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/longer than the 200 ms statement timeout/);
  });

  it('rejects a URL that is not postgres:// as a protocol error', () => {
    expect(() => probe('mysql://u:p@h/db')).toThrow(/expected a postgres:\/\/ or postgresql:\/\/ URL/);
  });
});

describe('PostgresProbe against a server without TLS', () => {
  const pg = usePostgres();

  it("falls back to plain for libpq's default prefer, and fails for require", async () => {
    const db = await pg.database();
    expect((await probe(db.url(pg.roles.app)).session()).ssl.used).toBe(false);
    const error = await failure(probe(db.url(pg.roles.app, { sslmode: 'require' })).session());
    expect(error.code).toBe('tls');
    expect(error.message).toMatch(/does not support SSL/);
  });
});
