import type { PostgresProbe } from './postgres.js';
import { CATALOG_ROW_CAP, quoteIdent, iso } from './postgres-sql.js';

/** Prisma's `_prisma_migrations` table and who holds its advisory lock. */

export interface MigrationRow {
  id: string;
  checksum: string;
  migrationName: string;
  startedAt: string;
  finishedAt: string | null;
  rolledBackAt: string | null;
  /** First 2,000 characters of Prisma's log for the migration. */
  logs: string | null;
  appliedStepsCount: number;
}

export interface AdvisoryLockHolder {
  pid: number;
  granted: boolean;
  application: string | null;
  state: string | null;
  /** Seconds since the holder's transaction (or query) started. */
  seconds: number | null;
}

/** Prisma's advisory lock key (`pg_advisory_lock(72707369)`), taken by migrate deploy/dev while it runs. */
export const PRISMA_ADVISORY_LOCK = 72707369;

export interface MigrationTableFacts {
  /** Schema-qualified name looked for. */
  table: string;
  exists: boolean;
  rows: MigrationRow[];
  lockHolders: AdvisoryLockHolder[];
}

export function migrationTable(probe: PostgresProbe): Promise<MigrationTableFacts> {
  return probe.memo.get('prisma-migrations', async () => {
    const schema = probe.target.schema;
    const table = `${quoteIdent(schema)}._prisma_migrations`;
    const [head] = await probe.read<{ exists: boolean; holders: AdvisoryLockHolder[] | null }>(
      `SELECT to_regclass($1) IS NOT NULL AS exists,
              (SELECT json_agg(json_build_object('pid', l.pid, 'granted', l.granted, 'application', a.application_name, 'state', a.state,
                        'seconds', round(extract(epoch FROM now() - coalesce(a.xact_start, a.query_start, a.backend_start)))::int))
                 FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = $2 AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS holders`,
      [table, PRISMA_ADVISORY_LOCK],
    );
    const facts: MigrationTableFacts = { table: `${schema}._prisma_migrations`, exists: head?.exists === true, rows: [], lockHolders: head?.holders ?? [] };
    if (!facts.exists) return facts;
    const rows = await probe.read<{
      id: string;
      checksum: string;
      migration_name: string;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(
      `SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, left(logs, 2000) AS logs, applied_steps_count
         FROM ${table} ORDER BY started_at, migration_name LIMIT ${CATALOG_ROW_CAP}`,
    );
    facts.rows = rows.map((r) => ({
      id: r.id,
      checksum: r.checksum,
      migrationName: r.migration_name,
      startedAt: iso(r.started_at)!,
      finishedAt: iso(r.finished_at),
      rolledBackAt: iso(r.rolled_back_at),
      logs: r.logs,
      appliedStepsCount: r.applied_steps_count,
    }));
    return facts;
  });
}
