import type { PostgresProbe } from './postgres.js';
import { CATALOG_ROW_CAP } from './postgres-sql.js';

/** Row estimates and database size (no application table is scanned). */

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
