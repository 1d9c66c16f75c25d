import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.cors-origins',
  section: 'security',
  item: 'CORS origins restricted to production domains only',
  severity: 'high',
  verifies: "The API's authenticated routes only allow the production dashboard origin(s): never `*` with credentials, never localhost or staging origins.",
  attestation: "Output of `curl -si -H 'Origin: https://evil.example' https://api.<domain>/<authenticated-route>` showing no Access-Control-Allow-Origin header, the same request with the dashboard origin showing it echoed back, and the CORS_ORIGINS value set in Railway.",
  remediation: "Configure the `cors` middleware with an explicit allowlist read from a CORS_ORIGINS variable (production dashboard URL only), remove `*` and localhost, and keep the widget's public endpoints on their own credential-free CORS policy.",
});
