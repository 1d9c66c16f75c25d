import express from 'express';
import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { staticSite } from '../../fixtures/apps/static-site.js';
import { hangingServer, redirectingServer } from '../../fixtures/hostile/servers.js';
import { createTestPki, type TestPki } from '../../fixtures/tls/pki.js';
import { redirectToHttps, serveHttps } from '../../fixtures/tls/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './https-enabled.js';

let pki: TestPki;
const servers: RunningServer[] = [];
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(() => Promise.all(servers.map((s) => s.close())));
const keep = async (server: Promise<RunningServer>) => {
  const s = await server;
  servers.push(s);
  return s;
};

/** The hardened API (helmet: HSTS one year) over TLS, with a plain listener answering `plain`. */
async function httpsApi(plain: (httpsUrl: string) => Promise<RunningServer>) {
  const secure = await keep(serveHttps(hardenedApi() as RequestListener, await pki.server({ hosts: ['127.0.0.1'] })));
  const insecure = await keep(plain(secure.url));
  return { url: secure.url, plainUrl: insecure.url };
}
const judge = (service: { url: string; plainUrl?: string }, http = {}, record?: string) =>
  runCheck(check, targetOf({ services: { api: service } }), { extraCa: pki.caPem, http, ...(record ? { record } : {}) });

describe('security.https-enabled against real HTTPS servers', () => {
  it('passes HTTPS with HSTS and a 301 from http:// to the same host', async () => {
    const result = await judge(await httpsApi((url) => redirectToHttps(() => url, 301)), {}, 'HSTS and a 301 from http');
    expect(result.status).toBe('pass');
    expect((result.evidence.api as { judgements: string[] }).judgements).toEqual([
      'pass certificate: TLSv1.3 with a trusted certificate',
      'pass Strict-Transport-Security: max-age=31536000 with includesubdomains',
      expect.stringMatching(/^pass http:\/\/ → https:\/\/: 301 to https:\/\/127\.0\.0\.1:\d+\/$/),
    ]);
  });

  it('warns about a temporary (302) redirect, and about no plain-HTTP listener at all', async () => {
    const temporary = await judge(await httpsApi((url) => redirectToHttps(() => url, 302)), {}, 'temporary 302 from http');
    expect(temporary.status).toBe('warn');
    expect(temporary.message).toContain('302 is a temporary redirect');
    const closed = await serve(() => undefined);
    await closed.close();
    const none = await judge({ ...(await httpsApi((url) => redirectToHttps(() => url))), plainUrl: closed.url }, {}, 'nothing listens on plain http');
    expect(none.status).toBe('warn');
    expect(none.message).toContain('gave no answer (connection refused');
  });

  it('fails plain HTTP that serves content, or redirects to another host', async () => {
    const content = await judge(await httpsApi(() => serve(staticSite({ '/': { type: 'html', body: '<h1>shop</h1>' } }))), {}, 'plain http serves content');
    expect(content.status).toBe('fail');
    expect(content.message).toContain('plain HTTP serves content (200) instead of redirecting');
    const elsewhere = await judge(await httpsApi(() => redirectToHttps(() => 'https://www.example.com/', 301)), {}, 'plain http redirects to another host');
    expect(elsewhere.message).toContain('first hop 301 goes to another host (www.example.com)');
  });

  it('fails an https service without HSTS, a plain http:// service, and an untrusted certificate', async () => {
    const noHsts = await keep(serveHttps(staticSite({ '/': { type: 'html', body: 'hi' } }) as RequestListener, await pki.server({ hosts: ['127.0.0.1'] })));
    const redirect = await keep(redirectToHttps(() => noHsts.url));
    const missing = await judge({ url: noHsts.url, plainUrl: redirect.url }, {}, 'no HSTS');
    expect(missing.status).toBe('fail');
    expect(missing.message).toContain('Strict-Transport-Security: missing');
    expect((await judge({ url: 'http://127.0.0.1:1' }, {}, 'plain http service url')).message).toBe('api: served over plain http:// (http://127.0.0.1:1)');
    const selfSigned = await keep(serveHttps(hardenedApi() as RequestListener, await pki.selfSigned({ hosts: ['127.0.0.1'] })));
    const untrusted = await judge({ url: selfSigned.url, plainUrl: redirect.url }, {}, 'self-signed certificate');
    expect(untrusted.status).toBe('fail');
    expect(untrusted.message).toContain('browsers refuse the connection: untrusted certificate (DEPTH_ZERO_SELF_SIGNED_CERT)');
  });

  it('reports error when the https address hangs, and fails a plain address that redirects to itself over http://', async () => {
    const hang = await keep(hangingServer());
    const hung = await judge({ url: `https://127.0.0.1:${hang.port}` }, { totalTimeoutMs: 300 }, 'https address hangs');
    expect(hung.status).toBe('error');
    const loop = await keep(redirectingServer());
    const service = await httpsApi((url) => redirectToHttps(() => url));
    const looping = await judge({ url: service.url, plainUrl: `${loop.url}/loop` }, {}, 'plain address redirects to itself');
    expect(looping.status).toBe('fail');
    expect(looping.message).toContain('first hop 302 goes to');
  });

  // Each of these passed before: the certificate was judged by Node's verifier, the redirect by its host name only,
  // and HSTS read wherever the service's redirects led.
  it('fails certificates Node accepts and browsers refuse: a CN-only certificate and an RSA-1024 key', async () => {
    const cnOnly = await keep(serveHttps(hardenedApi() as RequestListener, await pki.server({ hosts: ['localhost'], commonNameOnly: true })));
    const plain = await keep(redirectToHttps(() => `https://localhost:${cnOnly.port}`));
    const named = await judge({ url: `https://localhost:${cnOnly.port}`, plainUrl: `http://localhost:${plain.port}` }, {}, 'CN-only certificate');
    expect(named.status).toBe('fail');
    expect(named.message).toMatch(/^api: certificate: browsers refuse the connection: host name: the certificate names localhost only in its subject CN/);
    const weak = await keep(serveHttps(hardenedApi() as RequestListener, await pki.server({ hosts: ['127.0.0.1'], key: { kind: 'rsa', bits: 1024 } })));
    const weakPlain = await keep(redirectToHttps(() => weak.url));
    const result = await judge({ url: weak.url, plainUrl: weakPlain.url }, {}, 'RSA-1024 certificate');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^api: certificate: browsers refuse the connection: keys: CN=127\.0\.0\.1 has an RSA key of 1024 bits/);
  });

  it('fails a redirect to another port of the host where nothing answers over TLS, or a certificate browsers refuse', async () => {
    const closed = await serve(() => undefined);
    await closed.close();
    const service = await httpsApi(() => redirectToHttps(() => `https://127.0.0.1:${closed.port}`));
    const nowhere = await judge(service, {}, 'redirect to a port where nothing answers');
    expect(nowhere.status).toBe('fail');
    expect(nowhere.message).toMatch(/^api: http:\/\/ → https:\/\/: first hop 301 goes to https:\/\/127\.0\.0\.1:\d+\/, where nothing answers over TLS \(connection refused by 127\.0\.0\.1:\d+\)$/);
    const selfSigned = await keep(serveHttps(hardenedApi() as RequestListener, await pki.selfSigned({ hosts: ['127.0.0.1'] })));
    const untrusted = await judge(await httpsApi(() => redirectToHttps(() => selfSigned.url)), {}, 'redirect to a port with a self-signed certificate');
    expect(untrusted.status).toBe('fail');
    expect(untrusted.message).toMatch(/whose certificate browsers refuse \(untrusted certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)\)$/);
  });

  it('passes a redirect to another port of the host that answers over valid TLS', async () => {
    const other = await keep(serveHttps(hardenedApi() as RequestListener, await pki.server({ hosts: ['127.0.0.1'] })));
    const result = await judge(await httpsApi(() => redirectToHttps(() => other.url)), {}, 'redirect to another port with valid TLS');
    expect(result.status).toBe('pass');
  });

  it("reads HSTS from the service's own host: not from another host its root redirects to, but from a same-host hop", async () => {
    const docs = await keep(serveHttps(hardenedApi() as RequestListener, await pki.server({ hosts: ['localhost'] })));
    const api = await keep(
      serveHttps(((_req, res) => res.writeHead(302, { location: `https://localhost:${docs.port}/` }).end()) as RequestListener, await pki.server({ hosts: ['127.0.0.1'] })),
    );
    const plain = await keep(redirectToHttps(() => api.url));
    const elsewhere = await judge({ url: api.url, plainUrl: plain.url }, {}, 'HSTS only on the host the root redirects to');
    expect(elsewhere.status).toBe('fail');
    expect(elsewhere.message).toMatch(
      /^api: Strict-Transport-Security: missing: browsers may be downgraded to plain HTTP \(127\.0\.0\.1:\d+ redirects to localhost:\d+; HSTS from there covers that host, not this one\)$/,
    );
    const app = express();
    app.get('/', (_req, res) => res.redirect(302, '/app'));
    app.get('/app', (_req, res) => res.set('strict-transport-security', 'max-age=31536000').send('app'));
    const own = await keep(serveHttps(app as RequestListener, await pki.server({ hosts: ['127.0.0.1'] })));
    const ownPlain = await keep(redirectToHttps(() => own.url));
    const sameHost = await judge({ url: own.url, plainUrl: ownPlain.url }, {}, 'HSTS on a same-host redirect target');
    expect(sameHost.status).toBe('pass');
  });
});
