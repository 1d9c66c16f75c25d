import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'deployment.auto-restart',
  section: 'deployment',
  item: 'Auto-restart policies configured',
  severity: 'high',
  verifies: 'A crashed service is restarted automatically by Railway with a bounded retry policy.',
  attestation: 'Each service\'s Railway settings showing Restart Policy "On Failure" with max retries (or railway.json with `restartPolicyType` and `restartPolicyMaxRetries`), plus log lines from a test crash showing the container coming back up.',
  remediation: 'Set `"deploy": { "restartPolicyType": "ON_FAILURE", "restartPolicyMaxRetries": 10 }` in each service\'s railway.json (or in the dashboard) and make the process exit non-zero on fatal errors instead of hanging.',
});
