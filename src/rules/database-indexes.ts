import { outcome, fromFindings, type Finding } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { listNames } from './list-names.js';
import { quoteIdent, type ForeignKey, type TableIndex, type TableStatsFacts } from '../probes/postgres-catalog.js';

export interface IndexRuleOptions {
  /** Verdict for a foreign key no index covers. */
  unindexedForeignKeys: 'fail' | 'warn';
  /** Tables with fewer live rows are never "heavy" (a sequential scan of a small table is the right plan). */
  minRows: number;
  /** Below this share of index scans (percent of all scans) a big table counts as read by sequential scans. */
  minIndexUsePercent: number;
  /** Fewer scans than this since the statistics reset are too few to judge. */
  minScans: number;
}

/**
 * An index covers a foreign key when it is valid, not partial, and its leading key columns are exactly the
 * foreign key's columns in any order (what lookups and ON DELETE checks on the referencing side can use).
 */
export function coveringIndex(fk: ForeignKey, indexes: readonly TableIndex[]): TableIndex | undefined {
  const wanted = new Set(fk.columns);
  return indexes.find(
    (index) =>
      index.schema === fk.schema &&
      index.table === fk.table &&
      index.valid &&
      !index.partial &&
      index.columns.length >= fk.columns.length &&
      index.columns.slice(0, fk.columns.length).every((column) => column !== null && wanted.has(column)),
  );
}

export function unindexedForeignKeys(foreignKeys: readonly ForeignKey[], indexes: readonly TableIndex[]): ForeignKey[] {
  return foreignKeys.filter((fk) => !coveringIndex(fk, indexes));
}

export interface HeavySeqScan {
  table: string;
  liveRows: number;
  seqScan: number;
  idxScan: number;
  indexUsePercent: number;
}

export function heavySeqScans(stats: TableStatsFacts, options: Pick<IndexRuleOptions, 'minRows' | 'minIndexUsePercent' | 'minScans'>): HeavySeqScan[] {
  return stats.tables
    .filter((t) => t.liveRows >= options.minRows && t.seqScan + t.idxScan >= options.minScans)
    .map((t) => ({
      table: `${t.schema}.${t.table}`,
      liveRows: t.liveRows,
      seqScan: t.seqScan,
      idxScan: t.idxScan,
      indexUsePercent: Math.round((1000 * t.idxScan) / (t.seqScan + t.idxScan)) / 10,
    }))
    .filter((t) => t.indexUsePercent < options.minIndexUsePercent)
    .sort((a, b) => b.seqScan - a.seqScan);
}

/** The statement that fixes one unindexed foreign key, without blocking writes while it builds. */
export function createIndexStatement(fk: ForeignKey): string {
  const name = quoteIdent(`${fk.table}_${fk.columns.join('_')}_idx`.slice(0, 63));
  return `CREATE INDEX CONCURRENTLY ${name} ON ${quoteIdent(fk.schema)}.${quoteIdent(fk.table)} (${fk.columns.map(quoteIdent).join(', ')});`;
}

const LIST_CAP = 50;

export function judgeIndexes(
  facts: { foreignKeys: readonly ForeignKey[]; indexes: readonly TableIndex[]; stats: TableStatsFacts },
  options: IndexRuleOptions,
): CheckOutcome {
  const missing = unindexedForeignKeys(facts.foreignKeys, facts.indexes);
  const invalid = facts.indexes.filter((i) => !i.valid);
  const heavy = heavySeqScans(facts.stats, options);
  const evidence = {
    foreignKeys: facts.foreignKeys.length,
    unindexedForeignKeys: missing.slice(0, LIST_CAP).map((fk) => ({ table: `${fk.schema}.${fk.table}`, columns: fk.columns, constraint: fk.name, references: fk.references })),
    invalidIndexes: invalid.slice(0, LIST_CAP).map((i) => ({ index: i.name, table: `${i.schema}.${i.table}` })),
    heavySeqScans: heavy.slice(0, LIST_CAP),
    statsSince: facts.stats.statsReset ?? 'server start',
    thresholds: { minRows: options.minRows, minIndexUsePercent: options.minIndexUsePercent, minScans: options.minScans },
  };
  const problems: Finding[] = [];
  if (invalid.length > 0) {
    problems.push({
      status: 'fail',
      text: `${invalid.length} invalid index(es), never used by queries: ${listNames(invalid.map((i) => `${i.name} on ${i.table}`))}`,
      remediation: 'An invalid index is left by a failed CREATE INDEX CONCURRENTLY: DROP INDEX CONCURRENTLY it and create it again (REINDEX INDEX CONCURRENTLY also works).',
    });
  }
  if (missing.length > 0) {
    problems.push({
      status: options.unindexedForeignKeys,
      text: `${missing.length} foreign key(s) without an index: ${listNames(missing.map((fk) => `${fk.table}(${fk.columns.join(', ')})`))}`,
      remediation:
        `Add @@index([${missing[0]!.columns.join(', ')}]) (and the like) to the models in schema.prisma, or create the indexes directly:\n` +
        missing.slice(0, 10).map(createIndexStatement).join('\n'),
    });
  }
  if (heavy.length > 0) {
    problems.push({
      status: 'warn',
      text: `${heavy.length} large table(s) read mostly by sequential scans: ${listNames(
        heavy.map((h) => `${h.table} (${h.liveRows} rows, ${h.indexUsePercent}% index scans)`),
      )}`,
      remediation: 'Find the queries behind the scans (pg_stat_statements, EXPLAIN ANALYZE) and index the columns in their WHERE, JOIN and ORDER BY clauses.',
    });
  }
  const found = fromFindings(problems, evidence);
  if (found) return found;
  return outcome(
    'pass',
    `all ${facts.foreignKeys.length} foreign key(s) are covered by an index, no index is invalid, and no table of ${options.minRows}+ rows is read mostly by sequential scans`,
    { evidence },
  );
}
