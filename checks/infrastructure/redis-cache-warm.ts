import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'infrastructure.redis-cache-warm',
  section: 'infrastructure',
  item: 'Redis cache warmed up (if using)',
  severity: 'low',
  verifies: 'If Redis is used, production is connected to it and hot keys are loaded before traffic arrives, so the first requests do not stampede Postgres.',
  attestation: 'Output of `redis-cli -u "$REDIS_URL" INFO keyspace` showing keys present after the warm-up, and the warm-up script or command run with its timestamp; or a note that Redis is not used.',
  remediation: 'Write a warm-up script that preloads hot keys (shop settings, product data for active widgets) and run it after deploy; add stale-while-revalidate or request coalescing to avoid stampedes.',
});
