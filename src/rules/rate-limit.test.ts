import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { isLoginRoute } from '../config/login-routes.js';
import { burstObserver, detectRateLimit, judgeAnnouncedLimit, judgeBurst, type BurstStop } from './rate-limit.js';

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

describe('burstObserver', () => {
  const r = (status: number, h: Record<string, string> = {}) => response({ status, headers: h });
  const remaining = (n: number, status = 200) => r(status, { 'ratelimit-limit': '100', 'ratelimit-remaining': String(n) });
  /** Feeds answers to a fresh observer and returns where it stopped. */
  const run = (answers: ReturnType<typeof r>[], options = { budget: 20, succeededBefore: false }) => {
    const observer = burstObserver(options);
    let previous: ReturnType<typeof r> | undefined;
    for (const [i, answer] of answers.entries()) {
      const stop = observer.shouldStop(previous, answer, i + 1);
      if (stop) return stop;
      previous = answer;
    }
    return undefined;
  };

  it('stops at the first 429, keeping Retry-After', () => {
    expect(run([r(200), r(429, { 'retry-after': '30' })])).toEqual({ kind: 'throttled', after: 2, status: 429, retryAfter: '30' });
  });

  it('takes a 503 after successes as a cut-off (nginx limit_req), and a 503 at once as trouble', () => {
    expect(run([r(200), r(200), r(503)])).toEqual({ kind: 'throttled', after: 3, status: 503, retryAfter: null });
    expect(run([r(503)], { budget: 20, succeededBefore: true })).toMatchObject({ kind: 'throttled', status: 503 });
    expect(run([r(503)])).toMatchObject({ kind: 'server-error', status: 503 });
    expect(run([r(200), r(502)])).toMatchObject({ kind: 'server-error', status: 502 });
  });

  it('backs off on Retry-After with any other status', () => {
    expect(run([r(503, { 'retry-after': '120' })])).toMatchObject({ kind: 'retry-after', status: 503 });
    expect(run([r(200, { 'retry-after': '5' })])).toMatchObject({ kind: 'retry-after', status: 200 });
  });

  it('stops once the count falls twice and the limit is beyond the burst; goes on to see it bite when within reach', () => {
    expect(run([remaining(90), remaining(89), remaining(88)])).toEqual({ kind: 'counted', after: 3 });
    expect(run([remaining(5), remaining(4), remaining(3), remaining(2), remaining(1), remaining(0), r(429)])).toMatchObject({ kind: 'throttled', after: 7 });
  });

  it('catches a count that reaches 0 while requests still succeed', () => {
    expect(run([remaining(2), remaining(1), remaining(0), remaining(0)])).toEqual({ kind: 'not-throttled', after: 4, status: 200, exhaustedAfter: 3 });
    // The window started over (the count is back up): nothing was exceeded.
    expect(run([remaining(1), remaining(0), remaining(99), remaining(98)])).toEqual({ kind: 'counted', after: 4 });
  });

  it('goes on while answers are ordinary', () => {
    expect(run([r(200), r(200), r(200)])).toBeUndefined();
    expect(run([remaining(99), remaining(99), remaining(99)])).toBeUndefined();
  });
});

describe('judgeBurst', () => {
  const announced = detectRateLimit(response({ headers: { 'ratelimit-limit': '100', 'ratelimit-remaining': '99' } }).headers);
  const judge = (stop: BurstStop | undefined, remaining: (number | undefined)[], sent = remaining.length, signal: typeof announced | null = announced) =>
    judgeBurst('/v1/products', { sent, stop }, { remaining, successes: 0 }, signal ?? undefined);

  it('passes a refusal and a count that goes down', () => {
    expect(judge({ kind: 'throttled', after: 6, status: 429, retryAfter: null }, [])).toEqual({ status: 'pass', message: 'answered 429 after 6 request(s) to /v1/products' });
    expect(judge({ kind: 'counted', after: 3 }, [98, 97, 96])).toMatchObject({ status: 'pass', message: expect.stringContaining('fell from 98 to 96 over 3 requests') });
    expect(judge({ kind: 'throttled', after: 3, status: 503, retryAfter: null }, [])).toMatchObject({ status: 'pass', message: expect.stringContaining('caveat') });
  });

  it('fails headers that count nothing, a limit that does not bite, and an implausible limit', () => {
    expect(judge(undefined, [99, 99, 99, 99])).toMatchObject({ status: 'fail', message: expect.stringContaining('stayed at 99 over 4 requests') });
    expect(judge({ kind: 'not-throttled', after: 4, status: 200, exhaustedAfter: 3 }, [2, 1, 0, 0])).toMatchObject({ status: 'fail', message: expect.stringContaining('does not bite') });
    const huge = detectRateLimit(response({ headers: { 'ratelimit-limit': '1000000', 'ratelimit-remaining': '999990' } }).headers);
    expect(judge({ kind: 'counted', after: 3 }, [999_990, 999_989, 999_988], 3, huge)).toMatchObject({ status: 'fail', message: expect.stringContaining('throttles no client') });
    expect(judgeAnnouncedLimit(huge)?.status).toBe('fail');
    expect(judgeAnnouncedLimit(announced)).toBeUndefined();
  });

  it('says "declared, not observed" or "not detected" when the burst saw nothing either way', () => {
    expect(judge(undefined, [undefined, undefined])).toMatchObject({ status: 'warn', message: expect.stringContaining('declared, not observed') });
    expect(judge(undefined, [undefined, undefined], 2, null)).toEqual({ status: 'not-detected', message: '2 requests to /v1/products never answered 429' });
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
