import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'operational.support-channels',
  section: 'operational',
  item: 'Customer support channels established',
  severity: 'medium',
  verifies: 'Merchants have working support channels (email/helpdesk, chat) with owners, hours and response-time targets.',
  attestation: 'List of channels (e.g. support@ in Help Scout/Zendesk/Intercom, in-app chat) with owners, hours and first-response targets, and a test ticket opened and answered, with timestamps.',
  remediation: 'Set up a helpdesk with a shared support@ address and in-app chat, assign owners and hours, configure an auto-reply stating expected response time, and send a test ticket.',
});
