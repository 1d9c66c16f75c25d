import { afterAll, describe, expect, it } from 'vitest';
import { rateLimitedApi } from '../../fixtures/apps/rate-limited.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { nginxAvailable, startNginx } from '../../fixtures/nginx/server.js';
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
  ] as const)('warns "declared, not observed" on %s headers without the burst: a header is a claim', async (name, limiter, message) => {
    const server = await start(rateLimitedApi(limiter).app);
    const result = await runCheck(check, api(server.url), { record: `${name} headers` });
    // Issue 15: headers alone used to pass; static headers that count nothing passed too.
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/^api: rate limit declared, not observed: /);
    expect(seen(result)).toMatch(message);
  });

  it.each([
    ['draft-8', { standardHeaders: 'draft-8', legacyHeaders: false }],
    ['legacy X-RateLimit-*', { standardHeaders: false, legacyHeaders: true }],
  ] as const)('passes %s headers under the burst: the remaining count goes down', async (name, limiter) => {
    const fixture = rateLimitedApi(limiter);
    const server = await start(fixture.app);
    const result = await runCheck(check, api(server.url), { options: { burst: true }, record: `${name} headers under a burst` });
    expect(result.status).toBe('pass');
    expect(seen(result)).toMatch(/the remaining count fell from \d+ to \d+ over 3 requests to \/v1\/products: requests are counted/);
    // It stops as soon as the counting is seen: the limit (100) is beyond what is left of the burst.
    expect(fixture.hits.get('/v1/products')).toBe(4);
  });

  it('passes a small limit under the burst once it bites', async () => {
    const fixture = rateLimitedApi({ limit: 8, standardHeaders: 'draft-8', legacyHeaders: false });
    const server = await start(fixture.app);
    const result = await runCheck(check, api(server.url), { options: { burst: true }, record: 'small limit bites under a burst' });
    expect(result.status).toBe('pass');
    expect(seen(result)).toMatch(/answered 429 after \d request\(s\) to \/v1\/products/);
  });

  it('fails static headers that count nothing under the burst, and only warns about them without it', async () => {
    const fixture = rateLimitedApi(false, { staticHeaders: { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '99', 'X-RateLimit-Reset': '60' } });
    const server = await start(fixture.app);
    const burst = await runCheck(check, api(server.url), { options: { burst: true }, record: 'static headers under a burst' });
    expect(burst.status).toBe('fail');
    expect(burst.message).toContain('the remaining count stayed at 99 over 20 requests to /v1/products and none was refused: the headers count nothing');
    const claim = await runCheck(check, api(server.url), { record: 'static headers' });
    expect(claim.status).toBe('warn');
    expect(claim.message).toContain('declared, not observed');
  });

  it('fails a limiter that lets requests through once the count reaches 0', async () => {
    // express-rate-limit with a handler that only logs: the count runs out, nothing is refused.
    const fixture = rateLimitedApi({ limit: 6, standardHeaders: 'draft-8', legacyHeaders: false, handler: (_req, _res, next) => next() });
    const server = await start(fixture.app);
    const result = await runCheck(check, api(server.url), { options: { burst: true }, record: 'limit reached but not enforced' });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('the announced limit does not bite');
  });

  it('fails an announced limit no client ever reaches', async () => {
    const server = await start(rateLimitedApi({ limit: 1_000_000, standardHeaders: 'draft-8', legacyHeaders: false }).app);
    const result = await runCheck(check, api(server.url), { record: 'implausible limit' });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('above 10000, it throttles no client');
  });
});

describe.skipIf(!nginxAvailable && !process.env.CI)('security.rate-limiting: Debian nginx limit_req', () => {
  const limited = () =>
    startNginx({
      http: 'limit_req_zone $binary_remote_addr zone=api:1m rate=1r/m;',
      server: `
    location /v1/ { limit_req zone=api burst=2 nodelay; default_type application/json; }
    location = /health { default_type application/json; }`,
      files: { 'v1/products': '{"products":[]}', health: '{"status":"ok"}', 'index.html': '<h1>shop</h1>' },
    });

  it('passes, with the caveat, a limiter that cuts the burst off with 503 and no Retry-After (its default)', async () => {
    const nginx = await start(limited());
    const result = await runCheck(check, api(nginx.url), { options: { burst: true }, record: 'nginx limit_req answers 503' });
    // Issue 15: this was `error` ("answered 503 … without a verdict").
    expect(result.status).toBe('pass');
    expect(seen(result)).toMatch(/^answered 503 after \d request\(s\) to \/v1\/products, once earlier ones had succeeded: a limiter's cut-off .*caveat/);
  });

  it('says "not detected" without the burst: limit_req sends no headers', async () => {
    const nginx = await start(limited());
    const result = await runCheck(check, api(nginx.url), { record: 'nginx limit_req without the burst' });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('rate limiting not detected');
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
