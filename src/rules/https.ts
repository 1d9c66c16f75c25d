import type { HttpResponse } from '../probes/http-response.js';
import { judged, type Judgement } from '../core/outcome.js';

const REDIRECT_FIX =
  'Answer every plain-HTTP request with a 301 (or 308) to the same host over https:// (Railway and most platforms do this at the edge; in Express behind a proxy, redirect when req.secure is false).';

/** The plain-HTTP address a service's https:// URL is expected to redirect from. */
export function plainTwin(httpsUrl: string, configured?: string): string {
  if (configured) return configured;
  const url = new URL(httpsUrl);
  url.protocol = 'http:';
  url.port = '';
  return url.href;
}

/** What a TLS handshake with the redirect target showed, when it is another endpoint than the service's own. */
export type RedirectTargetTls =
  /** It completed; `refusal` says why a browser would still refuse the certificate. */
  | { answered: true; refusal?: string }
  /** Nothing completed a handshake there: refused, timed out, not TLS. */
  | { answered: false; reason: string };

/** host:port of an https:// URL, the port defaulted, so "same host, other port" is seen. */
export function httpsEndpoint(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return `${parsed.hostname}:${parsed.port || '443'}`;
}

/** The https:// URL the first hop leads to, when it is on the service's host (the only case worth a TLS look). */
export function sameHostHttpsTarget(first: HttpResponse, httpsUrl: string): URL | undefined {
  const location = first.headers.location?.[0];
  if (first.status < 300 || first.status >= 400 || !location) return undefined;
  try {
    const target = new URL(location, first.url);
    return target.protocol === 'https:' && target.hostname === new URL(httpsUrl).hostname ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first hop from http:// must be a permanent redirect (301/308) to https:// on the same host: a temporary one
 * is not remembered, and a hop to another host leaves this one without HSTS. When it leads to another port of the
 * host, something must answer there over TLS with a certificate browsers accept (`target`), or visitors land on
 * an error.
 */
export function judgeHttpsRedirect(first: HttpResponse, httpsUrl: string, target?: RedirectTargetTls): Judgement {
  const subject = 'http:// → https://';
  const location = first.headers.location?.[0];
  if (first.status >= 300 && first.status < 400 && location) {
    let to: URL;
    try {
      to = new URL(location, first.url);
    } catch {
      return judged(subject, 'fail', `${first.status} to an invalid Location`, REDIRECT_FIX);
    }
    const expectedHost = new URL(httpsUrl).hostname;
    if (to.protocol !== 'https:') return judged(subject, 'fail', `first hop ${first.status} goes to ${to.href}, not to https://`, REDIRECT_FIX);
    if (to.hostname !== expectedHost) {
      return judged(subject, 'fail', `first hop ${first.status} goes to another host (${to.host}); redirect to https://${expectedHost} first so HSTS covers it`, REDIRECT_FIX);
    }
    if (target && !target.answered) {
      return judged(subject, 'fail', `first hop ${first.status} goes to ${to.href}, where nothing answers over TLS (${target.reason})`, REDIRECT_FIX);
    }
    if (target?.refusal) {
      return judged(subject, 'fail', `first hop ${first.status} goes to ${to.href}, whose certificate browsers refuse (${target.refusal})`, REDIRECT_FIX);
    }
    if (first.status === 301 || first.status === 308) return judged(subject, 'pass', `${first.status} to ${to.href}`);
    return judged(subject, 'warn', `${first.status} is a temporary redirect; use 301 or 308 so browsers and crawlers remember it`, REDIRECT_FIX);
  }
  if (first.status >= 200 && first.status < 300) return judged(subject, 'fail', `plain HTTP serves content (${first.status}) instead of redirecting`, REDIRECT_FIX);
  return judged(subject, 'fail', `plain HTTP answers ${first.status} instead of redirecting`, REDIRECT_FIX);
}

/** Where the service's own host stopped answering and sent the browser elsewhere, when looking for its HSTS. */
export interface HstsSource {
  /** The last answer from the service's host (the one whose HSTS counts). */
  response: HttpResponse;
  /** The other host a redirect led to before any answer of the service's host carried HSTS. */
  leftTo?: string;
}

/**
 * HSTS is stored for the host that sent it (RFC 6797 §8.1): the service's own answers must carry it. A policy only
 * the host it redirects to sends protects that host, not this one.
 */
export function judgeOwnHsts(source: HstsSource, judge: (values: readonly string[] | undefined) => Judgement): Judgement {
  const values = source.response.headers['strict-transport-security'];
  const judgement = judge(values);
  if ((!values || values.length === 0) && source.leftTo) {
    return { ...judgement, message: `${judgement.message} (${new URL(source.response.url).host} redirects to ${source.leftTo}; HSTS from there covers that host, not this one)` };
  }
  return judgement;
}
