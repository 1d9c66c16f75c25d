import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'monitoring.sentry',
  section: 'monitoring',
  item: 'Sentry error tracking configured and tested',
  severity: 'high',
  verifies: 'Sentry captures errors from the API, dashboard and widget in production with the right environment and release tags, proven by a test event.',
  attestation: 'Links to the Sentry projects for api, dashboard and widget and to a test error sent from production (e.g. via a guarded /debug-sentry route) showing environment=production, the release tag and a readable, source-mapped stack trace.',
  remediation: 'Install @sentry/node in the API and @sentry/react/@sentry/browser in the dashboard and widget, set SENTRY_DSN, environment and release, upload source maps in CI with sentry-cli, and trigger a test error.',
});
