import { z } from 'zod';
import { serviceKind } from '../../src/config/schema/services.js';
import { defineCheck } from '../../src/kit/check.js';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { perService, serviceUrl } from '../../src/kit/per-service.js';
import { HSTS_MIN_MAX_AGE, judgeCorp, judgeSecurityHeaders } from '../../src/rules/security-headers.js';
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

export default defineCheck<z.infer<typeof options>>({
  id: 'security.helmet-headers',
  section: 'security',
  item: 'Helmet security headers configured in API',
  severity: 'high',
  automation: 'automated',
  needs: ['services'],
  options,
  verifies:
    "Every service sends Helmet's security headers with safe values, judged header by header (not just present), and no X-Powered-By; " +
    'the widget, which storefronts embed, sends a frame-ancestors allow-list and Cross-Origin-Resource-Policy: cross-origin on its script instead of helmet\'s defaults.',
  how:
    'GETs the first path that answers 2xx among the service route, / and the health path (error pages often carry another CSP and would hide the truth; no 2xx page → error). ' +
    "Fail: no enforced Content-Security-Policy (Report-Only alone does not count); script-src (or default-src) allowing 'unsafe-inline' without a nonce/hash/'strict-dynamic', or *, http:, https:, data:; " +
    'no script-src and no default-src; Strict-Transport-Security missing, sent twice, with a repeated directive, without max-age or with max-age below hstsMinMaxAge (15552000 s); ' +
    'X-Content-Type-Options whose first value is not exactly nosniff; no frame-ancestors and no X-Frame-Options DENY/SAMEORIGIN (or frame-ancestors * / https:); ' +
    'Referrer-Policy whose last recognised value is unsafe-url, no-referrer-when-downgrade, origin or origin-when-cross-origin. ' +
    "Warn: 'unsafe-eval'; no default-src beside a script-src; Referrer-Policy missing; Cross-Origin-Opener-Policy missing or unsafe-none; Cross-Origin-Resource-Policy missing or cross-origin; X-Powered-By present. " +
    "Widget (kind: widget): frame-ancestors must list storefront origins (missing, *, 'self'/'none' only or X-Frame-Options → fail), and its script (asset, else the first script of its page) " +
    'must send Cross-Origin-Resource-Policy: cross-origin (same-origin/same-site → fail, missing → warn).',
  remediation:
    "Add app.use(helmet()) before any route in every Express service; tune the CSP (script-src without 'unsafe-inline', nonces for inline scripts); " +
    "for the widget use helmet({ contentSecurityPolicy: { directives: { frameAncestors: [\"'self'\", 'https://*.myshopify.com'] } }, frameguard: false, crossOriginResourcePolicy: { policy: 'cross-origin' } }).",
  async run(ctx) {
    return perService(
      ctx,
      async (name, service) => {
        const kind = serviceKind(name, service);
        const candidates = [...(service.route ? [service.route] : []), '/', service.health];
        const { page, tried } = await ctx.probe(pagesProbe).firstSuccessful(service.url, candidates);
        if (!page) {
          return outcome('error', `no page answered 2xx to grade (${tried.map((t) => `${new URL(t.url).pathname} → ${t.status}`).join(', ')}); error pages carry other headers than real pages`, {
            evidence: { tried },
          });
        }
        const findings = judgeSecurityHeaders(page, kind, ctx.options.hstsMinMaxAge);
        const evidence: Record<string, unknown> = { graded: page.url, status: page.status, kind, headers: securityHeaderValues(page.headers) };
        if (kind === 'widget') {
          const [script] = await ctx.probe(pagesProbe).scripts(page, service.asset ? [serviceUrl(service, service.asset)] : []);
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
      },
      { pass: 'every service sends safe security headers' },
    );
  },
});

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
