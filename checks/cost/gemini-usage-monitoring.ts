import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'cost.gemini-usage-monitoring',
  section: 'cost',
  item: 'Gemini API usage monitoring enabled',
  severity: 'low',
  verifies: 'Gemini API requests, tokens and spend are tracked, with a quota or budget alert that catches runaway usage.',
  attestation: 'Screenshot of the Google Cloud console (Generative Language API metrics and quotas, or AI Studio usage) for the production project showing requests and tokens per day, plus the quota cap or Cloud Billing budget alert configured.',
  remediation: 'Use a dedicated Google Cloud project for production, cap the Generative Language API quota, create a Cloud Billing budget with alerts, and log token usage per merchant in the app.',
});
