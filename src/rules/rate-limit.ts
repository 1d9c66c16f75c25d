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

export type BurstStop =
  | { kind: 'throttled'; after: number; retryAfter: string | null }
  | { kind: 'remaining-falls'; after: number; from: number; to: number }
  | { kind: 'retry-after'; after: number; status: number; retryAfter: string }
  | { kind: 'server-error'; after: number; status: number };

/**
 * Whether a burst must stop after its `sent`-th answer: at the first 429 (the limiter works), a falling remaining
 * count (it counts), a Retry-After on any other answer (the service asks us to back off), or a 5xx (it is struggling).
 */
export function burstStop(previous: HttpResponse | undefined, current: HttpResponse, sent: number): BurstStop | undefined {
  const retryAfter = current.headers['retry-after']?.[0] ?? null;
  if (current.status === 429) return { kind: 'throttled', after: sent, retryAfter };
  if (retryAfter !== null) return { kind: 'retry-after', after: sent, status: current.status, retryAfter };
  if (current.status >= 500) return { kind: 'server-error', after: sent, status: current.status };
  const before = previous ? detectRateLimit(previous.headers)?.remaining : undefined;
  const now = detectRateLimit(current.headers)?.remaining;
  if (before !== undefined && now !== undefined && now < before) return { kind: 'remaining-falls', after: sent, from: before, to: now };
  return undefined;
}
