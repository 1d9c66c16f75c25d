import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'launch-after-24h.database-performance',
  section: 'launch-after-24h',
  item: 'Review database performance',
  severity: 'low',
  verifies: 'Database behaviour over the first 24 hours has been checked: slow queries, connection peaks, storage growth and locks.',
  attestation: 'pg_stat_statements top 10 queries by total time over the 24 hours, peak connections vs. max_connections, database size growth (`SELECT pg_size_pretty(pg_database_size(current_database()));`), and follow-up tickets.',
  remediation: 'Add indexes for newly slow queries, adjust pool sizes, and plan storage increases or VACUUM/ANALYZE tuning if growth is faster than expected.',
});
