import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'deployment.ci-pipeline',
  section: 'deployment',
  item: 'GitHub Actions CI/CD pipeline working',
  severity: 'high',
  verifies: 'GitHub Actions runs type-check, tests and builds on every push and pull request, is green on main, and gates deploys to Railway.',
  attestation: 'Links to the workflow files in .github/workflows and to the latest green run on main for the release SHA, plus the branch-protection settings listing the CI checks as required and Railway\'s "Wait for CI" setting enabled.',
  remediation: 'Add a workflow running `npm ci`, `npx tsc --noEmit`, `npm test` and `npm run build`; mark it required in branch protection, and let Railway deploy from GitHub only after CI passes.',
});
