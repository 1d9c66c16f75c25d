import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyApp } from '../../fixtures/apps/api-key.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './api-key-auth.js';

const KEY = `CANARYapikey${randomBytes(12).toString('hex')}`;
let api: RunningServer;
const servers: RunningServer[] = [];
beforeAll(async () => {
  api = await serve(apiKeyApp(KEY));
  servers.push(api);
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

const judge = (path: string, record: string, extra: Record<string, unknown> = { key: KEY }, base?: string, http = {}) =>
  runCheck(check, targetOf({ apiKey: { url: `${base ?? api.url}${path}`, ...extra } }), { record, http, timeoutMs: 20_000 });
const expectNoKey = (result: unknown) => expect(JSON.stringify(result)).not.toContain('CANARYapikey');

describe('integration.api-key-auth against a real API', () => {
  it('passes a route that checks the key in constant time behind CORS (Bearer and x-api-key)', async () => {
    const result = await judge('/correct/v1/shop', 'correct bearer');
    expect(result.status).toBe('pass');
    expect(result.message).toBe('/correct/v1/shop refuses missing, random and malformed keys with 401/403 and accepts the valid key');
    expect(result.evidence.statuses).toEqual({ none: 401, random: 401, malformed: 401, valid: 200, query: 401, preflight: 204 });
    expectNoKey(result);
    const xKey = await judge('/x-api-key/v1/shop', 'correct x-api-key', { key: KEY, header: 'x-api-key' });
    expect(xKey.status).toBe('pass');
  });

  it('warns without a configured valid key', async () => {
    const result = await judge('/correct/v1/shop', 'no valid key configured', {});
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/^the valid key: not probed: no apiKey\.key is configured/);
  });

  it('fails an API that accepts any key', async () => {
    const result = await judge('/any-key/v1/shop', 'accepts any key');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^a random key: accepted with 200: the route is open without a valid key; a malformed header: accepted with 200/);
    expectNoKey(result);
  });

  it('fails a key parser that crashes with a stack trace on a malformed header', async () => {
    const result = await judge('/crashes/v1/shop', 'crashes on malformed');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/a malformed header: the 500 answer holds a stack trace .*a malformed header: answered 500 instead of 401: the key check crashes/);
  });

  it('fails when the configured key is refused (wrong scheme in config)', async () => {
    const result = await judge('/correct/v1/shop', 'valid key refused', { key: KEY, scheme: 'Token' });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/the valid key: refused with 401/);
  });

  it('warns when the key is accepted in the query string, or the preflight demands the key', async () => {
    const query = await judge('/query-too/v1/shop', 'key accepted in query');
    expect(query.status).toBe('warn');
    expect(query.message).toMatch(/^the valid key in the query string: accepted with 200: keys in URLs land in access logs/);
    expectNoKey(query);
    const preflight = await judge('/walled-preflight/v1/shop', 'preflight demands key');
    expect(preflight.status).toBe('warn');
    expect(preflight.message).toMatch(/^OPTIONS preflight: answered 401: the preflight demands the key/);
  });

  it('reports error for a wrong URL, a refused port and a hanging API', async () => {
    const missing = await judge('/nothing/v1/shop', 'wrong url');
    expect(missing.status).toBe('error');
    expect(missing.message).toMatch(/answered 404: nothing answers GET at this URL/);
    const closed = await serve(() => undefined);
    await closed.close();
    const refused = await judge('/v1/shop', 'connection refused', { key: KEY }, closed.url);
    expect(refused.status).toBe('error');
    const hang = await hangingServer();
    servers.push(hang);
    const hung = await judge('/v1/shop', 'hangs', { key: KEY }, hang.url, { totalTimeoutMs: 1_000 });
    expect(hung.status).toBe('error');
    expectNoKey([missing, refused, hung]);
  });

  it('is manual with guidance when no apiKey is configured (a critical line unverified is not skipped)', async () => {
    const result = await runCheck(check, targetOf({ services: { api: { url: api.url } } }));
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^not probed: no apiKey is configured; set apiKey\.url to a route the key protects \(and apiKey\.key, a valid key\)/);
    expect(result.message).toContain("Until then it needs a person's attestation: For a protected route:");
    expect(result.remediation).toMatch(/^Configure apiKey: \{ url: /);
  });
});
