import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { judgeSuite } from '../../src/kit/test-suite.js';

const options = z.strictObject({});

export default defineCheck<z.infer<typeof options>>({
  id: 'testing.integration-tests',
  section: 'testing',
  item: 'Integration tests passing',
  severity: 'medium',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'The integration suite passes in the repository: `repo.commands.integration` exits 0 and its runner reports no failure.',
  how: "Runs `repo.commands.integration` in the repository through the repo-commands probe (own process group killed on timeout, no stdin, 4 MiB output cap, output scrubbed). Exit 0 passes, anything else fails; the runner's summary is evidence, and a summary with failures fails even after exit 0. Not configured: manual. Give the check a timeout as long as the suite.",
  attestation: 'Link to the CI run for the release SHA showing the integration job green, what it runs against and the number of tests passed.',
  remediation: 'Add an integration suite (API against a real Postgres, external APIs mocked), set repo.commands.integration to it, and make its CI job required.',
  async run(ctx) {
    return judgeSuite(ctx, 'integration');
  },
});
