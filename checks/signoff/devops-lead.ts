import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'signoff.devops-lead',
  section: 'signoff',
  item: 'DevOps Lead: __________________ Date: _______',
  severity: 'critical',
  verifies: 'The DevOps lead has reviewed the prod readiness report and approves go-live for infrastructure and operations.',
  attestation: 'After reviewing the prod report\'s deployment, monitoring, infrastructure, cost and operational lines (health checks, alerts, backups, rollback drill, on-call), the lead runs `readiness attest signoff.devops-lead --env prod --by "<name>" --evidence "<link to the reviewed report>"`.',
  remediation: 'Send the DevOps lead the current prod readiness report, fix or waive with justification the failing deployment, monitoring and operational checks, and ask for review and sign-off.',
});
