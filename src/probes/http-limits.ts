export interface HttpLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  /** Hard cap on requests to the target in one run, whatever the checks ask for. */
  maxRequests: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 5,
  maxRequests: 1_000,
};

/** The HTTP limits of a run with the defaults filled in, for probes that share them (TLS, DNS). */
export function runHttpLimits(partial: Readonly<Partial<HttpLimits>>): HttpLimits {
  return { ...DEFAULT_HTTP_LIMITS, ...partial };
}
