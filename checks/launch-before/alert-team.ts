import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-before.alert-team',
  section: 'launch-before',
  item: 'Alert team members',
  severity: 'high',
  verifies: 'Everyone involved knows the launch time, their role and the channel, and the on-call engineer has confirmed.',
  attestation: 'Link to the launch announcement (Slack or email) giving launch time, roles (launch lead, on-call, support, rollback owner) and the war-room channel, with an acknowledgement from each person.',
  remediation: 'Post the launch plan in the team channel, get each person to acknowledge their role, open a war-room channel or call, and share the rollback procedure.',
});
