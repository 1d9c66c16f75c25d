import type { PostgresProbe } from './postgres.js';
import { SYSTEM_SCHEMAS, CATALOG_ROW_CAP, iso } from './postgres-sql.js';

/** Foreign keys, indexes, constraints and table activity: what the schema checks judge. */

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
  /**
   * pg_trigger.tgenabled of its enforcement triggers that do not fire in an ordinary (origin) session, distinct:
   * D (DISABLE TRIGGER) or R (ENABLE REPLICA TRIGGER: fires only under session_replication_role = replica).
   */
  states?: string[];
}

export interface RelationFacts {
  foreignKeys: ForeignKey[];
  indexes: TableIndex[];
  /** Columns named `<x>_id` / `<x>Id` (the rule decides which matter). */
  idLikeColumns: IdLikeColumn[];
  /**
   * Foreign keys with an enforcement trigger that does not fire in an ordinary session: disabled (DISABLE TRIGGER
   * ALL) or set to fire only in replica sessions (ENABLE REPLICA TRIGGER ALL). Orphan rows insert fine in both.
   */
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
      // tgenabled: O fires in origin and local sessions, A always, R only in replica sessions, D never. The
      // application's sessions are origin ones, so only O and A enforce the key there.
      `SELECT (SELECT json_agg(d ORDER BY d->>'schema', d->>'table', d->>'constraint') FROM (
                 SELECT jsonb_build_object('schema', n.nspname, 'table', t.relname, 'constraint', c.conname,
                          'states', jsonb_agg(DISTINCT tg.tgenabled::text)) AS d
                   FROM pg_trigger tg JOIN pg_constraint c ON c.oid = tg.tgconstraint JOIN pg_class t ON t.oid = c.conrelid
                   JOIN pg_namespace n ON n.oid = t.relnamespace
                  WHERE tg.tgisinternal AND c.contype = 'f' AND tg.tgenabled NOT IN ('O', 'A')
                  GROUP BY n.nspname, t.relname, c.conname LIMIT ${CATALOG_ROW_CAP}) x) AS disabled,
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
