import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'cost.usage-metrics',
  section: 'cost',
  item: 'Usage metrics tracked in dashboard',
  severity: 'low',
  verifies: 'Usage that drives cost (API requests, widget loads, Gemini calls, S3 storage) is recorded per merchant and visible in a dashboard.',
  attestation: 'Screenshot of the admin or merchant dashboard showing usage per merchant (API calls, widget impressions, Gemini requests) for the last 7 days, and the table or event stream that feeds it.',
  remediation: 'Record usage events per merchant (a usage table or analytics events), aggregate them daily, and add a usage panel to the admin dashboard to spot expensive tenants.',
});
