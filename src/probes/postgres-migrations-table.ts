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

/** An object a migration created, to look up in the catalog (names as PostgreSQL stores them, unquoted). */
export interface ExpectedObject {
  kind: 'table' | 'index' | 'type' | 'schema' | 'column' | 'constraint';
  /** Default: the URL's ?schema= (Prisma's search_path). */
  schema?: string;
  name: string;
  /** The table of a column, constraint or index. */
  table?: string;
}

/** At most this many objects are looked up per call, so a huge script cannot make the query unbounded. */
const OBJECT_LOOKUP_CAP = 1_000;

/**
 * Which of `objects` do not exist, in one catalog query (to_regclass, to_regtype, pg_namespace, pg_attribute,
 * pg_constraint); unqualified names resolve in the URL's schema, as Prisma's migrations do.
 */
export function absentObjects(probe: PostgresProbe, objects: readonly ExpectedObject[]): Promise<ExpectedObject[]> {
  const list = objects.slice(0, OBJECT_LOOKUP_CAP).map((o) => ({ ...o, schema: o.schema ?? probe.target.schema }));
  return probe.memo.get(`absent-objects:${JSON.stringify(list)}`, async () => {
    if (list.length === 0) return [];
    const rows = await probe.read<{ i: number }>(
      `SELECT o.i FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS o(v, i)
        WHERE NOT CASE o.v->>'kind'
          WHEN 'table' THEN to_regclass(quote_ident(o.v->>'schema') || '.' || quote_ident(o.v->>'name')) IS NOT NULL
          WHEN 'index' THEN to_regclass(quote_ident(o.v->>'schema') || '.' || quote_ident(o.v->>'name')) IS NOT NULL
          WHEN 'type' THEN to_regtype(quote_ident(o.v->>'schema') || '.' || quote_ident(o.v->>'name')) IS NOT NULL
          WHEN 'schema' THEN EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = o.v->>'name')
          WHEN 'column' THEN EXISTS (SELECT 1 FROM pg_attribute
                                      WHERE attrelid = to_regclass(quote_ident(o.v->>'schema') || '.' || quote_ident(o.v->>'table'))
                                        AND attname = o.v->>'name' AND NOT attisdropped)
          WHEN 'constraint' THEN EXISTS (SELECT 1 FROM pg_constraint
                                          WHERE conrelid = to_regclass(quote_ident(o.v->>'schema') || '.' || quote_ident(o.v->>'table'))
                                            AND conname = o.v->>'name')
          ELSE true END
        ORDER BY o.i`,
      [JSON.stringify(list)],
    );
    return rows.map((r) => list[Number(r.i) - 1]!);
  });
}
