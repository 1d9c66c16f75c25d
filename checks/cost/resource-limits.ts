import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'cost.resource-limits',
  section: 'cost',
  item: 'Resource limits configured per service',
  severity: 'low',
  verifies: 'Each Railway service has CPU and memory limits set, so one runaway service cannot consume the whole budget.',
  attestation: "Screenshot of each service's resource limits in Railway (vCPU and memory for api, dashboard, widget and any workers) with the chosen values and the observed peak usage they were based on.",
  remediation: 'Set per-service vCPU and memory limits in Railway service settings at observed peak usage (from the Metrics tab) plus about 50% headroom.',
});
