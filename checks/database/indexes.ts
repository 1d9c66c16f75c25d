import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'database.indexes',
  section: 'database',
  item: 'Database indexes added for frequently queried fields',
  severity: 'high',
  verifies: 'Columns used in hot WHERE, JOIN and ORDER BY clauses (shopId, productId, createdAt, API key lookups) are indexed, and the hottest queries use those indexes.',
  attestation: 'The @@index/@@unique entries in schema.prisma for the hot tables (shops, products, events/conversions, api keys) and EXPLAIN ANALYZE output for the top 3 queries from pg_stat_statements on production-sized data showing Index Scan, not Seq Scan, on large tables.',
  remediation: 'Find slow queries with pg_stat_statements, add composite indexes like `@@index([shopId, createdAt])` in schema.prisma, generate a migration (edit it to CREATE INDEX CONCURRENTLY on large tables) and deploy it.',
});
