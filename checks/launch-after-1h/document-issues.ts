import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-1h.document-issues',
  section: 'launch-after-1h',
  item: 'Document any issues',
  severity: 'medium',
  verifies: 'Every issue seen during launch is written down with its impact, cause if known and follow-up.',
  attestation: 'Link to the launch log or issue-tracker entries listing each issue observed with time, impact, status and owner; or an explicit "no issues" entry signed by the launch lead.',
  remediation: 'Start a launch-issues document or board now, backfill it from Slack and Sentry, and give each follow-up an owner.',
});
