import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { drippingServer, hangingServer, hugeBodyServer, redirectingServer, resettingServer } from '../../fixtures/hostile/servers.js';
import { HttpProbe } from './http.js';
import { probeFailure } from '../../test/helpers/probe-failure.js';

const probe = (limits = {}) => new HttpProbe({ userAgent: 'readiness-test', limits });

describe('HttpProbe against misbehaving servers', () => {
  const servers: RunningServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));
  const start = async (server: Promise<RunningServer>) => {
    const s = await server;
    servers.push(s);
    return s;
  };

  it('reports a refused connection', async () => {
    const s = await start(serve(() => undefined));
    await s.close();
    const error = await probeFailure(probe().fetch({ url: s.url }));
    expect(error.code).toBe('refused');
  });

  it('gives up on a server that never answers within the total timeout', async () => {
    const s = await start(hangingServer());
    const started = Date.now();
    const error = await probeFailure(probe({ totalTimeoutMs: 300 }).fetch({ url: s.url }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('gives up on a body dripped byte by byte, within the total timeout', async () => {
    const s = await start(drippingServer(50));
    const error = await probeFailure(probe({ totalTimeoutMs: 400 }).fetch({ url: s.url }));
    expect(error.code).toBe('timeout');
  });

  it('reports a reset connection', async () => {
    const s = await start(resettingServer());
    const error = await probeFailure(probe().fetch({ url: s.url }));
    expect(error.code).toBe('reset');
  });

  it('stops reading a huge body at the cap and says it was truncated', async () => {
    const s = await start(hugeBodyServer(20 * 1024 * 1024));
    const response = await probe({ maxBodyBytes: 100_000 }).fetch({ url: s.url });
    expect(response.truncated).toBe(true);
    expect(response.bodyBytes).toBe(100_000);
  });

  it('detects a redirect loop and a redirect chain longer than the limit', async () => {
    const s = await start(redirectingServer());
    expect((await probeFailure(probe().fetch({ url: `${s.url}/loop` }))).code).toBe('redirect-loop');
    expect((await probeFailure(probe({ maxRedirects: 3 }).fetch({ url: `${s.url}/chain/1` }))).code).toBe('too-many-redirects');
  });

  it('can return the first hop instead of following it', async () => {
    const s = await start(redirectingServer());
    const response = await probe().fetch({ url: `${s.url}/loop`, followRedirects: false });
    expect(response.status).toBe(302);
  });
});

describe('HttpProbe bounds and sharing', () => {
  let server: RunningServer;
  let hits = 0;
  let lastHeaders: Record<string, string | string[] | undefined> = {};
  beforeAll(async () => {
    server = await serve((req, res) => {
      hits++;
      lastHeaders = req.headers;
      if (req.url === '/to-other-host') {
        return void res.writeHead(302, { location: `http://localhost:${server.port}/landing` }).end();
      }
      res.writeHead(200, { 'content-type': 'text/plain', 'x-dup': 'a' }).end('hello');
    });
  });
  afterAll(() => server.close());

  it('makes one request for identical fetches in a run', async () => {
    const p = probe();
    hits = 0;
    const [a, b] = await Promise.all([p.fetch({ url: `${server.url}/x` }), p.fetch({ url: `${server.url}/x` })]);
    expect(a).toBe(b);
    expect(hits).toBe(1);
    await p.close();
  });

  it('never carries credentials to another host on redirect', async () => {
    const p = probe();
    await p.fetch({ url: `${server.url}/to-other-host`, headers: { Authorization: 'Bearer t0k3n' } });
    expect(lastHeaders.authorization).toBeUndefined();
    await p.close();
  });

  it('refuses to exceed the per-run request cap', async () => {
    const p = probe({ maxRequests: 2 });
    await p.fetchUncached({ url: server.url });
    await p.fetchUncached({ url: server.url });
    expect((await probeFailure(p.fetchUncached({ url: server.url }))).code).toBe('request-cap');
    await p.close();
  });

  it('sends an identifying, read-only User-Agent', async () => {
    const p = probe();
    await p.fetchUncached({ url: server.url });
    expect(lastHeaders['user-agent']).toBe('readiness-test');
    await p.close();
  });
});
