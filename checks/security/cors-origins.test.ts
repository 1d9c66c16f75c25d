import { afterAll, describe, expect, it } from 'vitest';
import { corsApi, corsWithoutVary } from '../../fixtures/apps/cors-variants.js';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { resettingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './cors-origins.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;

const DASHBOARD = 'https://app.example.com';
const judge = (url: string, extra: Record<string, unknown> = {}, record?: string) =>
  runCheck(check, targetOf({ services: { api: { url, route: '/v1/products', ...extra } } }), record ? { record } : {});

describe('security.cors-origins against the real cors package', () => {
  it('passes the hardened API: an exact allow-list with credentials, answered with Vary: Origin', async () => {
    const api = await start(hardenedApi({ allowedOrigins: [DASHBOARD] }));
    const result = await judge(api.url, { origins: [DASHBOARD] }, 'exact allow-list with credentials');
    expect(result.status).toBe('pass');
    expect((result.evidence.api as { requests: number }).requests).toBeGreaterThan(20);
  });

  it('fails origin: true with credentials: every hostile origin, null included, is reflected', async () => {
    const api = await start(corsApi({ origin: true, credentials: true }));
    const result = await judge(api.url, { origins: [DASHBOARD] }, 'any origin reflected with credentials');
    expect(result.status).toBe('fail');
    // Every hostile origin is asked now (8 before the cap was lifted): evil, null, look-alikes, the http twin, ~50 development origins.
    expect(result.message).toMatch(/hostile origins: \d{2} reflected with Access-Control-Allow-Credentials: true \(https:\/\/evil\.example, null,/);
    expect(result.remediation).toContain('exact allow-list');
  });

  it('fails an unanchored regular expression: the suffix look-alike gets in', async () => {
    const api = await start(corsApi({ origin: /app\.example\.com/, credentials: true }));
    const result = await judge(api.url, { origins: [DASHBOARD] }, 'unanchored regular expression');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('https://app.example.com.evil.example');
    expect(result.message).toContain('https://evilapp.example.com');
  });

  it('fails reflection without credentials on an API', async () => {
    const api = await start(corsApi({ origin: true }));
    const result = await judge(api.url, {}, 'any origin reflected without credentials');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/hostile origins: \d+ reflected in Access-Control-Allow-Origin/);
  });

  it('fails "*" on an API, passes it when the config declares the API public', async () => {
    const api = await start(corsApi({}));
    expect((await judge(api.url, {}, 'star on an API')).message).toMatch(/Access-Control-Allow-Origin: \*: every origin is allowed on an API/);
    expect((await judge(api.url, { origins: ['*'] }, 'star on an API declared public')).status).toBe('pass');
  });

  it('warns about a per-request Access-Control-Allow-Origin without Vary: Origin', async () => {
    const api = await start(corsWithoutVary([DASHBOARD]));
    const result = await runCheck(check, targetOf({ services: { api: { url: api.url, origins: [DASHBOARD] } } }), { record: 'allow-list without Vary' });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('Vary: Origin is missing');
  });

  it('warns when a configured origin is refused, and leaves the widget to infrastructure.widget-cors', async () => {
    const api = await start(hardenedApi({ allowedOrigins: [DASHBOARD] }));
    const result = await runCheck(check, targetOf({ services: { api: { url: api.url, origins: ['https://admin.example.com'] }, widget: { url: api.url } } }), { record: 'configured origin refused' });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('https://admin.example.com: configured as allowed but not allowed');
    expect(Object.keys(result.evidence)).toEqual(['api']);
  });

  it.each([
    ['Vite', 'http://localhost:5173'],
    ['Create React App', 'http://localhost:3000'],
    ['a loopback address', 'http://127.0.0.1:8080'],
  ])('fails a leftover %s origin (%s) beside four production origins, with credentials', async (_name, leftover) => {
    const production = ['https://app.shop.example', 'https://admin.shop.example', 'https://partners.example.net', 'https://status.example.org'];
    const api = await start(corsApi({ origin: [...production, leftover], credentials: true }));
    const result = await judge(api.url, { origins: production }, `leftover ${leftover} beside four production origins`);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(`hostile origins: 1 reflected with Access-Control-Allow-Credentials: true (${leftover}; on GET /v1/products)`);
  });

  it('fails look-alikes of the fourth configured origin, which the capped list never reached', async () => {
    const production = ['https://app.shop.example', 'https://admin.shop.example', 'https://partners.example.net'];
    const api = await start(corsApi({ origin: [...production, /status\.example\.org$/], credentials: true }));
    const result = await judge(api.url, { origins: [...production, 'https://status.example.org'] }, 'suffix-only regex on the fourth origin');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('https://evilstatus.example.org');
  });

  it('fails a regular expression with an unescaped dot', async () => {
    const api = await start(corsApi({ origin: [/^https:\/\/app.example.com$/], credentials: true }));
    const result = await judge(api.url, { origins: [DASHBOARD] }, 'unescaped dot in the origin regex');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('https://appxexample.com');
  });

  it('warns about a development origin in the configured production origins', async () => {
    const api = await start(corsApi({ origin: [DASHBOARD, 'http://localhost:5173'], credentials: true }));
    const result = await judge(api.url, { origins: [DASHBOARD, 'http://localhost:5173'] }, 'development origin configured');
    expect(result.status).toBe('warn');
    expect(result.message).toContain('Origin http://localhost:5173: configured as allowed, but it is a development origin');
  });

  it('reports error when the service resets connections', async () => {
    const reset = await start(resettingServer());
    const result = await judge(reset.url, {}, 'connection reset');
    expect(result.status).toBe('error');
    expect(result.message).toContain('reset');
  });
});
