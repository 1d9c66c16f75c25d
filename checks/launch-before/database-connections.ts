import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'launch-before.database-connections',
  section: 'launch-before',
  item: 'Verify database connections',
  severity: 'high',
  verifies: 'Every service connects to the production database, and connection usage is well below the limit.',
  attestation: 'Timestamped output of `SELECT state, count(*) FROM pg_stat_activity GROUP BY state;` and `SHOW max_connections;` on production, plus a request through the API that reads from the database returning 200.',
  remediation: 'Check DATABASE_URL and private networking per service, restart services that lost their connections, and lower connection_limit if usage is near the maximum.',
});
