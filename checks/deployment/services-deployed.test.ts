import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServer, notFoundEverywhere } from '../../fixtures/apps/default-servers.js';
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

  // Each of these answered below 500 and passed when only four platform pages were known.
  it.each([
    ['nginx', 'api: nginx answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
    ['apache', 'api: Apache httpd answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
    ['apache-debian', 'api: Apache httpd (Debian/Ubuntu) answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
    ['caddy', 'api: Caddy answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
    ['iis', 'api: IIS answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
    ['railway-train', 'api: Railway answered with its fallback page: no deployment serves this domain'],
    ['netlify', 'api: Netlify answered "Not Found": no site or file is deployed at this address'],
  ] as const)("fails the %s default page", async (kind, message) => {
    const server = await serve(defaultServer(kind));
    servers[kind] = server;
    const result = await runCheck(servicesDeployed, servicesTarget({ api: server.url }), { record: `default page: ${kind}` });
    expect(result).toMatchObject({ status: 'fail', message });
  });

  it('fails a service answering 404 on every path, its health path included', async () => {
    servers.notFound = await serve(notFoundEverywhere());
    const result = await runCheck(servicesDeployed, servicesTarget({ api: servers.notFound.url }), { record: '404 on every path' });
    expect(result).toMatchObject({ status: 'fail', message: 'api: answered 404 at / and 404 at its health path /health: no deployed service answers here' });
  });

  it('warns when the base answers but the health path is missing', async () => {
    servers.noHealth = await serve((req, res) => (req.url === '/' ? res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Shop</h1>') : res.writeHead(404).end()));
    const result = await runCheck(servicesDeployed, servicesTarget({ web: servers.noHealth.url }), { record: 'no health path' });
    expect(result).toMatchObject({ status: 'warn', message: "web: answers at / (200) but its health path /health answers 404: is the service's own code deployed there?" });
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
