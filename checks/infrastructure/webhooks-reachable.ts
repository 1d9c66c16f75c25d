import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'infrastructure.webhooks-reachable',
  section: 'infrastructure',
  item: 'Webhook endpoints publicly accessible',
  severity: 'high',
  verifies: 'The webhook URLs registered with Shopify (and other platforms) are reachable from the public internet over HTTPS and respond quickly.',
  attestation: "List of registered webhook subscriptions with their URLs (Shopify admin API or Partner dashboard), output of an unsigned `curl -si -X POST` to each from outside your network returning 401 (not a timeout or 404), and Shopify's webhook delivery metrics showing successes.",
  remediation: 'Register webhooks on the production API domain, make sure no session auth or IP allowlist blocks them (the HMAC is the auth), respond 200 within 5 seconds and process the payload asynchronously.',
});
