import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'database.query-performance',
  section: 'database',
  item: 'Query performance tested under load',
  severity: 'high',
  verifies: 'Under expected peak load the key queries stay fast (e.g. p95 under 100 ms) with no lock contention or connection-pool exhaustion.',
  attestation: 'Load-test results against staging with production-sized data: the peak request rate tested, pg_stat_statements top 10 queries by total time with mean and max times, and each query above the agreed threshold with the fix applied.',
  remediation: 'Enable pg_stat_statements, rerun the k6 load test on a production-sized copy, fix the slowest queries (indexes, narrower Prisma select/include, pagination instead of findMany on whole tables) and retest until within target.',
});
