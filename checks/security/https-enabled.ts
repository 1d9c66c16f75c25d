import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.https-enabled',
  section: 'security',
  item: 'HTTPS enabled on all services (Railway provides automatically)',
  severity: 'critical',
  verifies: 'Every public URL (API, dashboard, widget script) is served over HTTPS with a valid certificate, and plain HTTP redirects to HTTPS.',
  attestation: 'For each service host: `curl -sI http://<host>` showing a 301/308 to https://, and an SSL Labs (ssllabs.com/ssltest) grade A or A+ with the test date; plus the merchant embed snippet showing the widget script is loaded from an https:// URL.',
  remediation: 'Serve everything through Railway domains or custom domains with Railway-issued certificates, redirect HTTP to HTTPS, send HSTS via Helmet, and replace any http:// URL in env vars, the widget snippet and the Shopify app settings.',
});
