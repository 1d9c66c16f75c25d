import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.response-time-alerts',
  section: 'monitoring',
  item: 'Response time alerts configured (<500ms recommended)',
  severity: 'high',
  verifies: 'An alert fires when API p95 response time exceeds the target (500 ms or lower) for a sustained window.',
  attestation: 'Screenshot of the alert rule on production API latency showing the percentile (p95 or p99), threshold of 500 ms or lower, evaluation window (e.g. 5-10 min) and notification target, plus a test notification.',
  remediation: 'Create a latency alert in Sentry Performance (`p95(transaction.duration)` above 500 ms), the APM or the uptime tool, exclude known long-running endpoints if needed, and route it to on-call.',
});
