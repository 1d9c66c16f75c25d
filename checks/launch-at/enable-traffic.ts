import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-at.enable-traffic',
  section: 'launch-at',
  item: 'Enable production traffic',
  severity: 'medium',
  verifies: 'Production traffic is switched on as planned (domain or DNS live, listing public, maintenance mode or flags off) and real requests reach the services.',
  attestation: 'The time of the switch and exactly what was changed (e.g. DNS cutover, maintenance flag off, Shopify listing published), plus the first real requests visible in Railway logs or the metrics dashboard.',
  remediation: "Follow the launch runbook step by step; if traffic does not arrive, check DNS propagation, domain settings, feature flags and the Shopify app's distribution status.",
});
