import { afterAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { leakyWidget } from '../../fixtures/apps/leaky-widget.js';
import { staticSite } from '../../fixtures/apps/static-site.js';
import { resettingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './mobile-responsiveness.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;
const withViewport = (content: string) => staticSite({ '/': { type: 'html', body: `<head><meta name="viewport" content="${content}"></head><h1>Shop</h1>` } });

describe('testing.mobile-responsiveness against real servers', () => {
  it("asks a person once the viewport is right (HTML cannot show the layout), and ignores the API's JSON", async () => {
    const dash = await start(dashboard());
    const api = await start(hardenedApi());
    const result = await runCheck(check, targetOf({ services: { dashboard: { url: dash.url }, web: { url: api.url, kind: 'web' }, api: { url: api.url } } }), { record: 'dashboard viewport right' });
    expect(result.status).toBe('manual');
    expect((result.evidence.dashboard as { message: string }).message).toContain('viewport meta fits the device width (width=device-width, initial-scale=1)');
    expect((result.evidence.web as { verdict: string }).verdict).toBe('skip');
    expect(result.evidence.api).toBeUndefined();
  });

  it('fails a page without a viewport meta (the leaky widget) and one with a fixed width', async () => {
    const widget = await start(leakyWidget());
    const fixed = await start(withViewport('width=1024'));
    const result = await runCheck(check, targetOf({ services: { widget: { url: widget.url }, dashboard: { url: fixed.url } } }), { record: 'no viewport and a fixed width' });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('widget: viewport: no <meta name="viewport">');
    expect(result.message).toContain('dashboard: viewport: "width=1024" does not set width=device-width');
    expect(result.remediation).toContain('width=device-width, initial-scale=1');
  });

  it('warns when zoom is blocked', async () => {
    const page = await start(withViewport('width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no'));
    expect((await runCheck(check, targetOf({ services: { dashboard: { url: page.url } } }), { record: 'zoom blocked' })).status).toBe('warn');
  });

  it('reports error for a non-2xx page and a reset connection', async () => {
    const missing = await start(staticSite({}));
    expect((await runCheck(check, targetOf({ services: { dashboard: { url: missing.url } } }), { record: 'page answers 404' })).message).toBe('dashboard: the page answered 404; no 2xx page to read');
    const reset = await start(resettingServer());
    expect((await runCheck(check, targetOf({ services: { dashboard: { url: reset.url } } }), { record: 'connection reset' })).status).toBe('error');
  });
});
