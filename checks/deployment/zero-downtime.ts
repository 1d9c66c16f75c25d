import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'deployment.zero-downtime',
  section: 'deployment',
  item: 'Zero-downtime deployment verified',
  severity: 'high',
  verifies: 'Deploying the API drops no in-flight requests and returns no 5xx: the new deployment passes its healthcheck before traffic switches, and the old one drains.',
  attestation: 'Output of a continuous probe during a production-like deploy (a k6 run or a curl loop hitting /health and a read endpoint every 200 ms) showing zero non-200 responses, with the deployment id and timestamps, plus the healthcheck and overlap/draining settings.',
  remediation: 'Set the Railway healthcheck path and timeout, tune RAILWAY_DEPLOYMENT_OVERLAP_SECONDS and RAILWAY_DEPLOYMENT_DRAINING_SECONDS, close the HTTP server gracefully on SIGTERM, and keep migrations backwards-compatible.',
});
