import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'cost.railway-billing-alerts',
  section: 'cost',
  item: 'Billing alerts configured in Railway',
  severity: 'low',
  verifies: 'Railway notifies someone before monthly usage passes the budget, and a hard limit prevents a runaway bill.',
  attestation: 'Screenshot of the Railway workspace usage settings showing the usage alert threshold (e.g. $30), the hard limit amount, and which email address receives the alert.',
  remediation: "In Railway's workspace usage settings, set a custom email alert and a hard limit above expected monthly spend, and send alerts to a shared ops/finance address.",
});
