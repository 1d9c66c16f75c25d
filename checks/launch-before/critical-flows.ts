import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-before.critical-flows',
  section: 'launch-before',
  item: 'Test critical user flows',
  severity: 'high',
  verifies: 'The critical flows work in production just before launch: app install/OAuth, dashboard login, product sync, widget render and a tracked event.',
  attestation: 'A timestamped list (within the hour) of each flow run in production with a test store: install, dashboard login, product sync, widget render on the storefront, tracked event or conversion; each marked pass with a screenshot or request id.',
  remediation: 'Hold the launch, reproduce the failing flow on staging, fix or roll back, and rerun the whole flow list.',
});
