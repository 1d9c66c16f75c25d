import { describe, expect, it } from 'vitest';
import { embedders, frameAncestors, framesAnywhere, judgeCsp, parseCsp } from './csp.js';

const judge = (...values: string[]) => judgeCsp(parseCsp(values)).map((f) => `${f.status}: ${f.message}`);

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
    ["helmet's default", "default-src 'self';script-src 'self';object-src 'none';frame-ancestors 'self'", []],
    ["script-src 'none'", "default-src 'none'", []],
    ["'unsafe-inline' in script-src", "default-src 'self'; script-src 'self' 'unsafe-inline'", ["fail: script-src allows 'unsafe-inline': injected inline scripts run"]],
    ["'unsafe-inline' inherited from default-src", "default-src 'self' 'unsafe-inline'", ["fail: script-src allows 'unsafe-inline': injected inline scripts run"]],
    ["'unsafe-inline' beside a nonce (ignored by browsers)", "default-src 'self'; script-src 'nonce-abc123' 'unsafe-inline'", []],
    ["'unsafe-inline' beside a hash", "default-src 'self'; script-src 'sha256-AbC=' 'unsafe-inline'", []],
    ["'unsafe-eval'", "default-src 'self'; script-src 'self' 'unsafe-eval'", ["warn: script-src allows 'unsafe-eval': eval() and new Function() are available to injected code"]],
    ['a wildcard script source', "default-src 'self'; script-src *", ['fail: script-src allows *: scripts from any host run']],
    ['a whole scheme', "default-src 'self'; script-src https: data:", ['fail: script-src allows https: data:: scripts from any host run']],
    ["hosts ignored under 'strict-dynamic'", "default-src 'self'; script-src 'strict-dynamic' 'nonce-x' https:", []],
    ['no default-src beside a script-src', "script-src 'self'", ['warn: no default-src: types without their own directive are unrestricted (object-src, base-uri, form-action)']],
    ['no script directive at all', "img-src 'self'", ['fail: neither script-src nor default-src: scripts are not restricted at all']],
  ])('%s', (_name, header, expected) => {
    expect(judge(header)).toEqual(expected);
  });

  it('fails when no policy is enforced', () => {
    expect(judge()).toEqual(['fail: missing: no Content-Security-Policy is enforced']);
  });

  it('judges several policies by the strictest, since browsers enforce them all', () => {
    expect(judge("script-src 'unsafe-inline' *", "default-src 'self'")).toEqual([]);
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
