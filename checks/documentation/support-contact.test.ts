import { afterAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import { builtDashboard } from '../../fixtures/apps/frontend-builds.js';
import { staticSite } from '../../fixtures/apps/static-site.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './support-contact.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;
const page = (body: string) => staticSite({ '/': { type: 'html', body } });

describe('documentation.support-contact against real servers', () => {
  it('passes a dashboard with a support email link, and a published support page', async () => {
    const dash = await start(dashboard());
    const help = await start(staticSite({ '/support': { type: 'html', body: '<h1>Support</h1><p>Contact us any time.</p>' } }));
    const result = await runCheck(check, targetOf({ services: { dashboard: { url: dash.url } }, urls: { support: `${help.url}/support` } }), { record: 'email link and support page' });
    expect(result.status).toBe('warn'); // the test servers speak plain HTTP
    expect((result.evidence.dashboard as { message: string }).message).toBe('support contact on /: email link support@example.com');
  });

  it('fails a dashboard page with content but no contact', async () => {
    const dash = await start(page('<h1>Orders</h1><p>Your orders of the last thirty days, with totals and refunds.</p><a href="/orders">Orders</a>'));
    const result = await runCheck(check, targetOf({ services: { dashboard: { url: dash.url } } }), { record: 'no contact' });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('no support contact on /');
    expect(result.remediation).toContain('Help link');
  });

  it('fails a Help link that answers 404, which passed when any such link counted', async () => {
    const dash = await start(builtDashboard());
    const result = await runCheck(check, targetOf({ services: { dashboard: { url: dash.url } } }), { record: 'help link answers 404' });
    expect(result).toMatchObject({ status: 'fail', message: 'dashboard: no working support contact on /: link "Help" → /help answers 404' });
  });

  it('passes a Help link that leads to a help page', async () => {
    const dash = await start(
      staticSite({
        '/': { type: 'html', body: '<h1>Orders</h1><p>Your orders of the last thirty days, with totals and refunds.</p><a href="/help">Help</a>' },
        '/help': { type: 'html', body: '<title>Help centre</title><h1>How can we help?</h1><p>Write to us from the form below.</p>' },
      }),
    );
    const result = await runCheck(check, targetOf({ services: { dashboard: { url: dash.url } } }), { record: 'help link leads to a page' });
    expect(result).toMatchObject({ status: 'pass', message: 'support contact visible' });
  });

  it('asks a person when the dashboard is an app shell drawn by scripts', async () => {
    const dash = await start(page('<div id="root"></div><script type="module" src="/assets/app.js"></script>'));
    expect((await runCheck(check, targetOf({ services: { dashboard: { url: dash.url } } }), { record: 'app shell' })).status).toBe('manual');
  });

  it('skips without a dashboard or support URL, and reports error when the dashboard hangs', async () => {
    expect((await runCheck(check, targetOf({ services: { api: { url: 'https://api.example.com' } } }), { record: 'no dashboard' })).status).toBe('skip');
    const hang = await start(hangingServer());
    const result = await runCheck(check, targetOf({ services: { dashboard: { url: hang.url } } }), { http: { totalTimeoutMs: 300 }, record: 'dashboard hangs' });
    expect(result.status).toBe('error');
  });
});
