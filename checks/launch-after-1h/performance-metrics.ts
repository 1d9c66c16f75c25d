import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-1h.performance-metrics',
  section: 'launch-after-1h',
  item: 'Check performance metrics',
  severity: 'medium',
  verifies: 'Latency, throughput and resource usage in the first hour have been reviewed against the pre-launch benchmarks.',
  attestation: 'Screenshots covering the first hour: API p95 latency, request rate, CPU and memory per service, database connections; with the comparison to the recorded benchmarks and any action taken.',
  remediation: 'Scale replicas or resources for saturated services, fix slow endpoints found in the APM, and ticket anything trending upward.',
});
