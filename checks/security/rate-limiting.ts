import { z } from 'zod';
import { type ServiceConfig } from '../../src/config/schema/services.js';
import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { perService, serviceUrl } from '../../src/kit/per-service.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { isLoginRoute } from '../../src/config/login-routes.js';
import { burstStop, detectRateLimit, type RateLimitSignal } from '../../src/rules/rate-limit.js';
import { burstProbe } from '../../src/probes/burst.js';
import { httpProbe } from '../../src/probes/http.js';

/** Never more than this many requests in one burst, whatever the config says. */
const BURST_HARD_CAP = 100;

const options = z.strictObject({
  notDetected: z.enum(['warn', 'fail']).default('warn').describe('Status when no rate limiting is detected'),
  burst: z
    .boolean()
    .default(false)
    .describe("Opt in: when no rate-limit headers are seen, send a burst of GETs to the service's route (never a login route) to look for a 429"),
  burstRequests: z.number().int().min(1).max(BURST_HARD_CAP).default(20).describe(`Most requests in one burst (hard cap ${BURST_HARD_CAP})`),
});
type Options = z.infer<typeof options>;

const REMEDIATION =
  "Add express-rate-limit before the routers with standardHeaders: 'draft-8' (a Redis store when there is more than one replica), stricter on login, OAuth and API-key routes; " +
  "set app.set('trust proxy', 1) behind Railway's proxy so clients are not all one address.";

export default defineCheck<Options>({
  id: 'security.rate-limiting',
  section: 'security',
  item: 'Rate limiting enabled and configured appropriately',
  severity: 'high',
  automation: 'automated',
  needs: ['services'],
  options,
  verifies: 'The API and widget services throttle clients: they announce a rate limit in standard headers, or (when the burst probe is enabled) answer 429 under a small burst.',
  how:
    'Reads the answers to the service route (if set), / and the health path for RateLimit / RateLimit-Policy (IETF draft 7 and 8+), RateLimit-Limit/-Remaining/-Reset or X-RateLimit-* (X-Rate-Limit-*) headers → pass with the limit seen. ' +
    `Otherwise, only with options.burst: true and a services.<name>.route that is not a login route, sends up to burstRequests (default 20, hard cap ${BURST_HARD_CAP}) sequential GETs to it and stops at the first 429 ` +
    '(pass), a falling remaining count (pass), a Retry-After on another answer (warn: it asked us to back off) or a 5xx (error). No signal → options.notDetected (warn by default), ' +
    'saying "not detected": a limiter without headers is invisible over HTTP. Judges services of kind api and widget; others skip.',
  remediation: REMEDIATION,
  async run(ctx) {
    return perService(ctx, (_name, service) => judgeService(ctx, service), {
      kinds: ['api', 'widget'],
      none: 'no service of kind api or widget is configured',
      pass: 'rate limiting detected on every API and widget service',
    });
  },
});

async function judgeService(ctx: CheckContext<Options>, service: ServiceConfig): Promise<CheckOutcome> {
  const paths = [...new Set([...(service.route ? [service.route] : []), '/', service.health])];
  const responses = await Promise.all(paths.map((path) => ctx.probe(httpProbe).fetch({ url: serviceUrl(service, path), followRedirects: path !== service.health })));
  for (const response of responses) {
    const signal = detectRateLimit(response.headers);
    if (signal) return outcome('pass', `rate limit announced on ${new URL(response.url).pathname}: ${describe(signal)}`, { evidence: { ...signal, url: response.url } });
  }
  const notDetected = (message: string, evidence: Record<string, unknown>) =>
    outcome(ctx.options.notDetected, `rate limiting not detected: ${message}`, { evidence: { pathsChecked: paths, ...evidence }, remediation: REMEDIATION });
  const headersNote = `no RateLimit, RateLimit-* or X-RateLimit-* headers on ${paths.join(', ')}`;
  if (!ctx.options.burst) {
    return notDetected(`${headersNote}; a limiter that sends no headers is invisible here (enable the burst probe: checks.security.rate-limiting.options.burst)`, {});
  }
  if (!service.route) return notDetected(`${headersNote}; the burst probe needs a cheap GET route (services.<name>.route)`, {});
  if (isLoginRoute(service.route)) return outcome('error', `refusing to burst ${service.route}: it looks like a login route`);
  const count = Math.min(ctx.options.burstRequests, BURST_HARD_CAP);
  const url = serviceUrl(service, service.route);
  const burst = await ctx.probe(burstProbe).send(url, count, burstStop, ctx.signal);
  const evidence = { url, sent: burst.sent, statuses: summarise(burst.statuses), stop: burst.stop ?? null };
  switch (burst.stop?.kind) {
    case 'throttled':
      return outcome('pass', `answered 429 after ${burst.sent} request(s) to ${service.route}${burst.stop.retryAfter ? ` (Retry-After: ${burst.stop.retryAfter})` : ''}`, { evidence });
    case 'remaining-falls':
      return outcome('pass', `remaining count fell from ${burst.stop.from} to ${burst.stop.to} on ${service.route}: requests are counted`, { evidence });
    case 'retry-after':
      return outcome('warn', `answered ${burst.stop.status} with Retry-After: ${burst.stop.retryAfter} after ${burst.sent} request(s); stopped without confirming a limiter`, { evidence });
    case 'server-error':
      return outcome('error', `answered ${burst.stop.status} after ${burst.sent} request(s); stopped the burst without a verdict`, { evidence });
    default:
      return notDetected(`${headersNote}, and ${burst.sent} requests to ${service.route} never answered 429`, { burst: evidence });
  }
}

function describe(signal: RateLimitSignal): string {
  const parts = [
    signal.limit !== undefined ? `limit ${signal.limit}` : undefined,
    signal.windowSeconds !== undefined ? `per ${signal.windowSeconds} s` : undefined,
    signal.remaining !== undefined ? `${signal.remaining} remaining` : undefined,
  ].filter(Boolean);
  const scheme = { 'ietf-draft': 'IETF RateLimit headers', 'ratelimit-headers': 'RateLimit-* headers', 'x-ratelimit': 'X-RateLimit-* headers' }[signal.scheme];
  return `${scheme}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** "200×19, 429×1": the statuses of a burst without a line per request. */
function summarise(statuses: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s}×${n}`).join(', ');
}
