import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { verifyHealthEndpoints } from '../../src/kit/health.js';

const options = z.strictObject({
  maxResponseMs: z.number().int().positive().default(5_000).describe('A 200 slower than this fails'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'deployment.health-checks',
  section: 'deployment',
  item: 'Health checks returning 200 OK:',
  severity: 'critical',
  automation: 'automated',
  needs: ['services'],
  options,
  verifies: "Every configured service's health endpoint (API, dashboard and widget: /health by default) answers 200 OK within the limit.",
  how:
    'One GET per service to <url><health> without following redirects (a redirect to a login page is not healthy). Pass: 200 within maxResponseMs and, ' +
    'for a JSON body with a "status" field, not down/fail/error/unhealthy ("degraded" warns). Fail: any other status, a redirect, refused or unresolvable host. ' +
    'Error: timeout, reset or malformed answer.',
  remediation: 'Expose GET /health on every service, answering 200 when it can serve traffic, and point the platform health check (railway.json healthcheckPath) at it.',
  async run(ctx) {
    return verifyHealthEndpoints(ctx, `every service's health endpoint answered 200`);
  },
});
