import type { HttpResponse } from '../probes/http.js';
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

/**
 * The first hop from http:// must be a permanent redirect (301/308) to https:// on the same host: a temporary one
 * is not remembered, and a hop to another host leaves this one without HSTS.
 */
export function judgeHttpsRedirect(first: HttpResponse, httpsUrl: string): Judgement {
  const subject = 'http:// → https://';
  const location = first.headers.location?.[0];
  if (first.status >= 300 && first.status < 400 && location) {
    let target: URL;
    try {
      target = new URL(location, first.url);
    } catch {
      return judged(subject, 'fail', `${first.status} to an invalid Location`, REDIRECT_FIX);
    }
    const expectedHost = new URL(httpsUrl).hostname;
    if (target.protocol !== 'https:') return judged(subject, 'fail', `first hop ${first.status} goes to ${target.href}, not to https://`, REDIRECT_FIX);
    if (target.hostname !== expectedHost) {
      return judged(subject, 'fail', `first hop ${first.status} goes to another host (${target.host}); redirect to https://${expectedHost} first so HSTS covers it`, REDIRECT_FIX);
    }
    if (first.status === 301 || first.status === 308) return judged(subject, 'pass', `${first.status} to ${target.href}`);
    return judged(subject, 'warn', `${first.status} is a temporary redirect; use 301 or 308 so browsers and crawlers remember it`, REDIRECT_FIX);
  }
  if (first.status >= 200 && first.status < 300) return judged(subject, 'fail', `plain HTTP serves content (${first.status}) instead of redirecting`, REDIRECT_FIX);
  return judged(subject, 'fail', `plain HTTP answers ${first.status} instead of redirecting`, REDIRECT_FIX);
}
