import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.uptime-monitoring',
  section: 'monitoring',
  item: 'Uptime monitoring configured (UptimeRobot, BetterUptime, etc.)',
  severity: 'high',
  verifies: 'An external monitor checks the production endpoints every few minutes from outside Railway and alerts when they are down.',
  attestation: 'Screenshot of the UptimeRobot/Better Uptime monitors for API, dashboard and widget /health (and widget.js), showing check interval of 5 min or less, current status Up, and the alert contacts attached to each.',
  remediation: 'Create HTTPS monitors in UptimeRobot or Better Uptime for each /health URL and the widget script at 1-5 min intervals from several regions, and attach the on-call email/Slack/SMS contacts.',
});
