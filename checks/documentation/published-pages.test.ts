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

  // Each of these passed: the keyword could be anywhere in the text, footer included, and redirects went anywhere.
  it('fail a 200 "Page not found" page whose footer links the policy, a redirect to the home page, and the home page served in its place', async () => {
    const footer = '<footer><a href="/privacy">Privacy Policy</a> · <a href="/terms">Terms of Service</a></footer>';
    const home = '<!doctype html><title>Shop</title><h1>Welcome to Shop</h1><p>Everything a merchant needs to sell online, from the first product to the thousandth order.</p>' + footer;
    const site = await start(
      staticSite({
        '/': { type: 'html', body: home },
        '/privacy': { type: 'html', body: `<!doctype html><title>Page not found</title><h1>Page not found</h1><p>The page you asked for is not here.</p>${footer}` },
        '/legal/privacy': { type: 'html', status: 302, body: '', headers: { location: '/' } },
        '/terms': { type: 'html', body: home },
      }),
    );
    const soft = await runCheck(privacy, targetOf({ urls: { privacy: `${site.url}/privacy` } }), { record: 'soft 404 with the policy in its footer' });
    expect(soft).toMatchObject({ status: 'fail', message: `privacy policy: ${site.url}/privacy answers 200 with a not-found or error page ("Page not found"), a soft 404: the privacy policy is not published there` });
    const redirected = await runCheck(privacy, targetOf({ urls: { privacy: `${site.url}/legal/privacy` } }), { record: 'redirect to the home page' });
    expect(redirected).toMatchObject({ status: 'fail', message: `privacy policy: ${site.url}/legal/privacy redirects to the home page (${site.url}/): the privacy policy is not published there` });
    const homeInstead = await runCheck(terms, targetOf({ urls: { terms: `${site.url}/terms` } }), { record: 'the home page served in its place' });
    expect(homeInstead).toMatchObject({ status: 'fail', message: `terms of service: ${site.url}/terms answers with the same page as the home page (${site.url}/): the terms of service is not published there` });
  });

  it('warn about a stub that names the policy but says nothing', async () => {
    const site = await start(staticSite({ '/privacy': { type: 'html', body: '<!doctype html><title>Privacy policy</title><h1>Privacy policy</h1><p>Coming soon.</p>' } }));
    const stub = await runCheck(privacy, targetOf({ urls: { privacy: `${site.url}/privacy` } }), { record: 'stub page' });
    expect(stub.status).toBe('warn');
    expect(stub.message).toContain(`privacy policy: ${site.url}/privacy is titled as the privacy policy but its own text has 2 word(s): a stub, not the privacy policy?`);
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
