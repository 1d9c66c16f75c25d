import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'testing.load-testing',
  section: 'testing',
  item: 'Load testing completed (recommended: k6 or Artillery)',
  severity: 'medium',
  verifies: 'The system was load-tested at or above expected launch traffic and met latency and error targets without exhausting CPU, memory or database connections.',
  attestation: 'The k6 or Artillery summary: script link, target URL (staging), virtual users and duration, requests/s reached vs. the stated expected peak, p95/p99 latency and error rate, plus Railway CPU/memory graphs for the same window.',
  remediation: 'Write a k6 script covering widget loads, product lookups and event tracking, run it at 2× expected peak against staging, fix the bottlenecks (indexes, pool size, replicas) and record the results.',
});
