import { z } from 'zod';
import { verdictOf } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { perRailwayConfig } from '../../src/kit/railway-config.js';
import { judgeRestartPolicy } from '../../src/rules/railway-config.js';

const options = z.strictObject({
  maxRetries: z.number().int().positive().default(20).describe('Highest restartPolicyMaxRetries accepted without a warning'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'deployment.auto-restart',
  section: 'deployment',
  item: 'Auto-restart policies configured',
  severity: 'high',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'A crashed service is restarted automatically by Railway with a bounded retry policy, as its config as code says.',
  how:
    "Reads railway.json, else railway.toml, in each service's `services.<name>.repoPath` (default: the repository root), lays `environments.<environment>.deploy` over `deploy`, " +
    'and requires `restartPolicyType` ALWAYS, or ON_FAILURE with `restartPolicyMaxRetries` ≥ 1 (a warning above `maxRetries`, default 20). NEVER or no policy fails. ' +
    'A folder without a Railway config is manual (the dashboard may hold the setting).',
  attestation: 'Each service\'s Railway settings showing Restart Policy "On Failure" with max retries, plus log lines from a test crash showing the container coming back up.',
  remediation: 'Set `"deploy": { "restartPolicyType": "ON_FAILURE", "restartPolicyMaxRetries": 10 }` in each service\'s railway.json and make the process exit non-zero on fatal errors instead of hanging.',
  async run(ctx) {
    return perRailwayConfig(
      ctx,
      (config) => verdictOf(judgeRestartPolicy(config.deploy, { maxRetries: ctx.options.maxRetries }), `${config.file}: restart policy ${String(config.deploy.restartPolicyType)}`),
      "every service's Railway config restarts it on failure with a bounded retry count",
    );
  },
});
