import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'operational.degradation-comms-plan',
  section: 'operational',
  item: 'Service degradation communication plan ready',
  severity: 'medium',
  verifies: 'There is a prepared way to tell merchants when the service is degraded: who posts, where, with what templates and how often.',
  attestation: 'Link to the communication plan with pre-written templates (investigating, identified, monitoring, resolved), the channels (status page, in-dashboard banner, merchant email), who approves messages, and the update cadence (e.g. every 30 min).',
  remediation: 'Write the templates and name an owner per channel, add a flag-controlled incident banner to the dashboard, and let merchants subscribe to status-page email updates.',
});
