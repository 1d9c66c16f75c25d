import { judged, type Judgement } from '../core/outcome.js';
import type { HttpResponse } from '../probes/http-response.js';
import { findStackTrace } from './dev-markers.js';

/**
 * The requests of the API-key probe, in order: no key; a well-formed random key; a malformed header; the configured
 * valid key; a CORS preflight without the key; and the valid key in the query string instead of the header.
 */
export const API_KEY_ATTEMPTS = ['none', 'random', 'malformed', 'valid', 'preflight', 'query'] as const;
export type ApiKeyAttempt = (typeof API_KEY_ATTEMPTS)[number];

/** A key no server issued: the right look (a 40-character token), marked as readiness's own. */
export const RANDOM_KEY = 'readiness-probe-not-a-key-00000000000000';
/** A header value no key parser expects: a quote, a comma and control-free junk where the token goes. */
export const MALFORMED_VALUE = 'readiness-probe-malformed "%%%,;';
export const PREFLIGHT_ORIGIN = 'https://readiness-probe.invalid';

const SUBJECTS: Record<ApiKeyAttempt, string> = {
  none: 'no key',
  random: 'a random key',
  malformed: 'a malformed header',
  valid: 'the valid key',
  preflight: 'OPTIONS preflight',
  query: 'the valid key in the query string',
};

const REQUIRE_FIX =
  'Require the API-key middleware on every non-public route, look the key up (stored hashed) and compare in constant time, and answer 401 (missing or unknown key) or 403 before any handler runs.';
const CRASH_FIX = 'Parse the header defensively: a malformed or unknown key is a 401, never an exception (and never a stack trace in the body).';
const URL_FIX = 'Point apiKey.url at a route the key protects (GET).';

const ok = (status: number) => status >= 200 && status < 300;
const refused = (status: number) => status === 401 || status === 403;

/** What one answer shows: a stack trace in a refusal, then whether the attempt got the answer it must. */
export function judgeApiKeyAnswer(attempt: ApiKeyAttempt, response: HttpResponse): Judgement[] {
  const subject = SUBJECTS[attempt];
  const { status } = response;
  const out: Judgement[] = [];
  const stack = attempt === 'valid' ? undefined : findStackTrace(response.body);
  if (stack) out.push(judged(subject, 'fail', `the ${status} answer holds a stack trace ("${stack.slice(0, 80)}")`, CRASH_FIX));
  if (attempt === 'preflight') {
    if (refused(status)) out.push(judged(subject, 'warn', `answered ${status}: the preflight demands the key, so browsers cannot call the API (preflights never carry credentials)`, 'Answer OPTIONS before the API-key middleware (cors() mounted first).'));
    else if (status >= 500) out.push(judged(subject, 'warn', `answered ${status}`, CRASH_FIX));
    else out.push(judged(subject, 'pass', `answered ${status} without the key`));
    return out;
  }
  if (status === 404 || status === 405 || status === 410) {
    out.push(judged(subject, 'error', `answered ${status}: nothing answers GET at this URL`, URL_FIX));
    return out;
  }
  if (status >= 300 && status < 400) {
    out.push(judged(subject, 'error', `answered ${status} (a redirect, not an API's answer): is apiKey.url behind a login page?`, URL_FIX));
    return out;
  }
  if (attempt === 'valid') {
    if (ok(status)) out.push(judged(subject, 'pass', `accepted with ${status}`));
    else if (refused(status)) out.push(judged(subject, 'fail', `refused with ${status}: the configured valid key is not accepted (revoked, or the header/scheme differ from apiKey.header/scheme)`));
    else out.push(judged(subject, 'error', `answered ${status}, which says neither accepted nor refused`));
    return out;
  }
  if (attempt === 'query') {
    if (ok(status)) out.push(judged(subject, 'warn', `accepted with ${status}: keys in URLs land in access logs, proxies and browser history`, 'Accept the key only in the documented header.'));
    else out.push(judged(subject, 'pass', `not accepted (${status})`));
    return out;
  }
  if (ok(status)) out.push(judged(subject, 'fail', `accepted with ${status}: the route is open without a valid key`, REQUIRE_FIX));
  else if (refused(status)) out.push(judged(subject, 'pass', `refused with ${status}`));
  else if (status >= 500) out.push(judged(subject, 'fail', `answered ${status} instead of 401: the key check crashes`, CRASH_FIX));
  else if (status === 400 && attempt === 'malformed') out.push(judged(subject, 'pass', 'refused with 400'));
  else out.push(judged(subject, 'warn', `answered ${status}, not 401/403`, REQUIRE_FIX));
  return out;
}
