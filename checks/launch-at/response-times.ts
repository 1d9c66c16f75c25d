import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-at.response-times',
  section: 'launch-at',
  item: 'Check response times',
  severity: 'medium',
  verifies: 'API response times during launch stay within target (p95 under 500 ms) under real traffic.',
  attestation: 'Screenshot of p50/p95 latency for the production API during the launch window from Sentry Performance, the APM or Railway metrics, with the values, the time range and the comparison to the pre-launch benchmark.',
  remediation: 'If latency exceeds target, check slow queries and pool saturation, add replicas in Railway, and roll back if the release caused it.',
});
