import { describe, expect, it } from 'vitest';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import check from './database-connections.js';

describe('launch-before.database-connections against a real PostgreSQL', () => {
  const pg = usePostgres({ ssl: true });

  it('passes when the configured URL connects, with version, TLS and usage in the message', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader, { sslmode: 'require' }) }, { record: 'connected over TLS' });
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(
      new RegExp(`^connected as readiness_reader to ${db.name} \\(PostgreSQL 1\\d\\.\\d+, TLSv1\\.3\\) in \\d+ ms; \\d+ of 37 usable connections in use \\([\\d.]+%\\)$`),
    );
  });

  it('fails when the server refuses the connection or rejects the password: that is the verdict here', async () => {
    const db = await pg.database();
    const down = await runDatabaseCheck(check, { url: db.url(pg.roles.reader).replace(`:${pg.server.port}/`, ':1/') }, { record: 'server down' });
    expect(down.result).toMatchObject({ status: 'fail', evidence: { reason: 'refused' } });
    const wrong = await runDatabaseCheck(check, { url: db.url({ user: pg.roles.reader.user, password: 'expired-password-1' }) }, { record: 'wrong password' });
    expect(wrong.result).toMatchObject({ status: 'fail', evidence: { reason: 'auth' } });
    expect(wrong.result.remediation).toMatch(/Check the user and password in database\.url/);
  });

  it('warns when connection usage is above the threshold', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { checkOptions: { warnPercent: 1 }, record: 'usage above threshold' });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/usable connections in use \([\d.]+%\), above 1%$/);
  });

  it("judges the application's role, not the tool's: an expired password, NOLOGIN, CONNECTION LIMIT 0 or no CONNECT fail", async () => {
    const db = await pg.database();
    const admin = await db.admin();
    try {
      await admin.query(`CREATE ROLE expired_app LOGIN PASSWORD 'expired-app-pw-1' VALID UNTIL '2020-01-01'`);
      await admin.query(`CREATE ROLE nologin_app NOLOGIN`);
      await admin.query(`CREATE ROLE capped_app LOGIN CONNECTION LIMIT 0`);
      await admin.query(`CREATE ROLE soon_app LOGIN VALID UNTIL '${new Date(Date.now() + 3.5 * 86_400_000).toISOString()}'`);
      await admin.query(`CREATE ROLE locked_out_app LOGIN`);
      await admin.query(`REVOKE CONNECT ON DATABASE ${db.name} FROM PUBLIC`);
      await admin.query(`GRANT CONNECT ON DATABASE ${db.name} TO ${pg.roles.reader.user}, ${pg.roles.app.user}, expired_app, nologin_app, capped_app, soon_app`);
    } finally {
      await admin.end();
    }
    const run = (appRole: string, record: string) =>
      runDatabaseCheck(check, { url: db.url(pg.roles.reader, { sslmode: 'require' }), appRole }, { record });
    const expired = (await run('expired_app', 'app role password expired')).result;
    expect(expired.status).toBe('fail');
    expect(expired.message).toMatch(
      /^connected as readiness_reader .*, but the application role expired_app \(database\.appRole\) has a password that expired \(VALID UNTIL 2020-01-01 00:00:00\+00\): password logins as it are refused$/,
    );
    expect((await run('nologin_app', 'app role NOLOGIN')).result.message).toMatch(/the application role nologin_app \(database\.appRole\) is NOLOGIN/);
    const capped = (await run('capped_app', 'app role connection limit 0')).result;
    expect(capped).toMatchObject({ status: 'fail', message: expect.stringMatching(/has CONNECTION LIMIT 0: no session may open/) });
    expect((await run('locked_out_app', 'app role without CONNECT')).result.message).toMatch(/locked_out_app \(database\.appRole\) has no CONNECT privilege on database/);
    expect((await run('ghost_app', 'app role missing')).result.message).toMatch(/the application role ghost_app \(database\.appRole\) does not exist on this server/);
    const soon = (await run('soon_app', 'app role password expires soon')).result;
    expect(soon).toMatchObject({ status: 'warn', message: expect.stringMatching(/soon_app \(database\.appRole\) has a password that expires in 3 day\(s\)/) });
    const healthy = (await run(pg.roles.app.user, 'app role can log in')).result;
    expect(healthy.status).toBe('pass');
    expect(healthy.evidence).toMatchObject({ applicationRole: { role: 'shop_app', canLogin: true, validUntil: null, canConnect: true } });
  });

  it('reports error, not fail, when the server does not answer within the connect timeout', async () => {
    const hanging = await hangingServer();
    try {
      const { result } = await runDatabaseCheck(check, { url: `postgresql://u:p@127.0.0.1:${hanging.port}/db`, connectTimeout: '300ms' }, { record: 'server hangs' });
      expect(result).toMatchObject({ status: 'error', evidence: { reason: 'timeout' } });
      expect(result.message).toMatch(/no connection within 300 ms/);
    } finally {
      await hanging.close();
    }
  });
});
