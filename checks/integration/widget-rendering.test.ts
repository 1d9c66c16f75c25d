import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { HASHED_CHUNK, widgetHost, type WidgetHost } from '../../fixtures/apps/widget-host.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { findBrowser } from '../../src/probes/browser.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './widget-rendering.js';

let host: WidgetHost;
let server: RunningServer;
const servers: RunningServer[] = [];
beforeAll(async () => {
  host = widgetHost();
  server = await serve(host.app);
  servers.push(server);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  host.remove();
});

const judge = (widget: Record<string, unknown>, record: string, extra: { options?: unknown; environment?: Record<string, unknown>; http?: Record<string, number> } = {}) =>
  runCheck(check, targetOf({ services: { widget: { url: server.url, ...widget } }, ...extra.environment }), {
    record,
    timeoutMs: 20_000,
    ...(extra.options ? { options: extra.options } : {}),
    ...(extra.http ? { http: extra.http } : {}),
  });

describe('integration.widget-rendering against real widget hosts', () => {
  // Served well but not run (no render): every part the fetch can judge holds, the rendering itself is left to attest.
  it('leaves a correct host to attest without the render: the loader short-cached, found on the widget page or named as the asset', async () => {
    const named = await judge({ asset: '/correct/widget.js' }, 'correct loader');
    expect(named.status).toBe('manual');
    expect(named.message).toMatch(/^widget: rendering: not observed \(the script was fetched, not run\)/);
    expect(named.evidence.widget).toMatchObject({ judgements: expect.arrayContaining(['pass script: answered 200', 'pass content type: served as text/javascript']) });
    expect(named.evidence.widget).toMatchObject({ status: 200, contentType: 'text/javascript', crossOriginResourcePolicy: 'cross-origin', accessControlAllowOrigin: '*', merchantOrigin: 'https://readiness-probe.myshopify.com' });
    const found = await judge({ url: `${server.url}/correct/` }, 'script found on the widget page');
    expect(found.status).toBe('manual');
    expect(found.evidence.widget).toMatchObject({ url: `${server.url}/correct/widget.js` });
  });

  it('judges a content-hashed chunk cached for a year good, and uses the configured merchant origin', async () => {
    const result = await judge({ asset: `/correct/assets/${HASHED_CHUNK}` }, 'hashed chunk', {
      environment: { integrations: { merchantOrigin: 'https://demo-store.myshopify.com' } },
      options: { crossOrigin: true },
    });
    expect(result.status).toBe('manual');
    expect(result.evidence.widget).toMatchObject({ judgements: expect.not.arrayContaining([expect.stringMatching(/^(fail|warn) /)]) });
    expect(result.evidence.widget).toMatchObject({ merchantOrigin: 'https://demo-store.myshopify.com', cacheControl: 'public, max-age=31536000, immutable' });
  });

  it("fails the SPA's index.html answering the script URL", async () => {
    const result = await judge({ asset: '/spa-fallback/widget.js' }, 'html fallback');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/content type: served as text\/html with an HTML body: an error or fallback page/);
  });

  it("fails helmet's default CORP same-origin, a text/plain script under nosniff, and an unhashed loader cached for a year", async () => {
    const corp = await judge({ asset: '/default-helmet/widget.js' }, 'corp same-origin');
    expect(corp.status).toBe('fail');
    expect(corp.message).toMatch(/CORP: Cross-Origin-Resource-Policy: same-origin blocks it on every storefront/);
    const plain = await judge({ asset: '/wrong-type/widget.js' }, 'text/plain with nosniff');
    expect(plain.status).toBe('fail');
    expect(plain.message).toMatch(/served as text\/plain with X-Content-Type-Options: nosniff/);
    const forever = await judge({ asset: '/cached-forever/widget.js' }, 'unhashed cached forever');
    expect(forever.status).toBe('fail');
    expect(forever.message).toMatch(/caching: unversioned URL with Cache-Control: public, max-age=31536000, immutable: after a deploy shoppers keep the old widget/);
  });

  it('fails a 404 and, with crossOrigin: true, a script that sends no CORS header', async () => {
    const missing = await judge({ asset: '/nowhere/widget.js' }, 'script 404');
    expect(missing.status).toBe('fail');
    expect(missing.message).toMatch(/script: answered 404 to a storefront's request/);
    const noCors = await judge({ asset: '/wrong-type/widget.js' }, 'no cors for crossorigin', { options: { crossOrigin: true } });
    expect(noCors.message).toMatch(/CORS: no Access-Control-Allow-Origin for https:\/\/readiness-probe\.myshopify\.com: a crossorigin or module <script> is blocked/);
  });

  it('warns a hashed chunk cached for a minute and a script over the size limit', async () => {
    const short = await judge({ asset: `/short-hashed/assets/${HASHED_CHUNK}` }, 'hashed chunk short cache');
    expect(short.status).toBe('warn');
    expect(short.message).toMatch(/caching: versioned URL with Cache-Control: public, max-age=60: under 30 day\(s\)/);
    const huge = await judge({ asset: '/huge/widget.js' }, 'over the size limit', { options: { maxScriptBytes: 20_000 } });
    expect(huge.status).toBe('warn');
    expect(huge.message).toMatch(/size: more than 20000 bytes uncompressed/);
  });

  it('is manual with guidance when no widget service is configured', async () => {
    const result = await runCheck(check, targetOf({ services: { api: { url: server.url } } }));
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^not probed: no service of kind widget is configured; add it under services/);
  });

  it('reports error for a page without a script, a refused port and a hanging host', async () => {
    const noScript = await judge({ url: `${server.url}/nowhere/` }, 'no script found');
    expect(noScript.status).toBe('error');
    expect(noScript.message).toMatch(/answered 404, so no script could be found on it: set services\.widget\.asset/);
    const closed = await serve(() => undefined);
    await closed.close();
    const refused = await runCheck(check, targetOf({ services: { widget: { url: closed.url, asset: '/widget.js' } } }), { record: 'connection refused' });
    expect(refused.status).toBe('error');
    const hang = await hangingServer();
    servers.push(hang);
    const hung = await runCheck(check, targetOf({ services: { widget: { url: hang.url, asset: '/widget.js' } } }), { record: 'hangs', http: { totalTimeoutMs: 1_000 }, timeoutMs: 20_000 });
    expect(hung.status).toBe('error');
  });
});

const chromium = findBrowser();

// Debian's chromium (apt-get install chromium); CI installs it, elsewhere these run where one is on PATH.
describe.skipIf(!chromium && !process.env.CI)('integration.widget-rendering rendered in headless Chromium', () => {
  const render = (asset: string, record: string, options: Record<string, unknown> = {}) =>
    judge({ asset }, record, { options: { render: true, ...options } });

  it('passes a widget that renders into a shadow root, and never lets its write through', async () => {
    const result = await render('/render/widget.js', 'renders in chromium');
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(/renders in Chromium without errors; real themes stay to attest$/);
    expect(result.evidence.widget).toMatchObject({ rendered: { scriptStatus: 200, pageErrors: 0, consoleErrors: 0, blockedWrites: ['POST /render/api/impressions'] } });
    expect((result.evidence.widget as { rendered: { addedElements: number } }).rendered.addedElements).toBeGreaterThanOrEqual(5);
    expect(host.writes).toEqual([]);
  }, 60_000);

  it('fails a widget that throws on a plain product page, and one the browser may not load (CORP same-origin)', async () => {
    const throws = await render('/render/throws.js', 'throws in chromium');
    expect(throws.status).toBe('fail');
    expect(throws.message).toMatch(/rendering: the widget threw an uncaught exception in Chromium [\d.]+ on https:\/\/readiness-probe\.myshopify\.com\/products\/readiness-probe-product: TypeError: Cannot read properties of undefined \(reading 'shop'\)/);
    const blocked = await render('/default-helmet/widget.js', 'blocked by corp in chromium');
    expect(blocked.status).toBe('fail');
    expect(blocked.message).toMatch(/rendering: the browser could not load the script \(net::ERR_BLOCKED_BY_RESPONSE/);
  }, 60_000);

  it('warns a widget that logs console errors, and is manual for one that adds nothing', async () => {
    const noisy = await render('/render/noisy.js', 'console errors in chromium');
    expect(noisy.status).toBe('warn');
    expect(noisy.message).toMatch(/console: 1 console error\(s\) in Chromium .*: \[acme\] no data-shop attribute/);
    const silent = await render('/render/silent.js', 'adds nothing in chromium');
    expect(silent.status).toBe('manual');
    expect(silent.message).toMatch(/rendering: the script ran without errors but added nothing to the page/);
  }, 60_000);

  it('reports error when the configured browser does not exist', async () => {
    const result = await render('/render/widget.js', 'no such browser', { browser: '/nonexistent/chromium' });
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/could not start \/nonexistent\/chromium/);
  }, 60_000);
});
