import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-1h.conversion-tracking',
  section: 'launch-after-1h',
  item: 'Verify conversions tracking',
  severity: 'medium',
  verifies: 'Real conversions from the first hour are being recorded and attributed, and appear in merchant dashboards.',
  attestation: 'Query result of conversions recorded since launch (count per shop) compared with the orders received via Shopify webhooks in the same window, and a screenshot of a merchant dashboard showing them.',
  remediation: 'If the counts differ, inspect webhook delivery logs and widget events for missing identifiers, fix the gap and backfill from Shopify orders.',
});
