import type { Socket } from 'node:net';
import { createSecureContext, rootCertificates } from 'node:tls';
import { Agent, buildConnector, errors as undiciErrors, request, type Dispatcher } from 'undici';
import { Memo } from '../core/memo.js';
import { ProbeError, type ProbeErrorCode } from '../core/errors.js';
import { firstHeader, type HttpMethod, type HttpRequest, type HttpResponse, type RedirectHop } from './http-response.js';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http-limits.js';
import { AdmissionTimeout, OriginGates } from './http-origin-gate.js';
import { defineProbe } from './registry.js';
import { keepWasmOnBaselineCompiler } from './wasm-tiering.js';

export { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http-limits.js';

export { firstHeader, header, type HttpMethod, type HttpRequest, type HttpResponse, type RedirectHop } from './http-response.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-api-key'];
/** Tries of one request that keeps answering 429 (each after the pause the target asked for, or ours). */
const MAX_RATE_LIMITED_TRIES = 5;

/**
 * Bounded, read-only HTTP client for one run; identical requests are made once and shared. Requests to one origin are
 * bounded in flight, and every socket (connecting ones included) is destroyed on close or Ctrl-C.
 */
export class HttpProbe {
  private readonly memo = new Memo();
  private readonly dispatcher: Agent;
  private readonly origins: OriginGates;
  /** undici cannot abort a connect in progress: these are destroyed by hand so nothing outlives the run. */
  private readonly sockets = new Set<Socket>();
  private requestCount = 0;

  constructor(
    private readonly options: {
      limits?: Partial<HttpLimits>;
      /** Extra trusted CA certificates (PEM), added to Node's own roots. */
      extraCa?: string;
      userAgent: string;
      signal?: AbortSignal;
    },
  ) {
    keepWasmOnBaselineCompiler();
    const limits = this.limits;
    const connector = buildConnector({
      timeout: limits.connectTimeoutMs,
      // One context for every connection: passing `ca` would re-parse Node's ~140 roots per connection (~45 ms each).
      ...(options.extraCa ? { secureContext: createSecureContext({ ca: [...rootCertificates, options.extraCa] }) } : {}),
    });
    this.dispatcher = new Agent({
      connect: (connectOptions, callback) => {
        // buildConnector returns the socket it opens (its type says void).
        const socket = (connector as unknown as (o: typeof connectOptions, cb: typeof callback) => Socket)(connectOptions, callback);
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
      },
      headersTimeout: limits.totalTimeoutMs,
      bodyTimeout: limits.totalTimeoutMs,
      connections: limits.maxInFlightPerOrigin,
    });
    this.origins = new OriginGates(limits.maxInFlightPerOrigin);
    options.signal?.addEventListener('abort', () => this.destroySockets('the run was interrupted'), { once: true });
  }

  get limits(): HttpLimits {
    return { ...DEFAULT_HTTP_LIMITS, ...this.options.limits };
  }

  get requestsMade(): number {
    return this.requestCount;
  }

  /**
   * Memoised: the same method, URL, headers and body are fetched once per run. A 429 pauses the origin for the wait
   * the target asks for (Retry-After) or rateLimitBackoffMs, paces it, and is retried within rateLimitPatienceMs; one
   * that persists is the ProbeError `rate-limited`, never an answer a check could mistake for the target's failure.
   */
  fetch(req: HttpRequest): Promise<HttpResponse> {
    return this.memo.get(requestKey(req), () => this.fetchPolitely(req));
  }

  /**
   * Not memoised, never retried: each call sends its request once and returns whatever the target answered, a 429
   * included (the rate-limit burst looks for exactly that). Still capped, bounded and counted against its origin.
   */
  fetchUncached(req: HttpRequest): Promise<HttpResponse> {
    return this.exchange(req, false);
  }

  private async fetchPolitely(req: HttpRequest): Promise<HttpResponse> {
    const limits = this.limits;
    const patienceEnds = performance.now() + limits.rateLimitPatienceMs;
    for (let tries = 1; ; tries++) {
      const response = await this.exchange(req, true, patienceEnds);
      if (response.status !== 429) return response;
      const retryAfter = firstHeader(response.headers, 'retry-after');
      const resumesAt = this.origins.pause(new URL(response.url).origin, retryAfterMs(retryAfter) ?? limits.rateLimitBackoffMs);
      if (tries >= MAX_RATE_LIMITED_TRIES || resumesAt >= patienceEnds) throw rateLimited(req, { tries, retryAfter }, limits);
    }
  }

  /**
   * One request and its redirects, each hop holding a slot of its origin. Waiting for a slot counts against the
   * request's totalTimeoutMs, as it always did in undici's own queue, unless the origin has rate-limited the run: then
   * the wait (its pause, pacing and queue, up to the patience) is the limiter's, and the target gets its full timeout.
   */
  private async exchange(req: HttpRequest, obeyLimiter: boolean, patienceEnds?: number): Promise<HttpResponse> {
    const limits = this.limits;
    const method = req.method ?? 'GET';
    const url = parseUrl(req.url);
    const admit = (at: URL) =>
      this.origins
        .admit(at.origin, obeyLimiter, {
          ...(this.options.signal ? { signal: this.options.signal } : {}),
          waitMs: limits.totalTimeoutMs,
          limitedWaitMs: Math.max(0, (patienceEnds ?? performance.now() + limits.rateLimitPatienceMs) - performance.now()),
        })
        .catch((error: unknown) => {
          throw admissionFailure(error, req, at, limits);
        });
    let admission = await admit(url);
    const timeoutMs = admission.limited ? limits.totalTimeoutMs : Math.max(1, limits.totalTimeoutMs - admission.waitedMs);
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, deadline]) : deadline;
    try {
      const response = await this.follow(req, method, url, signal, deadline, limits, async (next) => {
        admission.release();
        admission = await admit(next);
      });
      this.origins.answered(new URL(response.url).origin, response.status, performance.now() - response.timing.totalMs);
      return response;
    } finally {
      admission.release();
    }
  }

  private async follow(
    req: HttpRequest,
    method: HttpMethod,
    first: URL,
    signal: AbortSignal,
    deadline: AbortSignal,
    limits: HttpLimits,
    moveTo: (next: URL) => Promise<void>,
  ): Promise<HttpResponse> {
    const started = performance.now();
    let url = first;
    const redirects: RedirectHop[] = [];
    const visited = new Set<string>();
    let headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: 'text/html,application/json;q=0.9,*/*;q=0.8',
      'accept-encoding': 'identity',
      ...lowerCaseKeys(req.headers ?? {}),
    };
    let currentMethod: HttpMethod = method;
    let body = req.body;

    for (;;) {
      visited.add(url.href);
      const response = await this.send(url, currentMethod, headers, body, signal, deadline, limits);
      const location = firstHeader(response.headers, 'location');
      if (req.followRedirects !== false && REDIRECT_STATUSES.has(response.statusCode) && location) {
        await response.body.dump().catch(() => undefined);
        const next = resolveLocation(location, url);
        redirects.push({ url: url.href, status: response.statusCode, location: next.href });
        if (visited.has(next.href)) {
          throw new ProbeError('redirect-loop', `redirect loop: ${next.href} was already visited`);
        }
        if (redirects.length > limits.maxRedirects) {
          throw new ProbeError('too-many-redirects', `more than ${limits.maxRedirects} redirects from ${req.url}`);
        }
        if (next.host !== url.host) headers = withoutCredentials(headers);
        if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && currentMethod === 'POST')) {
          currentMethod = 'GET';
          body = undefined;
        }
        if (next.origin !== url.origin) await moveTo(next);
        url = next;
        continue;
      }
      const maxBody = req.maxBodyBytes ?? limits.maxBodyBytes;
      const read = currentMethod === 'HEAD' ? { text: '', bytes: 0, truncated: false } : await readCapped(response.body, url, maxBody, signal, deadline, limits);
      return {
        method,
        requestedUrl: req.url,
        url: url.href,
        status: response.statusCode,
        headers: response.headers,
        body: read.text,
        bodyBytes: read.bytes,
        truncated: read.truncated,
        redirects,
        timing: { totalMs: Math.round(performance.now() - started) },
      };
    }
  }

  private async send(
    url: URL,
    method: HttpMethod,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
    deadline: AbortSignal,
    limits: HttpLimits,
  ): Promise<{ statusCode: number; headers: Record<string, string[]>; body: Dispatcher.ResponseData['body'] }> {
    if (this.requestCount >= limits.maxRequests) {
      throw new ProbeError('request-cap', `request cap of ${limits.maxRequests} per run reached; not sending ${method} ${url.href}`);
    }
    this.requestCount++;
    try {
      const response = await request(url, { method, headers, body, signal, dispatcher: this.dispatcher });
      return { statusCode: response.statusCode, headers: normaliseHeaders(response.headers), body: response.body };
    } catch (error) {
      throw toProbeError(error, url, deadline, limits);
    }
  }

  /** Ends the run's HTTP: queued requests are refused, and every socket is destroyed, connecting ones included. */
  async close(): Promise<void> {
    this.origins.close();
    this.destroySockets('the run is over');
    await this.dispatcher.destroy().catch(() => undefined);
  }

  private destroySockets(why: string): void {
    // With an error, so undici's pending connect callback fires and its requests settle instead of waiting forever.
    for (const socket of this.sockets) socket.destroy(new ProbeError('aborted', `connection closed: ${why}`));
    this.sockets.clear();
  }
}

/** Milliseconds a Retry-After asks for (delta-seconds or an HTTP date); undefined when absent or unreadable. */
function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function rateLimited(req: HttpRequest, seen: { tries: number; retryAfter?: string | undefined; waitedMs?: number }, limits: HttpLimits): ProbeError {
  const url = new URL(req.url);
  const asked = `${req.method ?? 'GET'} ${url.pathname}`;
  const unsent =
    seen.waitedMs && seen.waitedMs > 0
      ? `${asked} waited ${seen.waitedMs} ms for its limit to lift`
      : `it asked for a pause longer than readiness waits (${limits.rateLimitPatienceMs} ms), so ${asked} was not sent`;
  const what =
    seen.tries === 0
      ? `${url.host} answered 429 Too Many Requests in this run, and ${unsent}`
      : `${url.host} answered 429 Too Many Requests to ${asked} ${seen.tries === 1 ? 'once' : `${seen.tries} times`}` +
        `${seen.retryAfter !== undefined ? ` (Retry-After: ${seen.retryAfter})` : ''}`;
  return new ProbeError(
    'rate-limited',
    `rate limited by the target: ${what}; lower requestsPerOrigin in the config (now ${limits.maxInFlightPerOrigin}) or let readiness through the limiter`,
    'HTTP_429',
  );
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  url: URL,
  maxBytes: number,
  signal: AbortSignal,
  deadline: AbortSignal,
  limits: HttpLimits,
): Promise<{ text: string; bytes: number; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let truncated = false;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (signal.aborted) throw signal.reason;
      const room = maxBytes - bytes;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        bytes += room;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      bytes += chunk.length;
    }
  } catch (error) {
    // The body fails after the headers came: say whose answer broke off, as a failed connect would.
    throw toProbeError(error, url, deadline, limits);
  } finally {
    if (truncated) body.destroy();
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes, truncated };
}

/** Why a request was never sent: it waited past its bound for its origin, Ctrl-C, or the run ended. */
function admissionFailure(error: unknown, req: HttpRequest, url: URL, limits: HttpLimits): ProbeError {
  if (error instanceof ProbeError) return error;
  if (error instanceof AdmissionTimeout) {
    if (error.limited) return rateLimited(req, { tries: 0, waitedMs: error.waitedMs }, limits);
    return new ProbeError(
      'timeout',
      `no answer from ${url.host} within ${limits.totalTimeoutMs} ms: the request waited that long behind the ${limits.maxInFlightPerOrigin} requests in flight to it (requestsPerOrigin)`,
      'QUEUED',
    );
  }
  return new ProbeError('aborted', `request to ${url.host} was aborted before it was sent`);
}

function toProbeError(error: unknown, url: URL | undefined, deadline: AbortSignal, limits: HttpLimits): ProbeError {
  if (error instanceof ProbeError) return error;
  const where = url ? ` ${url.host}` : '';
  if (deadline.aborted) {
    return new ProbeError('timeout', `no complete answer from${where} within ${limits.totalTimeoutMs} ms`, 'TOTAL_TIMEOUT');
  }
  const code = errorCode(error);
  const map: [RegExp, ProbeErrorCode, string][] = [
    [/^UND_ERR_CONNECT_TIMEOUT$/, 'timeout', `could not connect to${where} within ${limits.connectTimeoutMs} ms`],
    [/^UND_ERR_(HEADERS|BODY)_TIMEOUT$/, 'timeout', `${where.trim() || 'the target'} stopped answering (no data within ${limits.totalTimeoutMs} ms)`],
    [/^ECONNREFUSED$/, 'refused', `connection refused by${where}`],
    [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_NODATA)$/, 'dns', `${where.trim() || 'host'} does not resolve (${code})`],
    [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'reset', `connection to${where} was reset or closed mid-answer`],
    [/^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_SSL|EPROTO)/, 'tls', `TLS handshake with${where} failed (${code})`],
    [/^(UND_ERR_INFO|HPE_|UND_ERR_RES_CONTENT_LENGTH_MISMATCH|UND_ERR_INVALID_ARG)/, 'protocol', `malformed HTTP answer from${where} (${code})`],
    [/^(ABORT_ERR|UND_ERR_ABORTED)$/, 'aborted', `request to${where} was aborted`],
    // The run's client was closed (the run ended or was interrupted) with this request still connecting.
    [/^UND_ERR_DESTROYED$/, 'aborted', `request to${where} was aborted: the run ended before it was answered`],
  ];
  for (const [pattern, probeCode, message] of map) {
    if (code && pattern.test(code)) return new ProbeError(probeCode, message, code);
  }
  if (error instanceof undiciErrors.RequestAbortedError || (error as Error | undefined)?.name === 'AbortError') {
    return new ProbeError('aborted', `request to${where} was aborted`);
  }
  return new ProbeError('unknown', `request to${where} failed (${code ?? (error as Error | undefined)?.message ?? 'unknown error'})`, code);
}

/** undici wraps socket errors in its own; the innermost code is the informative one. */
function errorCode(error: unknown): string | undefined {
  let found: string | undefined;
  let current = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') found = code;
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

function parseUrl(value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new ProbeError('protocol', `not a valid URL: ${value}`);
  }
}

function resolveLocation(location: string, base: URL): URL {
  try {
    return new URL(location, base);
  } catch {
    throw new ProbeError('protocol', `redirect from ${base.href} to an invalid Location`);
  }
}

function normaliseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return out;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !CREDENTIAL_HEADERS.includes(k)));
}

function requestKey(req: HttpRequest): string {
  const headers = Object.entries(lowerCaseKeys(req.headers ?? {})).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([req.method ?? 'GET', req.url, headers, req.body ?? null, req.followRedirects !== false, req.maxBodyBytes ?? null]);
}

/** The run's HTTP client; the CLI caps each request's total time at the check budget. */
export const httpProbe = defineProbe<HttpProbe>({
  name: 'http',
  describes:
    'GET/HEAD/OPTIONS (and the documented burst and webhook POSTs) with connect and total timeouts, a 1 MiB body cap, ' +
    'at most 5 redirects with loop detection, no credentials sent to another host, a cap of 1,000 requests per run and of ' +
    'requestsPerOrigin (default 4) in flight per origin; a 429 pauses and paces its origin, and one that persists is `rate-limited`.',
  create: (run) =>
    new HttpProbe({
      userAgent: run.userAgent,
      signal: run.signal,
      ...(run.extraCa ? { extraCa: run.extraCa } : {}),
      limits: run.httpLimits,
    }),
  close: (probe) => probe.close(),
});
