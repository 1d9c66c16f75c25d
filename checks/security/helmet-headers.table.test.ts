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
  { scenario: "helmet with script-src 'unsafe-inline'", status: 'fail', message: "api: Content-Security-Policy: script-src allows 'unsafe-inline': injected inline scripts run" },
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
      "api: Content-Security-Policy: script-src allows 'unsafe-eval': eval() and new Function() are available to injected code; " +
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
    message: `api: ${MISSING_BASICS}; Content-Security-Policy frame-ancestors / X-Frame-Options: neither frame-ancestors nor X-Frame-Options: any site can frame the page (clickjacking)`,
    evidence: { api: { graded: expect.stringMatching(/\/health$/), status: 200 } },
  },
  { scenario: 'no page answers 2xx', status: 'error', message: 'api: no page answered 2xx to grade (/ → 404, /health → 404); error pages carry other headers than real pages' },
  { scenario: 'service hangs', status: 'error', message: /^api: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
]);
