import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'infrastructure.widget-cors',
  section: 'infrastructure',
  item: 'CORS headers properly configured for widget',
  severity: 'high',
  verifies: "The widget's API endpoints accept cross-origin requests from merchant storefronts as intended, without opening credentialed endpoints to any origin.",
  attestation: "Output of a preflight `curl -si -X OPTIONS -H 'Origin: https://<store>.myshopify.com' -H 'Access-Control-Request-Method: POST' <widget API URL>` showing the expected Access-Control-Allow-* headers, and the CORS config used for widget routes.",
  remediation: 'Give widget routes their own cors() config: allow registered shop domains (or `*` without credentials for public data), only the needed methods and headers, and cache preflights with Access-Control-Max-Age.',
});
