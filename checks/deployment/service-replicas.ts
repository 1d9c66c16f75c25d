import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'deployment.service-replicas',
  section: 'deployment',
  item: 'Service replicas configured (start with 1, scale as needed)',
  severity: 'high',
  verifies: 'Each service runs the intended number of replicas (at least 1), and the app is safe to scale out: no in-memory sessions, rate limits or caches that must be shared.',
  attestation: "Screenshot of each Railway service's replica count and region (api, dashboard, widget), the agreed scaling trigger, and confirmation that sessions, rate-limit counters and caches live in Postgres/Redis rather than process memory.",
  remediation: 'Set replicas in Railway > service > Settings (start with 1), move sessions and rate-limit counters to Redis or Postgres before scaling out, and document the trigger for adding replicas (e.g. CPU > 70% sustained).',
});
