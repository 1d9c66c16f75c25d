import { expect } from 'vitest';
import { judgementTable } from '../../test/helpers/judgement-table.js';
import helmetHeaders from './helmet-headers.js';

const MISSING_BASICS =
  'Content-Security-Policy: missing: no Content-Security-Policy is enforced; Strict-Transport-Security: missing: browsers may be downgraded to plain HTTP; ' +
  'X-Content-Type-Options: missing: browsers may sniff responses into scripts or HTML';

judgementTable(helmetHeaders, [
  {
    scenario: 'hardened api and embeddable widget',
    status: 'pass',
    message: 'every service sends safe security headers',
    evidence: { widget: { verdict: 'pass', kind: 'widget' }, api: { verdict: 'pass', kind: 'api' } },
  },
  {
    name: 'a stricter HSTS floor fails the one-year max-age helmet sends by default',
    scenario: 'hardened api and embeddable widget',
    options: { hstsMinMaxAge: 63_072_000 },
    status: 'fail',
    message: /^api: Strict-Transport-Security: max-age=31536000 is below 63072000 s \(730 days\)/,
  },
  { scenario: 'leaky widget', status: 'fail', message: `widget: ${MISSING_BASICS}; Content-Security-Policy frame-ancestors / X-Frame-Options: no frame-ancestors allow-list: any site can frame the widget` },
  {
    name: 'a zero HSTS floor still fails a missing header',
    scenario: 'leaky widget',
    options: { hstsMinMaxAge: 0 },
    status: 'fail',
    message: /Strict-Transport-Security: missing: browsers may be downgraded to plain HTTP/,
  },
  {
    scenario: 'helmet defaults on the widget',
    status: 'fail',
    message:
      "widget: Content-Security-Policy frame-ancestors / X-Frame-Options: frame-ancestors 'self' names no storefront: embedding is blocked (helmet's default); " +
      'Cross-Origin-Resource-Policy: same-origin on the widget script: browsers refuse to load it on storefronts',
  },
  {
    // helmet's script-src-attr 'none' keeps handlers out, so only <script> elements are opened; Express's own 404 sends default-src 'none'.
    scenario: "helmet with script-src 'unsafe-inline'",
    status: 'fail',
    message: "api: Content-Security-Policy: script-src allows 'unsafe-inline': injected inline <script> elements run (on /)",
  },
  { scenario: 'helmet with HSTS below 180 days', status: 'fail', message: 'api: Strict-Transport-Security: max-age=86400 is below 15552000 s (180 days)' },
  { name: 'one day of HSTS passes when the floor is one day', scenario: 'helmet with HSTS below 180 days', options: { hstsMinMaxAge: 86_400 }, status: 'pass', message: 'every service sends safe security headers' },
  { scenario: 'helmet with an unsafe Referrer-Policy last', status: 'fail', message: 'api: Referrer-Policy: unsafe-url leaks full URLs (paths, query strings) to other sites' },
  {
    scenario: 'helmet with no frame protection',
    status: 'fail',
    message: 'api: Content-Security-Policy frame-ancestors / X-Frame-Options: neither frame-ancestors nor X-Frame-Options: any site can frame the page (clickjacking)',
  },
  {
    scenario: 'unsafe-eval and no COOP',
    status: 'warn',
    message:
      "api: Content-Security-Policy: script-src allows 'unsafe-eval': eval() and new Function() are available to injected code (on /); " +
      'Cross-Origin-Opener-Policy: missing: other windows keep a handle on this one (XS-Leaks)',
  },
  {
    scenario: 'HSTS twice and no-sniff',
    status: 'fail',
    message: 'web: Strict-Transport-Security: sent 2 times: the header is invalid and browsers may ignore it; X-Content-Type-Options: "no-sniff" is not "nosniff": browsers ignore it',
  },
  {
    name: "grades the 2xx health page, not the error page's stricter headers",
    scenario: 'only the health route answers 2xx',
    status: 'fail',
    // The 404 path is graded too: Express's own 404 carries default-src 'none' and nosniff, the health page nothing.
    message:
      'api: Content-Security-Policy: missing: no Content-Security-Policy is enforced (on /health); Strict-Transport-Security: missing: browsers may be downgraded to plain HTTP; ' +
      'X-Content-Type-Options: missing: browsers may sniff responses into scripts or HTML (on /health); ' +
      'Content-Security-Policy frame-ancestors / X-Frame-Options: neither frame-ancestors nor X-Frame-Options: any site can frame the page (clickjacking)',
    evidence: { api: { graded: expect.stringMatching(/\/health$/), status: 200 } },
  },
  // Issue 15: CSP judged per directive family, as Google's CSP Evaluator judges it.
  {
    scenario: "csp with script-src-elem 'unsafe-inline' beside script-src 'self'",
    status: 'fail',
    message: "api: Content-Security-Policy: script-src-elem allows 'unsafe-inline': injected inline <script> elements run (on /, /health)",
  },
  { scenario: 'csp with a wildcard host https://*', status: 'fail', message: 'api: Content-Security-Policy: script-src allows https://*: scripts from any host run (on /, /health)' },
  {
    scenario: 'csp with a wildcard over a public suffix',
    status: 'fail',
    message: 'api: Content-Security-Policy: script-src allows https://*.github.io: scripts from any site under .github.io (anyone can register one) run (on /, /health)',
  },
  {
    scenario: "csp with a malformed hash beside 'unsafe-inline'",
    status: 'fail',
    message:
      "api: Content-Security-Policy: script-src allows 'unsafe-inline' ('sha256-invalid$' is not a valid nonce or hash, so it does not cancel 'unsafe-inline'): injected inline <script> elements run (on /, /health)",
  },
  {
    scenario: "csp with an empty nonce beside 'unsafe-inline'",
    status: 'fail',
    message:
      "api: Content-Security-Policy: script-src allows 'unsafe-inline' ('nonce-' is not a valid nonce or hash, so it does not cancel 'unsafe-inline'): injected inline <script> elements run (on /, /health)",
  },
  { scenario: 'csp with object-src *', status: 'fail', message: 'api: Content-Security-Policy: object-src allows *: plugins and embedded documents from any host load (on /, /health)' },
  {
    scenario: 'nonce csp without base-uri',
    status: 'fail',
    message:
      "api: Content-Security-Policy: a nonce- or hash-based script-src without base-uri: an injected <base> makes trusted relative scripts load from another host (set base-uri 'none' or 'self') (on /, /health)",
  },
  {
    name: 'a nonce that comes back on the second request fails on every path that sends it',
    scenario: 'nonce repeated across responses',
    status: 'fail',
    message: /^api: Content-Security-Policy: the same nonce \('nonce-c3RhdGlj…'\) came back on a second request: a fixed nonce lets injected scripts carry it \(make a new one per response\) \(on \/, \/health\)$/,
  },
  { name: "false alarm removed: Google's strict CSP without default-src or form-action passes", scenario: 'strict nonce csp', status: 'pass', message: 'every service sends safe security headers' },
  { name: "false fail removed: script-src 'self' blob: passes (only same-origin script mints blob: URLs)", scenario: "csp with script-src 'self' blob:", status: 'pass', message: 'every service sends safe security headers' },
  {
    name: 'false fail removed: a strict CSP only in <meta http-equiv> warns',
    scenario: 'strict csp only in meta',
    status: 'warn',
    message:
      'web: Content-Security-Policy: delivered only in <meta http-equiv>: browsers ignore frame-ancestors, sandbox and report-uri there, and it covers only what follows it in the page',
  },
  // Issue 15: values browsers ignore, and every path of the service on its own host.
  {
    scenario: 'upper-case COOP and CORP',
    status: 'warn',
    message:
      'web: Cross-Origin-Opener-Policy: "SAME-ORIGIN" is not recognised (values are case-sensitive: write same-origin), so browsers ignore it; ' +
      'Cross-Origin-Resource-Policy: "SAME-ORIGIN" is not recognised (values are case-sensitive: write same-origin), so browsers ignore it',
  },
  { scenario: 'HSTS folded with a comma', status: 'fail', message: 'web: Strict-Transport-Security: sent 2 times (folded into one line with a comma): the header is invalid and browsers may ignore it' },
  {
    name: "the docs host / redirects to is not graded: the API's own health page is, and sends nothing",
    scenario: 'api redirects / to a hardened docs host',
    status: 'fail',
    message: /^api: Content-Security-Policy: missing: no Content-Security-Policy is enforced \(on \/health\); Strict-Transport-Security: missing/,
    evidence: { api: { graded: expect.stringMatching(/\/health$/), notGraded: [expect.objectContaining({ path: '/', offHost: expect.stringMatching(/^http:\/\/localhost:\d+\/$/) })] } },
  },
  {
    name: 'the error answers of an API are graded for CSP and nosniff: helmet mounted per route leaves a JSON 404 bare',
    scenario: 'error answers without headers',
    status: 'fail',
    message:
      'api: Content-Security-Policy: missing: no Content-Security-Policy is enforced (on /v1/readiness-probe-not-found, /readiness-probe-not-found, /api/readiness-probe-not-found); ' +
      'X-Content-Type-Options: missing: browsers may sniff responses into scripts or HTML (on /v1/readiness-probe-not-found, /readiness-probe-not-found, /api/readiness-probe-not-found)',
  },
  {
    name: "Express's own 404 (default-src 'none', nosniff) is a safe error answer",
    scenario: "express's own 404 behind per-route helmet",
    status: 'pass',
    message: 'every service sends safe security headers',
  },
  {
    name: 'nginx without a route: the /api/ error answer shows the location that drops the headers',
    scenario: 'nginx location drops inherited headers, no route',
    status: 'fail',
    message:
      'api: Content-Security-Policy: missing: no Content-Security-Policy is enforced (on /api/readiness-probe-not-found); X-Content-Type-Options: missing: browsers may sniff responses into scripts or HTML (on /api/readiness-probe-not-found)',
  },
  {
    name: 'nginx with the service URL on /api/: its own root is graded',
    scenario: 'nginx location drops inherited headers, api base path',
    status: 'fail',
    message: /^api: Content-Security-Policy: missing: no Content-Security-Policy is enforced \(on \/api\/, /,
  },
  {
    name: 'nginx: a location with its own add_header drops every inherited header on /api/*',
    scenario: 'nginx location drops inherited headers',
    status: 'fail',
    message: /^api: Content-Security-Policy: missing: no Content-Security-Policy is enforced \(on \/api\/health, \/api\/readiness-probe-not-found\); Strict-Transport-Security: missing/,
  },
  { scenario: 'nginx location repeats the headers', status: 'pass', message: 'every service sends safe security headers' },
  { scenario: 'no page answers 2xx', status: 'error', message: 'api: no page answered 2xx to grade (/ → 404, /health → 404); error pages carry other headers than real pages' },
  { scenario: 'service hangs', status: 'error', message: /^api: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
]);
