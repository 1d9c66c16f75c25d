/**
 * The HTTP probe's request and response shapes, apart from the client itself so that rules and checks can use
 * them without loading undici (`readiness list` and `explain` never open a socket).
 */

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST';

export interface HttpRequest {
  url: string;
  method?: HttpMethod;
  headers?: Record<string, string>;
  /** Only for the documented harmless probes (e.g. a malformed-JSON POST that must be rejected). */
  body?: string;
  /** Follow up to `maxRedirects` hops (default true). Credentials are never sent to another host. */
  followRedirects?: boolean;
  maxBodyBytes?: number;
}

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export interface HttpResponse {
  method: HttpMethod;
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL that produced this response, after redirects. */
  url: string;
  status: number;
  /** Lower-case header names; every value kept, so a header sent twice is visible. */
  headers: Record<string, string[]>;
  body: string;
  /** Bytes read (at most maxBodyBytes). */
  bodyBytes: number;
  /** True when the body was longer than the cap and reading stopped there. */
  truncated: boolean;
  redirects: RedirectHop[];
  timing: { totalMs: number };
}

export function firstHeader(headers: Record<string, string[]>, name: string): string | undefined {
  return headers[name.toLowerCase()]?.[0];
}

/** All values of a header joined the way a browser would see a repeated header. */
export function header(response: HttpResponse, name: string): string | undefined {
  const values = response.headers[name.toLowerCase()];
  return values && values.length > 0 ? values.join(', ') : undefined;
}
