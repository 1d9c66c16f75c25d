import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'security.shopify-webhook-hmac',
  section: 'security',
  item: 'Shopify webhook HMAC verification enabled',
  severity: 'critical',
  verifies: 'Every Shopify webhook is rejected with 401 unless X-Shopify-Hmac-Sha256 matches an HMAC-SHA256 of the raw body keyed with the app secret, compared in constant time.',
  attestation: 'Link to the verification middleware (file and line) showing it hashes the raw body with SHOPIFY_API_SECRET and compares with timingSafeEqual, curl output of a POST with a forged header to the production webhook URL returning 401, and a genuine Shopify test webhook returning 200.',
  remediation: "Mount `express.raw({ type: 'application/json' })` on webhook routes, compute `createHmac('sha256', secret).update(rawBody).digest('base64')`, compare with crypto.timingSafeEqual, and reject before any processing on mismatch.",
});
