import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { isProbeError } from '../core/errors.js';
import { BrowserProbe, findBrowser, MAX_RENDER_REQUESTS, merchantPage } from './browser.js';

const chromium = findBrowser();

describe('browser probe without a browser', () => {
  it('finds none on an empty PATH, and a render is the probe error "unavailable"', async () => {
    expect(findBrowser('')).toBeUndefined();
    const probe = new BrowserProbe(new AbortController().signal, false);
    const saved = process.env.PATH;
    process.env.PATH = '';
    try {
      const error: unknown = await probe.render({ scriptUrl: 'http://127.0.0.1:9/w.js', merchantOrigin: 'https://readiness-probe.myshopify.com', crossOrigin: false }).catch((e: unknown) => e);
      expect(isProbeError(error) && error.code).toBe('unavailable');
      expect((error as Error).message).toMatch(/no Chromium to render with: none of chromium, chromium-browser, google-chrome, google-chrome-stable is on PATH/);
    } finally {
      process.env.PATH = saved;
      await probe.close();
    }
  });

  it('writes the script URL into the page as an attribute, never as markup', () => {
    const html = merchantPage({ scriptUrl: 'https://cdn.example.com/w.js?a="><script>alert(1)</script>', merchantOrigin: 'https://s.example.com', crossOrigin: true });
    expect(html).toContain('src="https://cdn.example.com/w.js?a=&quot;>&lt;script>alert(1)&lt;/script>" async crossorigin="anonymous"');
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});

describe.skipIf(!chromium && !process.env.CI)('browser probe against a real host in headless Chromium', () => {
  const writes: string[] = [];
  let gets = 0;
  let server: RunningServer;
  let probe: BrowserProbe;
  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      if (req.method === 'GET') gets++;
      else if (req.method !== 'OPTIONS') writes.push(`${req.method} ${req.path}`);
      next();
    });
    // A widget that tries every kind of write and then asks for 80 images.
    app.get('/greedy.js', (_req, res) =>
      res
        .type('js')
        .send(
          'const at = (p) => new URL(p, document.currentScript.src).href;' +
            'for (const m of ["POST","PUT","DELETE","PATCH"]) fetch(at("/api/x"), { method: m }).catch(() => {});' +
            'navigator.sendBeacon(at("/api/beacon"), "{}");' +
            'for (let i = 0; i < 80; i++) { const img = new Image(); img.src = at("/img/" + i + ".png"); document.body.append(img); }',
        ),
    );
    app.get('/img/:n', (_req, res) => res.type('png').send(Buffer.alloc(10)));
    server = await serve(app);
    probe = new BrowserProbe(new AbortController().signal, false);
  });
  afterAll(async () => {
    await probe.close();
    await server.close();
  });

  it('sends no write, stops at the request cap, and counts what the script added', async () => {
    const seen = await probe.render({ scriptUrl: `${server.url}/greedy.js`, merchantOrigin: 'https://readiness-probe.myshopify.com', crossOrigin: false });
    expect(writes).toEqual([]);
    expect(seen.blockedWrites).toEqual(expect.arrayContaining(['POST /api/x', 'PUT /api/x', 'DELETE /api/x']));
    expect(seen.script).toEqual({ status: 200, failure: null });
    expect(seen.addedElements).toBe(80);
    // The script itself plus at most MAX_RENDER_REQUESTS - 1 images reached the host.
    expect(gets).toBeLessThanOrEqual(MAX_RENDER_REQUESTS);
    expect(seen.consoleErrorCount).toBe(0);
  }, 60_000);

  it('answers the same render once per run', async () => {
    const request = { scriptUrl: `${server.url}/greedy.js`, merchantOrigin: 'https://readiness-probe.myshopify.com', crossOrigin: false };
    const before = gets;
    await probe.render(request);
    expect(gets).toBe(before);
  }, 60_000);
});
