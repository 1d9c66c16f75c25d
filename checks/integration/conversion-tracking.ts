import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'integration.conversion-tracking',
  section: 'integration',
  item: 'Conversion tracking tested',
  severity: 'medium',
  verifies: 'Purchases following widget interactions are attributed and recorded as conversions, and show up in the merchant dashboard.',
  attestation: 'A test purchase on the sample store after interacting with the widget: the order id, the conversion row in the database (shop, order id, amount, attribution), and a screenshot of it in the dashboard analytics.',
  remediation: 'Trace the chain (widget event, API, orders/create webhook, attribution), fix missing identifiers (cart attributes or session ids), and add an integration test for a full conversion.',
});
