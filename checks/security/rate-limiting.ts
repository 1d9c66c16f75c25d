import { z } from 'zod';
import { type ServiceConfig } from '../../src/config/schema/services.js';
import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { perService, serviceUrl } from '../../src/kit/per-service.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { isLoginRoute } from '../../src/config/login-routes.js';
import { burstObserver, detectRateLimit, judgeAnnouncedLimit, judgeBurst, MAX_PLAUSIBLE_LIMIT, type RateLimitSignal } from '../../src/rules/rate-limit.js';
import { burstProbe } from '../../src/probes/burst.js';
import { httpProbe } from '../../src/probes/http.js';

/** Never more than this many requests in one burst, whatever the config says. */
const BURST_HARD_CAP = 100;

const options = z.strictObject({
  notDetected: z.enum(['warn', 'fail']).default('warn').describe('Status when no rate limiting is detected'),
  burst: z
    .boolean()
    .default(false)
    .describe("Opt in: send a burst of GETs to the service's route (never a login route) to see the limiter count and bite; without it, announced headers are only a claim (warn)"),
  burstRequests: z.number().int().min(1).max(BURST_HARD_CAP).default(20).describe(`Most requests in one burst (hard cap ${BURST_HARD_CAP})`),
  maxPlausibleLimit: z
    .number()
    .int()
    .positive()
    .default(MAX_PLAUSIBLE_LIMIT)
    .describe(`Most requests per window an announced limit may allow and still count as a limit (default ${MAX_PLAUSIBLE_LIMIT})`),
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
  verifies:
    'The API and widget services throttle clients: under a small burst the limiter counts requests and refuses them (429) before an implausible number; rate-limit headers alone are a claim, not a proof.',
  how:
    'Reads the answers to the service route (if set), / and the health path for RateLimit / RateLimit-Policy (IETF draft 7 and 8+), RateLimit-Limit/-Remaining/-Reset or X-RateLimit-* (X-Rate-Limit-*) headers. ' +
    `Without options.burst, announced headers are "declared, not observed" → warn (a header is a claim: static headers count nothing). With options.burst: true and a services.<name>.route that is not a login route, ` +
    `sends up to burstRequests (default 20, hard cap ${BURST_HARD_CAP}) sequential GETs to it: a 429 → pass; a 503 once earlier requests succeeded (the route's header-look answer included) → pass with a caveat (nginx limit_req's default; clients cannot tell it from an outage); ` +
    'a remaining count that goes down on consecutive answers → pass when the limit lies beyond the burst (the burst stops there), and the burst goes on to see it bite when it is within reach; ' +
    'the remaining count at 0 and the next request still served → fail; a remaining count that never goes down and no refusal → fail (the headers count nothing); a Retry-After on another answer → warn (it asked us to back off); another 5xx → error. ' +
    'An announced limit (or remaining count) above maxPlausibleLimit (10000) without a refusal seen → fail. No signal at all → options.notDetected (warn by default), ' +
    'saying "not detected": a limiter without headers is invisible over HTTP without the burst. Judges services of kind api and widget; others skip. Anchor: the IETF RateLimit header fields draft (RateLimit, RateLimit-Policy; remaining decreases, 429 past the quota).',
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
  const announcedOn = responses.map((response) => ({ response, signal: detectRateLimit(response.headers) })).find((r) => r.signal);
  const announced = announcedOn?.signal;
  const announcement = announcedOn ? `${describe(announcedOn.signal!)} on ${new URL(announcedOn.response.url).pathname}` : undefined;
  const evidenceOf = (extra: Record<string, unknown> = {}) => ({ ...(announcedOn ? { ...announced, url: announcedOn.response.url } : { pathsChecked: paths }), ...extra });
  const notDetected = (message: string, evidence: Record<string, unknown>) =>
    outcome(ctx.options.notDetected, `rate limiting not detected: ${message}`, { evidence: { pathsChecked: paths, ...evidence }, remediation: REMEDIATION });
  const declaredOnly = (why: string) =>
    outcome('warn', `rate limit declared, not observed: ${announcement}; ${why}`, { evidence: evidenceOf(), remediation: REMEDIATION });
  const implausible = judgeAnnouncedLimit(announced, ctx.options.maxPlausibleLimit);
  const headersNote = `no RateLimit, RateLimit-* or X-RateLimit-* headers on ${paths.join(', ')}`;
  if (!ctx.options.burst) {
    if (implausible) return outcome('fail', `${announcement}: ${implausible.message}`, { evidence: evidenceOf(), remediation: REMEDIATION });
    if (announced) return declaredOnly('headers are a claim (static ones count nothing); enable the burst probe to see the limit count and bite (checks.security.rate-limiting.options.burst)');
    return notDetected(`${headersNote}; a limiter that sends no headers is invisible here (enable the burst probe: checks.security.rate-limiting.options.burst)`, {});
  }
  if (!service.route) {
    if (implausible) return outcome('fail', `${announcement}: ${implausible.message}`, { evidence: evidenceOf(), remediation: REMEDIATION });
    if (announced) return declaredOnly('the burst probe needs a cheap GET route (services.<name>.route)');
    return notDetected(`${headersNote}; the burst probe needs a cheap GET route (services.<name>.route)`, {});
  }
  if (isLoginRoute(service.route)) return outcome('error', `refusing to burst ${service.route}: it looks like a login route`);
  const count = Math.min(ctx.options.burstRequests, BURST_HARD_CAP);
  const url = serviceUrl(service, service.route);
  const routeAnswer = responses[0]!;
  const observer = burstObserver({ budget: count, succeededBefore: routeAnswer.status < 400 });
  const burst = await ctx.probe(burstProbe).send(url, count, observer.shouldStop, ctx.signal);
  const burstEvidence = { url, sent: burst.sent, statuses: summarise(burst.statuses), remaining: summariseRemaining(observer.remaining), stop: burst.stop ?? null };
  const evidence = { ...burstEvidence, ...(announcedOn ? { announced: { ...announced, url: announcedOn.response.url } } : {}) };
  const verdict = judgeBurst(service.route, burst, observer, announced, ctx.options.maxPlausibleLimit);
  if (verdict.status === 'not-detected') return notDetected(`${headersNote}, and ${verdict.message}`, { burst: burstEvidence });
  const prefix = announcement && verdict.status !== 'error' ? `${announcement}; ` : '';
  return outcome(verdict.status, `${prefix}${verdict.message}`, { evidence, ...(verdict.status === 'pass' ? {} : { remediation: REMEDIATION }) });
}

/** "99→80": the remaining counts a burst saw, first and last, or none. */
function summariseRemaining(remaining: readonly (number | undefined)[]): string | null {
  const seen = remaining.filter((v): v is number => v !== undefined);
  return seen.length === 0 ? null : `${seen[0]}→${seen.at(-1)} over ${seen.length} answers`;
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
