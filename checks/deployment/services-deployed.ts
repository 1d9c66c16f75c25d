import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { perServicePage } from '../../src/kit/per-service.js';
import { platformNotDeployed } from '../../src/rules/platform.js';

export default defineCheck({
  id: 'deployment.services-deployed',
  section: 'deployment',
  item: 'All services deployed to Railway',
  severity: 'critical',
  automation: 'automated',
  needs: ['services'],
  verifies: 'Every configured service (API, dashboard, widget) answers over HTTP at its production URL from a running deployment.',
  how:
    "One GET per service base URL, following up to 5 same-purpose redirects. Pass: an HTTP answer below 500 that is not a platform's " +
    '"nothing deployed here" page (Railway fallback, Render no-server, Vercel/Heroku not-found). Fail: 5xx, such a page, connection refused or ' +
    'an unresolvable host. Error: timeout, reset or malformed answer.',
  remediation: 'Deploy the missing service (railway up --service <name>) and attach its domain; check the deployment logs for crashes.',
  async run(ctx) {
    return perServicePage(
      ctx,
      async (response) => {
        const evidence = { url: response.url, status: response.status, ms: response.timing.totalMs };
        const notDeployed = platformNotDeployed(response);
        if (notDeployed) return outcome('fail', notDeployed, { evidence });
        if (response.status >= 500) {
          return outcome('fail', `answered ${response.status}: the deployment is down or crashing`, { evidence });
        }
        return outcome('pass', `answered ${response.status} in ${response.timing.totalMs} ms`, { evidence });
      },
      { failOnProbeErrors: ['refused', 'dns'], pass: 'every service answered from a running deployment' },
    );
  },
});
