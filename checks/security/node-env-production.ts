import { defineCheck } from '../../src/core/check.js';
import { outcome } from '../../src/core/outcome.js';
import { perService, serviceUrl } from '../../src/core/per-service.js';
import { devMarkers, type DevMarker } from '../../src/rules/dev-markers.js';

/** A path no application serves, to see the service's own not-found page (development error pages give themselves away). */
const NOT_FOUND_PATH = '/__readiness-probe-not-found';

export default defineCheck({
  id: 'security.node-env-production',
  section: 'security',
  item: '`NODE_ENV=production` set in all services',
  severity: 'critical',
  automation: 'partial',
  needs: ['services'],
  verifies: 'Every service runs with NODE_ENV=production: no development error pages, stack traces or framework banners over HTTP.',
  how:
    'GETs each service\'s root, health route and a not-found path and looks for stack traces (Node "at fn (file:line:col)" frames, also inside ' +
    "Express's HTML error page) and X-Powered-By. Fail: a stack trace. Warn: X-Powered-By (not proof of development mode, but production " +
    'setups remove it). Manual: no marker seen — HTTP cannot show NODE_ENV itself, so the variable must be confirmed from the environment.',
  remediation:
    'Set NODE_ENV=production in every service (Railway → service → Variables), redeploy, and disable X-Powered-By (app.disable("x-powered-by") or helmet).',
  attestation: "Screenshot or `railway variables --service <name>` output (values of secrets hidden) showing NODE_ENV=production for the api, dashboard and widget services.",
  async run(ctx) {
    return perService(ctx, async (_name, service) => {
      const responses = await Promise.all([
        ctx.probes.http.fetch({ url: service.url }),
        ctx.probes.http.fetch({ url: serviceUrl(service, service.health), followRedirects: false }),
        ctx.probes.http.fetch({ url: serviceUrl(service, NOT_FOUND_PATH) }),
      ]);
      const markers = responses.flatMap((response) => devMarkers(response, new URL(response.url).pathname));
      const stacks = markers.filter((m) => m.kind === 'stack-trace');
      const evidence = { markers: markers.map(describe), pathsChecked: responses.map((r) => new URL(r.url).pathname) };
      if (stacks.length > 0) {
        return outcome('fail', `stack trace in the response to ${stacks.map((m) => m.where).join(', ')}: errors are rendered as in development`, {
          evidence,
          remediation: 'Set NODE_ENV=production and give the app an error handler that answers without the stack (helmet does not do this).',
        });
      }
      const poweredBy = markers.find((m) => m.kind === 'x-powered-by');
      if (poweredBy) {
        return outcome('warn', `sends X-Powered-By: ${poweredBy.detail}, a development default`, {
          evidence,
          remediation: 'app.disable("x-powered-by"), or use helmet, and confirm NODE_ENV=production in the service variables.',
        });
      }
      return outcome('manual', 'no development markers over HTTP; NODE_ENV itself is not visible over HTTP — confirm it in the service variables', {
        evidence,
      });
    });
  },
});

function describe(marker: DevMarker): string {
  return `${marker.kind} at ${marker.where}: ${marker.detail}`;
}
