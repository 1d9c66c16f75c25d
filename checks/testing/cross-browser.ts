import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'testing.cross-browser',
  section: 'testing',
  item: 'Cross-browser testing completed (Chrome, Firefox, Safari, Edge)',
  severity: 'medium',
  verifies: "Dashboard and widget work in current Chrome, Firefox, Safari and Edge, including under Safari's stricter third-party cookie and storage rules.",
  attestation: 'A matrix of browser and version against flow (widget render, tracked event, dashboard login, settings save) marked pass/fail, from manual runs or BrowserStack/Playwright (chromium, firefox, webkit), with the date.',
  remediation: 'Run Playwright with chromium, firefox and webkit projects, test Safari on a real Mac and iPhone for ITP cookie issues, fix failures, and set a browserslist target for the builds.',
});
