import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import { builtDashboard, dashboardBuild, productionChunks, viteDevServer, vueDevelopmentBuild, webpackDevelopmentBundle } from '../../fixtures/apps/frontend-builds.js';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { leakyWidget } from '../../fixtures/apps/leaky-widget.js';
import { drippingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './node-env-production.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;
const judge = (services: Record<string, Record<string, unknown>>, http = {}, record?: string) => runCheck(check, targetOf({ services }), { http, ...(record ? { record } : {}) });

describe('security.node-env-production (HTTP side) against real servers', () => {
  it('reports manual for hardened services: nothing is wrong, but NODE_ENV itself is not visible over HTTP', async () => {
    const api = await start(hardenedApi());
    const dash = await start(dashboard());
    const result = await judge({ api: { url: api.url, route: '/v1/products' }, dashboard: { url: dash.url } }, {}, 'hardened api and dashboard');
    expect(result.status).toBe('manual');
    expect((result.evidence.api as { message: string }).message).toBe(
      'no development markers over HTTP; NODE_ENV itself is not visible over HTTP — confirm it in the service variables',
    );
    expect((result.evidence.api as { pathsChecked: string[] }).pathsChecked).toContain('POST /v1/products');
  });

  it('fails on a stack trace that only the malformed-JSON POST reveals', async () => {
    const app = express();
    app.set('env', 'test');
    app.disable('x-powered-by');
    app.use(express.json());
    app.get('/', (_req, res) => res.json({ ok: true }));
    app.get('/health', (_req, res) => res.json({ status: 'ok' }));
    app.use((_req, res) => res.status(404).json({ error: 'not_found' }));
    const api = await start(app);
    const result = await judge({ api: { url: api.url } }, {}, 'stack trace on malformed JSON');
    expect(result.status).toBe('fail');
    expect(result.message).toBe('api: stack trace in the response to POST / (malformed JSON): errors are rendered as in development');
  });

  it('fails the leaky widget and names every place', async () => {
    const widget = await start(leakyWidget());
    const result = await judge({ widget: { url: widget.url } }, {}, 'leaky widget');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('/health');
    expect((result.evidence.widget as { markers: string[] }).markers).toContain('development-build at /widget.js: the React development build');
  });

  it('fails a dashboard served by the Vite dev server, and one built in development mode', async () => {
    const vite = await start(viteDevServer());
    const devBuild = await start(builtDashboard({ development: true }));
    const result = await judge({ dashboard: { url: vite.url }, app: { url: devBuild.url, kind: 'dashboard' } }, {}, 'vite dev server and development build');
    expect(result.status).toBe('fail');
    expect((result.evidence.dashboard as { message: string }).message).toMatch(/the Vite dev-server client \(\/@vite\/client\) \(\/\)/);
    expect((result.evidence.app as { message: string }).message).toMatch(/the React development build \(\/assets\/index-8c1e\.js\)/);
  });

  // Both passed as clean: the webpack build looked minified and had no marker known, the Vue build was the sixth script.
  it('fails a webpack development build and a Vue development build loaded as the sixth script', async () => {
    const webpack = await start(dashboardBuild({ scripts: { '/main.js': webpackDevelopmentBundle(140_000) } }));
    const vue = await start(dashboardBuild({ scripts: { ...productionChunks(5), '/assets/vue.global.js': vueDevelopmentBuild() } }));
    const result = await judge({ dashboard: { url: webpack.url }, web: { url: vue.url } }, {}, 'webpack and vue development builds');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'dashboard: a webpack development build (eval devtool) (/main.js): not a production build; web: the Vue development build (/assets/vue.global.js): not a production build',
    );
  });

  it('warns about X-Powered-By alone', async () => {
    const app = express();
    app.set('env', 'production');
    app.get('/', (_req, res) => res.json({ ok: true }));
    const api = await start(app);
    const result = await judge({ api: { url: api.url } }, {}, 'X-Powered-By alone');
    expect(result.status).toBe('warn');
    expect(result.message).toBe('api: sends X-Powered-By: Express, a development default');
  });

  it('reports error when a service drips its answer slower than the timeout', async () => {
    const drip = await start(drippingServer(100));
    const started = Date.now();
    const result = await judge({ api: { url: drip.url } }, { totalTimeoutMs: 400 }, 'answer drips past the timeout');
    expect(result.status).toBe('error');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('security.node-env-production (variables side) with real env sources', () => {
  const workspace = envWorkspace('readiness-node-env-');
  afterAll(() => workspace.remove());
  const withEnv = async (env: string) => {
    const api = await start(hardenedApi());
    const widget = await start(leakyWidget());
    workspace.write('api.env', 'NODE_ENV=production\n');
    workspace.write('widget.env', env);
    return workspace.target(
      `  prod:\n    services:\n      api: { url: "${api.url}" }\n      widget: { url: "${widget.url}" }\n` +
        '    env:\n      - { dotenv: api.env, service: api }\n      - { dotenv: widget.env, service: widget }\n',
    );
  };

  it('passes a service whose variables say production and whose HTTP side is clean', async () => {
    const api = await start(hardenedApi());
    workspace.write('only-api.env', 'NODE_ENV=production\n');
    const result = await runCheck(check, workspace.target(`  prod:\n    services:\n      api: { url: "${api.url}" }\n    env: [{ dotenv: only-api.env }]\n`));
    expect(result.status).toBe('pass');
    expect((result.evidence.api as { message: string }).message).toBe('NODE_ENV=production in its variables, and no development markers over HTTP');
  });

  it('fails a service whose variables say development even when its HTTP side is clean', async () => {
    const api = await start(hardenedApi());
    workspace.write('dev.env', 'NODE_ENV=development\n');
    const result = await runCheck(check, workspace.target(`  prod:\n    services:\n      api: { url: "${api.url}" }\n    env: [{ dotenv: dev.env }]\n`));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('NODE_ENV for api is "development", not exactly "production"');
  });

  it('judges each service by its own variables and keeps the HTTP verdict', async () => {
    const result = await runCheck(check, await withEnv('NODE_ENV=Production\n'));
    expect(result.status).toBe('fail');
    expect((result.evidence.api as { verdict: string }).verdict).toBe('pass');
    expect((result.evidence.widget as { verdict: string }).verdict).toBe('fail');
  });

  it('reports error, not pass, when the env source cannot be read', async () => {
    const api = await start(hardenedApi());
    const result = await runCheck(check, workspace.target(`  prod:\n    services:\n      api: { url: "${api.url}" }\n    env: [{ dotenv: missing.env }]\n`));
    expect(result.status).toBe('error');
  });
});
