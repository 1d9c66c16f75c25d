import cors from 'cors';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddableWidget } from '../../fixtures/apps/embeddable-widget.js';
import { leakyWidget } from '../../fixtures/apps/leaky-widget.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './widget-cors.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;

const STORE = 'https://demo-store.myshopify.com';
const judge = (url: string, extra: Record<string, unknown> = {}, record?: string) =>
  runCheck(check, targetOf({ services: { widget: { url, route: '/v1/widget/config', ...extra } } }), record ? { record } : {});

describe('infrastructure.widget-cors against real servers', () => {
  it('passes a widget whose API allows its storefront, and one public to all without credentials', async () => {
    const listed = await start(embeddableWidget({ storefronts: [STORE] }));
    expect((await judge(listed.url, { origins: [STORE] }, 'storefront listed')).status).toBe('pass');
    const open = await start(embeddableWidget());
    const result = await judge(open.url, { origins: ['*'] }, 'public to all without credentials');
    expect(result.status).toBe('pass');
    expect((result.evidence.widget as { paths: string[] }).paths).toEqual(['/v1/widget/config', `${open.url}/widget.js`]);
  });

  it('fails the leaky widget: any origin reflected with credentials, on its API and its script', async () => {
    const widget = await start(leakyWidget());
    const result = await judge(widget.url, { origins: [STORE] }, 'leaky widget');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/hostile origins: \d+ reflected with Access-Control-Allow-Credentials: true/);
    expect(result.message).toContain('GET /widget.js');
  });

  it('fails a widget API that refuses the configured storefront', async () => {
    const app = express();
    app.use(cors({ origin: ['https://other-store.myshopify.com'] }));
    app.get('/v1/widget/config', (_req, res) => res.json({}));
    const widget = await start(app);
    const result = await judge(widget.url, { origins: [STORE] }, 'storefront refused');
    expect(result.status).toBe('fail');
    expect(result.message).toContain(`Origin ${STORE}: storefront origin not allowed on GET /v1/widget/config`);
  });

  it('skips when no widget is configured, and reports error when the widget hangs', async () => {
    const api = await start(embeddableWidget());
    const skipped = await runCheck(check, targetOf({ services: { api: { url: api.url } } }), { record: 'no widget configured' });
    expect(skipped).toMatchObject({ status: 'skip' });
    expect(skipped.message).toContain('no service of kind widget');
    const hang = await start(hangingServer());
    const hung = await runCheck(check, targetOf({ services: { widget: { url: hang.url } } }), { http: { totalTimeoutMs: 300 }, record: 'widget hangs' });
    expect(hung.status).toBe('error');
  });
});
