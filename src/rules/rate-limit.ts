import type { HttpResponse } from '../probes/http.js';

/** Which convention a service uses to announce its rate limit. */
export type RateLimitScheme = 'ietf-draft' | 'ratelimit-headers' | 'x-ratelimit';

export interface RateLimitSignal {
  scheme: RateLimitScheme;
  /** The rate-limit headers as sent (names lower-case). */
  headers: Record<string, string>;
  limit?: number;
  remaining?: number;
  /** Seconds until the quota resets. */
  resetSeconds?: number;
  windowSeconds?: number;
}

/** Parameters of a structured-field or dictionary value: `"default";r=50;t=30`, `limit=100, remaining=50, reset=30`. */
function parameters(value: string): Map<string, number> {
  const params = new Map<string, number>();
  for (const match of value.matchAll(/(?:^|[;,\s])([a-z-]+)\s*=\s*"?(\d+)"?/gi)) {
    const key = match[1]!.toLowerCase();
    if (!params.has(key)) params.set(key, Number(match[2]));
  }
  return params;
}

function leadingInteger(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d+)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

const pick = (params: Map<string, number>, ...keys: string[]) => keys.map((k) => params.get(k)).find((v) => v !== undefined);

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Rate-limit headers in the three conventions in use: the IETF draft (RateLimit + RateLimit-Policy, draft 7's
 * dictionary and draft 8+'s structured lists), the older RateLimit-Limit/-Remaining/-Reset trio, and X-RateLimit-*
 * (also X-Rate-Limit-*). A 429 with Retry-After alone is judged by the burst, not here.
 */
export function detectRateLimit(headers: Readonly<Record<string, readonly string[]>>, now = Date.now()): RateLimitSignal | undefined {
  const get = (name: string) => headers[name]?.join(', ');
  const combined = get('ratelimit');
  const policy = get('ratelimit-policy');
  const quota = parameters(policy ?? '');
  const policyLimit = pick(quota, 'q') ?? leadingInteger(policy);
  const trio = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'].some((name) => headers[name] !== undefined);
  // Draft 6 sends the trio (with a RateLimit-Policy beside it); drafts 7 and 8+ send RateLimit itself.
  if (combined !== undefined || (policy !== undefined && !trio)) {
    const current = parameters(combined ?? '');
    return defined({
      scheme: 'ietf-draft' as const,
      headers: defined({ ratelimit: combined, 'ratelimit-policy': policy }) as Record<string, string>,
      limit: pick(current, 'limit') ?? policyLimit,
      remaining: pick(current, 'r', 'remaining'),
      resetSeconds: pick(current, 't', 'reset'),
      windowSeconds: pick(quota, 'w'),
    });
  }
  for (const [prefix, scheme] of [
    ['ratelimit-', 'ratelimit-headers'],
    ['x-ratelimit-', 'x-ratelimit'],
    ['x-rate-limit-', 'x-ratelimit'],
  ] as const) {
    const seen = Object.keys(headers).filter((name) => name.startsWith(prefix));
    if (seen.length === 0) continue;
    const reset = leadingInteger(get(`${prefix}reset`));
    return defined({
      scheme,
      headers: Object.fromEntries(seen.map((name) => [name, get(name)!])),
      limit: leadingInteger(get(`${prefix}limit`)),
      remaining: leadingInteger(get(`${prefix}remaining`)),
      // GitHub and others send the reset as a Unix time, the drafts as seconds from now.
      resetSeconds: reset !== undefined && reset > 1_000_000_000 ? Math.max(0, reset - Math.floor(now / 1000)) : reset,
      windowSeconds: scheme === 'ratelimit-headers' ? pick(quota, 'w') : undefined,
    });
  }
  return undefined;
}

/** Most requests per window a limit may allow and still be a limit (options.maxPlausibleLimit's default). */
export const MAX_PLAUSIBLE_LIMIT = 10_000;

export type BurstStop =
  /** 429, or a 503 after answers that succeeded: a limiter's cut-off (nginx limit_req answers 503 by default). */
  | { kind: 'throttled'; after: number; status: number; retryAfter: string | null }
  /** The remaining count fell on consecutive answers and the limit lies beyond what is left of the burst. */
  | { kind: 'counted'; after: number }
  /** The remaining count reached 0 and the next request still succeeded: the limit does not bite. */
  | { kind: 'not-throttled'; after: number; status: number; exhaustedAfter: number }
  | { kind: 'retry-after'; after: number; status: number; retryAfter: string }
  | { kind: 'server-error'; after: number; status: number };

export interface BurstObserver {
  shouldStop: (previous: HttpResponse | undefined, current: HttpResponse, sent: number) => BurstStop | undefined;
  /** The remaining count of each answer of the burst (undefined where none was sent). */
  readonly remaining: readonly (number | undefined)[];
  /** Answers below 400 before the current one, the route's answer to the header look included. */
  readonly successes: number;
}

/**
 * What a burst watches for after each answer: a 429 (the limiter works), a 503 after successes (a limiter that does
 * not say 429), the remaining count falling on consecutive answers while the limit is out of the burst's reach
 * (counted; no need to spend the rest), a remaining count of 0 followed by a success (the limit does not bite), a
 * Retry-After on another answer (the service asks us to back off) or another 5xx (it is struggling).
 */
export function burstObserver(options: { budget: number; succeededBefore: boolean }): BurstObserver {
  const remaining: (number | undefined)[] = [];
  let successes = options.succeededBefore ? 1 : 0;
  let falls = 0;
  let exhaustedAfter: number | undefined;
  const shouldStop = (previous: HttpResponse | undefined, current: HttpResponse, sent: number): BurstStop | undefined => {
    const now = detectRateLimit(current.headers)?.remaining;
    remaining.push(now);
    const retryAfter = current.headers['retry-after']?.[0] ?? null;
    if (current.status === 429 || (current.status === 503 && successes > 0)) return { kind: 'throttled', after: sent, status: current.status, retryAfter };
    const ok = current.status < 400;
    // Served past a count of 0 (express-rate-limit with a handler that only logs adds Retry-After and serves anyway).
    // A count above 0 again means the window started over: nothing was exceeded.
    if (exhaustedAfter !== undefined && now !== undefined && now > 0) exhaustedAfter = undefined;
    if (exhaustedAfter !== undefined && ok) return { kind: 'not-throttled', after: sent, status: current.status, exhaustedAfter };
    if (retryAfter !== null) return { kind: 'retry-after', after: sent, status: current.status, retryAfter };
    if (current.status >= 500) return { kind: 'server-error', after: sent, status: current.status };
    if (ok) successes++;
    if (now === 0) exhaustedAfter ??= sent;
    const before = previous ? detectRateLimit(previous.headers)?.remaining : undefined;
    if (before !== undefined && now !== undefined && now < before) {
      falls++;
      if (falls >= 2 && now > options.budget - sent) return { kind: 'counted', after: sent };
    }
    return undefined;
  };
  return {
    shouldStop,
    get remaining() {
      return remaining;
    },
    get successes() {
      return successes;
    },
  };
}

export interface BurstJudgement {
  status: 'pass' | 'warn' | 'fail' | 'error' | 'not-detected';
  message: string;
}

/** The most requests an announced limit lets one client make: the limit, or a remaining count above it. */
function announcedCeiling(signal: RateLimitSignal | undefined): number | undefined {
  const values = [signal?.limit, signal?.remaining].filter((v): v is number => v !== undefined);
  return values.length > 0 ? Math.max(...values) : undefined;
}

/** An announced limit so high that it throttles no one: fail, whatever else is seen. */
export function judgeAnnouncedLimit(signal: RateLimitSignal | undefined, maxPlausible = MAX_PLAUSIBLE_LIMIT): BurstJudgement | undefined {
  const ceiling = announcedCeiling(signal);
  if (ceiling === undefined || ceiling <= maxPlausible) return undefined;
  return { status: 'fail', message: `the announced limit lets ${ceiling} requests through${signal?.windowSeconds ? ` per ${signal.windowSeconds} s` : ''}: above ${maxPlausible}, it throttles no client` };
}

/**
 * The verdict of a burst to `route`, given what the header look announced (IETF RateLimit draft semantics: the
 * remaining count must go down with each request, and a request past 0 must be refused).
 */
export function judgeBurst(
  route: string,
  burst: { sent: number; stop: BurstStop | undefined },
  observer: Pick<BurstObserver, 'remaining' | 'successes'>,
  announced: RateLimitSignal | undefined,
  maxPlausible = MAX_PLAUSIBLE_LIMIT,
): BurstJudgement {
  const stop = burst.stop;
  const seen = observer.remaining.filter((v): v is number => v !== undefined);
  const counted = seen.length >= 2 && seen.some((v, i) => i > 0 && v < seen[i - 1]!);
  switch (stop?.kind) {
    case 'throttled': {
      const retry = stop.retryAfter ? ` (Retry-After: ${stop.retryAfter})` : '';
      if (stop.status === 429) return { status: 'pass', message: `answered 429 after ${stop.after} request(s) to ${route}${retry}` };
      return {
        status: 'pass',
        message:
          `answered ${stop.status} after ${stop.after} request(s) to ${route}${retry}, once earlier ones had succeeded: a limiter's cut-off (nginx limit_req answers 503 by default); ` +
          'caveat: clients cannot tell it from an outage, so answer 429 with Retry-After (limit_req_status 429)',
      };
    }
    case 'not-throttled':
      return {
        status: 'fail',
        message: `the remaining count reached 0 after ${stop.exhaustedAfter} request(s) to ${route}, but request ${stop.after} still answered ${stop.status}: the announced limit does not bite`,
      };
    case 'retry-after':
      return { status: 'warn', message: `answered ${stop.status} with Retry-After: ${stop.retryAfter} after ${stop.after} request(s); stopped without confirming a limiter` };
    case 'server-error':
      return { status: 'error', message: `answered ${stop.status} after ${stop.after} request(s); stopped the burst without a verdict` };
    default:
      break;
  }
  if (counted) {
    const implausible = judgeAnnouncedLimit(announced, maxPlausible) ?? (seen.at(-1)! > maxPlausible ? judgeAnnouncedLimit({ scheme: 'ietf-draft', headers: {}, remaining: seen.at(-1)! }, maxPlausible) : undefined);
    if (implausible) return implausible;
    return { status: 'pass', message: `the remaining count fell from ${seen[0]} to ${seen.at(-1)} over ${burst.sent} requests to ${route}: requests are counted, and the limit bites after ${seen.at(-1)} more` };
  }
  if (seen.length >= 2) {
    return {
      status: 'fail',
      message: `rate-limit headers announce a limit, but the remaining count stayed at ${seen[0]} over ${burst.sent} requests to ${route} and none was refused: the headers count nothing`,
    };
  }
  if (announced) {
    return {
      status: 'warn',
      message: `rate limit declared, not observed: ${burst.sent} requests to ${route} answered neither 429 nor a remaining count that goes down`,
    };
  }
  return { status: 'not-detected', message: `${burst.sent} requests to ${route} never answered 429` };
}
