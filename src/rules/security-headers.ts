import type { ServiceKind } from '../config/schema/services.js';
import type { HttpResponse } from '../probes/http.js';
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
  if (values.length > 1) return judged(name, 'fail', `sent ${values.length} times: the header is invalid and browsers may ignore it`, fix);
  const directives = values[0]!.split(';').map((d) => d.trim()).filter(Boolean);
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
export function judgeFraming(cspValues: readonly string[] | undefined, xfoValues: readonly string[] | undefined, kind: ServiceKind): Judgement {
  const name = 'Content-Security-Policy frame-ancestors / X-Frame-Options';
  const ancestors = frameAncestors(parseCsp(cspValues ?? []));
  const xfo = listValues(xfoValues)[0]?.toUpperCase();
  if (kind === 'widget') {
    const fix = "Send CSP frame-ancestors listing the storefront origins allowed to embed the widget (e.g. frame-ancestors 'self' https://*.myshopify.com), and no X-Frame-Options.";
    if (!ancestors) {
      if (xfo === 'DENY' || xfo === 'SAMEORIGIN') return judged(name, 'fail', `X-Frame-Options: ${xfo} stops storefronts from framing the widget`, fix);
      return judged(name, 'fail', 'no frame-ancestors allow-list: any site can frame the widget', fix);
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
  return judged(name, 'fail', 'neither frame-ancestors nor X-Frame-Options: any site can frame the page (clickjacking)', fix);
}

export function judgeCoop(values: readonly string[] | undefined): Judgement {
  const name = 'Cross-Origin-Opener-Policy';
  const fix = 'Send "Cross-Origin-Opener-Policy: same-origin" (helmet\'s default), or same-origin-allow-popups for OAuth pop-ups.';
  const value = values?.[0]?.split(';')[0]?.trim().toLowerCase();
  if (!value) return judged(name, 'warn', 'missing: other windows keep a handle on this one (XS-Leaks)', fix);
  if (['same-origin', 'same-origin-allow-popups', 'noopener-allow-popups'].includes(value)) return judged(name, 'pass', value);
  return judged(name, 'warn', value === 'unsafe-none' ? 'unsafe-none isolates nothing' : `unrecognised value "${value}" is ignored`, fix);
}

/**
 * Cross-Origin-Resource-Policy. The widget's script is loaded by storefronts on other origins, so it must say
 * cross-origin; helmet's default same-origin makes browsers refuse to load it there.
 */
export function judgeCorp(values: readonly string[] | undefined, role: 'page' | 'widget-script'): Judgement {
  const name = 'Cross-Origin-Resource-Policy';
  const value = values?.[0]?.trim().toLowerCase();
  if (role === 'widget-script') {
    const fix = 'Serve the widget script with "Cross-Origin-Resource-Policy: cross-origin" (helmet({ crossOriginResourcePolicy: { policy: "cross-origin" } }) on that route).';
    if (value === 'cross-origin') return judged(name, 'pass', 'cross-origin on the widget script');
    if (value === 'same-origin' || value === 'same-site') return judged(name, 'fail', `${value} on the widget script: browsers refuse to load it on storefronts`, fix);
    return judged(name, 'warn', value ? `unrecognised value "${value}" on the widget script` : 'missing on the widget script: storefronts that isolate themselves (COEP) cannot load it', fix);
  }
  const fix = 'Send "Cross-Origin-Resource-Policy: same-origin" (helmet\'s default) or same-site.';
  if (value === 'same-origin' || value === 'same-site') return judged(name, 'pass', value);
  if (value === 'cross-origin') return judged(name, 'warn', 'cross-origin: any site may load this response as a subresource', fix);
  return judged(name, 'warn', value ? `unrecognised value "${value}" is ignored` : 'missing: any site may load this response as a subresource', fix);
}

export function judgePoweredBy(values: readonly string[] | undefined): Judgement {
  const name = 'X-Powered-By';
  if (!values || values.length === 0) return judged(name, 'pass', 'absent');
  return judged(name, 'warn', `present (${values.join(', ')}): advertises the framework`, 'app.disable("x-powered-by"), or use helmet.');
}

/** Every header verdict for one 2xx page of a service. */
export function judgeSecurityHeaders(page: HttpResponse, kind: ServiceKind, hstsMinMaxAge = HSTS_MIN_MAX_AGE): Judgement[] {
  const h = page.headers;
  const cspFix =
    "Enforce a Content-Security-Policy (helmet's default is a good start): default-src 'self', script-src without 'unsafe-inline'/'unsafe-eval' (use nonces or hashes).";
  const enforced = h['content-security-policy'];
  const csp = judgeCsp(parseCsp(enforced ?? []));
  const cspFindings: Judgement[] =
    !enforced && h['content-security-policy-report-only']
      ? [judged('Content-Security-Policy', 'fail', 'only Content-Security-Policy-Report-Only is sent: nothing is enforced', cspFix)]
      : csp.length > 0
        ? csp.map((f) => judged('Content-Security-Policy', f.status, f.message, cspFix))
        : [judged('Content-Security-Policy', 'pass', 'scripts restricted')];
  return [
    ...cspFindings,
    judgeHsts(h['strict-transport-security'], hstsMinMaxAge),
    judgeNosniff(h['x-content-type-options']),
    judgeFraming(enforced, h['x-frame-options'], kind),
    judgeReferrerPolicy(h['referrer-policy']),
    judgeCoop(h['cross-origin-opener-policy']),
    ...(kind === 'widget' ? [] : [judgeCorp(h['cross-origin-resource-policy'], 'page')]),
    judgePoweredBy(h['x-powered-by']),
  ];
}
