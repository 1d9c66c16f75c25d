import { describe, expect, it } from 'vitest';
import { defineCheck } from '../kit/check.js';
import type { SessionInfo } from '../probes/postgres.js';
import { parseDatabaseUrl } from '../probes/postgres-url.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import { verifyDatabaseTransportAndPrivileges } from '../kit/database-session.js';
import { judgeTransport, type TransportOptions } from './database-privileges.js';

/** A stand-in check that runs the exported function, as security.database-credentials will once merged. */
const probeCheck = (options?: TransportOptions) =>
  defineCheck({
    id: 'security.database-credentials',
    section: 'security',
    item: 'Database credentials are strong and unique',
    severity: 'critical',
    automation: 'automated',
    needs: ['database'],
    verifies: 'test',
    how: 'test',
    remediation: 'test',
    run: (ctx) => verifyDatabaseTransportAndPrivileges(ctx, options),
  });

describe('database transport and role privileges against a real PostgreSQL', () => {
  const pg = usePostgres({ ssl: true });

  it('passes for the application role over TLS', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(probeCheck(), { url: db.url(pg.roles.app, { sslmode: 'require' }) });
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(/^session encrypted with TLSv1\.3 \(.+\); role shop_app is not a superuser and has no CREATEROLE or BYPASSRLS$/);
  });

  it('fails for a superuser, naming the attribute', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(probeCheck(), { url: pg.server.url({ database: db.name, params: { sslmode: 'require' } }) });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^role: role postgres has SUPERUSER, CREATEROLE, BYPASSRLS: a leaked DATABASE_URL/);
  });

  it('fails for CREATEROLE, BYPASSRLS, or membership in a role that has them; warns for CREATEDB', async () => {
    const db = await pg.database();
    const admin = await db.admin();
    await admin.query(`CREATE ROLE role_maker LOGIN PASSWORD 'role-maker-pw' CREATEROLE`);
    await admin.query(`CREATE ROLE rls_skipper LOGIN PASSWORD 'rls-skipper-pw' BYPASSRLS`);
    await admin.query(`CREATE ROLE admins SUPERUSER NOLOGIN`);
    await admin.query(`CREATE ROLE sneaky LOGIN PASSWORD 'sneaky-pw-1' IN ROLE admins`);
    await admin.query(`CREATE ROLE builder LOGIN PASSWORD 'builder-pw-1' CREATEDB`);
    await admin.end();
    const run = (user: string, password: string) => runDatabaseCheck(probeCheck(), { url: db.url({ user, password }) });
    expect((await run('role_maker', 'role-maker-pw')).result.message).toMatch(/role role_maker has CREATEROLE/);
    expect((await run('rls_skipper', 'rls-skipper-pw')).result.message).toMatch(/role rls_skipper has BYPASSRLS/);
    const sneaky = (await run('sneaky', 'sneaky-pw-1')).result;
    expect(sneaky).toMatchObject({ status: 'fail', message: expect.stringMatching(/role sneaky can SET ROLE to admins \(SUPERUSER\)/) });
    expect((await run('builder', 'builder-pw-1')).result).toMatchObject({ status: 'warn', message: expect.stringMatching(/role builder has CREATEDB/) });
  });

  it('judges database.appRole when the tool connects with a monitoring role', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(probeCheck(), { url: db.url(pg.roles.reader), appRole: 'postgres' });
    expect(result).toMatchObject({ status: 'fail', message: expect.stringMatching(/role postgres has SUPERUSER/) });
    const missing = await runDatabaseCheck(probeCheck(), { url: db.url(pg.roles.reader), appRole: 'ghost' });
    expect(missing.result).toMatchObject({ status: 'error', message: expect.stringMatching(/role ghost \(database\.appRole\) does not exist/) });
  });

  it('fails on a session without TLS when TLS is required, and passes a loopback one by default', async () => {
    const db = await pg.database();
    const plain = db.url(pg.roles.app, { sslmode: 'disable' });
    expect((await runDatabaseCheck(probeCheck(), { url: plain })).result.message).toMatch(/^not encrypted, but 127\.0\.0\.1 is local/);
    const { result } = await runDatabaseCheck(probeCheck({ requireTls: 'always', privateNetworkHosts: [] }), { url: plain });
    expect(result).toMatchObject({ status: 'fail', message: expect.stringMatching(/^transport: session to 127\.0\.0\.1 is not encrypted/) });
  });

  it('reports error with the reason when the password is wrong', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(probeCheck(), { url: db.url({ user: pg.roles.app.user, password: 'definitely-wrong' }) });
    expect(result).toMatchObject({ status: 'error', evidence: { reason: 'auth' } });
  });
});

describe('judgeTransport for hosts off this machine', () => {
  const session = (used: boolean): SessionInfo => ({
    serverVersion: '16.4',
    serverVersionNum: 160004,
    user: 'app',
    database: 'shop',
    ssl: used ? { used, version: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' } : { used, version: null, cipher: null },
    connectMs: 5,
  });
  const url = (host: string) => parseDatabaseUrl(`postgresql://app:pw@${host}:5432/shop`).url;

  it.each([
    ['db.example.com', true, 'pass'],
    ['db.example.com', false, 'fail'],
    ['postgres.railway.internal', false, 'warn'],
    ['localhost', false, 'pass'],
    ['127.0.0.2', false, 'pass'],
    ['[::1]', false, 'pass'],
  ] as const)('%s with TLS %s → %s', (host, tls, status) => {
    expect(judgeTransport(url(host), session(tls)).status).toBe(status);
  });
});
