import { z } from 'zod';
import { verdictOf } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { perRailwayConfig } from '../../src/kit/railway-config.js';
import { judgeReplicas } from '../../src/rules/railway-config.js';

const options = z.strictObject({});

export default defineCheck<z.infer<typeof options>>({
  id: 'deployment.service-replicas',
  section: 'deployment',
  item: 'Service replicas configured (start with 1, scale as needed)',
  severity: 'high',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: "Each service's Railway config as code (railway.json / railway.toml) sets its replica count: `numReplicas` of at least 1, or a `multiRegionConfig` giving every region at least 1.",
  how:
    "Reads railway.json, else railway.toml, in each service's `services.<name>.repoPath` (default: the repository root) through the repository probe, " +
    'lays `environments.<environment>.deploy` over `deploy`, and judges `numReplicas` / `multiRegionConfig`. A folder without a Railway config is manual (the dashboard may hold the setting); ' +
    'an unparsable file fails; an unreadable one (a symlink out of the repository, a FIFO) is an error.',
  attestation: "Screenshot of each Railway service's replica count and region, and confirmation that sessions, rate-limit counters and caches live in Postgres/Redis rather than process memory.",
  remediation: 'Set `"deploy": { "numReplicas": 1 }` in each service\'s railway.json (start with 1), move sessions and rate-limit counters to Redis or Postgres before scaling out, and document the trigger for adding replicas.',
  async run(ctx) {
    return perRailwayConfig(ctx, (config) => verdictOf(judgeReplicas(config.deploy), `${config.file}: replicas configured`), "every service's Railway config sets its replicas");
  },
});
