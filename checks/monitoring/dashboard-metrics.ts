import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.dashboard-metrics',
  section: 'monitoring',
  item: 'Dashboard metrics displaying correctly',
  severity: 'medium',
  verifies: 'The monitoring dashboards, and the metrics shown to merchants in the dashboard, display current and correct numbers.',
  attestation: 'Screenshot of the production monitoring dashboard (request rate, error rate, p95 latency, CPU/memory per service) with its time range, and a merchant dashboard analytics page whose counts were spot-checked against a database query for the same shop and period.',
  remediation: 'Fix panels showing no data or wrong data (environment tags, queries, time zones), reconcile merchant dashboard counts with the database, and link the monitoring dashboard from the runbook.',
});
