export interface HttpLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  /** Hard cap on requests to the target in one run, whatever the checks ask for. */
  maxRequests: number;
  /** Requests in flight at once to one origin (scheme, host, port), whatever the number of checks running. */
  maxInFlightPerOrigin: number;
  /** Pause of an origin after a 429 without Retry-After. */
  rateLimitBackoffMs: number;
  /** How long one fetch waits for an origin's rate limit to lift (its pauses, pacing and queue) before it is `rate-limited`. */
  rateLimitPatienceMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 5,
  maxRequests: 1_000,
  maxInFlightPerOrigin: 4,
  rateLimitBackoffMs: 1_000,
  rateLimitPatienceMs: 15_000,
};

/** The HTTP limits of a run with the defaults filled in, for probes that share them (TLS, DNS). */
export function runHttpLimits(partial: Readonly<Partial<HttpLimits>>): HttpLimits {
  return { ...DEFAULT_HTTP_LIMITS, ...partial };
}
