import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'signoff.technical-lead',
  section: 'signoff',
  item: 'Technical Lead: _________________ Date: _______',
  severity: 'critical',
  verifies: 'The technical lead has reviewed the prod readiness report and approves go-live on the technical side.',
  attestation: 'After reviewing the latest prod report (no failing critical/high checks, waivers justified, security, database and testing lines attested), the lead runs `readiness attest signoff.technical-lead --env prod --by "<name>" --evidence "<link to the reviewed report>"`.',
  remediation: 'Send the technical lead the current prod readiness report, fix or waive with justification every failing critical and high check, and ask for review and sign-off.',
});
