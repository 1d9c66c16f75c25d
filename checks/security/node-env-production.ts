import { serviceKind } from '../../src/config/schema/services.js';
import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { perEnvView } from '../../src/kit/per-env-view.js';
import { combine, outcome } from '../../src/core/outcome.js';
import { perService, serviceUrl } from '../../src/kit/per-service.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { judgeNodeEnv } from '../../src/rules/node-env.js';
import { judgeNodeEnvHttp, nodeEnvHttpMarkers, nodeEnvRequests } from '../../src/rules/node-env-http.js';
import { envProbe } from '../../src/probes/env.js';
import { httpProbe } from '../../src/probes/http.js';
import { MAX_BUNDLES_PER_PAGE, MAX_FRAMEWORK_SCRIPTS_PER_PAGE, pagesProbe } from '../../src/probes/pages.js';

export default defineCheck({
  id: 'security.node-env-production',
  section: 'security',
  item: '`NODE_ENV=production` set in all services',
  severity: 'critical',
  automation: 'partial',
  // Either is enough to judge something: with env sources alone, NODE_ENV=development is a failure all the same.
  needs: [['services', 'env']],
  verifies:
    'Every service runs with NODE_ENV=production: no development error pages or stack traces, no framework banner, and for the dashboard and widget no development server or development build over HTTP.',
  how:
    "GETs each service's root, health route and a not-found path, and sends one POST with a 19-byte malformed JSON body ({\"readiness-probe\":) to / (and to the route, if set): " +
    'body parsers reject it before any handler runs, and the error answer shows how errors are rendered. Looks for stack traces (Node "at fn (file:line:col)" frames, also inside ' +
    `Express's HTML error page) and X-Powered-By; for dashboard, widget and web services also in the page, every same-site script it loads (at most ${MAX_BUNDLES_PER_PAGE}) ` +
    `and up to ${MAX_FRAMEWORK_SCRIPTS_PER_PAGE} framework builds it loads from other hosts, for the Vite client (/@vite/client), ` +
    "React Fast Refresh, webpack-dev-server, hot-module-replacement code, the Next.js dev server, webpack's eval-devtool development build and the React/Vue/Angular/Svelte development builds " +
    '(their own markers, as testing.dashboard-production-build reads them). ' +
    'Fail: a stack trace, a dev server or development build. Warn: X-Powered-By (not proof of development mode, but production setups remove it). ' +
    'With env sources configured, the service\'s own variables must also hold NODE_ENV exactly "production" (fail otherwise); a clean HTTP side plus that ' +
    'variable is a pass. Manual: no marker over HTTP and no env source for the service — HTTP cannot show NODE_ENV itself. ' +
    'With env sources but no services configured, each view\'s NODE_ENV is judged alone: anything but exactly "production" fails; "production" is manual ' +
    '(the HTTP side was not checked).',
  remediation:
    'Set NODE_ENV=production in every service (Railway → service → Variables), build front-ends with the production build, redeploy, and disable X-Powered-By (app.disable("x-powered-by") or helmet).',
  attestation: "Screenshot or `railway variables --service <name>` output (values of secrets hidden) showing NODE_ENV=production for the api, dashboard and widget services.",
  async run(ctx) {
    const envSlots = ctx.environment.env?.length ? ctx.probe(envProbe).slots(ctx.environmentName, ctx.signal) : [];
    // A view no service asks for (or asked for after an HTTP failure) must not reject unobserved.
    for (const slot of envSlots) slot.view.catch(() => undefined);
    if (Object.keys(ctx.environment.services ?? {}).length === 0) return variablesOnly(ctx);
    return perService(ctx, async (name, service) => {
      const requests = nodeEnvRequests(service);
      const responses = await Promise.all(requests.map((request) => ctx.probe(httpProbe).fetch(request)));
      const frontend = serviceKind(name, service) !== 'api';
      const scripts = frontend ? await ctx.probe(pagesProbe).bundles(responses[0]!, service.asset ? [serviceUrl(service, service.asset)] : []) : [];
      const paths = [...responses.map((r) => `${r.method} ${new URL(r.url).pathname}`), ...scripts.map((s) => `GET ${new URL(s.url).pathname}`)];
      const http = judgeNodeEnvHttp(nodeEnvHttpMarkers(responses, scripts), paths);
      // The service's own variables, or the environment-wide ones when no source names a service.
      const slot = envSlots.find((s) => s.service === name) ?? envSlots.find((s) => s.service === undefined);
      if (!slot) return http;
      let variables: CheckOutcome;
      try {
        variables = judgeNodeEnv((await slot.view).values, name);
      } catch (error) {
        variables = probeFailure(error, []);
      }
      // HTTP cannot show NODE_ENV; the variable can. Both clean is the only pass.
      if (http.status === 'manual' && variables.status === 'pass') {
        return outcome('pass', 'NODE_ENV=production in its variables, and no development markers over HTTP', {
          evidence: { ...http.evidence, ...variables.evidence },
        });
      }
      return combine([
        { label: 'http', outcome: http },
        { label: 'variables', outcome: variables },
      ]);
    });
  },
});

/** The variables side alone (env sources, no services): a wrong NODE_ENV fails; a right one leaves the HTTP side to a person. */
async function variablesOnly(ctx: CheckContext<unknown>): Promise<CheckOutcome> {
  const judged = await perEnvView(ctx, (view) => judgeNodeEnv(view.values, view.service));
  if (judged.status !== 'pass') return judged;
  return outcome('manual', `${judged.message}; no services are configured, so development error pages, dev servers and development builds were not checked over HTTP`, {
    ...(judged.evidence ? { evidence: judged.evidence } : {}),
    remediation: 'Add the services (their URLs) to the config so their HTTP side is checked too, or attest that they serve production builds.',
  });
}
