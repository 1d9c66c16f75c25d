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
    'One GET per service to <url><health> without following redirects (a redirect to a login page is not healthy). Pass: 200 within maxResponseMs whose body does not say it is unhealthy. ' +
    'The body is read in the shapes health endpoints write: a status word or boolean at the top or inside an envelope (data, result, health, payload: {"success":true,"data":{"status":"down"}}), ' +
    'booleans such as ok/healthy/up/ready ({"ok":false}, {"status":false}), Spring Boot actuator (UP/DOWN/OUT_OF_SERVICE/UNKNOWN with components or details), NestJS Terminus (ok/error/shutting_down with info/error/details) ' +
    'and the IETF health-check draft (pass/fail/warn with checks; application/health+json). Fail: any other status, a redirect, refused or unresolvable host, an unhealthy word (down, fail, error, unhealthy, out_of_service, …) ' +
    'or false, an HTML page whose title or main heading is an error, a text answer whose first line is one. Warn: degraded/warn/unknown, or a component down while the service says it is up. ' +
    'Error: a JSON content type whose body does not parse; timeout, reset or malformed answer.',
  remediation: 'Expose GET /health on every service, answering 200 when it can serve traffic, and point the platform health check (railway.json healthcheckPath) at it.',
  async run(ctx) {
    return verifyHealthEndpoints(ctx, `every service's health endpoint answered 200`);
  },
});
