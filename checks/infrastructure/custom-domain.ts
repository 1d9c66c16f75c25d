import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'infrastructure.custom-domain',
  section: 'infrastructure',
  item: 'Custom domain configured (optional)',
  severity: 'low',
  verifies: 'If a custom domain is used, the API, dashboard and widget are served on it (e.g. api., app., widget. subdomains) and Railway shows each as active.',
  attestation: "Screenshot of each Railway service's Networking settings listing its custom domain as verified, and the URLs used in the widget snippet, OAuth redirect URLs and Shopify app config; or a note that Railway-generated domains are used on purpose.",
  remediation: "Add the custom domain in each service's Railway networking settings, create the CNAME record it shows at the DNS provider, wait for verification, then update env vars, OAuth redirect URLs and the widget snippet.",
});
