import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import {
  effectiveReferrerPolicy,
  judgeCoop,
  judgeCorp,
  judgeFraming,
  judgeHsts,
  judgeNosniff,
  judgePoweredBy,
  judgeReferrerPolicy,
  judgeSecurityHeaders,
} from './security-headers.js';

const verdict = (j: { status: string; message: string }) => `${j.status}: ${j.message}`;

describe('Strict-Transport-Security', () => {
  it.each([
    [undefined, 'fail: missing: browsers may be downgraded to plain HTTP'],
    [['max-age=31536000; includeSubDomains'], 'pass: max-age=31536000 with includesubdomains'],
    [['max-age=15552000'], 'pass: max-age=15552000'],
    [['max-age="63072000"; preload'], 'pass: max-age=63072000 with preload'],
    [['max-age=15551999'], 'fail: max-age=15551999 is below 15552000 s (180 days)'],
    [['max-age=0'], 'fail: max-age=0 tells browsers to forget HSTS'],
    [['includeSubDomains'], 'fail: no valid max-age: the header is ignored'],
    [['max-age=31536000; max-age=10'], 'fail: directive max-age appears twice: the header is invalid'],
    [['max-age=31536000', 'max-age=31536000'], 'fail: sent 2 times: the header is invalid and browsers may ignore it'],
    [['max-age=31536000, max-age=31536000'], 'fail: sent 2 times (folded into one line with a comma): the header is invalid and browsers may ignore it'],
    [['max-age=31536000,'], 'fail: a comma in the value: the header is invalid and browsers ignore it'],
    [['max-age=31536000 includeSubDomains'], 'fail: no valid max-age: the header is ignored'],
    [['max-age=-1'], 'fail: no valid max-age: the header is ignored'],
  ])('%j → %s', (values, expected) => {
    expect(verdict(judgeHsts(values))).toBe(expected);
  });

  it('takes the threshold from the caller', () => {
    expect(judgeHsts(['max-age=86400'], 3600).status).toBe('pass');
  });
});

describe('X-Content-Type-Options', () => {
  it.each([
    [['nosniff'], 'pass'],
    [['NoSniff'], 'pass'],
    [['nosniff', 'nosniff'], 'pass'],
    [['nosniff, whatever'], 'pass'],
    [['no-sniff'], 'fail'],
    [['sniff, nosniff'], 'fail'],
    [undefined, 'fail'],
  ])('%j → %s (the first value must be exactly nosniff)', (values, status) => {
    expect(judgeNosniff(values).status).toBe(status);
  });
});

describe('Referrer-Policy', () => {
  it.each([
    [['no-referrer'], 'no-referrer'],
    [['unsafe-url, strict-origin-when-cross-origin'], 'strict-origin-when-cross-origin'],
    [['no-referrer', 'unsafe-url'], 'unsafe-url'],
    [['strict-origin, made-up-policy'], 'strict-origin'],
    [['made-up-policy'], undefined],
  ])('the last recognised value wins: %j → %s', (values, expected) => {
    expect(effectiveReferrerPolicy(values)).toBe(expected);
  });

  it.each([
    ['unsafe-url', 'fail'],
    ['no-referrer-when-downgrade', 'fail'],
    ['origin', 'fail'],
    ['origin-when-cross-origin', 'fail'],
    ['same-origin', 'pass'],
    ['strict-origin-when-cross-origin', 'pass'],
  ])('%s → %s', (value, status) => {
    expect(judgeReferrerPolicy([value]).status).toBe(status);
  });

  it('warns when missing or unrecognised (browsers then default to strict-origin-when-cross-origin)', () => {
    expect(verdict(judgeReferrerPolicy(undefined))).toBe('warn: missing: browsers fall back to strict-origin-when-cross-origin');
    expect(judgeReferrerPolicy(['nope']).status).toBe('warn');
  });
});

describe('framing', () => {
  it.each([
    [["frame-ancestors 'none'"], undefined, 'pass'],
    [["frame-ancestors 'self'"], ['DENY'], 'pass'],
    [undefined, ['SAMEORIGIN'], 'pass'],
    [undefined, ['deny'], 'pass'],
    [undefined, ['ALLOW-FROM https://a.example'], 'fail'],
    [['frame-ancestors *'], undefined, 'fail'],
    [["default-src 'self'"], undefined, 'fail'],
    [undefined, undefined, 'fail'],
  ])('a page: CSP %j, X-Frame-Options %j → %s', (csp, xfo, status) => {
    expect(judgeFraming(csp, xfo, 'api').status).toBe(status);
  });

  it.each([
    [["frame-ancestors 'self' https://*.myshopify.com"], undefined, 'pass', 'frame-ancestors allow-list: https://*.myshopify.com'],
    [["frame-ancestors 'self'"], undefined, 'fail', "frame-ancestors 'self' names no storefront: embedding is blocked (helmet's default)"],
    [['frame-ancestors *'], undefined, 'fail', 'frame-ancestors * lets any site frame the widget'],
    [['frame-ancestors https:'], undefined, 'fail', 'frame-ancestors https: lets any site frame the widget'],
    [undefined, ['SAMEORIGIN'], 'fail', 'X-Frame-Options: SAMEORIGIN stops storefronts from framing the widget'],
    [undefined, undefined, 'fail', 'no frame-ancestors allow-list: any site can frame the widget'],
  ])('the widget: CSP %j, X-Frame-Options %j → %s', (csp, xfo, status, message) => {
    expect(verdict(judgeFraming(csp, xfo, 'widget'))).toBe(`${status}: ${message}`);
  });
});

describe('cross-origin policies and X-Powered-By', () => {
  it('wants COOP same-origin (or allow-popups)', () => {
    expect(judgeCoop(['same-origin']).status).toBe('pass');
    expect(judgeCoop(['same-origin-allow-popups; report-to="x"']).status).toBe('pass');
    expect(judgeCoop(['unsafe-none']).status).toBe('warn');
    expect(judgeCoop(undefined).status).toBe('warn');
    // Tokens are case-sensitive: Chromium ignores SAME-ORIGIN, so it protects nothing.
    expect(verdict(judgeCoop(['SAME-ORIGIN']))).toBe('warn: "SAME-ORIGIN" is not recognised (values are case-sensitive: write same-origin), so browsers ignore it');
  });

  it("wants CORP same-origin on pages but cross-origin on the widget's script", () => {
    expect(judgeCorp(['same-origin'], 'page').status).toBe('pass');
    expect(judgeCorp(['cross-origin'], 'page').status).toBe('warn');
    expect(judgeCorp(undefined, 'page').status).toBe('warn');
    expect(judgeCorp(['cross-origin'], 'widget-script').status).toBe('pass');
    expect(verdict(judgeCorp(['same-origin'], 'widget-script'))).toBe('fail: same-origin on the widget script: browsers refuse to load it on storefronts');
    expect(judgeCorp(['same-site'], 'widget-script').status).toBe('fail');
    expect(judgeCorp(undefined, 'widget-script').status).toBe('warn');
    expect(verdict(judgeCorp(['SAME-ORIGIN'], 'page'))).toBe('warn: "SAME-ORIGIN" is not recognised (values are case-sensitive: write same-origin), so browsers ignore it');
    expect(judgeCorp(['Cross-Origin'], 'widget-script').status).toBe('warn');
  });

  it('wants X-Powered-By absent', () => {
    expect(judgePoweredBy(undefined).status).toBe('pass');
    expect(verdict(judgePoweredBy(['Express']))).toBe('warn: present (Express): advertises the framework');
  });
});

describe('judgeSecurityHeaders', () => {
  it('does not count Content-Security-Policy-Report-Only as a policy', () => {
    const page = response({ headers: { 'content-security-policy-report-only': "default-src 'self'" } });
    expect(judgeSecurityHeaders(page, 'api').find((j) => j.subject === 'Content-Security-Policy')?.message).toBe(
      'only Content-Security-Policy-Report-Only is sent: nothing is enforced',
    );
  });

  it('judges a <meta http-equiv> policy like a header one, and warns that it cannot carry frame-ancestors', () => {
    const meta = (policy: string) =>
      response({ headers: { 'content-type': 'text/html', 'x-frame-options': 'DENY' }, body: `<head><meta http-equiv="Content-Security-Policy" content="${policy}"></head>` });
    const csp = (page: ReturnType<typeof response>) => judgeSecurityHeaders(page, 'web').filter((j) => j.subject === 'Content-Security-Policy').map(verdict);
    expect(csp(meta("script-src 'self'; object-src 'none'"))).toEqual([
      'warn: delivered only in <meta http-equiv>: browsers ignore frame-ancestors, sandbox and report-uri there, and it covers only what follows it in the page',
    ]);
    expect(csp(meta("script-src 'self' 'unsafe-inline'; object-src 'none'"))[0]).toBe("fail: script-src allows 'unsafe-inline': injected inline scripts run");
    const framed = response({ headers: { 'content-type': 'text/html' }, body: `<meta http-equiv="content-security-policy" content="frame-ancestors 'none'">` });
    expect(judgeSecurityHeaders(framed, 'web').find((j) => j.subject.startsWith('Content-Security-Policy frame-ancestors'))?.message).toBe(
      'neither frame-ancestors nor X-Frame-Options (frame-ancestors in <meta> is ignored by browsers): any site can frame the page (clickjacking)',
    );
  });

  it('keeps the verdicts where the Mozilla Observatory is wrong', () => {
    // Two CSP lines are two enforced policies: the strict one protects the page.
    const twoLines = response({ headers: { 'content-security-policy': ["script-src 'self' 'unsafe-inline'; object-src 'none'", "default-src 'self'"] } });
    expect(judgeSecurityHeaders(twoLines, 'api')[0]).toMatchObject({ status: 'pass' });
    // X-Frame-Options and X-Content-Type-Options repeated with the same value still protect.
    expect(judgeFraming(undefined, ['DENY', 'DENY'], 'api').status).toBe('pass');
    expect(judgeNosniff(['nosniff', 'nosniff']).status).toBe('pass');
    expect(judgeFraming(undefined, ['ALLOW-FROM https://a.example'], 'api').status).toBe('fail');
    expect(judgeHsts(['max-age=31536000; max-age=31536000']).status).toBe('fail');
  });

  it('leaves CORP of the widget page to its script', () => {
    expect(judgeSecurityHeaders(response(), 'widget').some((j) => j.subject === 'Cross-Origin-Resource-Policy')).toBe(false);
  });
});
