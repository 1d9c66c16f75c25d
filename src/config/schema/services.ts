import { z } from 'zod';
import { isLoginRoute } from '../login-routes.js';
import { httpUrl, urlPath } from './common.js';

export const SERVICE_KINDS = ['api', 'dashboard', 'widget', 'web'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** `https://host[:port]` with nothing after it: what browsers send in the Origin header. */
const origin = z.string().refine(
  (value) => {
    if (value === '*') return true;
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  },
  { message: 'expected an origin such as https://app.example.com (scheme, host and optional port; no path), or "*"' },
);

/** A path on the service, or an absolute URL (static assets often live on a CDN host). */
const pathOrUrl = z.string().refine((value) => value.startsWith('/') || httpUrl.safeParse(value).success, {
  message: 'expected a path starting with "/" or an absolute http(s) URL',
});

const plainHttpUrl = httpUrl.refine((value) => value.startsWith('http://'), { message: 'expected a plain http:// URL' });

/** One deployed service (api, dashboard, widget, …) reachable over HTTP(S). */
export const serviceSchema = z.strictObject({
  url: httpUrl.describe('Base URL of the deployed service'),
  health: urlPath.default('/health').describe('Health endpoint path, expected to answer 200'),
  kind: z
    .enum(SERVICE_KINDS)
    .optional()
    .describe(
      'What the service is; header, CORS and build checks set their expectations by it. Default: the service name when it is api, dashboard or widget, else web',
    ),
  origins: z
    .array(origin)
    .optional()
    .describe('Origins its CORS policy is meant to allow (the dashboard for the API, merchant storefronts for the widget); "*" declares a deliberately public API'),
  route: urlPath
    .refine((path) => !isLoginRoute(path), { message: 'looks like a login/auth route; readiness never probes those (choose a cheap public GET route)' })
    .optional()
    .describe('A cheap, read-only GET route (e.g. /v1/products) that CORS and rate-limit probes call in addition to the root; never a login route'),
  asset: pathOrUrl
    .optional()
    .describe('A static asset (the widget script, a content-hashed bundle): CDN, CORP and build checks fetch it. Default: the first script of the service page'),
  repoPath: z
    .string()
    .min(1)
    .refine((value) => !value.startsWith('/') && !value.split(/[\\/]/).includes('..'), {
      message: 'expected a folder inside the repository (relative, without "..")',
    })
    .optional()
    .describe("The service's folder inside `repo` (its railway.json / railway.toml, Dockerfile); default: the repository root"),
  plainUrl: plainHttpUrl
    .optional()
    .describe('The plain http:// address that must redirect to url. Default: url with http:// on port 80 (set it when url uses another port)'),
});

export const servicesSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: 'expected a lower-case service name' }), serviceSchema)
  .refine((services) => Object.keys(services).length > 0, { message: 'expected at least one service' })
  .describe('Deployed services by name (api, dashboard, widget, …); each must answer over HTTP(S)');

export type ServiceConfig = z.infer<typeof serviceSchema>;

/** The configured kind, or the one the service's name says (api, dashboard, widget); anything else is a plain web service. */
export function serviceKind(name: string, service: Pick<ServiceConfig, 'kind'>): ServiceKind {
  if (service.kind) return service.kind;
  return (SERVICE_KINDS as readonly string[]).includes(name) ? (name as ServiceKind) : 'web';
}
