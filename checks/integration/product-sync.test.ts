import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productSyncApp } from '../../fixtures/apps/product-sync.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './product-sync.js';

const KEY = `CANARYsync${randomBytes(12).toString('hex')}`;
let api: RunningServer;
const servers: RunningServer[] = [];
beforeAll(async () => {
  api = await serve(productSyncApp(KEY));
  servers.push(api);
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

const judge = (path: string, record: string, extra: Record<string, unknown> = { key: KEY }, base?: string, http?: Record<string, number>) =>
  runCheck(check, targetOf({ integrations: { productSync: { url: `${base ?? api.url}${path}`, ...extra } } }), { record, timeoutMs: 20_000, ...(http ? { http } : {}) });
const expectNoKey = (result: unknown) => expect(JSON.stringify(result)).not.toContain('CANARYsync');

describe('integration.product-sync against real status routes', () => {
  it('passes an authenticated JSON status with a recent sync that refuses anonymous requests', async () => {
    const result = await judge('/correct/v1/sync/status', 'correct status');
    expect(result.status).toBe('pass');
    expect(result.message).toBe('/correct/v1/sync/status answers an authenticated status request with JSON and refuses one without the credential');
    expect(result.evidence).toMatchObject({ statuses: { authenticated: 200, anonymous: 401 } });
    expect(result.evidence.judgements).toEqual(expect.arrayContaining(['pass sync state: status: "ok"', expect.stringMatching(/^pass last sync: lastSyncedAt is under an hour ago$/)]));
    expectNoKey(result);
  });

  it('is manual without a configured key when the route refuses anonymous requests', async () => {
    const result = await judge('/correct/v1/sync/status', 'no key configured', {});
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^the status request: not probed: no integrations\.productSync\.key is configured/);
  });

  it('fails an open status, a failed sync, an HTML fallback and a crash', async () => {
    const open = await judge('/open/v1/sync/status', 'open to anyone');
    expect(open.status).toBe('fail');
    expect(open.message).toBe('without the credential: answered 200: the sync status is open to anyone');
    const failed = await judge('/failed/v1/sync/status', 'sync failed');
    expect(failed.status).toBe('fail');
    expect(failed.message).toBe('sync state: the endpoint reports status: "failed"');
    const html = await judge('/spa-fallback/v1/sync/status', 'html fallback');
    expect(html.status).toBe('fail');
    expect(html.message).toMatch(/^the status request: answered 200 with text\/html and a body that is not JSON: not a sync status/);
    const crash = await judge('/crashes/v1/sync/status', 'crashes');
    expect(crash.status).toBe('fail');
    expect(crash.message).toMatch(/^the status request: answered 500: the sync status endpoint is broken/);
    const wrongKey = await judge('/correct/v1/sync/status', 'credential refused', { key: KEY, scheme: 'Token' });
    expect(wrongKey.status).toBe('fail');
    expect(wrongKey.message).toMatch(/^the status request: refused with 401: the configured credential is not accepted/);
    expectNoKey([open, failed, html, crash, wrongKey]);
  });

  it('warns a sync that last ran three days ago', async () => {
    const result = await judge('/stale/v1/sync/status', 'stale sync');
    expect(result.status).toBe('warn');
    expect(result.message).toBe('last sync: lastSyncedAt is 72 h ago, more than the 24 h limit');
  });

  it('is manual with guidance when no product-sync endpoint is configured', async () => {
    const result = await runCheck(check, targetOf({ services: { api: { url: api.url } } }));
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^not probed: no integrations\.productSync is configured; set its url/);
  });

  it('reports error for a wrong URL, a refused port and a hanging endpoint', async () => {
    const missing = await judge('/nothing/v1/sync/status', 'wrong url');
    expect(missing.status).toBe('error');
    expect(missing.message).toMatch(/^the status request: answered 404: nothing answers GET at this URL/);
    const closed = await serve(() => undefined);
    await closed.close();
    const refused = await judge('/v1/sync/status', 'connection refused', { key: KEY }, closed.url);
    expect(refused.status).toBe('error');
    const hang = await hangingServer();
    servers.push(hang);
    const hung = await judge('/v1/sync/status', 'hangs', { key: KEY }, hang.url, { totalTimeoutMs: 1_000 });
    expect(hung.status).toBe('error');
    expectNoKey([missing, refused, hung]);
  });
});
