import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.apm',
  section: 'monitoring',
  item: 'Performance monitoring enabled (APM)',
  severity: 'medium',
  verifies: 'Request traces and per-endpoint latency are collected in production, so slow endpoints and slow database calls can be found.',
  attestation: 'Screenshot of the APM view (Sentry Performance, Datadog APM or New Relic) for the production API listing transactions per route with p50/p95 latency and throughput over the last 24 h, and the sampling rate configured.',
  remediation: 'Enable Sentry Performance (e.g. `tracesSampleRate: 0.1`) with the HTTP, Express and Prisma integrations, or install an APM agent, and make sure transactions are named by route.',
});
