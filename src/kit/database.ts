import type { ProbeErrorCode } from '../core/errors.js';
import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { postgresProbe, type DatabaseCatalog } from '../probes/postgres-catalog.js';
import type { CheckContext } from './check.js';
import { probeFailure } from './probe-failure.js';

/** What to do when the database could not be observed, by reason. */
const REMEDIATION: Partial<Record<ProbeErrorCode, string>> = {
  refused: 'Check that the server is up and that database.url names the right host and port (and that this machine may reach it).',
  dns: 'Check the host in database.url; private hosts such as *.railway.internal resolve only inside that network: run readiness there, or use the public proxy URL.',
  auth: "Check the user and password in database.url (usually ${DATABASE_URL}); if the password was rotated, update every service's variable too.",
  timeout:
    'A table was locked or a query was slow: see which session holds the lock (pg_locks, pg_stat_activity), let a running migration finish, or raise database.statementTimeout / database.lockTimeout.',
  permission:
    'Grant the role what the tool reads: GRANT pg_read_all_stats TO <role>; GRANT SELECT ON _prisma_migrations TO <role> (see docs/database.md, "Minimal grants").',
  tls: 'Check sslmode in database.url; for verify-ca/verify-full give the CA with sslrootcert= or tls.ca in the config.',
  protocol: 'Fix database.url: it must be a postgres:// or postgresql:// URL.',
  unavailable: 'Check that the database named in database.url exists and accepts connections.',
};

export interface DatabaseCheckOptions {
  /** Probe failures that are themselves the verdict (e.g. "cannot connect" for "Verify database connections"). */
  failOn?: readonly ProbeErrorCode[];
}

/**
 * Runs a database check's judgement with the shared read-only session. An empty database.url makes the
 * check `skip` (that is how a config opts out, e.g. `${DATABASE_URL:-}`); a probe failure becomes `error`
 * with its reason and what to do — never a pass.
 */
export async function withDatabase(
  ctx: CheckContext<unknown>,
  judge: (database: DatabaseCatalog) => Promise<CheckOutcome>,
  options: DatabaseCheckOptions = {},
): Promise<CheckOutcome> {
  if (!ctx.environment.database?.url) {
    return outcome(
      'skip',
      `environments.${ctx.environmentName}.database.url is empty, so there is no database to check (set the variable it comes from to check one)`,
    );
  }
  try {
    const database = ctx.probe(postgresProbe).main();
    await database.session();
    return await judge(database);
  } catch (error) {
    return databaseFailure(error, options.failOn ?? []);
  }
}

/** A probe failure as an outcome, with the reason in the evidence and what to do about that reason. */
export function databaseFailure(error: unknown, failOn: readonly ProbeErrorCode[] = []): CheckOutcome {
  return probeFailure(error, failOn, REMEDIATION);
}
