import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'integration.webhook-handlers',
  section: 'integration',
  item: 'Webhook handlers verified with test data',
  severity: 'medium',
  verifies: 'Every subscribed webhook topic (e.g. orders/create, products/update, app/uninstalled, the GDPR topics) is handled correctly and idempotently with realistic payloads.',
  attestation: "For each topic: a test delivery (`shopify app webhook trigger --topic <topic>` or the admin's test notification) with the response code and the resulting database change, including a duplicate delivery that was processed only once.",
  remediation: 'Trigger each topic with the Shopify CLI against staging, fix the handlers, deduplicate on X-Shopify-Webhook-Id, and add handler tests using recorded payloads.',
});
