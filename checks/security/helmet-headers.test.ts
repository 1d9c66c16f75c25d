import express from 'express';
import helmet from 'helmet';
import { afterAll, describe, expect, it } from 'vitest';
import { helmetSite, nonceSite, redirectingApi } from '../../fixtures/apps/csp-variants.js';
import { embeddableWidget } from '../../fixtures/apps/embeddable-widget.js';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { leakyWidget } from '../../fixtures/apps/leaky-widget.js';
import { staticSite } from '../../fixtures/apps/static-site.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { HARDENED_HEADERS, nginxAvailable, startNginx } from '../../fixtures/nginx/server.js';
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

/** The headers of helmet's defaults, as a static site sends them, with `changes` applied. */
const hardenedHeaders = (changes: Record<string, string | string[]>) => ({
  'content-security-policy': "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  ...changes,
});

describe('security.helmet-headers: CSP judged per directive family, as CSP Evaluator judges it', () => {
  it.each([
    ["script-src-elem 'unsafe-inline' beside script-src 'self'", { scriptSrcElem: ["'self'", "'unsafe-inline'"] }, "script-src-elem allows 'unsafe-inline': injected inline <script> elements run"],
    ['a wildcard host https://*', { scriptSrc: ["'self'", 'https://*'] }, 'script-src allows https://*: scripts from any host run'],
    ['a wildcard over a public suffix', { scriptSrc: ["'self'", 'https://*.github.io'] }, 'scripts from any site under .github.io (anyone can register one) run'],
    ["a malformed hash beside 'unsafe-inline'", { scriptSrc: ["'self'", "'sha256-invalid$'", "'unsafe-inline'"] }, "'sha256-invalid$' is not a valid nonce or hash, so it does not cancel 'unsafe-inline'"],
    ["an empty nonce beside 'unsafe-inline'", { scriptSrc: ["'self'", "'nonce-'", "'unsafe-inline'"] }, "'nonce-' is not a valid nonce or hash, so it does not cancel 'unsafe-inline'"],
    ['object-src *', { objectSrc: ['*'] }, 'object-src allows *: plugins and embedded documents from any host load'],
  ])('fails %s', async (name, directives, message) => {
    const api = await start(helmetSite({ contentSecurityPolicy: { directives } }));
    const result = await judge({ api: { url: api.url } }, `csp with ${name}`);
    expect(result.status).toBe('fail');
    expect(result.message).toContain(message);
  });

  it("passes script-src 'self' blob: (only same-origin script can mint a blob: URL)", async () => {
    const api = await start(helmetSite({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", 'blob:'] } } }));
    const result = await judge({ api: { url: api.url } }, "csp with script-src 'self' blob:");
    expect(result.status).toBe('pass');
  });

  it("passes Google's strict CSP with a new nonce per response, though it has no default-src or form-action", async () => {
    const site = await start(nonceSite());
    const result = await judge({ api: { url: site.url } }, 'strict nonce csp');
    expect(result.status).toBe('pass');
    expect(findings(result, 'api')).toContain('pass Content-Security-Policy: scripts restricted');
  });

  it('fails a nonce that is the same on every response', async () => {
    const site = await start(nonceSite({ fixedNonce: 'c3RhdGljLW5vbmNlLTEyMw==' }));
    const result = await judge({ api: { url: site.url } }, 'nonce repeated across responses');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('came back on a second request');
  });

  it('fails a nonce policy without base-uri: an injected <base> moves the nonced scripts', async () => {
    const site = await start(nonceSite({ baseUri: false }));
    const result = await judge({ api: { url: site.url } }, 'nonce csp without base-uri');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('without base-uri');
  });

  it('warns, instead of failing, a strict CSP delivered only in <meta http-equiv>', async () => {
    const page =
      "<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'sha256-RFWPLDbv2BY+rCkDzsE+0fr8ylGr2R2faWMhq4lfEQc='; object-src 'none'; base-uri 'self'\"><title>Shop</title></head><body><h1>Shop</h1></body></html>";
    const { 'content-security-policy': _header, ...rest } = hardenedHeaders({ 'x-frame-options': 'DENY' });
    const site = await start(staticSite({ '/': { type: 'html', body: page, headers: rest } }));
    const result = await judge({ web: { url: site.url } }, 'strict csp only in meta');
    expect(result.status).toBe('warn');
    expect(result.message).toContain('delivered only in <meta http-equiv>');
  });
});

describe('security.helmet-headers: header values browsers ignore', () => {
  it('warns about upper-case COOP and CORP values, which Chromium ignores', async () => {
    const site = await start(
      staticSite({ '/': { type: 'html', body: '<h1>hi</h1>', headers: hardenedHeaders({ 'cross-origin-opener-policy': 'SAME-ORIGIN', 'cross-origin-resource-policy': 'SAME-ORIGIN' }) } }),
    );
    const result = await judge({ web: { url: site.url } }, 'upper-case COOP and CORP');
    expect(result.status).toBe('warn');
    expect(result.message).toContain('Cross-Origin-Opener-Policy: "SAME-ORIGIN" is not recognised');
    expect(result.message).toContain('Cross-Origin-Resource-Policy: "SAME-ORIGIN" is not recognised');
  });

  it('fails HSTS folded into one line with a comma, as it fails the same two lines', async () => {
    const site = await start(
      staticSite({ '/': { type: 'html', body: '<h1>hi</h1>', headers: hardenedHeaders({ 'strict-transport-security': 'max-age=31536000, max-age=31536000; includeSubDomains' }) } }),
    );
    const result = await judge({ web: { url: site.url } }, 'HSTS folded with a comma');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Strict-Transport-Security: sent 2 times (folded into one line with a comma)');
  });
});

describe('security.helmet-headers: every path of the service, on its own host', () => {
  it('does not grade the docs host that / redirects to: the API itself sends nothing', async () => {
    const docs = await start(helmetSite({}));
    const api = await start(redirectingApi(`${docs.url.replace('127.0.0.1', 'localhost')}/`));
    const result = await judge({ api: { url: api.url } }, 'api redirects / to a hardened docs host');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Content-Security-Policy: missing');
    expect(result.evidence.api).toMatchObject({ graded: `${api.url}/health` });
  });

  it('fails an API whose error answers carry no CSP or nosniff, though its routes do', async () => {
    // helmet mounted on each route instead of the app, and a JSON 404 that echoes the path: bare error answers.
    const app = express();
    app.disable('x-powered-by');
    app.get('/v1/products', helmet(), (_req, res) => {
      res.json({ products: [] });
    });
    app.get('/health', helmet(), (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.use((req, res) => {
      res.status(404).json({ error: `no route for ${req.path}` });
    });
    const api = await start(app);
    const result = await judge({ api: { url: api.url, route: '/v1/products' } }, 'error answers without headers');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('Content-Security-Policy: missing: no Content-Security-Policy is enforced (on /v1/readiness-probe-not-found, /readiness-probe-not-found, /api/readiness-probe-not-found)');
  });

  it("passes Express's own 404 behind per-route helmet: it sends default-src 'none' and nosniff itself", async () => {
    const app = express();
    app.disable('x-powered-by');
    app.get('/v1/products', helmet(), (_req, res) => {
      res.json({ products: [] });
    });
    const api = await start(app);
    const result = await judge({ api: { url: api.url, route: '/v1/products', health: '/v1/products' } }, "express's own 404 behind per-route helmet");
    expect(result.status).toBe('pass');
  });

  describe.skipIf(!nginxAvailable && !process.env.CI)('behind Debian nginx', () => {
    const site = (apiHeaders: string) => ({
      server: `
    ${HARDENED_HEADERS}
    location / { try_files $uri /index.html; }
    location /api/ { ${apiHeaders} default_type application/json; try_files $uri /api/fallback.json; }`,
      files: {
        'index.html': '<!doctype html><title>Shop</title><h1>Shop</h1>',
        health: '{"status":"ok"}',
        'api/health': '{"status":"ok"}',
        'api/fallback.json': '{"error":"not_found"}',
      },
    });

    it('fails it with no route and the health path outside /api/: the /api/ error answer is graded', async () => {
      const nginx = await start(startNginx(site('add_header Cache-Control "no-store" always;')));
      const result = await judge({ api: { url: nginx.url } }, 'nginx location drops inherited headers, no route');
      expect(result.status).toBe('fail');
      expect(result.message).toContain('Content-Security-Policy: missing: no Content-Security-Policy is enforced (on /api/readiness-probe-not-found)');
    });

    it('fails it when the service URL is the /api/ base path', async () => {
      const nginx = await start(startNginx(site('add_header Cache-Control "no-store" always;')));
      const result = await judge({ api: { url: `${nginx.url}/api/` } }, 'nginx location drops inherited headers, api base path');
      expect(result.status).toBe('fail');
      expect(result.message).toContain('(on /api/');
    });

    it('fails location /api/ with its own add_header: every inherited header is gone there', async () => {
      const nginx = await start(startNginx(site('add_header Cache-Control "no-store" always;')));
      const result = await judge({ api: { url: nginx.url, health: '/api/health' } }, 'nginx location drops inherited headers');
      expect(result.status).toBe('fail');
      expect(result.message).toContain('Content-Security-Policy: missing: no Content-Security-Policy is enforced (on /api/health');
    });

    it('passes the same site when /api/ repeats the headers', async () => {
      const nginx = await start(startNginx(site(`add_header Cache-Control "no-store" always;\n    ${HARDENED_HEADERS}`)));
      const result = await judge({ api: { url: nginx.url, health: '/api/health' } }, 'nginx location repeats the headers');
      expect(result.status).toBe('pass');
    });
  });
});
