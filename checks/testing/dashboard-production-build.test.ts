import { afterAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import { builtDashboard, viteDevServer } from '../../fixtures/apps/frontend-builds.js';
import { staticSite } from '../../fixtures/apps/static-site.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './dashboard-production-build.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;
const judge = async (app: Parameters<typeof start>[0], http = {}, record?: string) =>
  runCheck(check, targetOf({ services: { dashboard: { url: (await start(app)).url } } }), { http, ...(record ? { record } : {}) });

describe('testing.dashboard-production-build against real servers', () => {
  it('passes a minified production build without source maps', async () => {
    const result = await judge(builtDashboard(), {}, 'minified production build');
    expect(result.status).toBe('pass');
    expect((result.evidence.dashboard as { message: string }).message).toBe('production build: 1 script(s) minified, no development markers, no public source maps');
    expect((await judge(dashboard(), {}, 'dashboard fixture')).status).toBe('pass');
  });

  it('fails the Vite dev server and a development build, naming why', async () => {
    const vite = await judge(viteDevServer(), {}, 'vite dev server');
    expect(vite.status).toBe('fail');
    expect(vite.message).toContain('the Vite dev-server client (/@vite/client) is served');
    const dev = await judge(builtDashboard({ development: true }), {}, 'development build');
    expect(dev.status).toBe('fail');
    expect(dev.message).toContain('/assets/index-8c1e.js: the React development build is served');
    expect(dev.message).toMatch(/not minified \(average line \d+ characters, \d+ % whitespace\)/);
  });

  it('fails a script the page loads but the deploy lacks', async () => {
    const result = await judge(builtDashboard({ missingChunk: true }), {}, 'missing chunk');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('/assets/vendor-77aa.js: the page loads it but it answers 404');
  });

  it('warns about a public source map', async () => {
    const result = await judge(builtDashboard({ publicSourceMap: true }), {}, 'public source map');
    expect(result.status).toBe('warn');
    expect(result.message).toBe('dashboard: /assets/index-8c1e.js.map: public source map: anyone can read the original source');
  });

  it('asks a person when the page loads no script, and skips without a dashboard', async () => {
    expect((await judge(staticSite({ '/': { type: 'html', body: '<h1>Dashboard</h1>' } }), {}, 'page loads no script')).status).toBe('manual');
    const api = await start(builtDashboard());
    expect((await runCheck(check, targetOf({ services: { api: { url: api.url } } }), { record: 'no dashboard configured' })).status).toBe('skip');
  });

  it('reports error for a page that is not 2xx HTML and for a hanging dashboard', async () => {
    const broken = await judge(staticSite({}), {}, 'page answers 404');
    expect(broken.status).toBe('error');
    expect(broken.message).toContain('the dashboard page answered 404');
    const hang = await start(hangingServer());
    const hung = await runCheck(check, targetOf({ services: { dashboard: { url: hang.url } } }), { http: { totalTimeoutMs: 300 }, record: 'dashboard hangs' });
    expect(hung.status).toBe('error');
  });
});
