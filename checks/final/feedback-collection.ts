import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.feedback-collection',
  section: 'final',
  item: 'Customer feedback collection set up',
  severity: 'medium',
  verifies: 'Merchants have an in-product way to give feedback, and it lands somewhere the team reviews.',
  attestation: 'Screenshot of the in-dashboard feedback entry point (form, survey or widget) and of a test submission arriving at its destination (e.g. Slack #feedback, Intercom, Canny), with the person who triages it.',
  remediation: 'Add a feedback button or survey (Canny, Typeform, Intercom) to the dashboard, route submissions to a channel with an owner, and schedule weekly triage.',
});
