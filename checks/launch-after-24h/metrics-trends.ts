import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-24h.metrics-trends',
  section: 'launch-after-24h',
  item: 'Analyze metrics trends',
  severity: 'low',
  verifies: 'The first 24 hours of metrics have been reviewed for trends in traffic, errors, latency, resource growth and business KPIs.',
  attestation: 'A dated 24-hour review note with graphs: request volume, error rate, p95 latency, memory trend per service (looking for leaks), installs and conversions, and the conclusions drawn.',
  remediation: 'Build the review from the monitoring dashboard, flag rising trends (memory creep, growing latency), and create tickets for them.',
});
