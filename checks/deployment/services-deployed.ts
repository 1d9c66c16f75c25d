import { defineCheck } from '../../src/kit/check.js';
import { perService, serviceUrl } from '../../src/kit/per-service.js';
import { httpProbe } from '../../src/probes/http.js';
import { judgeDeployment } from '../../src/rules/platform.js';
import { DEFAULT_PAGES } from '../../src/rules/default-pages.js';

const SERVERS = [...new Set(DEFAULT_PAGES.map((p) => p.server.replace(/ \(.*\)$/, '')))].join(', ');

export default defineCheck({
  id: 'deployment.services-deployed',
  section: 'deployment',
  item: 'All services deployed to Railway',
  severity: 'critical',
  automation: 'automated',
  needs: ['services'],
  verifies: 'Every configured service (API, dashboard, widget) answers over HTTP at its production URL and its health path from a running deployment of its own, not a web server or platform default page.',
  how:
    'One GET per service base URL (following up to 5 redirects) and one of its health path (not following redirects; shared with deployment.health-checks). ' +
    `Fail: either answer is a web server's or platform's default page (${SERVERS}: welcome pages, "nothing deployed here" pages and headers; the list and its sources are in src/rules/default-pages.ts); ` +
    'the base or the health path answers 5xx; both answer 404/410 (nothing of the service is there); connection refused or an unresolvable host. ' +
    'Warn: the base answers but the health path is 404/410 (the service\'s own routes may be missing). Pass: any other answer, a 404 at the base included when the health path answers. Error: timeout, reset or malformed answer.',
  remediation: 'Deploy the missing service (railway up --service <name>) and attach its domain; check the deployment logs for crashes.',
  async run(ctx) {
    return perService(
      ctx,
      async (_name, service) => {
        const http = ctx.probe(httpProbe);
        const [base, health] = await Promise.all([http.fetch({ url: service.url }), http.fetch({ url: serviceUrl(service, service.health), followRedirects: false })]);
        return judgeDeployment(base, health, {
          url: base.url,
          status: base.status,
          ms: base.timing.totalMs,
          health: health.requestedUrl,
          healthStatus: health.status,
        });
      },
      { failOnProbeErrors: ['refused', 'dns'], pass: 'every service answered from a running deployment' },
    );
  },
});
