import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'integration.woocommerce-magento-webhooks',
  section: 'integration',
  item: 'WooCommerce/Magento webhook formats tested (if supporting)',
  severity: 'low',
  verifies: 'If WooCommerce or Magento are supported, their webhook payloads and signatures are parsed and verified correctly.',
  attestation: 'For each supported platform: a test webhook from a WooCommerce/Magento test store (with its signature header, e.g. X-WC-Webhook-Signature) received by staging or production, the response code and the resulting record; or a note these platforms are not supported at launch.',
  remediation: 'Add platform-specific parsers and signature checks (WooCommerce: base64 HMAC-SHA256 of the body with the webhook secret), test against a local WooCommerce/Magento instance, or stop advertising support.',
});
