import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-before.error-rates',
  section: 'launch-before',
  item: 'Check error rates (should be 0%)',
  severity: 'high',
  verifies: 'In the hour before launch production shows no new errors: no new unresolved Sentry issues and a 0% API 5xx rate.',
  attestation: "Timestamped screenshot of Sentry filtered to environment=production for the last hour showing no new events, and the API's 5xx count for the same hour from logs or metrics, with any existing error explained.",
  remediation: 'Hold the launch until every new Sentry issue is triaged: fix or explain each error, and silence known noise (e.g. bot 404s) so real errors stand out at launch.',
});
