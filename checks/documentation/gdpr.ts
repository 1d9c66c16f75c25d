import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'documentation.gdpr',
  section: 'documentation',
  item: 'GDPR compliance documented (if serving EU customers)',
  severity: 'medium',
  verifies: "If EU merchants or shoppers are served, data processing, subprocessors and data-subject requests are documented, and Shopify's mandatory privacy webhooks are handled.",
  attestation: 'Link to the GDPR documentation (record of processing, DPA template, subprocessor list with regions, retention periods) and test deliveries of customers/data_request, customers/redact and shop/redact returning 200 with the resulting deletion or export.',
  remediation: 'Write a record of processing and a DPA, list subprocessors with regions, implement the three Shopify compliance webhooks with real deletion/export logic, and document handling of data requests within 30 days.',
});
