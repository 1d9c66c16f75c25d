import type { ServiceKind } from '../config/schema/services.js';
import type { HttpResponse } from '../probes/http.js';
import { isHtml, tags } from '../probes/html.js';
import { embedders, frameAncestors, framesAnywhere, judgeCsp, parseCsp } from './csp.js';
import { judged, type Judgement } from '../core/outcome.js';


/** 180 days: the least HSTS max-age the HSTS preload list and most audits accept. */
export const HSTS_MIN_MAX_AGE = 15_552_000;

/** Values of a header split the way HTTP lists are (a header sent twice counts as two values). */
function listValues(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function judgeHsts(values: readonly string[] | undefined, minMaxAge = HSTS_MIN_MAX_AGE): Judgement {
  const name = 'Strict-Transport-Security';
  const fix = `Send exactly one "Strict-Transport-Security: max-age=31536000; includeSubDomains" (helmet's default), at least max-age=${minMaxAge}.`;
  if (!values || values.length === 0) return judged(name, 'fail', 'missing: browsers may be downgraded to plain HTTP', fix);
  // Two lines and one line folded with a comma are the same header to HTTP (RFC 9110 §5.3); HSTS allows one policy.
  const policies = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (policies.length > 1) {
    const how = values.length > 1 ? `sent ${values.length} times` : `sent ${policies.length} times (folded into one line with a comma)`;
    return judged(name, 'fail', `${how}: the header is invalid and browsers may ignore it`, fix);
  }
  if (values.some((v) => v.includes(','))) return judged(name, 'fail', 'a comma in the value: the header is invalid and browsers ignore it', fix);
  const directives = (policies[0] ?? '').split(';').map((d) => d.trim()).filter(Boolean);
  const names = directives.map((d) => d.split('=')[0]!.trim().toLowerCase());
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) return judged(name, 'fail', `directive ${repeated} appears twice: the header is invalid`, fix);
  const maxAge = directives.find((d) => /^max-age\s*=/i.test(d));
  const seconds = maxAge ? Number(maxAge.split('=')[1]!.trim().replace(/^"(.*)"$/, '$1')) : NaN;
  if (!Number.isInteger(seconds) || seconds < 0) return judged(name, 'fail', 'no valid max-age: the header is ignored', fix);
  if (seconds === 0) return judged(name, 'fail', 'max-age=0 tells browsers to forget HSTS', fix);
  if (seconds < minMaxAge) {
    return judged(name, 'fail', `max-age=${seconds} is below ${minMaxAge} s (${Math.round(minMaxAge / 86_400)} days)`, fix);
  }
  const extras = names.filter((n) => n === 'includesubdomains' || n === 'preload');
  return judged(name, 'pass', `max-age=${seconds}${extras.length > 0 ? ` with ${extras.join(', ')}` : ''}`);
}

/** Browsers honour only the first value of X-Content-Type-Options, and only when it is exactly `nosniff`. */
export function judgeNosniff(values: readonly string[] | undefined): Judgement {
  const name = 'X-Content-Type-Options';
  const fix = 'Send "X-Content-Type-Options: nosniff" exactly (helmet does).';
  const first = listValues(values)[0];
  if (first === undefined) return judged(name, 'fail', 'missing: browsers may sniff responses into scripts or HTML', fix);
  if (first.toLowerCase() !== 'nosniff') return judged(name, 'fail', `"${first}" is not "nosniff": browsers ignore it`, fix);
  return judged(name, 'pass', 'nosniff');
}

const REFERRER_POLICIES = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'same-origin',
  'origin',
  'strict-origin',
  'origin-when-cross-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
const UNSAFE_REFERRER_POLICIES = new Set(['unsafe-url', 'no-referrer-when-downgrade', 'origin', 'origin-when-cross-origin']);

/** The policy a browser applies: the last value it recognises wins (earlier ones are fallbacks for old browsers). */
export function effectiveReferrerPolicy(values: readonly string[] | undefined): string | undefined {
  return listValues(values)
    .map((v) => v.toLowerCase())
    .filter((v) => REFERRER_POLICIES.has(v))
    .at(-1);
}

export function judgeReferrerPolicy(values: readonly string[] | undefined): Judgement {
  const name = 'Referrer-Policy';
  const fix = 'Send "Referrer-Policy: no-referrer" (helmet\'s default) or strict-origin-when-cross-origin.';
  const policy = effectiveReferrerPolicy(values);
  if (policy === undefined) {
    const sent = listValues(values);
    return judged(
      name,
      'warn',
      sent.length > 0 ? `no recognised value in "${sent.join(', ')}": browsers fall back to strict-origin-when-cross-origin` : 'missing: browsers fall back to strict-origin-when-cross-origin',
      fix,
    );
  }
  if (UNSAFE_REFERRER_POLICIES.has(policy)) {
    return judged(name, 'fail', `${policy} leaks ${policy.startsWith('origin') ? 'the origin over plain HTTP' : 'full URLs (paths, query strings) to other sites'}`, fix);
  }
  return judged(name, 'pass', policy);
}

/**
 * Clickjacking protection. For a page meant to be embedded (the widget) the question turns around: it needs an
 * explicit frame-ancestors allow-list of embedders, not helmet's 'self' and not "anyone".
 */
export function judgeFraming(
  cspValues: readonly string[] | undefined,
  xfoValues: readonly string[] | undefined,
  kind: ServiceKind,
  metaPolicies: readonly string[] = [],
): Judgement {
  const name = 'Content-Security-Policy frame-ancestors / X-Frame-Options';
  const ancestors = frameAncestors(parseCsp(cspValues ?? []));
  const metaOnly = !ancestors && frameAncestors(parseCsp(metaPolicies)) ? ' (frame-ancestors in <meta> is ignored by browsers)' : '';
  const xfo = listValues(xfoValues)[0]?.toUpperCase();
  if (kind === 'widget') {
    const fix = "Send CSP frame-ancestors listing the storefront origins allowed to embed the widget (e.g. frame-ancestors 'self' https://*.myshopify.com), and no X-Frame-Options.";
    if (!ancestors) {
      if (xfo === 'DENY' || xfo === 'SAMEORIGIN') return judged(name, 'fail', `X-Frame-Options: ${xfo} stops storefronts from framing the widget`, fix);
      return judged(name, 'fail', `no frame-ancestors allow-list${metaOnly}: any site can frame the widget`, fix);
    }
    // Every policy applies: one list without embedders blocks storefronts, and only lists that are all "anyone" open it.
    const shown = ancestors.map((a) => a.join(' ')).join(' / ');
    if (ancestors.every(framesAnywhere)) return judged(name, 'fail', `frame-ancestors ${shown} lets any site frame the widget`, fix);
    const restricting = ancestors.filter((list) => !framesAnywhere(list));
    const allowed = restricting.map(embedders);
    if (allowed.some((list) => list.length === 0)) {
      return judged(name, 'fail', `frame-ancestors ${shown} names no storefront: embedding is blocked (helmet's default)`, fix);
    }
    return judged(name, 'pass', `frame-ancestors allow-list: ${allowed.map((list) => list.join(' ')).join(' / ')}`);
  }
  const fix = "Send CSP frame-ancestors 'none' (or 'self'), or X-Frame-Options: DENY / SAMEORIGIN (helmet sends both).";
  if (ancestors) {
    if (ancestors.every(framesAnywhere)) return judged(name, 'fail', `frame-ancestors ${ancestors.map((a) => a.join(' ')).join(' / ')} lets any site frame the page (clickjacking)`, fix);
    return judged(name, 'pass', `frame-ancestors ${ancestors.map((a) => a.join(' ')).join(' / ')}`);
  }
  if (xfo === 'DENY' || xfo === 'SAMEORIGIN') return judged(name, 'pass', `X-Frame-Options: ${xfo}`);
  if (xfo) return judged(name, 'fail', `X-Frame-Options: ${xfo} is not honoured by current browsers: the page can be framed (clickjacking)`, fix);
  return judged(name, 'fail', `neither frame-ancestors nor X-Frame-Options${metaOnly}: any site can frame the page (clickjacking)`, fix);
}

/** Values are case-sensitive tokens; say so when only the case is wrong, since that is the usual mistake. */
function unrecognised(value: string): string {
  const known = ['same-origin', 'same-origin-allow-popups', 'noopener-allow-popups', 'unsafe-none', 'same-site', 'cross-origin'];
  return known.includes(value.toLowerCase())
    ? `"${value}" is not recognised (values are case-sensitive: write ${value.toLowerCase()}), so browsers ignore it`
    : `unrecognised value "${value}" is ignored`;
}

export function judgeCoop(values: readonly string[] | undefined): Judgement {
  const name = 'Cross-Origin-Opener-Policy';
  const fix = 'Send "Cross-Origin-Opener-Policy: same-origin" (helmet\'s default), or same-origin-allow-popups for OAuth pop-ups.';
  // A structured-field token, compared case-sensitively: Chromium ignores SAME-ORIGIN.
  const value = values?.[0]?.split(';')[0]?.trim();
  if (!value) return judged(name, 'warn', 'missing: other windows keep a handle on this one (XS-Leaks)', fix);
  if (['same-origin', 'same-origin-allow-popups', 'noopener-allow-popups'].includes(value)) return judged(name, 'pass', value);
  return judged(name, 'warn', value === 'unsafe-none' ? 'unsafe-none isolates nothing' : unrecognised(value), fix);
}

/**
 * Cross-Origin-Resource-Policy. The widget's script is loaded by storefronts on other origins, so it must say
 * cross-origin; helmet's default same-origin makes browsers refuse to load it there.
 */
export function judgeCorp(values: readonly string[] | undefined, role: 'page' | 'widget-script'): Judgement {
  const name = 'Cross-Origin-Resource-Policy';
  // Fetch compares the value byte for byte: SAME-ORIGIN is no policy at all.
  const value = values?.[0]?.trim();
  if (role === 'widget-script') {
    const fix = 'Serve the widget script with "Cross-Origin-Resource-Policy: cross-origin" (helmet({ crossOriginResourcePolicy: { policy: "cross-origin" } }) on that route).';
    if (value === 'cross-origin') return judged(name, 'pass', 'cross-origin on the widget script');
    if (value === 'same-origin' || value === 'same-site') return judged(name, 'fail', `${value} on the widget script: browsers refuse to load it on storefronts`, fix);
    return judged(name, 'warn', value ? `${unrecognised(value)} on the widget script` : 'missing on the widget script: storefronts that isolate themselves (COEP) cannot load it', fix);
  }
  const fix = 'Send "Cross-Origin-Resource-Policy: same-origin" (helmet\'s default) or same-site.';
  if (value === 'same-origin' || value === 'same-site') return judged(name, 'pass', value);
  if (value === 'cross-origin') return judged(name, 'warn', 'cross-origin: any site may load this response as a subresource', fix);
  return judged(name, 'warn', value ? unrecognised(value) : 'missing: any site may load this response as a subresource', fix);
}

export function judgePoweredBy(values: readonly string[] | undefined): Judgement {
  const name = 'X-Powered-By';
  if (!values || values.length === 0) return judged(name, 'pass', 'absent');
  return judged(name, 'warn', `present (${values.join(', ')}): advertises the framework`, 'app.disable("x-powered-by"), or use helmet.');
}

/**
 * Policies delivered in `<meta http-equiv="Content-Security-Policy">`: enforced like a header, except that
 * frame-ancestors, sandbox and report-uri are ignored there and it applies only from where the parser meets it.
 */
export function metaCspPolicies(page: HttpResponse): string[] {
  if (!isHtml(page)) return [];
  return tags(page.body, 'meta')
    .filter((t) => t.attributes['http-equiv']?.trim().toLowerCase() === 'content-security-policy' && t.attributes.content !== undefined)
    .map((t) => t.attributes.content!);
}

const CSP_FIX =
  "Enforce a Content-Security-Policy header (helmet's default is a good start): default-src 'self', object-src 'none', base-uri 'self', script-src without 'unsafe-inline'/'unsafe-eval', hosts or schemes (use nonces or hashes, e.g. Google's strict CSP: 'nonce-…' 'strict-dynamic').";

/** The Content-Security-Policy judgements of one response: the header policies and any `<meta>` ones, all enforced. */
export function judgeCspHeaders(page: HttpResponse): Judgement[] {
  const name = 'Content-Security-Policy';
  const enforced = page.headers['content-security-policy'] ?? [];
  const meta = metaCspPolicies(page);
  if (enforced.length === 0 && meta.length === 0) {
    const message = page.headers['content-security-policy-report-only']
      ? 'only Content-Security-Policy-Report-Only is sent: nothing is enforced'
      : 'missing: no Content-Security-Policy is enforced';
    return [judged(name, 'fail', message, CSP_FIX)];
  }
  const findings = judgeCsp([...enforced, ...meta]).map((f) => judged(name, f.status, f.message, CSP_FIX));
  if (enforced.length === 0) {
    findings.push(
      judged(
        name,
        'warn',
        'delivered only in <meta http-equiv>: browsers ignore frame-ancestors, sandbox and report-uri there, and it covers only what follows it in the page',
        'Send the same policy as a Content-Security-Policy response header.',
      ),
    );
  }
  return findings.length > 0 ? findings : [judged(name, 'pass', 'scripts restricted')];
}

/** Every header verdict for one response of a service. */
export function judgeSecurityHeaders(page: HttpResponse, kind: ServiceKind, hstsMinMaxAge = HSTS_MIN_MAX_AGE): Judgement[] {
  const h = page.headers;
  return [
    ...judgeCspHeaders(page),
    judgeHsts(h['strict-transport-security'], hstsMinMaxAge),
    judgeNosniff(h['x-content-type-options']),
    judgeFraming(h['content-security-policy'], h['x-frame-options'], kind, metaCspPolicies(page)),
    judgeReferrerPolicy(h['referrer-policy']),
    judgeCoop(h['cross-origin-opener-policy']),
    ...(kind === 'widget' ? [] : [judgeCorp(h['cross-origin-resource-policy'], 'page')]),
    judgePoweredBy(h['x-powered-by']),
  ];
}

/**
 * The headers that matter on an error answer (a 404 that may echo the path it was asked for): a policy against
 * injected scripts and no MIME sniffing. HSTS, framing and the cross-origin policies of the host come from its pages.
 */
export function judgeErrorAnswerHeaders(answer: HttpResponse): Judgement[] {
  const h = answer.headers;
  return [...judgeCspHeaders(answer), judgeNosniff(h['x-content-type-options']), judgePoweredBy(h['x-powered-by'])];
}
