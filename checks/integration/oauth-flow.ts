import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'integration.oauth-flow',
  section: 'integration',
  item: 'OAuth flow tested end-to-end',
  severity: 'critical',
  verifies: 'A merchant can install the app through Shopify OAuth in production: state and HMAC are verified, and an access token is stored for the shop.',
  attestation: 'Record of a production install on a development store: timestamps, the redirect to the production callback URL, the shop row created (shop domain, granted scopes, token stored encrypted), and an uninstall followed by a successful reinstall.',
  remediation: 'Check the redirect URLs in the Partner dashboard, verify `state` and the query HMAC in the callback, request only needed scopes, store tokens encrypted, and test install, uninstall and reinstall on a dev store.',
});
