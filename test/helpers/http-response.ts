import type { HttpMethod, HttpResponse } from '../../src/probes/http.js';

export interface ResponseSpec {
  url?: string;
  method?: HttpMethod;
  status?: number;
  /** Header values; an array is the header sent that many times. */
  headers?: Record<string, string | string[]>;
  body?: string;
  truncated?: boolean;
  ms?: number;
}

/** A recorded HTTP answer for table tests of pure rules (the checks themselves are tested against real servers). */
export function response(spec: ResponseSpec = {}): HttpResponse {
  const url = spec.url ?? 'https://app.example.com/';
  const body = spec.body ?? '';
  return {
    method: spec.method ?? 'GET',
    requestedUrl: url,
    url,
    status: spec.status ?? 200,
    headers: Object.fromEntries(Object.entries(spec.headers ?? {}).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v : [v]])),
    body,
    bodyBytes: Buffer.byteLength(body),
    truncated: spec.truncated ?? false,
    redirects: [],
    timing: { totalMs: spec.ms ?? 5 },
  };
}
