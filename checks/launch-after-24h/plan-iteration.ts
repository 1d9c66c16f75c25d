import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-24h.plan-iteration',
  section: 'launch-after-24h',
  item: 'Plan iteration improvements',
  severity: 'low',
  verifies: 'Findings from launch have been turned into a prioritised list of improvements for the next iteration.',
  attestation: 'Link to the backlog or milestone for the next iteration with items drawn from launch issues, metrics and feedback, each prioritised and owned, and the date of the planning meeting.',
  remediation: 'Hold a post-launch retrospective, turn findings into tickets, prioritise them and plan the next sprint.',
});
