import { header, type HttpResponse } from '../probes/http-response.js';

export interface DevMarker {
  kind: 'stack-trace' | 'x-powered-by';
  where: string;
  detail: string;
}

/**
 * Stack-frame shapes of Node (`at fn (/app/x.js:1:2)`, `at node:internal/…`) and a few other runtimes, searched in
 * bodies after undoing the HTML escaping that Express's development error page applies.
 */
const STACK_PATTERNS: readonly RegExp[] = [
  /\bat\s+(?:[\w$.<>[\]\s]+\s+)?\(?(?:\/|[A-Za-z]:\\|node:|file:\/\/)[^()\s]*:\d+:\d+\)?/,
  /Traceback \(most recent call last\)/,
  /\bat\s+[\w$.]+\([\w$]+\.java:\d+\)/,
];

export function findStackTrace(body: string): string | undefined {
  const text = body.replace(/&nbsp;/g, ' ').replace(/<br\s*\/?>/gi, '\n').replace(/&#x2F;|&#47;/g, '/');
  for (const pattern of STACK_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0].replace(/\s+/g, ' ').slice(0, 160);
  }
  return undefined;
}

/** What an HTTP response shows about the service running outside production mode. */
export function devMarkers(response: HttpResponse, where: string): DevMarker[] {
  const markers: DevMarker[] = [];
  const stack = findStackTrace(response.body);
  if (stack) markers.push({ kind: 'stack-trace', where, detail: stack });
  const poweredBy = header(response, 'x-powered-by');
  if (poweredBy) markers.push({ kind: 'x-powered-by', where, detail: poweredBy });
  return markers;
}
