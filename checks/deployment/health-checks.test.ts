import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { leakyWidget } from '../../fixtures/apps/leaky-widget.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer, resettingServer } from '../../fixtures/hostile/servers.js';
import { runCheck } from '../../test/helpers/run-check.js';
import { servicesTarget } from '../../test/helpers/target.js';
import launchHour from '../launch-before/health-checks-green.js';
import healthChecks from './health-checks.js';

describe('deployment.health-checks against real services', () => {
  const servers: Record<string, RunningServer> = {};
  beforeAll(async () => {
    servers.api = await serve(hardenedApi());
    servers.dashboard = await serve(dashboard());
    servers.widget = await serve(leakyWidget());
    servers.hanging = await hangingServer();
    servers.reset = await resettingServer();
    const odd = express();
    odd.get('/health', (_req, res) => void res.json({ status: 'down' }));
    odd.get('/degraded', (_req, res) => void res.json({ status: 'degraded' }));
    odd.get('/login-redirect', (_req, res) => res.redirect(302, '/login'));
    odd.get('/login', (_req, res) => void res.send('please log in'));
    odd.get('/slow', (_req, res) => void setTimeout(() => res.json({ status: 'ok' }), 300));
    // Each of these answered 200 and passed when only a top-level "status" string was read.
    odd.get('/envelope-down', (_req, res) => void res.json({ success: true, data: { status: 'down' } }));
    odd.get('/ok-false', (_req, res) => void res.json({ ok: false }));
    odd.get('/status-false', (_req, res) => void res.json({ status: false }));
    odd.get('/error-template', (_req, res) => void res.type('html').send('<!doctype html><html><head><title>Error</title></head><body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>'));
    odd.get('/broken-json', (_req, res) => void res.type('application/json').send('{"status":"ok",'));
    odd.get('/actuator/health', (_req, res) =>
      void res.type('application/vnd.spring-boot.actuator.v3+json').send(JSON.stringify({ status: 'UP', components: { db: { status: 'UP', details: { database: 'PostgreSQL', validationQuery: 'isValid()' } }, ping: { status: 'UP' } } })),
    );
    odd.get('/actuator/health-down', (_req, res) =>
      void res.type('application/vnd.spring-boot.actuator.v3+json').send(JSON.stringify({ status: 'DOWN', components: { db: { status: 'DOWN', details: { error: 'connection refused' } } } })),
    );
    odd.get('/terminus', (_req, res) =>
      void res.json({ status: 'error', info: { memory: { status: 'up' } }, error: { database: { status: 'down', message: 'timeout' } }, details: { memory: { status: 'up' }, database: { status: 'down' } } }),
    );
    servers.odd = await serve(odd);
  });
  afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())));

  it('passes when every service answers 200 on /health', async () => {
    const result = await runCheck(healthChecks, servicesTarget({ api: servers.api!.url, dashboard: servers.dashboard!.url }), { record: 'api and dashboard healthy' });
    expect(result.status).toBe('pass');
    expect(result.evidence).toMatchObject({ api: { verdict: 'pass', status: 200 }, dashboard: { verdict: 'pass', status: 200 } });
  });

  it('fails naming the service whose health route answers 500', async () => {
    const result = await runCheck(healthChecks, servicesTarget({ api: servers.api!.url, widget: servers.widget!.url }), { record: 'widget answers 500' });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('widget: answered 500, not 200');
    expect(result.remediation).not.toBe('');
  });

  it('fails a 200 whose body says the service is down, and warns on degraded', async () => {
    expect((await runCheck(healthChecks, servicesTarget({ odd: servers.odd!.url }), { record: 'body says down' })).message).toContain('reports status "down"');
    const degraded = await runCheck(healthChecks, servicesTarget({ odd: { url: servers.odd!.url, health: '/degraded' } }), { record: 'body says degraded' });
    expect(degraded.status).toBe('warn');
  });

  it.each([
    ['/envelope-down', 'fail', 'odd: answered 200 but its body reports data.status "down"'],
    ['/ok-false', 'fail', 'odd: answered 200 but its body reports ok: false'],
    ['/status-false', 'fail', 'odd: answered 200 but its body reports status: false'],
    ['/error-template', 'fail', 'odd: answered 200 with an error page (title "Error"), not a healthy answer'],
    ['/broken-json', 'error', 'odd: answered 200 with application/json but the body does not parse as JSON: its health cannot be read'],
    ['/actuator/health-down', 'fail', 'odd: answered 200 but its body reports status "DOWN"'],
    ['/terminus', 'fail', 'odd: answered 200 but its body reports status "error"'],
  ])('reads the health shape at %s: %s', async (health, status, message) => {
    const result = await runCheck(healthChecks, servicesTarget({ odd: { url: servers.odd!.url, health } }), { record: `health body ${health}` });
    expect(result).toMatchObject({ status, message });
  });

  it('passes a Spring Boot actuator answer that is UP', async () => {
    const result = await runCheck(healthChecks, servicesTarget({ odd: { url: servers.odd!.url, health: '/actuator/health' } }), { record: 'health body /actuator/health' });
    expect(result.status).toBe('pass');
  });

  it('does not follow a redirect to a login page that would answer 200', async () => {
    const result = await runCheck(healthChecks, servicesTarget({ odd: { url: servers.odd!.url, health: '/login-redirect' } }), { record: 'redirect to login' });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('answered 302, a redirect to');
  });

  it('fails a 200 slower than maxResponseMs', async () => {
    const result = await runCheck(healthChecks, servicesTarget({ odd: { url: servers.odd!.url, health: '/slow' } }), { options: { maxResponseMs: 100 }, record: 'slow 200' });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/slower than the 100 ms limit/);
  });

  it('fails when a service refuses connections', async () => {
    const gone = await serve(hardenedApi());
    await gone.close();
    const result = await runCheck(healthChecks, servicesTarget({ api: gone.url }), { record: 'connection refused' });
    expect(result).toMatchObject({ status: 'fail', evidence: { api: { reason: 'refused' } } });
  });

  it('reports error, not pass, when a service hangs or resets', async () => {
    const hanging = await runCheck(healthChecks, servicesTarget({ api: servers.api!.url, slow: servers.hanging!.url }), { http: { totalTimeoutMs: 300 }, record: 'one service hangs' });
    expect(hanging.status).toBe('error');
    expect(hanging.message).toMatch(/^slow: no complete answer/);
    const reset = await runCheck(healthChecks, servicesTarget({ flaky: servers.reset!.url }), { record: 'connection reset' });
    expect(reset.status).toBe('error');
  });

  it('the launch-hour line gives the same verdict from the same probe', async () => {
    const result = await runCheck(launchHour, servicesTarget({ api: servers.api!.url, widget: servers.widget!.url }), { record: 'widget answers 500' });
    expect(result).toMatchObject({ status: 'fail', message: 'widget: answered 500, not 200' });
  });
});
