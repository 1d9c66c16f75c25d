import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'testing.e2e-tests',
  section: 'testing',
  item: 'End-to-end tests passing (if applicable)',
  severity: 'low',
  verifies: 'If end-to-end tests exist, they pass against staging for the main merchant flows: install, dashboard setup, widget on a storefront.',
  attestation: 'The Playwright/Cypress HTML report (or CI artifact link) for the release SHA run against staging, listing the flows covered (install, connect store, configure widget, see conversions) all passing; or a short note why end-to-end tests do not apply.',
  remediation: 'Write Playwright tests for the top three merchant flows, run them in CI against staging after each deploy, and upload the HTML report as an artifact.',
});
