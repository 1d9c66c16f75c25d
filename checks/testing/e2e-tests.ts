import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { judgeSuite } from '../../src/kit/test-suite.js';

const options = z.strictObject({});

export default defineCheck<z.infer<typeof options>>({
  id: 'testing.e2e-tests',
  section: 'testing',
  item: 'End-to-end tests passing (if applicable)',
  severity: 'low',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'If end-to-end tests exist, `repo.commands.e2e` exits 0 and its runner (e.g. Playwright) reports no failure.',
  how: "Runs `repo.commands.e2e` in the repository through the repo-commands probe (own process group killed on timeout, no stdin, 4 MiB output cap, output scrubbed). Exit 0 passes, anything else fails; the runner's summary is evidence, and a summary with failures fails even after exit 0. Not configured: manual (attest, or say why it does not apply).",
  attestation: 'The Playwright/Cypress report for the release SHA run against staging, listing the flows covered all passing; or a short note why end-to-end tests do not apply.',
  remediation: 'Set repo.commands.e2e to the end-to-end suite (e.g. `npx playwright test`) run against staging, and fix the failing flows.',
  async run(ctx) {
    return judgeSuite(ctx, 'e2e');
  },
});
