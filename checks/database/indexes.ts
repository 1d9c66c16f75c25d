import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { withDatabase } from '../../src/kit/database.js';
import { judgeIndexes } from '../../src/rules/database-indexes.js';

const options = z.strictObject({
  unindexedForeignKeys: z.enum(['fail', 'warn']).default('fail').describe('Verdict for a foreign key that no index covers'),
  minRows: z.number().int().min(0).default(10_000).describe('Only tables with at least this many live rows are judged for sequential scans'),
  minIndexUsePercent: z.number().min(0).max(100).default(95).describe('A large table with a smaller share of index scans warns'),
  minScans: z.number().int().min(1).default(100).describe('Tables scanned fewer times since the statistics reset are not judged'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'database.indexes',
  section: 'database',
  item: 'Database indexes added for frequently queried fields',
  severity: 'high',
  automation: 'automated',
  needs: ['database'],
  options,
  verifies:
    'Every foreign key has an index whose leading columns cover it, no index was left invalid, and no large table is read mostly by sequential scans.',
  how:
    'Reads pg_constraint, pg_index and pg_stat_user_tables (read-only, catalogs only). A foreign key is covered by a valid, non-partial index whose first N key columns are ' +
    'exactly its N columns in any order; an invalid index (a failed CREATE INDEX CONCURRENTLY) fails; a table with at least minRows live rows, minScans scans and ' +
    'less than minIndexUsePercent % index scans since the statistics reset warns. Evidence lists each table and its columns, and the remediation gives the CREATE INDEX statements.',
  remediation:
    'Find slow queries with pg_stat_statements, add composite indexes like `@@index([shopId, createdAt])` in schema.prisma, generate a migration (edit it to CREATE INDEX CONCURRENTLY on large tables) and deploy it.',
  async run(ctx) {
    return withDatabase(ctx, async (probe) => {
      const [facts, stats] = await Promise.all([probe.relations(), probe.tableStats()]);
      return judgeIndexes({ foreignKeys: facts.foreignKeys, indexes: facts.indexes, stats }, ctx.options);
    });
  },
});
