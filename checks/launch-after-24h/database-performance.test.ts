import { describe, expect, it } from 'vitest';
import { runDatabaseCheck, slowReportAmongHealthChecks, usePostgres } from '../../test/helpers/postgres.js';
import check from './database-performance.js';

describe('launch-after-24h.database-performance against a real PostgreSQL', () => {
  const pg = usePostgres();

  it('gathers the figures for the review and leaves the verdict to a person when nothing is slow', async () => {
    const db = await pg.database({
      setup: async (c) => {
        for (let i = 0; i < 100; i++) await c.query('SELECT $1::int * 2 AS n', [i]);
      },
    });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'nothing slow' });
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^no slow statement \(100\+ calls, 100\+ ms mean\); database [\d.]+ [kM]B, \d+ of 37 connections in use/);
    expect(result.evidence.topByTotalTime).toEqual(expect.arrayContaining([expect.objectContaining({ query: 'SELECT $1::int * $2 AS n', calls: 100 })]));
  });

  it('warns on slow frequent statements', async () => {
    const db = await pg.database({
      setup: async (c) => {
        for (let i = 0; i < 100; i++) await c.query('SELECT pg_sleep(0.003)');
      },
    });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { checkOptions: { slowMeanMs: 2 }, record: 'slow frequent statement' });
    expect(result.status).toBe('warn');
    expect(result.evidence.slow).toEqual([expect.objectContaining({ query: 'SELECT pg_sleep($1)', calls: 100 })]);
  });

  it('warns on a slow report query run 50 times among 500 cheap health-check SELECT 1s', async () => {
    const db = await slowReportAmongHealthChecks(pg);
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'slow report among cheap health checks' });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/^1 statement\(s\) with 100\+ calls or in the top 80% of statement time average 100 ms or more \(database [\d.]+ [kM]B\)$/);
    expect(result.evidence.slow).toEqual([expect.objectContaining({ calls: 50 })]);
  }, 60_000);

  it('is manual with how to enable pg_stat_statements when it is missing', async () => {
    const db = await pg.database({ statements: false });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'extension not installed' });
    expect(result).toMatchObject({ status: 'manual', evidence: { statements: 'not-installed' } });
    expect(result.remediation).toMatch(/shared_preload_libraries/);
  });

  it('reports error with the reason when the server is down', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader).replace(`:${pg.server.port}/`, ':1/') }, { record: 'server down' });
    expect(result).toMatchObject({ status: 'error', evidence: { reason: 'refused' } });
  });
});
