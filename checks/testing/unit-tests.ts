import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'testing.unit-tests',
  section: 'testing',
  item: 'All unit tests passing: `npm test`',
  severity: 'medium',
  verifies: 'The whole unit test suite passes on the commit being released, with no critical suites skipped.',
  attestation: 'Link to the GitHub Actions run for the release commit showing `npm test` green, with the commit SHA, the number of tests passed and zero failures, and a list of any skipped tests with the reason for each.',
  remediation: 'Run `npm test` locally and in CI, fix failing tests or quarantine them with a linked issue, and make the test job a required status check on the main branch.',
});
