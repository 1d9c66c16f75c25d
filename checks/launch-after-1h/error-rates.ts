import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-1h.error-rates',
  section: 'launch-after-1h',
  item: 'Review error rates',
  severity: 'medium',
  verifies: 'An hour after launch the error rates have been reviewed, are within target (under 1%), and every new error is triaged.',
  attestation: 'Screenshot of Sentry (production, first hour after launch) with event counts and new issues, the API 5xx rate for that hour, and the triage decision for each new issue (fix now, ticket, ignore).',
  remediation: 'Fix or roll back anything affecting many users, ticket the rest, and tune alert thresholds if they were noisy.',
});
