import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'monitoring.resource-alerts',
  section: 'monitoring',
  item: 'Memory and CPU usage alerts',
  severity: 'high',
  verifies: 'Memory and CPU of each service are alerted on before they cause crashes, OOM kills or throttling.',
  attestation: 'Screenshots of alert rules for api, dashboard and widget for memory above 80% of the limit and CPU above 80% for 10 min, with their notification destination, plus the current usage graphs from Railway metrics.',
  remediation: 'Configure per-service resource alerts in the metrics tool (Railway metrics or a Datadog/Grafana agent) at ~80% of limits, route them to on-call, and investigate any steadily climbing memory graph.',
});
