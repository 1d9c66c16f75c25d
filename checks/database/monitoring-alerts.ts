import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'database.monitoring-alerts',
  section: 'database',
  item: 'Database monitoring alerts set up',
  severity: 'high',
  verifies: 'Alerts fire when the production database is unreachable, near its connection limit, short on disk or CPU-bound, and they reach a person.',
  attestation: 'Screenshots of the alert rules (Railway metrics, Grafana, Datadog or similar) for disk > 80%, connections > 80% of max_connections, CPU > 80% for 5 min and database down, plus a test notification received in the alerts channel, with its timestamp.',
  remediation: 'Add database alerts in the monitoring tool (e.g. Grafana Cloud with postgres_exporter, or the Datadog Postgres integration) for disk, connections, CPU and availability, route them to on-call and send a test alert.',
});
