import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'testing.dashboard-production-build',
  section: 'testing',
  item: 'Dashboard tested in production build',
  severity: 'medium',
  verifies: 'The merchant dashboard was exercised from its production build, not the dev server, and its main pages work.',
  attestation: 'The `npm run build` log for the release commit (exit 0, bundle sizes) and a note or screen recording of logging in and using the main dashboard pages on the deployed staging build with no console errors and API calls going to the intended API URL.',
  remediation: 'Run `npm run build` then `npm run preview` (or deploy to staging), click through login, store connection, widget settings and analytics, fix build-only bugs (env variables, base paths) and build the dashboard in CI.',
});
