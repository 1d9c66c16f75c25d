import { isProbeError } from '../core/errors.js';
import type { PostgresProbe } from './postgres.js';
import { SYSTEM_SCHEMAS, CATALOG_ROW_CAP, quoteIdent, iso } from './postgres-sql.js';

/** Column defaults and statement statistics. */

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
