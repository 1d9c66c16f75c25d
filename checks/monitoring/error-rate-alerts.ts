import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.error-rate-alerts',
  section: 'monitoring',
  item: 'Error rate alerts configured (<1% recommended)',
  severity: 'high',
  verifies: "An alert fires when the production API's error rate exceeds the agreed threshold (1% or lower) over a short window.",
  attestation: 'Screenshot of the alert rule (Sentry metric alert, Datadog monitor or Grafana rule) showing the metric (5xx or failed transactions over total), threshold at most 1%, the window (e.g. 5 min) and the notification target, plus a test firing.',
  remediation: 'Create a metric alert on failure rate (e.g. Sentry `failure_rate()` above 0.01 over 5 min for the production API) or on the 5xx ratio in your metrics tool, route it to on-call and test it.',
});
