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
