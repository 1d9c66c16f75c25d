import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck } from '../../test/helpers/run-check.js';
import { servicesTarget } from '../../test/helpers/target.js';
import servicesDeployed from './services-deployed.js';

describe('deployment.services-deployed against real services', () => {
  const servers: Record<string, RunningServer> = {};
  beforeAll(async () => {
    servers.api = await serve(hardenedApi());
    // What Railway's edge answers for a domain with no deployment behind it.
    servers.railwayFallback = await serve((_req, res) => {
      res.writeHead(404, { 'x-railway-fallback': 'true', 'content-type': 'text/html' }).end('<h1>Application not found</h1>');
    });
    servers.badGateway = await serve((_req, res) => res.writeHead(502).end('Bad Gateway'));
    servers.hanging = await hangingServer();
  });
  afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())));

  it('passes when every service answers from a running deployment (a 404 at the root is still an answer)', async () => {
    const result = await runCheck(servicesDeployed, servicesTarget({ api: servers.api!.url, api2: `${servers.api!.url}/nothing-here` }), { record: 'api and a 404 path answer' });
    expect(result.status).toBe('pass');
  });

  it("fails on a platform's not-deployed page and on a 5xx", async () => {
    const fallback = await runCheck(servicesDeployed, servicesTarget({ widget: servers.railwayFallback!.url }), { record: 'railway fallback page' });
    expect(fallback).toMatchObject({ status: 'fail', message: 'widget: Railway answered with its fallback page: no deployment serves this domain' });
    const gateway = await runCheck(servicesDeployed, servicesTarget({ api: servers.badGateway!.url }), { record: 'bad gateway' });
    expect(gateway.message).toBe('api: answered 502: the deployment is down or crashing');
  });

  it('fails when the host does not resolve', async () => {
    const result = await runCheck(servicesDeployed, servicesTarget({ api: 'http://nonexistent.invalid' }), { record: 'host does not resolve' });
    expect(result).toMatchObject({ status: 'fail', evidence: { api: { reason: 'dns' } } });
  });

  it('reports error when a service never answers', async () => {
    const result = await runCheck(servicesDeployed, servicesTarget({ api: servers.hanging!.url }), { http: { totalTimeoutMs: 300 }, record: 'service hangs' });
    expect(result.status).toBe('error');
  });
});
