import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.log-aggregation',
  section: 'monitoring',
  item: 'Log aggregation set up (Railway logs or external service)',
  severity: 'medium',
  verifies: 'Logs from every service are retained and searchable in one place long enough to investigate incidents.',
  attestation: 'Screenshot of the log tool (Railway Log Explorer, or Better Stack/Datadog/Axiom) showing logs from api, dashboard and widget, a sample search by request id, and the retention period in days.',
  remediation: "Emit structured JSON logs (e.g. pino) with request ids; if Railway's retention is too short, add a log drain to Better Stack, Axiom or Datadog; document how to search logs in the runbook.",
});
