import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'documentation.privacy-policy',
  section: 'documentation',
  item: 'Privacy policy published',
  severity: 'medium',
  verifies: 'A privacy policy covering the data the product processes (merchant and shopper data, and subprocessors) is published at a public URL.',
  attestation: 'The public privacy policy URL and its effective date, confirmation it lists subprocessors (Railway, AWS, Google Gemini, Sentry), retention and how to request deletion, and where it is linked (site footer, dashboard, app listing).',
  remediation: 'Draft the policy (template plus legal review) covering collected data and subprocessors, publish it at /privacy, and link it from the site footer, dashboard and Shopify listing.',
});
