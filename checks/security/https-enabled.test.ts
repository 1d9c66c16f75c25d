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
});
