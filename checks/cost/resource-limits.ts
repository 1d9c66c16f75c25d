import { z } from 'zod';
import { verdictOf } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { perRailwayConfig } from '../../src/kit/railway-config.js';
import { judgeResourceLimits } from '../../src/rules/railway-config.js';

const options = z.strictObject({});

export default defineCheck<z.infer<typeof options>>({
  id: 'cost.resource-limits',
  section: 'cost',
  item: 'Resource limits configured per service',
  severity: 'low',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies: "Each Railway service's config as code caps its CPU and memory (`deploy.limitOverride.containers`), so one runaway service cannot consume the whole budget.",
  how:
    "Reads railway.json, else railway.toml, in each service's `services.<name>.repoPath` (default: the repository root) with `environments.<environment>.deploy` laid over `deploy`, " +
    'and requires `limitOverride.containers.cpu` (vCPU > 0) and `memoryBytes` (whole bytes > 0). Without `limitOverride`, or without a Railway config, the limits are in the dashboard if anywhere: manual. ' +
    'Whether the values suit the observed peak usage is for a person to attest.',
  attestation: "Screenshot of each service's resource limits in Railway (vCPU and memory for api, dashboard, widget and any workers) with the chosen values and the observed peak usage they were based on.",
  remediation: 'Set per-service vCPU and memory limits (deploy.limitOverride.containers in railway.json, or the service settings) at observed peak usage plus about 50% headroom.',
  async run(ctx) {
    return perRailwayConfig(ctx, (config) => verdictOf(judgeResourceLimits(config.deploy), `${config.file}: CPU and memory capped`), "every service's Railway config caps its CPU and memory");
  },
});
