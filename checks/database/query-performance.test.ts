import { describe, expect, it } from 'vitest';
import { runDatabaseCheck, slowReportAmongHealthChecks, usePostgres } from '../../test/helpers/postgres.js';
import check from './query-performance.js';

describe('database.query-performance against a real PostgreSQL with pg_stat_statements', () => {
  const pg = usePostgres();

  it('warns on a frequent statement that is slow on average, with its normalised text', async () => {
    const db = await pg.database({
      setup: async (c) => {
        for (let i = 0; i < 100; i++) await c.query('SELECT pg_sleep(0.003), $1::int AS n', [i]);
      },
    });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { checkOptions: { slowMeanMs: 2 }, record: 'slow frequent statement' });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/^1 statement\(s\) with 100\+ calls average 2 ms or more; slowest [\d.]+ ms over 100 calls: SELECT pg_sleep\(\$2\), \$1::int AS n$/);
  });

  it('passes when frequent statements are fast', async () => {
    const db = await pg.database({
      setup: async (c) => {
        for (let i = 0; i < 100; i++) await c.query('SELECT $1::int + 1 AS n', [i]);
      },
    });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'fast frequent statement' });
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(/^none of 1 statement\(s\) with 100\+ calls averages 100 ms or more/);
  });

  it('warns on a slow report query run 50 times, though 500 cheap health-check SELECT 1s have more calls', async () => {
    const db = await slowReportAmongHealthChecks(pg);
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'slow report among cheap health checks' });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(
      /^1 statement\(s\) with 100\+ calls or in the top 80% of statement time average 100 ms or more; slowest 2\d\d(\.\d)? ms over 50 calls \([\d.]+% of statement time\): SELECT count\(\*\) AS orders, pg_sleep\(\$2\) FROM generate_series\(\$3, \$1::int\) g$/,
    );
  }, 60_000);

  it('is manual, not pass, when no statement has enough calls to judge', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'too few calls' });
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^no statement has 100\+ calls yet/);
  });

  it('is manual, saying how to enable it, when the extension is not installed', async () => {
    const db = await pg.database({ statements: false });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'extension not installed' });
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^the pg_stat_statements extension is not installed in this database/);
    expect(result.remediation).toMatch(/shared_preload_libraries.*CREATE EXTENSION pg_stat_statements/);
  });

  it('never reads utility statements, whose text keeps literals such as passwords', async () => {
    const db = await pg.database({
      setup: async (c) => {
        for (let i = 0; i < 100; i++) await c.query(`ALTER ROLE ${pg.roles.app.user} PASSWORD 'Sup3r-Secret-Rotation'`);
        await c.query(`ALTER ROLE ${pg.roles.app.user} PASSWORD '${pg.roles.app.password}'`);
      },
    });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { checkOptions: { slowMeanMs: 0.000001 } });
    expect(JSON.stringify(result)).not.toContain('Sup3r-Secret-Rotation');
  });

  it('reports error with the reason when the server is down', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader).replace(`:${pg.server.port}/`, ':1/') }, { record: 'server down' });
    expect(result).toMatchObject({ status: 'error', evidence: { reason: 'refused' } });
  });
});

describe('database.query-performance when pg_stat_statements is installed but not preloaded', () => {
  const pg = usePostgres({ settings: { shared_preload_libraries: '' } });

  it('is manual and says to add it to shared_preload_libraries', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'extension not preloaded' });
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^pg_stat_statements is installed but not loaded \(add it to shared_preload_libraries and restart\)/);
  });
});
