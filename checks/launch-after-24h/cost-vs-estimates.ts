import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-24h.cost-vs-estimates',
  section: 'launch-after-24h',
  item: 'Check cost against estimates',
  severity: 'low',
  verifies: 'Actual spend for the first 24 hours (Railway, S3, Gemini) was compared with the estimates.',
  attestation: 'The Railway usage page for the last 24 hours, AWS Cost Explorer for S3 and Google Cloud billing for Gemini, each with actual vs. estimated daily cost and the projected monthly total.',
  remediation: 'Where actual spend exceeds the estimate, find the driver (e.g. Gemini tokens per request, S3 egress), cap or optimise it, and update budgets and alerts.',
});
