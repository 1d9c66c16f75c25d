import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { judgeSuite } from '../../src/kit/test-suite.js';

const options = z.strictObject({});

export default defineCheck<z.infer<typeof options>>({
  id: 'testing.unit-tests',
  section: 'testing',
  item: 'All unit tests passing: `npm test`',
  severity: 'medium',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'The unit test suite passes in the repository: its configured command (or `npm test`) exits 0 and its runner reports no failure.',
  how: "Runs `repo.commands.unit`, or with `repo.run: true` package.json's `npm test`, in the repository through the repo-commands probe (own process group killed on timeout, no stdin, 4 MiB output cap, output scrubbed). Exit 0 passes, anything else fails; the runner's summary (vitest, jest, mocha, node:test, playwright) is evidence, and a summary with failures fails even after exit 0. npm's \"no test specified\" placeholder fails without running anything. No suite configured: manual. Give the check a timeout (checks.testing.unit-tests.timeout) as long as the suite.",
  attestation: 'Link to the CI run for the release commit showing `npm test` green, with the commit SHA, the number of tests passed and zero failures.',
  remediation: 'Run `npm test` locally and in CI, fix failing tests or quarantine them with a linked issue, and make the test job a required status check on the main branch.',
  async run(ctx) {
    return judgeSuite(ctx, 'unit');
  },
});
