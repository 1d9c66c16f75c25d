import { z } from 'zod';
import { serviceKind, type ServiceConfig, type ServiceKind } from '../../src/config/schema/services.js';
import { isProbeError } from '../../src/core/errors.js';
import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { judged, outcome, verdictOf, type Judgement } from '../../src/core/outcome.js';
import { perService, serviceUrl } from '../../src/kit/per-service.js';
import { judgeNonceReuse, scriptNonces } from '../../src/rules/csp.js';
import { HSTS_MIN_MAX_AGE, judgeCorp, judgeErrorAnswerHeaders, judgeSecurityHeaders, metaCspPolicies } from '../../src/rules/security-headers.js';
import { httpProbe, type HttpResponse } from '../../src/probes/http.js';
import { pagesProbe } from '../../src/probes/pages.js';

const options = z.strictObject({
  hstsMinMaxAge: z
    .number()
    .int()
    .min(0)
    .max(315_360_000)
    .default(HSTS_MIN_MAX_AGE)
    .describe('Least Strict-Transport-Security max-age in seconds (default 180 days)'),
});
type Options = z.infer<typeof options>;

/** The last segment of the path asked for to see an error answer; nothing should be routed there. */
export const NOT_FOUND_SEGMENT = 'readiness-probe-not-found';

export default defineCheck<Options>({
  id: 'security.helmet-headers',
  section: 'security',
  item: 'Helmet security headers configured in API',
  severity: 'high',
  automation: 'automated',
  needs: ['services'],
  options,
  verifies:
    "Every service sends Helmet's security headers with safe values on every path it serves (its URL, route and health path and, for an API, its error answers), judged header by header (not just present), and no X-Powered-By; " +
    'the widget, which storefronts embed, sends a frame-ancestors allow-list and Cross-Origin-Resource-Policy: cross-origin on its script instead of helmet\'s defaults.',
  how:
    'GETs the service URL itself, its route, / and the health path, and grades every one that answers 2xx on the service\'s own host (a redirect to another host is followed but that host is not graded; no 2xx page → error); ' +
    `for kind: api also its error answers, at unrouted paths (…/${NOT_FOUND_SEGMENT}) beside the route or health path, under the service URL's path and under /api/ (where proxies mount APIs in a location of their own), ` +
    'graded for what protects an error page that echoes input: Content-Security-Policy, X-Content-Type-Options, X-Powered-By. A widget is graded on its first 2xx page. ' +
    'A finding on some paths only names them ("on /api/health"). ' +
    "Content-Security-Policy is judged per directive family as Google's CSP Evaluator judges it (its checks run here): the header policies and any <meta http-equiv> policy are all enforced, so a family is open only when every policy leaves it open. " +
    "Fail: no enforced policy (Report-Only alone does not count); 'unsafe-inline' in script-src, script-src-elem or script-src-attr (or default-src for them) not cancelled by a valid nonce/hash or 'strict-dynamic' (a malformed hash or an empty nonce cancels nothing); " +
    "*, a host of * (https://*, *:443), *.<public suffix>, http:, https: or data: in those, in object-src or in base-uri (blob: is same-origin only and passes); a host the Evaluator knows serves JSONP or AngularJS; no script-src and no default-src; " +
    "no object-src and no default-src; a nonce (or hash with 'strict-dynamic') policy without base-uri; a nonce that is the same on a second request for the page. " +
    "Warn: 'unsafe-eval'; nonces shorter than 8 characters; http:// sources; unknown directives, invalid keywords and missing semicolons; a policy only in <meta> (it cannot carry frame-ancestors). " +
    'Strict-Transport-Security: fail when missing, sent twice (as two lines or folded into one with a comma), with a repeated directive, without max-age or with max-age below hstsMinMaxAge (15552000 s). ' +
    'X-Content-Type-Options whose first value is not exactly nosniff → fail; no frame-ancestors and no X-Frame-Options DENY/SAMEORIGIN (or frame-ancestors * / https:; ALLOW-FROM) → fail; ' +
    'Referrer-Policy whose last recognised value is unsafe-url, no-referrer-when-downgrade, origin or origin-when-cross-origin → fail, missing → warn. ' +
    'Cross-Origin-Opener-Policy missing, unsafe-none or not exactly a known token (SAME-ORIGIN is ignored by browsers) → warn; Cross-Origin-Resource-Policy the same, or cross-origin → warn; X-Powered-By present → warn. ' +
    "Widget (kind: widget): frame-ancestors must list storefront origins (missing, *, 'self'/'none' only or X-Frame-Options → fail), and its script (asset, else the first script of its page) " +
    'must send Cross-Origin-Resource-Policy: cross-origin (same-origin/same-site → fail, missing → warn). Anchors: Google CSP Evaluator, Mozilla HTTP Observatory, CSP Level 3, RFC 6797.',
  remediation:
    "Add app.use(helmet()) before any route in every Express service (behind nginx, repeat every add_header in each location that has its own, with `always`); tune the CSP (script-src without 'unsafe-inline', nonces made per response, object-src 'none', base-uri 'self'); " +
    "for the widget use helmet({ contentSecurityPolicy: { directives: { frameAncestors: [\"'self'\", 'https://*.myshopify.com'] } }, frameguard: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }).",
  async run(ctx) {
    return perService(ctx, (name, service) => judgeService(ctx, serviceKind(name, service), service), { pass: 'every service sends safe security headers' });
  },
});

interface GradedPage {
  path: string;
  response: HttpResponse;
  /** An error answer is graded for what protects a page that echoes input: CSP, nosniff, X-Powered-By. */
  role: 'page' | 'error-answer';
}

interface Tried {
  /** The path asked for. */
  path: string;
  url: string;
  status: number;
  /** Where a redirect to another host led (that page is not the service's and is not graded). */
  offHost?: string;
}

async function judgeService(ctx: CheckContext<Options>, kind: ServiceKind, service: ServiceConfig) {
  const http = ctx.probe(httpProbe);
  // The service URL itself first: with a base path (https://shop.example/api) it is the API's own root.
  const candidates = [...new Set([new URL(service.url).href, ...[...(service.route ? [service.route] : []), '/', service.health].map((path) => serviceUrl(service, path))])];
  const graded: GradedPage[] = [];
  const tried: Tried[] = [];
  const unreachable: Judgement[] = [];
  let firstError: unknown;
  for (const url of candidates) {
    if (kind === 'widget' && graded.length > 0) break;
    const path = new URL(url).pathname;
    try {
      const response = await http.fetch({ url });
      const offHost = ownHost(service.url, response.url) ? undefined : response.url;
      tried.push({ path, url: response.url, status: response.status, ...(offHost ? { offHost } : {}) });
      if (!offHost && response.status >= 200 && response.status < 300) graded.push({ path, response, role: 'page' });
    } catch (error) {
      if (!isProbeError(error)) throw error;
      firstError ??= error;
      unreachable.push(judged(`GET ${path}`, 'error', `could not be graded: ${error.message}`));
    }
  }
  if (graded.length === 0) {
    if (firstError) throw firstError;
    return outcome('error', `no page answered 2xx to grade (${tried.map(describeTried).join(', ')}); error pages carry other headers than real pages`, { evidence: { tried } });
  }
  if (kind === 'api') {
    for (const path of notFoundPaths(service)) {
      try {
        const response = await http.fetch({ url: serviceUrl(service, path) });
        if (ownHost(service.url, response.url) && response.status < 500) graded.push({ path, response, role: 'error-answer' });
        else tried.push({ path, url: response.url, status: response.status, ...(ownHost(service.url, response.url) ? {} : { offHost: response.url }) });
      } catch (error) {
        if (!isProbeError(error)) throw error;
        unreachable.push(judged(`GET ${path}`, 'error', `could not be graded: ${error.message}`));
      }
    }
  }

  const perPage: { path: string; judgements: Judgement[] }[] = [];
  for (const page of graded) {
    const judgements =
      page.role === 'page' ? judgeSecurityHeaders(page.response, kind, ctx.options.hstsMinMaxAge) : judgeErrorAnswerHeaders(page.response);
    judgements.push(...(await nonceReuse(ctx, page)));
    perPage.push({ path: page.path, judgements });
  }
  const findings = [...mergeByPath(perPage), ...unreachable];
  const primary = graded[0]!.response;
  const evidence: Record<string, unknown> = {
    graded: primary.url,
    status: primary.status,
    kind,
    headers: securityHeaderValues(primary.headers),
    pages: graded.map((p) => ({ path: p.path, url: p.response.url, status: p.response.status, headers: securityHeaderValues(p.response.headers) })),
    ...(tried.some((t) => t.offHost) ? { notGraded: tried.filter((t) => t.offHost) } : {}),
  };
  if (kind === 'widget') {
    const [script] = await ctx.probe(pagesProbe).scripts(primary, service.asset ? [serviceUrl(service, service.asset)] : []);
    if (!script) {
      findings.push({ subject: 'Cross-Origin-Resource-Policy', status: 'warn', message: 'no widget script found to check (set services.<widget>.asset)' });
    } else if (script.failure) {
      findings.push({ subject: 'Cross-Origin-Resource-Policy', status: 'error', message: `widget script ${script.url}: ${script.failure.message}` });
    } else {
      evidence.widgetScript = script.url;
      findings.push(judgeCorp(script.response!.headers['cross-origin-resource-policy'], 'widget-script'));
    }
  }
  return verdictOf(findings, 'security headers in place', evidence);
}

/**
 * The service's own host: the same host and port, or the HTTPS upgrade of the same host name. Another host's
 * headers (a docs site the API redirects to) say nothing about the service.
 */
function ownHost(serviceBase: string, url: string): boolean {
  const own = new URL(serviceBase);
  const seen = new URL(url);
  return seen.host === own.host || (seen.hostname === own.hostname && own.protocol === 'http:' && seen.protocol === 'https:');
}

/**
 * Unrouted paths where the API's own error answers come from: beside the route (or health path), under the service
 * URL's base path, and under /api/, where reverse proxies commonly mount the API in a location of its own.
 */
function notFoundPaths(service: ServiceConfig): string[] {
  const beside = service.route ?? service.health;
  const base = new URL(service.url).pathname.replace(/\/?$/, '/');
  return [...new Set([`${beside.slice(0, beside.lastIndexOf('/') + 1)}${NOT_FOUND_SEGMENT}`, `${base}${NOT_FOUND_SEGMENT}`, `/api/${NOT_FOUND_SEGMENT}`])];
}

function describeTried(t: Tried): string {
  return t.offHost ? `${t.path} → redirected to ${t.url}, another host, not graded` : `${new URL(t.url).pathname} → ${t.status}`;
}

/** A nonce is only a nonce if the next response has another: ask for a page with one once more, bypassing the memo. */
async function nonceReuse(ctx: CheckContext<Options>, page: GradedPage): Promise<Judgement[]> {
  const policies = (response: HttpResponse) => [...(response.headers['content-security-policy'] ?? []), ...metaCspPolicies(response)];
  if (scriptNonces(policies(page.response)).length === 0) return [];
  try {
    const again = await ctx.probe(httpProbe).fetchUncached({ url: page.response.url, followRedirects: false });
    const finding = judgeNonceReuse(policies(page.response), policies(again));
    return finding ? [judged('Content-Security-Policy', finding.status, finding.message)] : [];
  } catch (error) {
    if (!isProbeError(error)) throw error;
    return [judged('Content-Security-Policy', 'error', `could not ask for ${page.path} again to see whether its nonce changes: ${error.message}`)];
  }
}

/**
 * One judgement per distinct verdict across the graded paths; one that holds on some paths only names them, so a
 * location that drops the headers shows up instead of being averaged away.
 */
function mergeByPath(pages: readonly { path: string; judgements: readonly Judgement[] }[]): Judgement[] {
  const merged = new Map<string, { judgement: Judgement; paths: string[] }>();
  const judgedOn = new Map<string, Set<string>>();
  for (const page of pages) {
    for (const j of page.judgements) {
      const key = `${j.status}\u0000${j.subject}\u0000${j.message}`;
      const entry = merged.get(key) ?? { judgement: j, paths: [] };
      if (!entry.paths.includes(page.path)) entry.paths.push(page.path);
      merged.set(key, entry);
      judgedOn.set(j.subject, (judgedOn.get(j.subject) ?? new Set()).add(page.path));
    }
  }
  // A verdict that holds wherever its header was judged needs no paths (error answers are not judged for every header).
  return [...merged.values()].map(({ judgement, paths }) =>
    paths.length === judgedOn.get(judgement.subject)!.size ? judgement : { ...judgement, message: `${judgement.message} (on ${paths.join(', ')})` },
  );
}

const SECURITY_HEADERS = [
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'x-powered-by',
];

function securityHeaderValues(headers: Record<string, string[]>): Record<string, string[] | null> {
  return Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers[name]?.map((v) => v.slice(0, 400)) ?? null]));
}
