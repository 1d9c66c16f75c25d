import type { ServiceConfig } from '../config/schema/services.js';
import { serviceUrl } from '../config/service-url.js';
import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { HttpRequest, HttpResponse } from '../probes/http.js';
import type { FetchedAsset } from '../probes/pages.js';
import { devMarkers, frontendMarkers, type DevMarker } from './dev-markers.js';

/** A path no application serves, to see the service's own not-found page (development error pages give themselves away). */
export const NOT_FOUND_PATH = '/__readiness-probe-not-found';

/** Truncated JSON: every JSON body parser rejects it before any handler runs, so the POST changes nothing. */
export const MALFORMED_JSON = '{"readiness-probe":';

/**
 * What the HTTP side of the NODE_ENV check asks each service: its root, health route and a not-found path, and one
 * malformed-JSON POST to the root (and the route, if configured), whose error answer shows how errors are rendered.
 */
export function nodeEnvRequests(service: ServiceConfig): HttpRequest[] {
  const post = (path: string): HttpRequest => ({
    url: serviceUrl(service, path),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: MALFORMED_JSON,
    followRedirects: false,
    maxBodyBytes: 256 * 1024,
  });
  return [
    { url: service.url },
    { url: serviceUrl(service, service.health), followRedirects: false },
    { url: serviceUrl(service, NOT_FOUND_PATH) },
    post('/'),
    ...(service.route ? [post(service.route)] : []),
  ];
}

function label(response: HttpResponse): string {
  const path = new URL(response.url).pathname;
  return response.method === 'GET' ? path : `${response.method} ${path} (malformed JSON)`;
}

/** Every development marker the answers show: stack traces and X-Powered-By anywhere, dev-server and dev-build markers in pages and scripts. */
export function nodeEnvHttpMarkers(responses: readonly HttpResponse[], scripts: readonly FetchedAsset[]): DevMarker[] {
  return [
    ...responses.flatMap((r) => devMarkers(r, label(r))),
    ...responses.filter((r) => r.method === 'GET').flatMap((r) => frontendMarkers(r.body, label(r))),
    ...scripts.flatMap((s) => (s.response ? frontendMarkers(s.response.body, scriptLabel(s.url, responses[0]?.url)) : [])),
  ];
}

/** A script by its path on the service, or by its whole URL when another host serves it (a framework build on a CDN). */
function scriptLabel(url: string, pageUrl: string | undefined): string {
  const script = new URL(url);
  return pageUrl && script.origin === new URL(pageUrl).origin ? script.pathname : `${script.origin}${script.pathname}`;
}

function describe(marker: DevMarker): string {
  return `${marker.kind} at ${marker.where}: ${marker.detail}`;
}

/**
 * The HTTP side's verdict. Stack traces and development servers or builds are proof (fail); X-Powered-By is a hint
 * (warn); nothing seen is not proof of production mode, since NODE_ENV itself is not visible over HTTP (manual).
 */
export function judgeNodeEnvHttp(markers: readonly DevMarker[], pathsChecked: readonly string[]): CheckOutcome {
  const evidence = { markers: markers.map(describe), pathsChecked: [...pathsChecked] };
  const stacks = markers.filter((m) => m.kind === 'stack-trace');
  if (stacks.length > 0) {
    return outcome('fail', `stack trace in the response to ${[...new Set(stacks.map((m) => m.where))].join(', ')}: errors are rendered as in development`, {
      evidence,
      remediation: 'Set NODE_ENV=production and give the app an error handler that answers without the stack (helmet does not do this).',
    });
  }
  const devServer = markers.filter((m) => m.kind === 'dev-server' || m.kind === 'development-build');
  if (devServer.length > 0) {
    return outcome('fail', `${devServer.map((m) => `${m.detail} (${m.where})`).join('; ')}: not a production build`, {
      evidence,
      remediation: 'Build with NODE_ENV=production (vite build / npm run build) and serve the built files; never run the dev server in production.',
    });
  }
  const poweredBy = markers.find((m) => m.kind === 'x-powered-by');
  if (poweredBy) {
    return outcome('warn', `sends X-Powered-By: ${poweredBy.detail}, a development default`, {
      evidence,
      remediation: 'app.disable("x-powered-by"), or use helmet, and confirm NODE_ENV=production in the service variables.',
    });
  }
  return outcome('manual', 'no development markers over HTTP; NODE_ENV itself is not visible over HTTP — confirm it in the service variables', { evidence });
}
