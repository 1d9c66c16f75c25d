import { CspEvaluator } from 'csp_evaluator/dist/evaluator.js';
import { Severity } from 'csp_evaluator/dist/finding.js';
import { evaluateForFailure } from 'csp_evaluator/dist/lighthouse/lighthouse_checks.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';
import { describe, expect, it } from 'vitest';
import { embedders, frameAncestors, framesAnywhere, judgeCsp, judgeNonceReuse, parseCsp, scriptNonces } from './csp.js';

const judge = (...values: string[]) => judgeCsp(values).map((f) => `${f.status}: ${f.message}`);
const statusOf = (...values: string[]) => {
  const findings = judgeCsp(values);
  return findings.some((f) => f.status === 'fail') ? 'fail' : findings.length > 0 ? 'warn' : 'pass';
};

describe('parseCsp', () => {
  it('splits policies on commas and directives on semicolons, lower-cases names, keeps the first of a repeated directive', () => {
    const [first, second] = parseCsp(["Default-Src 'self'; script-src 'self'; script-src *", "frame-ancestors 'none'"]);
    expect(first?.get('default-src')).toEqual(["'self'"]);
    expect(first?.get('script-src')).toEqual(["'self'"]);
    expect(second?.get('frame-ancestors')).toEqual(["'none'"]);
    expect(parseCsp(["default-src 'self', script-src 'none'"])).toHaveLength(2);
  });
});

describe('judgeCsp', () => {
  it.each([
    ["helmet's default", "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline';upgrade-insecure-requests", []],
    ["default-src 'none'", "default-src 'none'", []],
    ["'unsafe-inline' in script-src", "default-src 'self'; script-src 'self' 'unsafe-inline'", ["fail: script-src allows 'unsafe-inline': injected inline scripts run"]],
    ["'unsafe-inline' inherited from default-src", "default-src 'self' 'unsafe-inline'", ["fail: default-src allows 'unsafe-inline': injected inline scripts run"]],
    ["'unsafe-inline' in script-src-elem beside script-src 'self'", "default-src 'self'; script-src 'self'; script-src-elem 'self' 'unsafe-inline'", ["fail: script-src-elem allows 'unsafe-inline': injected inline <script> elements run"]],
    ["'unsafe-inline' in script-src-attr", "default-src 'self'; script-src-attr 'unsafe-inline'", ["fail: script-src-attr allows 'unsafe-inline': injected event-handler attributes run"]],
    ["'unsafe-inline' beside a nonce (ignored by browsers)", "default-src 'self'; script-src 'nonce-abc12345' 'unsafe-inline'; base-uri 'self'", []],
    ["'unsafe-inline' beside a hash", "default-src 'self'; script-src 'sha256-AbC=' 'unsafe-inline'", []],
    [
      "'unsafe-inline' beside a malformed hash",
      "default-src 'self'; script-src 'sha256-invalid$' 'unsafe-inline'",
      [
        "fail: script-src allows 'unsafe-inline' ('sha256-invalid$' is not a valid nonce or hash, so it does not cancel 'unsafe-inline'): injected inline scripts run",
        "warn: script-src: 'sha256-invalid$' is not a valid source expression: browsers ignore it",
      ],
    ],
    [
      "'unsafe-inline' beside an empty nonce",
      "default-src 'self'; script-src 'nonce-' 'unsafe-inline'",
      [
        "fail: script-src allows 'unsafe-inline' ('nonce-' is not a valid nonce or hash, so it does not cancel 'unsafe-inline'): injected inline scripts run",
        "warn: script-src: 'nonce-' is not a valid source expression: browsers ignore it",
      ],
    ],
    ["'unsafe-eval'", "default-src 'self'; script-src 'self' 'unsafe-eval'", ["warn: script-src allows 'unsafe-eval': eval() and new Function() are available to injected code"]],
    ['a wildcard script source', "default-src 'self'; script-src *", ['fail: script-src allows *: scripts from any host run']],
    ['a wildcard host with a scheme', "default-src 'self'; script-src 'self' https://*", ['fail: script-src allows https://*: scripts from any host run']],
    ['a wildcard host with a port (missed by the Evaluator)', "default-src 'self'; script-src 'self' https://*:443", ['fail: script-src allows https://*:443: scripts from any host run']],
    ['a wildcard over a public suffix', "default-src 'self'; script-src 'self' https://*.herokuapp.com", ['fail: script-src allows https://*.herokuapp.com: scripts from any site under .herokuapp.com (anyone can register one) run']],
    ['a wildcard over an own domain', "default-src 'self'; script-src 'self' https://*.shop.example", []],
    ['a whole scheme', "default-src 'self'; script-src https: data:", ['fail: script-src allows https: data:: scripts from any host run']],
    ["blob: (only same-origin script can mint one)", "default-src 'self'; script-src 'self' blob:", []],
    ['a host known to serve JSONP', "default-src 'self'; script-src 'self' https://www.google.com", ['fail: script-src allows https://www.google.com: www.google.com is known to host JSONP endpoints which allow to bypass this CSP']],
    ["hosts ignored under 'strict-dynamic'", "default-src 'self'; script-src 'strict-dynamic' 'nonce-abcdefgh' https:; base-uri 'none'", []],
    ["Google's recommended strict CSP", "script-src 'nonce-r4nd0mR4nd0m' 'strict-dynamic'; object-src 'none'; base-uri 'none'", []],
    ["a nonce without base-uri", "script-src 'nonce-r4nd0mR4nd0m' 'strict-dynamic'; object-src 'none'", [
      "fail: a nonce- or hash-based script-src without base-uri: an injected <base> makes trusted relative scripts load from another host (set base-uri 'none' or 'self')",
    ]],
    ['object-src *', "default-src 'self'; object-src *", ['fail: object-src allows *: plugins and embedded documents from any host load']],
    ['no object-src and no default-src', "script-src 'self'", ["fail: no object-src and no default-src: injected <object>/<embed> are not restricted (set object-src 'none')"]],
    ['base-uri *', "default-src 'self'; base-uri *", ['fail: base-uri allows *: an injected <base> points relative script URLs at any host']],
    ['no script directive at all', "img-src 'self'; object-src 'none'", ['fail: neither script-src nor default-src: scripts are not restricted at all']],
    ['a short nonce', "default-src 'self'; script-src 'nonce-abc'; base-uri 'none'", ["warn: script-src has a nonce shorter than 8 characters ('nonce-abc'): it can be guessed"]],
    ['an http:// source', "default-src 'self'; img-src http://cdn.shop.example", ['warn: img-src allows http://cdn.shop.example: resources fetched over plain HTTP can be swapped on the network']],
    ['a missing semicolon', "default-src 'self'; script-src 'self' object-src 'none'", ['warn: script-src contains the directive name "object-src": a semicolon is missing, so that directive is not set']],
    ['a misspelt directive', "default-src 'none'; scripts-src 'self'", ['warn: "scripts-src" is not a CSP directive: browsers ignore it']],
  ])('%s', (_name, header, expected) => {
    expect(judge(header)).toEqual(expected);
  });

  it('fails when no policy is enforced', () => {
    expect(judge()).toEqual(['fail: missing: no Content-Security-Policy is enforced']);
  });

  it('reports a family only when every enforced policy leaves it open, since browsers enforce them all', () => {
    expect(judge("script-src 'unsafe-inline' *", "default-src 'self'")).toEqual([]);
    expect(judge("img-src 'self'", "script-src 'unsafe-inline'; object-src 'none'")).toEqual(["fail: script-src allows 'unsafe-inline': injected inline scripts run"]);
    // Each policy blocks what the other allows: inline elements are blocked by the second, handlers by the first.
    expect(judge("default-src 'self'; script-src-elem 'unsafe-inline'", "default-src 'self'; script-src-attr 'unsafe-inline'")).toEqual([]);
    expect(judge("default-src 'self', default-src 'self' 'unsafe-inline'")).toEqual([]);
  });
});

/**
 * Google's CSP Evaluator as the oracle: a policy fails here exactly when the Evaluator has a HIGH finding for it,
 * except where this rule is knowingly stricter (wildcard hosts the Evaluator's `*` test misses).
 */
describe('agreement with Google CSP Evaluator', () => {
  const evaluatorHigh = (policy: string) => new CspEvaluator(new CspParser(policy).csp).evaluate().some((f) => f.severity === Severity.HIGH);
  const policies = [
    "script-src 'unsafe-inline'; object-src 'none'",
    "script-src 'self' 'unsafe-inline' 'nonce-123456789'; object-src 'none'; base-uri 'self'",
    "script-src 'sha256-AbCdEf=' 'unsafe-inline'; object-src 'none'",
    "script-src 'strict-dynamic' 'nonce-123456789' 'unsafe-inline' https:; object-src 'none'; base-uri 'none'",
    "script-src https: http:; object-src 'none'",
    "script-src data:; object-src 'none'",
    "script-src *; object-src 'none'",
    "script-src 'self'; object-src *",
    "script-src 'self'; object-src 'none'; base-uri *",
    "default-src 'self'",
    "default-src 'none'",
    "default-src *",
    "default-src 'self' 'unsafe-inline'",
    "default-src 'self'; script-src 'self' https://ajax.googleapis.com",
    "default-src 'self'; script-src 'self' https://www.google.com",
    "default-src 'self'; script-src 'self' https://cdn.shop.example",
    "script-src 'self'",
    "object-src 'none'",
    "script-src 'nonce-123456789'; object-src 'none'",
    "script-src 'nonce-123456789'; object-src 'none'; base-uri 'none'",
    "script-src 'sha256-AbCdEf=' 'strict-dynamic'; object-src 'none'",
    "script-src 'self' 'unsafe-eval'; object-src 'none'",
    "script-src 'self'; script-src-elem 'unsafe-inline'; object-src 'none'",
    "script-src 'self'; script-src-attr 'unsafe-inline'; object-src 'none'",
    "default-src 'self'; script-src 'self' blob:",
    "default-src 'self'; script-src 'self' filesystem:",
    "default-src 'self'; script-src 'self' 'unsafe-hashes' 'sha256-AbCdEf='",
    "default-src 'self'; script-src 'nonce-' 'unsafe-inline'",
    "default-src 'self'; script-src 'sha256-invalid$' 'unsafe-inline'",
    "default-src 'self'; script-src 'self' http://cdn.shop.example",
    "default-src 'self'; style-src 'self' 'unsafe-inline'",
    "default-src 'self'; img-src *; connect-src *",
    "default-src 'self'; frame-src *",
    "default-src 'self'; base-uri https:",
  ];

  it.each(policies)('%s', (policy) => {
    expect(statusOf(policy) === 'fail').toBe(evaluatorHigh(policy));
  });

  it('is stricter than the Evaluator only on wildcard hosts it does not see', () => {
    for (const policy of ["default-src 'self'; script-src https://*:443", "default-src 'self'; script-src https://*.pages.dev"]) {
      expect(evaluatorHigh(policy)).toBe(false);
      expect(statusOf(policy)).toBe('fail');
    }
  });

  it('agrees with Lighthouse on several policies: one strict policy protects the page', () => {
    const pair = ["script-src 'unsafe-inline' *; object-src 'none'", "default-src 'self'"];
    expect(evaluateForFailure(pair.map((p) => new CspParser(p).csp))).toEqual([]);
    expect(statusOf(...pair)).toBe('pass');
  });
});

describe('nonces', () => {
  it('reads the nonces of the script directives', () => {
    expect(scriptNonces(["script-src 'nonce-abc' 'strict-dynamic'; style-src 'nonce-zzz'", "default-src 'nonce-def'"])).toEqual(['abc', 'def']);
  });

  it('fails a nonce that comes back on the next response', () => {
    expect(judgeNonceReuse(["script-src 'nonce-c3RhdGlj'"], ["script-src 'nonce-c3RhdGlj'"])?.message).toBe(
      "the same nonce ('nonce-c3RhdGlj') came back on a second request: a fixed nonce lets injected scripts carry it (make a new one per response)",
    );
    expect(judgeNonceReuse(["script-src 'nonce-first1234'"], ["script-src 'nonce-second123'"])).toBeUndefined();
  });
});

describe('frame-ancestors', () => {
  it('collects every policy that sets it', () => {
    expect(frameAncestors(parseCsp(["default-src 'self'"]))).toBeUndefined();
    expect(frameAncestors(parseCsp(["frame-ancestors 'self' https://a.example", "frame-ancestors 'none'"]))).toEqual([["'self'", 'https://a.example'], ["'none'"]]);
  });

  it('tells "anyone" from an allow-list of embedders', () => {
    expect(framesAnywhere(['*'])).toBe(true);
    expect(framesAnywhere(['https:'])).toBe(true);
    expect(framesAnywhere(["'self'", 'https://*.myshopify.com'])).toBe(false);
    expect(embedders(["'self'", 'https://*.myshopify.com'])).toEqual(['https://*.myshopify.com']);
    expect(embedders(["'none'"])).toEqual([]);
  });
});
