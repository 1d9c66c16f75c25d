import { isProbeError } from './errors.js';
import type { PostgresProbe } from './postgres.js';

/**
 * The observations the database checks judge, each one catalog query (or two) through the shared read-only
 * session and memoised, so checks that need the same fact share one query. Only catalogs and statistics views
 * are read — never application tables — so the role needs no grant beyond pg_read_all_stats and SELECT on
 * `_prisma_migrations` (see docs/database.md).
 */

/** Schemas of the system, never judged. */
const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
/** Caps on rows read from catalogs, so a huge schema cannot make a check unbounded. */
export const CATALOG_ROW_CAP = 20_000;

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

export interface ForeignKey {
  schema: string;
  table: string;
  name: string;
  /** Columns in constraint order. */
  columns: string[];
  references: string;
  validated: boolean;
}

export interface TableIndex {
  schema: string;
  table: string;
  name: string;
  /** Key columns in index order; null for an expression. */
  columns: (string | null)[];
  valid: boolean;
  partial: boolean;
}

export interface IdLikeColumn {
  schema: string;
  table: string;
  column: string;
  /** Part of the table's primary key. */
  inPrimaryKey: boolean;
}

export interface DisabledForeignKey {
  schema: string;
  table: string;
  constraint: string;
}

export interface RelationFacts {
  foreignKeys: ForeignKey[];
  indexes: TableIndex[];
  /** Columns named `<x>_id` / `<x>Id` (the rule decides which matter). */
  idLikeColumns: IdLikeColumn[];
  /** Foreign keys whose enforcement triggers were disabled (ALTER TABLE … DISABLE TRIGGER ALL). */
  disabledForeignKeys: DisabledForeignKey[];
  /** Names of the user tables (not partitions), lower-cased, for matching `<x>Id` columns to tables. */
  tables: string[];
}

export function relations(probe: PostgresProbe): Promise<RelationFacts> {
  return probe.memo.get('relations', async () => {
    const foreignKeys = await probe.read<ForeignKey>(
      `SELECT n.nspname AS schema, t.relname AS table, c.conname AS name, c.convalidated AS validated,
              c.confrelid::regclass::text AS references,
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND c.conparentid = 0 AND ${SYSTEM_SCHEMAS}
        ORDER BY 1, 2, 3 LIMIT ${CATALOG_ROW_CAP}`,
    );
    const indexes = await probe.read<TableIndex>(
      `SELECT n.nspname AS schema, t.relname AS table, ic.relname AS name, i.indisvalid AS valid, i.indpred IS NOT NULL AS partial,
              array(SELECT a.attname::text FROM unnest((string_to_array(i.indkey::text, ' ')::int[])[1:i.indnkeyatts]) WITH ORDINALITY k(attnum, ord)
                      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE ${SYSTEM_SCHEMAS}
        ORDER BY 1, 2, 3 LIMIT ${CATALOG_ROW_CAP}`,
    );
    const idLikeColumns = await probe.read<IdLikeColumn>(
      `SELECT n.nspname AS schema, t.relname AS table, a.attname AS column,
              EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = t.oid AND p.contype = 'p' AND a.attnum = ANY (p.conkey)) AS "inPrimaryKey"
         FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition AND a.attnum > 0 AND NOT a.attisdropped
          AND a.attname ~ '(_id|Id|ID)$' AND ${SYSTEM_SCHEMAS}
        ORDER BY 1, 2, 3 LIMIT ${CATALOG_ROW_CAP}`,
    );
    const [other] = await probe.read<{ disabled: DisabledForeignKey[] | null; tables: string[] | null }>(
      `SELECT (SELECT json_agg(DISTINCT jsonb_build_object('schema', n.nspname, 'table', t.relname, 'constraint', c.conname))
                 FROM pg_trigger tg JOIN pg_constraint c ON c.oid = tg.tgconstraint JOIN pg_class t ON t.oid = c.conrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE tg.tgisinternal AND c.contype = 'f' AND tg.tgenabled = 'D') AS disabled,
              (SELECT array_agg(lower(t.relname::text)) FROM (SELECT t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition AND t.relname <> '_prisma_migrations' AND ${SYSTEM_SCHEMAS}
                LIMIT ${CATALOG_ROW_CAP}) t) AS tables`,
    );
    return { foreignKeys, indexes, idLikeColumns, disabledForeignKeys: other?.disabled ?? [], tables: other?.tables ?? [] };
  });
}

export interface TableActivity {
  schema: string;
  table: string;
  seqScan: number;
  idxScan: number;
  liveRows: number;
}

export interface TableStatsFacts {
  tables: TableActivity[];
  /** When this database's statistics were last reset (null: never, i.e. since the server started). */
  statsReset: string | null;
}

export function tableStats(probe: PostgresProbe): Promise<TableStatsFacts> {
  return probe.memo.get('table-stats', async () => {
    const tables = await probe.read<{ schema: string; table: string; seq_scan: string; idx_scan: string | null; live: string }>(
      `SELECT schemaname AS schema, relname AS table, seq_scan, idx_scan, n_live_tup AS live
         FROM pg_stat_user_tables ORDER BY n_live_tup DESC LIMIT ${CATALOG_ROW_CAP}`,
    );
    const [reset] = await probe.read<{ stats_reset: Date | null }>(
      'SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()',
    );
    return {
      tables: tables.map((t) => ({ schema: t.schema, table: t.table, seqScan: Number(t.seq_scan), idxScan: Number(t.idx_scan ?? 0), liveRows: Number(t.live) })),
      statsReset: iso(reset?.stats_reset ?? null),
    };
  });
}

export interface SettingFact {
  setting: string;
  /** pg_settings.source: default, configuration file, database, user, client, … */
  source: string;
}

export interface RoleSetting {
  /** Role the override applies to; null for every role (ALTER DATABASE … SET). */
  role: string | null;
  /** True when it applies to this database only (ALTER DATABASE, or ALTER ROLE … IN DATABASE). */
  thisDatabase: boolean;
  name: string;
  value: string;
}

export interface SettingsFacts {
  /** Settings this role can see, by name (superuser-only ones are absent). */
  settings: Record<string, SettingFact>;
  /** ALTER DATABASE / ALTER ROLE overrides that apply in this database (null when the catalog is not readable). */
  overrides: RoleSetting[] | null;
}

const SETTING_NAMES = [
  'TimeZone',
  'log_timezone',
  'max_connections',
  'superuser_reserved_connections',
  'reserved_connections',
  'session_replication_role',
  'default_transaction_read_only',
];

export function settings(probe: PostgresProbe): Promise<SettingsFacts> {
  return probe.memo.get('settings', async () => {
    const rows = await probe.read<{ name: string; setting: string; source: string }>(
      'SELECT name, setting, source FROM pg_settings WHERE name = ANY ($1)',
      [SETTING_NAMES],
    );
    let overrides: RoleSetting[] | null = null;
    try {
      const raw = await probe.read<{ role: string | null; this_database: boolean; config: string }>(
        `SELECT r.rolname AS role, s.setdatabase <> 0 AS this_database, unnest(s.setconfig) AS config
           FROM pg_db_role_setting s LEFT JOIN pg_roles r ON r.oid = s.setrole
          WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))`,
      );
      overrides = raw.map((r) => {
        const eq = r.config.indexOf('=');
        return { role: r.role, thisDatabase: r.this_database, name: r.config.slice(0, eq), value: r.config.slice(eq + 1) };
      });
    } catch {
      // Some managed services hide pg_db_role_setting; the session's own values still tell the story.
    }
    return { settings: Object.fromEntries(rows.map((r) => [r.name, { setting: r.setting, source: r.source }])), overrides };
  });
}

export interface ConnectionFacts {
  maxConnections: number;
  /** superuser_reserved_connections + reserved_connections (PG16+). */
  reserved: number;
  /** Client backends on the whole server, by state. */
  byState: Record<string, number>;
  clients: number;
  /** Client backends of this database. */
  thisDatabase: number;
  /** Client backends of this role. */
  thisRole: number;
  /** rolconnlimit of the role (-1 = none). */
  roleLimit: number;
  /** datconnlimit of the database (-1 = none). */
  databaseLimit: number;
}

/** Connection counts and limits; `roleName` (default the session's role) is the role whose limit and count apply. */
export function connections(probe: PostgresProbe, roleName?: string): Promise<ConnectionFacts> {
  return probe.memo.get(`connections:${roleName ?? ''}`, async () => {
    const [row] = await probe.read<{
      max: number;
      reserved: number;
      by_state: Record<string, number> | null;
      clients: number;
      this_db: number;
      this_role: number;
      role_limit: number;
      db_limit: number;
    }>(
      `SELECT current_setting('max_connections')::int AS max,
              current_setting('superuser_reserved_connections')::int
                + coalesce(current_setting('reserved_connections', true)::int, 0) AS reserved,
              (SELECT json_object_agg(state, n) FROM (SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n FROM pg_stat_activity
                 WHERE backend_type = 'client backend' GROUP BY 1) s) AS by_state,
              (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS clients,
              (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = current_database()) AS this_db,
              (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend' AND usename = coalesce($1, current_user)) AS this_role,
              coalesce((SELECT rolconnlimit FROM pg_roles WHERE rolname = coalesce($1, current_user)), -1) AS role_limit,
              (SELECT datconnlimit FROM pg_database WHERE datname = current_database()) AS db_limit`,
      [roleName ?? null],
    );
    return {
      maxConnections: row!.max,
      reserved: row!.reserved,
      byState: row!.by_state ?? {},
      clients: row!.clients,
      thisDatabase: row!.this_db,
      thisRole: row!.this_role,
      roleLimit: row!.role_limit,
      databaseLimit: row!.db_limit,
    };
  });
}

export interface RoleFacts {
  name: string;
  superuser: boolean;
  createRole: boolean;
  createDb: boolean;
  bypassRls: boolean;
  replication: boolean;
  /** Roles with superuser/createrole/bypassrls this role is a member of (it can SET ROLE to them). */
  privilegedMemberships: { name: string; superuser: boolean; createRole: boolean; bypassRls: boolean }[];
}

export function role(probe: PostgresProbe, name?: string): Promise<RoleFacts | undefined> {
  return probe.memo.get(`role:${name ?? ''}`, async () => {
    const [row] = await probe.read<RoleFacts & { memberships: RoleFacts['privilegedMemberships'] | null }>(
      `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolcreaterole AS "createRole", r.rolcreatedb AS "createDb",
              r.rolbypassrls AS "bypassRls", r.rolreplication AS replication,
              (SELECT json_agg(json_build_object('name', p.rolname, 'superuser', p.rolsuper, 'createRole', p.rolcreaterole, 'bypassRls', p.rolbypassrls))
                 FROM pg_roles p WHERE p.oid <> r.oid AND (p.rolsuper OR p.rolcreaterole OR p.rolbypassrls)
                  AND pg_has_role(r.oid, p.oid, 'MEMBER')) AS memberships
         FROM pg_roles r WHERE r.rolname = coalesce($1, current_user)`,
      [name ?? null],
    );
    if (!row) return undefined;
    const { memberships, ...facts } = row;
    return { ...facts, privilegedMemberships: memberships ?? [] };
  });
}

export interface DefaultedTimestampColumn {
  table: string;
  column: string;
  default: string;
}

/** `timestamp without time zone` columns defaulting to now(): they store the session's local time. */
export function localTimestampDefaults(probe: PostgresProbe): Promise<DefaultedTimestampColumn[]> {
  return probe.memo.get('local-timestamp-defaults', () =>
    probe.read<DefaultedTimestampColumn>(
      `SELECT n.nspname || '.' || t.relname AS table, a.attname AS column, pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.atttypid = 'timestamp'::regtype AND t.relkind IN ('r', 'p') AND NOT a.attisdropped AND ${SYSTEM_SCHEMAS}
          AND pg_get_expr(d.adbin, d.adrelid) ~* '(now\\(\\)|current_timestamp|localtimestamp|statement_timestamp|transaction_timestamp|clock_timestamp)'
        ORDER BY 1, 2 LIMIT ${CATALOG_ROW_CAP}`,
    ),
  );
}

export interface StatementStat {
  /** Normalised text (constants replaced by $n), first 1,000 characters; null when this role may not read it. */
  query: string | null;
  calls: number;
  meanMs: number;
  maxMs: number;
  totalMs: number;
  rows: number;
}

export type StatementStatsFacts =
  | { available: false; reason: 'not-installed' | 'not-loaded' | 'not-readable'; detail: string }
  | {
      available: true;
      /** Data statements of this database, heaviest total time first (capped). */
      statements: StatementStat[];
      statsReset: string | null;
    };

/**
 * pg_stat_statements rows of this database, heaviest first; `available: false` says why they cannot be read.
 * Only data statements (SELECT, INSERT, UPDATE, DELETE, WITH, MERGE…) are read: their constants are
 * normalised away, whereas utility statements such as ALTER ROLE … PASSWORD keep their text verbatim.
 */
export function statementStats(probe: PostgresProbe, limit = 200): Promise<StatementStatsFacts> {
  return probe.memo.get(`statements:${limit}`, async () => {
    const [ext] = await probe.read<{ schema: string }>(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'`,
    );
    if (!ext) {
      return { available: false, reason: 'not-installed', detail: 'the pg_stat_statements extension is not installed in this database' };
    }
    const session = await probe.session();
    const modern = session.serverVersionNum >= 130_000;
    const view = `${quoteIdent(ext.schema)}.pg_stat_statements`;
    const time = (name: string) => (modern ? `${name}_exec_time` : `${name}_time`);
    try {
      const rows = await probe.read<{ query: string | null; calls: string; mean: number; max: number; total: number; rows: string }>(
        `SELECT CASE WHEN query = '<insufficient privilege>' THEN NULL ELSE left(query, 1000) END AS query,
                calls, ${time('mean')} AS mean, ${time('max')} AS max, ${time('total')} AS total, rows
           FROM ${view}
          WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND (query IS NULL OR query = '<insufficient privilege>'
                 OR query ~* '^\\s*(/\\*.*?\\*/\\s*)*(select|insert|update|delete|with|merge|values|table)\\y')
          ORDER BY ${time('total')} DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
      );
      let statsReset: string | null = null;
      if (session.serverVersionNum >= 140_000) {
        const [info] = await probe.read<{ stats_reset: Date | null }>(`SELECT stats_reset FROM ${quoteIdent(ext.schema)}.pg_stat_statements_info`);
        statsReset = iso(info?.stats_reset ?? null);
      }
      return {
        available: true,
        statements: rows.map((r) => ({ query: r.query, calls: Number(r.calls), meanMs: r.mean, maxMs: r.max, totalMs: r.total, rows: Number(r.rows) })),
        statsReset,
      };
    } catch (error) {
      if (!isProbeError(error)) throw error;
      if (error.detail === '55000') {
        return { available: false, reason: 'not-loaded', detail: 'pg_stat_statements is installed but not loaded (add it to shared_preload_libraries and restart)' };
      }
      if (error.code === 'permission') return { available: false, reason: 'not-readable', detail: error.message };
      throw error;
    }
  });
}

export interface TableRows {
  /** schema.table */
  table: string;
  /** Estimated live rows: the larger of the statistics' count and the planner's estimate (no table is scanned). */
  rows: number;
}

export function tableRows(probe: PostgresProbe): Promise<TableRows[]> {
  return probe.memo.get('table-rows', async () => {
    const rows = await probe.read<{ table: string; rows: string }>(
      `SELECT s.schemaname || '.' || s.relname AS table, greatest(s.n_live_tup, c.reltuples::bigint, 0) AS rows
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.relname <> '_prisma_migrations' ORDER BY 1 LIMIT ${CATALOG_ROW_CAP}`,
    );
    return rows.map((r) => ({ table: r.table, rows: Number(r.rows) }));
  });
}

export interface DatabaseSize {
  bytes: number;
  pretty: string;
}

export function databaseSize(probe: PostgresProbe): Promise<DatabaseSize> {
  return probe.memo.get('database-size', async () => {
    const [row] = await probe.read<{ bytes: string; pretty: string }>(
      'SELECT pg_database_size(current_database()) AS bytes, pg_size_pretty(pg_database_size(current_database())) AS pretty',
    );
    return { bytes: Number(row!.bytes), pretty: row!.pretty };
  });
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
