import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'documentation.terms-of-service',
  section: 'documentation',
  item: 'Terms of service published',
  severity: 'medium',
  verifies: 'Terms of service are published at a public URL and linked where merchants sign up or install.',
  attestation: 'The public terms URL with its effective date, screenshots showing it linked from the signup/install flow, website footer and Shopify listing, and who reviewed it legally and when.',
  remediation: 'Draft terms (template plus legal review) covering billing, acceptable use, liability and termination, publish them at /terms, and link them from signup, footer and listing.',
});
