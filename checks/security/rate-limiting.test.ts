import { afterAll, describe, expect, it } from 'vitest';
import { rateLimitedApi } from '../../fixtures/apps/rate-limited.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { parseConfig } from '../../src/config/load.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './rate-limiting.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;

const api = (url: string, route = '/v1/products') => targetOf({ services: { api: { url, route } } });
/** The API's own verdict: a passing line reports a summary, the evidence keeps what was seen. */
const seen = (result: { evidence: Record<string, unknown> }) => (result.evidence.api as { message: string }).message;

describe('security.rate-limiting: headers of the real express-rate-limit', () => {
  it.each([
    ['draft-8', { standardHeaders: 'draft-8', legacyHeaders: false }, /IETF RateLimit headers \(limit 100, per 60 s, \d+ remaining\)/],
    ['draft-7', { standardHeaders: 'draft-7', legacyHeaders: false }, /IETF RateLimit headers \(limit 100, per 60 s, \d+ remaining\)/],
    ['draft-6', { standardHeaders: 'draft-6', legacyHeaders: false }, /RateLimit-\* headers \(limit 100, per 60 s, \d+ remaining\)/],
    ['legacy X-RateLimit-*', { standardHeaders: false, legacyHeaders: true }, /X-RateLimit-\* headers \(limit 100, \d+ remaining\)/],
  ] as const)('passes %s', async (name, limiter, message) => {
    const server = await start(rateLimitedApi(limiter).app);
    const result = await runCheck(check, api(server.url), { record: `${name} headers` });
    expect(result.status).toBe('pass');
    expect(seen(result)).toMatch(message);
  });
});

describe('security.rate-limiting: not detected', () => {
  it('warns by default, and says "not detected" rather than "absent"', async () => {
    const server = await start(rateLimitedApi(false).app);
    const result = await runCheck(check, api(server.url), { record: 'no limiter headers' });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/^api: rate limiting not detected: no RateLimit, RateLimit-\* or X-RateLimit-\* headers on \/v1\/products, \/, \/health/);
    expect(result.message).not.toMatch(/absent/);
    expect(result.remediation).toContain('express-rate-limit');
  });

  it('fails when the config says so', async () => {
    const server = await start(rateLimitedApi(false).app);
    expect((await runCheck(check, api(server.url), { options: { notDetected: 'fail' } })).status).toBe('fail');
  });
});

describe('security.rate-limiting: the opt-in burst', () => {
  it('finds a limiter that sends no headers: stops at the first 429', async () => {
    const fixture = rateLimitedApi({ limit: 5, standardHeaders: false, legacyHeaders: false });
    const server = await start(fixture.app);
    const result = await runCheck(check, api(server.url), { options: { burst: true }, record: 'silent limiter under a burst' });
    expect(result.status).toBe('pass');
    // Three requests of the header look (route, /, /health) count against the limit too: the 429 comes sooner.
    expect(seen(result)).toMatch(/^answered 429 after \d request\(s\) to \/v1\/products$/);
    expect(fixture.hits.get('/v1/products')).toBeLessThanOrEqual(6);
  });

  it('sends exactly the configured number of requests when nothing throttles, and never touches the login route', async () => {
    const fixture = rateLimitedApi(false);
    const server = await start(fixture.app);
    const result = await runCheck(check, api(server.url), { options: { burst: true, burstRequests: 12 }, record: 'no limiter under a burst of 12' });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('12 requests to /v1/products never answered 429');
    expect(fixture.hits.get('/v1/products')).toBe(13);
    expect(fixture.hits.get('/login')).toBeUndefined();
  });

  it('backs off at once on Retry-After', async () => {
    const fixture = rateLimitedApi(false);
    const server = await start(fixture.app);
    const result = await runCheck(check, api(server.url, '/v1/busy'), { options: { burst: true }, record: 'busy route answers Retry-After' });
    expect(result.status).toBe('warn');
    expect(result.message).toBe('api: answered 503 with Retry-After: 120 after 1 request(s); stopped without confirming a limiter');
    expect(fixture.hits.get('/v1/busy')).toBe(2);
  });

  it('caps the burst at 100 and refuses login routes in the config', () => {
    expect(check.options?.safeParse({ burstRequests: 101 }).success).toBe(false);
    expect(() =>
      parseConfig('version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "https://api.example.com", route: /v1/auth/login }\n', 'readiness.config.yaml'),
    ).toThrow(/services\.api\.route.*login/s);
  });

  it('needs a route to burst, and skips services that are not API or widget', async () => {
    const server = await start(rateLimitedApi(false).app);
    const noRoute = await runCheck(check, targetOf({ services: { api: { url: server.url } } }), { options: { burst: true }, record: 'burst without a route' });
    expect(noRoute.message).toContain('the burst probe needs a cheap GET route (services.<name>.route)');
    const dashboard = await runCheck(check, targetOf({ services: { dashboard: { url: server.url } } }), { record: 'dashboard only' });
    expect(dashboard.status).toBe('skip');
  });

  it('reports error when the API hangs', async () => {
    const hang = await start(hangingServer());
    const result = await runCheck(check, api(hang.url), { http: { totalTimeoutMs: 300 }, record: 'api hangs' });
    expect(result.status).toBe('error');
  });
});
