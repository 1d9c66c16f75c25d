import { afterAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import {
  builtDashboard,
  dashboardBuild,
  frameworkCdn,
  productionChunks,
  runtimeConfigScript,
  viteDevServer,
  vueDevelopmentBuild,
  webpackDevelopmentBundle,
} from '../../fixtures/apps/frontend-builds.js';
import { minifiedScript, staticSite } from '../../fixtures/apps/static-site.js';
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

  // Each of these passed: the shape heuristic took long eval lines for minified code, only 5 same-site scripts were
  // fetched, other hosts never, and a source map was looked for only where a comment or header pointed.
  it('fails a 140 KB webpack development build (eval devtool) that looks minified by its shape', async () => {
    const result = await judge(dashboardBuild({ scripts: { '/main.js': webpackDevelopmentBundle(140_000) } }), {}, 'webpack development build');
    expect(result).toMatchObject({ status: 'fail', message: 'dashboard: /main.js: a webpack development build (eval devtool) is served' });
  });

  it('fails a Vue development build loaded as the sixth same-site script', async () => {
    const result = await judge(dashboardBuild({ scripts: { ...productionChunks(5), '/assets/vue.global.js': vueDevelopmentBuild() } }), {}, 'vue development build as the sixth script');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^dashboard: \/assets\/vue\.global\.js: the Vue development build is served; \/assets\/vue\.global\.js: not minified/);
  });

  it('fails a framework development build the page loads from another host', async () => {
    const cdn = await start(frameworkCdn());
    const cdnHost = cdn.url.replace('127.0.0.1', 'localhost');
    const result = await judge(dashboardBuild({ scripts: productionChunks(1), external: [`${cdnHost}/npm/vue@3.4.21/dist/vue.global.js`] }), {}, 'vue development build from a CDN');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^dashboard: http:\/\/localhost:\d+\/npm\/vue@3\.4\.21\/dist\/vue\.global\.js: the Vue development build is served/);
  });

  it('warns about a public source map beside a script that does not point to it', async () => {
    const map = JSON.stringify({ version: 3, sources: ['../src/App.tsx'], mappings: 'AAAA,SAAS' });
    const result = await judge(dashboardBuild({ scripts: { '/assets/index-5d1e.js': minifiedScript(6_000) }, files: { '/assets/index-5d1e.js.map': { type: 'json', body: map } } }), {}, 'source map beside the script');
    expect(result).toMatchObject({
      status: 'warn',
      message: 'dashboard: /assets/index-5d1e.js.map: public source map, served beside the script though the script does not point to it: anyone can read the original source',
    });
  });

  it('passes a production build with a pretty-printed runtime configuration script (not application code)', async () => {
    const result = await judge(dashboardBuild({ scripts: { '/env-config.js': runtimeConfigScript(), '/assets/index-5d1e.js': minifiedScript(6_000) } }), {}, 'production build with a runtime config script');
    expect(result.status).toBe('pass');
    expect((result.evidence.dashboard as { message: string }).message).toBe(
      'production build: 2 script(s) minified, no development markers, no public source maps',
    );
    expect((result.evidence.dashboard as { judgements: string[] }).judgements).toEqual(['pass build: 1 script(s) minified (and 1 configuration script(s) not judged), no development markers, no public source maps']);
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
