import { defineCheck } from '../../src/kit/check.js';
import { perServicePage, serviceUrl } from '../../src/kit/per-service.js';
import { judgeWidgetCors } from '../../src/rules/cors.js';
import { verdictOf } from '../../src/core/outcome.js';
import { observeCors } from '../../src/kit/cors.js';
import { pagesProbe } from '../../src/probes/pages.js';

export default defineCheck({
  id: 'infrastructure.widget-cors',
  section: 'infrastructure',
  item: 'CORS headers properly configured for widget',
  severity: 'high',
  automation: 'automated',
  needs: ['services'],
  verifies:
    "The widget's endpoints are open to storefronts as intended and never with credentials: `*` or origin reflection without credentials is fine for public widget data, " +
    'the configured storefront origins are allowed on its API route, and Vary: Origin accompanies per-origin answers.',
  how:
    `For each service of kind widget: its route (its API, if set), its script (asset, else the first script of its page) or /, each with a GET carrying Origin and a preflight ` +
    `(OPTIONS, Access-Control-Request-Method: POST, -Headers: authorization, content-type), for every hostile origin of security.cors-origins (its development origins with a GET on the first path) and each origin in services.<widget>.origins. ` +
    'Fail: a hostile origin reflected with Access-Control-Allow-Credentials: true (critical); `*` with credentials; a configured storefront origin not allowed on the route; ' +
    'origins: ["*"] but the route allows no origin. Warn: no origins configured and the route allows no cross-origin caller; per-request Access-Control-Allow-Origin without Vary: Origin. ' +
    'Skip: no service of kind widget.',
  remediation:
    'Give the widget routes their own cors() configuration: the registered storefront origins (or "*" without credentials for public data), only the needed methods and headers, ' +
    'and Access-Control-Max-Age for preflights; never cors({ origin: true, credentials: true }).',
  async run(ctx) {
    return perServicePage(
      ctx,
      async (root, _name, service) => {
        const [script] = await ctx.probe(pagesProbe).scripts(root, service.asset ? [serviceUrl(service, service.asset)] : []);
        const paths = [...(service.route ? [service.route] : []), script && !script.failure ? script.url : '/'];
        const seen = await observeCors(ctx, service, paths);
        return verdictOf(judgeWidgetCors(seen.answers, { allowed: seen.allowed, apiPath: service.route }), 'storefront access as intended, never with credentials', seen.evidence);
      },
      {
        kinds: ['widget'],
        none: 'no service of kind widget is configured (services.<name>.kind: widget, or a service named widget)',
        pass: "the widget's CORS policy lets storefronts in and never with credentials",
      },
    );
  },
});
