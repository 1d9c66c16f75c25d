import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-after-1h.customer-feedback',
  section: 'launch-after-1h',
  item: 'Review customer feedback',
  severity: 'medium',
  verifies: 'Feedback and support requests from the first hour have been read and triaged.',
  attestation: 'Summary of support tickets, chats and feedback received in the first hour (count, main themes) with links, and the actions taken or tickets created.',
  remediation: 'Have support triage every channel, tag launch-related issues, and hand bugs to engineering with reproduction steps.',
});
