import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'signoff.product-owner',
  section: 'signoff',
  item: 'Product Owner: _________________ Date: _______',
  severity: 'critical',
  verifies: 'The product owner has reviewed the prod readiness report and approves go-live for the product, merchants and legal side.',
  attestation: 'After reviewing the prod report\'s integration, documentation (privacy, terms, GDPR), support and launch-day lines and accepting every waiver, the owner runs `readiness attest signoff.product-owner --env prod --by "<name>" --evidence "<link to the reviewed report>"`.',
  remediation: 'Send the product owner the current prod readiness report, resolve open integration, documentation and support lines or agree waivers, and ask for review and sign-off.',
});
