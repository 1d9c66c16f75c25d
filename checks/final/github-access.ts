import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.github-access',
  section: 'final',
  item: 'GitHub repository access configured',
  severity: 'medium',
  verifies: 'Repository access is set up: the right people and teams have the right roles, main is protected, and the deploy integration is authorised.',
  attestation: "Screenshots of the repo's collaborators and teams with roles, the branch-protection rule for main (required reviews and CI checks), the installed Railway GitHub app, and organization-wide 2FA enforcement.",
  remediation: 'Grant access through teams with least privilege, protect main with required reviews and status checks, enforce 2FA in the organization, and remove stale collaborators and deploy keys.',
});
