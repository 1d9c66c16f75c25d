import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.post-launch-monitoring',
  section: 'final',
  item: 'Post-launch monitoring scheduled (24h, 1 week, 1 month)',
  severity: 'medium',
  verifies: 'Reviews of production health are booked at 24 hours, 1 week and 1 month after launch, each with an owner.',
  attestation: 'Calendar invites (links or screenshots) for the 24-hour, 1-week and 1-month post-launch reviews, with owner, attendees and agenda (error rates, latency, costs, customer feedback, incidents).',
  remediation: 'Book the three reviews now with a named owner and a standing agenda template, and record findings from each in the launch document.',
});
