import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.db-pool-monitoring',
  section: 'monitoring',
  item: 'Database connection pool monitoring',
  severity: 'medium',
  verifies: 'Database connection usage is graphed against the pool size and Postgres max_connections, and an alert fires before it is exhausted.',
  attestation: 'Screenshot of a production graph of active/idle connections (from pg_stat_activity or Prisma metrics) against max_connections, and the alert rule (e.g. above 80% of max for 5 min) with its destination.',
  remediation: 'Expose Prisma metrics (`previewFeatures = ["metrics"]`) or scrape pg_stat_activity with postgres_exporter, graph connections per service, and alert at 80% of max_connections.',
});
