import { afterAll, beforeAll, expect } from 'vitest';
import { stringify } from 'yaml';
import type { Check } from '../../src/kit/check.js';
import { runChecks } from '../../src/run/runner.js';
import type { CheckResult } from '../../src/core/types.js';
import { createDatabase, createRoles, type DatabaseSpec, type FixtureDatabase, type FixtureRoles } from '../../fixtures/db/databases.js';
import { startPostgres, type PostgresServer, type StartOptions } from '../../fixtures/db/server.js';
import { RunProbes } from '../../src/probes/probe-set.js';
import { postgresProbe } from '../../src/probes/postgres-catalog.js';
import { recording, recordingHooks, saveScenario, type RecordedCall } from './observations.js';
import { targetFrom } from './target.js';

export interface PostgresSuite {
  readonly server: PostgresServer;
  readonly roles: FixtureRoles;
  database(spec?: DatabaseSpec): Promise<FixtureDatabase>;
}

/** One throwaway PostgreSQL for the test file (started in beforeAll, removed in afterAll), with the fixture roles. */
export function usePostgres(options: StartOptions = {}): PostgresSuite {
  let server: PostgresServer | undefined;
  let roles: FixtureRoles | undefined;
  beforeAll(async () => {
    server = await startPostgres(options);
    roles = await createRoles(server);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('PostgreSQL is not started yet (use it inside a test or hook)');
      return server;
    },
    get roles() {
      if (!roles) throw new Error('PostgreSQL is not started yet (use it inside a test or hook)');
      return roles;
    },
    database(spec) {
      return createDatabase(this.server, this.roles, spec);
    },
  };
}

/**
 * A database whose statement statistics show a slow report (50 calls of 250 ms, from five sessions at once, so in a
 * fifth of the wall time) among 500 cheap health-check SELECT 1s that outnumber it.
 */
export async function slowReportAmongHealthChecks(pg: PostgresSuite): Promise<FixtureDatabase> {
  const db = await pg.database({
    setup: async (c) => {
      for (let i = 0; i < 500; i++) await c.query('SELECT 1');
    },
  });
  await Promise.all(
    Array.from({ length: 5 }, () =>
      db.asApp(async (c) => {
        for (let i = 0; i < 10; i++) await c.query('SELECT count(*) AS orders, pg_sleep(0.25) FROM generate_series(1, $1::int) g', [1000]);
      }),
    ),
  );
  return db;
}

export interface RunOptions {
  /** `checks.<id>.options`, the same for every check run. */
  checkOptions?: Record<string, unknown>;
  timeoutMs?: number;
  /** Other keys of the environment (e.g. services). */
  extra?: Record<string, unknown>;
  /** PEM trusted as the config's tls.ca would be. */
  extraCa?: string;
  /** With one check: records the run as this scenario of its observations (see run-check.ts). */
  record?: string;
}

export interface DatabaseRun {
  result: CheckResult;
  /** Read-only transactions the run sent through the shared session. */
  queries: number;
}

/**
 * Runs checks through the real runner against a config whose environment has `database:` as given
 * (plus `checks.<id>.options`), and returns the first check's result.
 */
export async function runDatabaseChecks(
  checks: readonly Check[],
  database: Record<string, unknown>,
  options: RunOptions = {},
): Promise<{ results: CheckResult[]; queries: number }> {
  const config = {
    version: 1,
    environments: { test: { database, ...options.extra } },
  };
  const target = targetFrom(stringify(config));
  const calls: RecordedCall[] = [];
  const record = recording && options.record && checks.length === 1 ? options.record : undefined;
  const probes = new RunProbes(
    { target, signal: new AbortController().signal, userAgent: 'readiness-test', ...(options.extraCa ? { extraCa: options.extraCa } : {}) },
    record ? recordingHooks(calls) : {},
  );
  const checkOptions = options.checkOptions ?? {};
  const overrides = Object.fromEntries(checks.filter((check) => check.options).map((check) => [check.id, { options: checkOptions }]));
  try {
    const { results } = await runChecks({ checks, target, probes, concurrency: 8, timeoutMs: options.timeoutMs ?? 20_000, overrides });
    const queries = target.environment.database?.url ? probes.get(postgresProbe).main().queryCount : 0;
    if (record) {
      saveScenario(checks[0]!.id, record, {
        recordedBy: expect.getState().currentTestName ?? 'unknown test',
        environmentName: target.name,
        environment: JSON.parse(JSON.stringify(target.environment)) as Record<string, unknown>,
        ...(options.checkOptions ? { options: options.checkOptions } : {}),
        result: { status: results[0]!.status, message: results[0]!.message },
        calls: calls.filter((call) => !call.path.endsWith('.queryCount')),
      });
    }
    return { results, queries };
  } finally {
    await probes.close();
  }
}

export async function runDatabaseCheck(
  check: Check,
  database: Record<string, unknown>,
  options: RunOptions = {},
): Promise<DatabaseRun> {
  const { results, queries } = await runDatabaseChecks([check], database, options);
  return { result: results[0]!, queries };
}
