import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.railway-access',
  section: 'final',
  item: 'All team members have Railway access',
  severity: 'medium',
  verifies: 'Everyone who deploys or debugs production has their own Railway account in the workspace with the right role, with no shared logins.',
  attestation: "Screenshot of the Railway workspace members list with each person's role, matched against the team roster, showing at least two admins and no shared or former-member accounts.",
  remediation: 'Invite each person with the least role they need, make sure there are two admins, remove former members and shared accounts, and require 2FA.',
});
