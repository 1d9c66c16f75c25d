import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.performance-benchmarks',
  section: 'final',
  item: 'Performance benchmarks recorded for future comparison',
  severity: 'medium',
  verifies: 'Baseline performance numbers from launch are saved so later regressions can be measured against them.',
  attestation: 'A dated benchmark record for the release SHA: API p50/p95/p99 for key endpoints, widget.js size and load time, dashboard Lighthouse scores, and load-test throughput and query timings, stored in the repo or wiki.',
  remediation: 'Run the load test and Lighthouse on the release build, save the results (e.g. docs/benchmarks/<date>.md), and rerun the same scripts after major changes.',
});
