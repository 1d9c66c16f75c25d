import type { RequestListener } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import { staticSite } from '../../fixtures/apps/static-site.js';
import { hugeBodyServer, redirectingServer } from '../../fixtures/hostile/servers.js';
import { createTestPki } from '../../fixtures/tls/pki.js';
import { serveHttps } from '../../fixtures/tls/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import privacy from './privacy-policy.js';
import terms from './terms-of-service.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;

describe('documentation.privacy-policy and documentation.terms-of-service against real servers', () => {
  it('pass pages that answer 200 HTML about their subject over HTTPS, and warn about plain HTTP', async () => {
    const pki = await createTestPki();
    const site = await start(serveHttps(dashboard() as RequestListener, await pki.server({ hosts: ['127.0.0.1'] })));
    const urls = { privacy: `${site.url}/privacy`, terms: `${site.url}/terms` };
    const [p, t] = await Promise.all([runCheck(privacy, targetOf({ urls }), { extraCa: pki.caPem, record: 'https page' }), runCheck(terms, targetOf({ urls }), { extraCa: pki.caPem, record: 'https page' })]);
    expect(p).toMatchObject({ status: 'pass', message: `${urls.privacy} answers 200 with the privacy policy` });
    expect(t).toMatchObject({ status: 'pass', message: `${urls.terms} answers 200 with the terms of service` });
    const plain = await start(dashboard());
    const insecure = await runCheck(privacy, targetOf({ urls: { privacy: `${plain.url}/privacy` } }), { record: 'plain http' });
    expect(insecure).toMatchObject({ status: 'warn', message: `https: served over plain HTTP (${plain.url}/privacy)` });
  });

  it('fail a missing page, and warn about an app shell answering 200 for every path', async () => {
    const site = await start(staticSite({ '/terms': { type: 'html', body: '<div id="root"></div><script src="/app.js"></script>' } }));
    const missing = await runCheck(privacy, targetOf({ urls: { privacy: `${site.url}/privacy` } }), { record: 'not found' });
    expect(missing.status).toBe('fail');
    expect(missing.message).toBe(`privacy policy: ${site.url}/privacy answers 404 (not found)`);
    const shell = await runCheck(terms, targetOf({ urls: { terms: `${site.url}/terms` } }), { record: 'app shell' });
    expect(shell.message).toContain('its text has none of: terms, conditions');
  });

  it('skip when the URL is not configured, naming the key', async () => {
    const result = await runCheck(privacy, targetOf({ urls: { status: 'https://status.example.com' } }), { record: 'not configured' });
    expect(result).toMatchObject({ status: 'skip', message: "not configured: environments.test.urls.privacy (the privacy policy's public URL)" });
  });

  it('report error on a redirect loop and on a huge page without the subject in its first MiB', async () => {
    const loop = await start(redirectingServer());
    const looping = await runCheck(privacy, targetOf({ urls: { privacy: `${loop.url}/loop` } }), { record: 'redirect loop' });
    expect(looping.status).toBe('error');
    expect(looping.message).toContain('redirect loop');
    const huge = await start(hugeBodyServer(4 * 1024 * 1024));
    const truncated = await runCheck(terms, targetOf({ urls: { terms: huge.url } }));
    expect(truncated.status).toBe('error');
    expect(truncated.message).toMatch(/larger than the 1048576-byte read cap/);
  });

  // The huge page above is not recorded (its capped body would make a 1 MiB recording): the terms table gets its
  // fail and error from these instead.
  it('fail a missing terms page, and report error on a redirect loop for it', async () => {
    const site = await start(staticSite({ '/privacy': { type: 'html', body: '<h1>Privacy policy</h1>' } }));
    const missing = await runCheck(terms, targetOf({ urls: { terms: `${site.url}/terms` } }), { record: 'not found' });
    expect(missing).toMatchObject({ status: 'fail', message: `terms of service: ${site.url}/terms answers 404 (not found)` });
    const loop = await start(redirectingServer());
    const looping = await runCheck(terms, targetOf({ urls: { terms: `${loop.url}/loop` } }), { record: 'redirect loop' });
    expect(looping.status).toBe('error');
    expect(looping.message).toContain('redirect loop');
  });
});
