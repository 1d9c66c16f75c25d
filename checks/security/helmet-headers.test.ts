import express from 'express';
import helmet from 'helmet';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddableWidget } from '../../fixtures/apps/embeddable-widget.js';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { leakyWidget } from '../../fixtures/apps/leaky-widget.js';
import { staticSite } from '../../fixtures/apps/static-site.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './helmet-headers.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;

/** Helmet's defaults with one part changed, as a team would write it. */
function helmetApp(options: Parameters<typeof helmet>[0]): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet(options));
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}

const judge = async (services: Record<string, Record<string, unknown>>, record?: string) => runCheck(check, targetOf({ services }), record ? { record } : {});
const findings = (result: Awaited<ReturnType<typeof judge>>, service: string) => (result.evidence[service] as { judgements: string[] }).judgements;

describe('security.helmet-headers against real servers', () => {
  it('passes the hardened API (helmet defaults) and a widget that allows storefronts to embed it', async () => {
    const api = await start(hardenedApi());
    const widget = await start(embeddableWidget());
    const result = await judge({ api: { url: api.url }, widget: { url: widget.url } }, 'hardened api and embeddable widget');
    expect(result.status).toBe('pass');
    expect(findings(result, 'widget')).toContain('pass Cross-Origin-Resource-Policy: cross-origin on the widget script');
    expect(findings(result, 'widget')).toContain('pass Content-Security-Policy frame-ancestors / X-Frame-Options: frame-ancestors allow-list: https://*.myshopify.com');
  });

  it('fails the leaky widget, with every missing header and a remediation', async () => {
    const widget = await start(leakyWidget());
    const result = await judge({ widget: { url: widget.url } }, 'leaky widget');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Content-Security-Policy: missing');
    expect(result.message).toContain('Strict-Transport-Security: missing');
    expect(findings(result, 'widget')).toContain('warn X-Powered-By: present (Express): advertises the framework');
    expect(result.remediation).toContain('Strict-Transport-Security');
  });

  it("fails helmet's defaults on the widget: frame-ancestors 'self' and CORP same-origin block storefronts", async () => {
    const app = express();
    app.disable('x-powered-by');
    app.use(helmet());
    app.get('/', (_req, res) => res.type('html').send('<script src="/widget.js"></script>'));
    app.get('/widget.js', (_req, res) => res.type('js').send('1'));
    const widget = await start(app);
    const result = await judge({ widget: { url: widget.url } }, 'helmet defaults on the widget');
    expect(result.status).toBe('fail');
    expect(result.message).toContain("frame-ancestors 'self' names no storefront");
    expect(result.message).toContain('same-origin on the widget script: browsers refuse to load it on storefronts');
  });

  it.each([
    ["script-src 'unsafe-inline'", { contentSecurityPolicy: { directives: { scriptSrc: ["'self'", "'unsafe-inline'"] } } }, "script-src allows 'unsafe-inline'"],
    ['HSTS below 180 days', { strictTransportSecurity: { maxAge: 86_400 } }, 'max-age=86400 is below 15552000 s'],
    ['an unsafe Referrer-Policy last', { referrerPolicy: { policy: ['no-referrer', 'unsafe-url'] } }, 'Referrer-Policy: unsafe-url leaks full URLs'],
    ['no frame protection', { frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: null } } }, 'neither frame-ancestors nor X-Frame-Options'],
  ])('fails helmet configured with %s', async (name, options, message) => {
    const api = await start(helmetApp(options as Parameters<typeof helmet>[0]));
    const result = await judge({ api: { url: api.url } }, `helmet with ${name}`);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(message);
  });

  it("warns about helmet with 'unsafe-eval' and without COOP", async () => {
    const api = await start(helmetApp({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", "'unsafe-eval'"] } }, crossOriginOpenerPolicy: false }));
    const result = await judge({ api: { url: api.url } }, 'unsafe-eval and no COOP');
    expect(result.status).toBe('warn');
    expect(result.message).toContain("'unsafe-eval'");
    expect(result.message).toContain('Cross-Origin-Opener-Policy: missing');
  });

  it('fails HSTS sent twice and X-Content-Type-Options that is not exactly nosniff', async () => {
    const site = await start(
      staticSite({
        '/': {
          type: 'html',
          body: '<h1>hi</h1>',
          headers: {
            'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
            'strict-transport-security': ['max-age=31536000', 'max-age=31536000; includeSubDomains'],
            'x-content-type-options': 'no-sniff',
            'referrer-policy': 'no-referrer',
            'cross-origin-opener-policy': 'same-origin',
            'cross-origin-resource-policy': 'same-origin',
          },
        },
      }),
    );
    const result = await judge({ web: { url: site.url } }, 'HSTS twice and no-sniff');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Strict-Transport-Security: sent 2 times');
    expect(result.message).toContain('X-Content-Type-Options: "no-sniff" is not "nosniff"');
  });

  it("grades a 2xx page, not the error page's stricter headers", async () => {
    // Express answers the unrouted / with its own 404, which carries CSP default-src 'none' and nosniff.
    const app = express();
    app.disable('x-powered-by');
    app.get('/health', (_req, res) => {
      res.json({ status: 'ok' });
    });
    const api = await start(app);
    const result = await judge({ api: { url: api.url } }, 'only the health route answers 2xx');
    expect(result.status).toBe('fail');
    expect(result.evidence.api).toMatchObject({ graded: `${api.url}/health`, status: 200 });
    expect(result.message).toContain('Content-Security-Policy: missing');
  });

  it('reports error when no page answers 2xx, and when the service hangs', async () => {
    const broken = await start(staticSite({}));
    const noPage = await judge({ api: { url: broken.url } }, 'no page answers 2xx');
    expect(noPage.status).toBe('error');
    expect(noPage.message).toMatch(/no page answered 2xx to grade \(\/ → 404, \/health → 404\)/);
    const hang = await start(hangingServer());
    const started = Date.now();
    const hung = await runCheck(check, targetOf({ services: { api: { url: hang.url } } }), { http: { totalTimeoutMs: 300 }, record: 'service hangs' });
    expect(hung.status).toBe('error');
    expect(hung.message).toMatch(/no complete answer .* within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
