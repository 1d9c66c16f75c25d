import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { isLoginRoute } from '../config/login-routes.js';
import { burstStop, detectRateLimit } from './rate-limit.js';

const headers = (h: Record<string, string>) => response({ headers: h }).headers;

describe('detectRateLimit', () => {
  it.each([
    [
      'IETF draft 8+ (express-rate-limit draft-8)',
      { 'ratelimit-policy': '"300-in-1min"; q=300; w=60; pk=:ZTBiOGM=:', ratelimit: '"300-in-1min"; r=299; t=60' },
      { scheme: 'ietf-draft', limit: 300, remaining: 299, resetSeconds: 60, windowSeconds: 60 },
    ],
    ['IETF draft 7 dictionary', { 'ratelimit-policy': '100;w=60', ratelimit: 'limit=100, remaining=42, reset=30' }, { scheme: 'ietf-draft', limit: 100, remaining: 42, resetSeconds: 30, windowSeconds: 60 }],
    ['RateLimit-Policy alone', { 'ratelimit-policy': '"default";q=50;w=10' }, { scheme: 'ietf-draft', limit: 50, windowSeconds: 10 }],
    ['IETF draft 6 trio', { 'ratelimit-limit': '100', 'ratelimit-remaining': '99', 'ratelimit-reset': '60' }, { scheme: 'ratelimit-headers', limit: 100, remaining: 99, resetSeconds: 60 }],
    ['X-RateLimit-*', { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999' }, { scheme: 'x-ratelimit', limit: 5000, remaining: 4999 }],
    ['X-Rate-Limit-*', { 'x-rate-limit-limit': '15', 'x-rate-limit-remaining': '3' }, { scheme: 'x-ratelimit', limit: 15, remaining: 3 }],
  ])('%s', (_name, sent, expected) => {
    expect(detectRateLimit(headers(sent))).toMatchObject(expected);
  });

  it('reads a Unix-time reset (GitHub style) as seconds from now', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(detectRateLimit(headers({ 'x-ratelimit-limit': '60', 'x-ratelimit-reset': String(now / 1000 + 90) }), now)?.resetSeconds).toBe(90);
  });

  it('sees nothing in ordinary headers', () => {
    expect(detectRateLimit(headers({ 'content-type': 'application/json', 'retry-after': '10' }))).toBeUndefined();
  });
});

describe('burstStop', () => {
  const r = (status: number, h: Record<string, string> = {}) => response({ status, headers: h });

  it('stops at the first 429, keeping Retry-After', () => {
    expect(burstStop(r(200), r(429, { 'retry-after': '30' }), 6)).toEqual({ kind: 'throttled', after: 6, retryAfter: '30' });
  });

  it('stops when the remaining count falls', () => {
    expect(burstStop(r(200, { 'x-ratelimit-remaining': '10' }), r(200, { 'x-ratelimit-remaining': '9' }), 2)).toEqual({ kind: 'remaining-falls', after: 2, from: 10, to: 9 });
  });

  it('backs off on Retry-After with any status, and stops on a 5xx', () => {
    expect(burstStop(undefined, r(503, { 'retry-after': '120' }), 1)).toMatchObject({ kind: 'retry-after', status: 503 });
    expect(burstStop(undefined, r(502), 1)).toMatchObject({ kind: 'server-error', status: 502 });
  });

  it('goes on while answers are ordinary', () => {
    expect(burstStop(r(200), r(200), 3)).toBeUndefined();
  });
});

describe('isLoginRoute', () => {
  it.each(['/login', '/api/auth/token', '/v1/oauth/callback', '/users/sign-in', '/session', '/password/reset', '/signup?x=1', '/Login'])('%s is a login route', (path) => {
    expect(isLoginRoute(path)).toBe(true);
  });

  it.each(['/v1/products', '/health', '/authors', '/catalog/tokenized-search', '/'])('%s is not', (path) => {
    expect(isLoginRoute(path)).toBe(false);
  });
});
