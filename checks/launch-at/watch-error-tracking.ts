import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-at.watch-error-tracking',
  section: 'launch-at',
  item: 'Watch error tracking dashboard',
  severity: 'medium',
  verifies: 'The Sentry issues view is watched live during launch and new issues are triaged immediately.',
  attestation: 'Name of the person watching Sentry and the window, a screenshot of the production issues view at the end of the launch hour, and the list of new issues with the triage decision for each.',
  remediation: "Open Sentry's issue stream filtered to environment=production and sorted by first seen, turn on Slack alerts for new issues, and assign each new issue as it appears.",
});
