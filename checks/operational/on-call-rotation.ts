import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'operational.on-call-rotation',
  section: 'operational',
  item: 'On-call rotation established (if applicable)',
  severity: 'low',
  verifies: 'If the team runs on-call, a rotation exists with named people, covered hours and handover, and the current on-call person can be paged.',
  attestation: 'Screenshot of the on-call schedule (PagerDuty, Opsgenie, Better Stack or a shared calendar) covering launch week and the following month, naming primary and secondary, and a test page acknowledged by the current on-call; or a note why no rotation is needed.',
  remediation: 'Create a schedule in PagerDuty, Opsgenie or Better Stack with primary and secondary, attach it to the critical alerts, agree response times, and test-page each person.',
});
