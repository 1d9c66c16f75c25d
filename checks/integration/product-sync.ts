import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'integration.product-sync',
  section: 'integration',
  item: 'Product sync working correctly',
  severity: 'medium',
  verifies: "A merchant's products are imported and kept in sync (create, update, delete, variants, images) within the expected delay.",
  attestation: 'Record of a sync test on a dev store: product count in Shopify vs. in the database for that shop (matching), and an edit and a deletion in Shopify reflected in the app within the expected number of minutes, with timestamps.',
  remediation: 'Fix the initial import (GraphQL bulk operations for large catalogs, cursor pagination), handle products/update and products/delete webhooks, and add a periodic reconciliation job.',
});
