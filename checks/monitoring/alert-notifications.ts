import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.alert-notifications',
  section: 'monitoring',
  item: 'Alert notifications set up (email, Slack, PagerDuty)',
  severity: 'high',
  verifies: 'Alerts from Sentry, uptime monitoring and infrastructure metrics reach the people on call through channels they will notice (email, Slack, PagerDuty).',
  attestation: 'List of alert sources (Sentry, UptimeRobot/Better Uptime, Railway, database monitoring) with their destinations (e.g. #alerts-prod Slack channel, PagerDuty service), and screenshots of a test alert from each arriving, with timestamps.',
  remediation: 'Connect Sentry, the uptime tool and the metrics tool to a dedicated Slack channel plus PagerDuty/Opsgenie for critical alerts, send test notifications, and check on-call phones get push notifications.',
});
