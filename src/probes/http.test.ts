import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { drippingServer, hangingServer, hugeBodyServer, redirectingServer, resettingServer } from '../../fixtures/hostile/servers.js';
import { ProbeError } from '../core/errors.js';
import { probeFailure as kitProbeFailure } from '../kit/probe-failure.js';
import { HttpProbe } from './http.js';
import { probeFailure } from '../../test/helpers/probe-failure.js';
import { synDroppingServer } from '../../test/helpers/syn-dropping.js';

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

  it('names the host whose answer broke off mid-body', async () => {
    const s = await start(
      serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
        res.write('the first bytes');
        setTimeout(() => res.socket?.destroy(), 20);
      }),
    );
    const error = await probeFailure(probe().fetch({ url: s.url }));
    expect(error.code).toBe('reset');
    expect(error.message).toBe(`connection to ${new URL(s.url).host} was reset or closed mid-answer`);
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

describe('HttpProbe close', () => {
  it('ends a connection still connecting at once: nothing waits out the connect timeout', async () => {
    const dropping = await synDroppingServer();
    const hanging = await hangingServer();
    try {
      const p = probe({ connectTimeoutMs: 30_000, totalTimeoutMs: 30_000 });
      // A connect that never completes, and a TLS handshake that never ends: undici cannot abort either by itself.
      const pending = [p.fetch({ url: dropping.url }), p.fetch({ url: `https://127.0.0.1:${hanging.port}/` })].map((f) => probeFailure(f));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      await p.close();
      const errors = await Promise.all(pending);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(errors.map((e) => e.code)).toEqual(['aborted', 'aborted']);
    } finally {
      await Promise.all([dropping.close(), hanging.close()]);
    }
  });
});

describe('HttpProbe and the load one origin sees', () => {
  const servers: RunningServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  /** Answers after `delayMs`, counting how many requests it holds at once. */
  async function slowServer(delayMs: number) {
    const seen = { now: 0, peak: 0, total: 0 };
    const s = await serve((_req, res) => {
      seen.total++;
      seen.peak = Math.max(seen.peak, ++seen.now);
      setTimeout(() => {
        seen.now--;
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }, delayMs);
    });
    servers.push(s);
    return { url: s.url, seen };
  }

  it('keeps at most maxInFlightPerOrigin requests in flight to one origin, each origin on its own', async () => {
    const [a, b] = await Promise.all([slowServer(100), slowServer(100)]);
    const p = probe({ maxInFlightPerOrigin: 3 });
    const paths = Array.from({ length: 12 }, (_, i) => `/page/${i}`);
    await Promise.all([
      ...paths.map((path) => p.fetch({ url: `${a.url}${path}` })),
      ...paths.map((path) => p.fetchUncached({ url: `${b.url}${path}` })),
    ]);
    expect([a.seen.total, b.seen.total]).toEqual([12, 12]);
    expect([a.seen.peak, b.seen.peak]).toEqual([3, 3]);
    await p.close();
  });

  it('defaults to a small bound: 4 in flight per origin', async () => {
    const a = await slowServer(100);
    const p = probe();
    await Promise.all(Array.from({ length: 10 }, (_, i) => p.fetch({ url: `${a.url}/${i}` })));
    expect(a.seen.peak).toBe(4);
    await p.close();
  });

  /** 429 with `retryAfter` for the first `limited` requests, then 200. */
  async function limitedServer(limited: number, retryAfter?: string) {
    const seen = { total: 0, at: [] as number[] };
    const s = await serve((_req, res) => {
      seen.at.push(Date.now());
      if (seen.total++ < limited) return void res.writeHead(429, retryAfter ? { 'retry-after': retryAfter } : {}).end('slow down');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    servers.push(s);
    return { url: s.url, seen };
  }

  it('honours Retry-After within the budget: waits as asked, then answers', async () => {
    const s = await limitedServer(1, '1');
    const p = probe();
    const response = await p.fetch({ url: s.url });
    expect(response.status).toBe(200);
    expect(s.seen.total).toBe(2);
    expect(s.seen.at[1]! - s.seen.at[0]!).toBeGreaterThanOrEqual(950);
    await p.close();
  });

  it('a 429 that persists is `rate-limited`, at once when Retry-After is beyond the budget', async () => {
    const far = await limitedServer(Infinity, '900');
    const p = probe({ rateLimitPatienceMs: 3_000 });
    const started = Date.now();
    const error = await probeFailure(p.fetch({ url: `${far.url}/v1/products` }));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.code).toBe('rate-limited');
    expect(error.message).toMatch(/^rate limited by the target: 127\.0\.0\.1:\d+ answered 429 Too Many Requests to GET \/v1\/products once \(Retry-After: 900\); lower requestsPerOrigin/);
    expect(far.seen.total).toBe(1);

    const silent = await limitedServer(Infinity);
    const q = probe({ rateLimitPatienceMs: 1_500, rateLimitBackoffMs: 200 });
    expect((await probeFailure(q.fetch({ url: silent.url }))).code).toBe('rate-limited');
    // Paced and paused between tries, never a tight loop.
    expect(silent.seen.total).toBeGreaterThan(1);
    expect(silent.seen.total).toBeLessThanOrEqual(5);
    await Promise.all([p.close(), q.close()]);
  });

  it('fetchUncached returns a 429 as an answer, once: the rate-limit burst judges it', async () => {
    const s = await limitedServer(Infinity, '1');
    const p = probe();
    const response = await p.fetchUncached({ url: s.url });
    expect(response.status).toBe(429);
    expect(s.seen.total).toBe(1);
    await p.close();
  });
});

describe('probeFailure and the rate-limited reason', () => {
  it('is always error with a remediation, even where a check lists it as its verdict', () => {
    const error = new ProbeError('rate-limited', 'rate limited by the target: …', 'HTTP_429');
    const outcome = kitProbeFailure(error, ['rate-limited', 'refused']);
    expect(outcome.status).toBe('error');
    expect(outcome.remediation).toMatch(/Lower requestsPerOrigin/);
    expect(kitProbeFailure(new ProbeError('refused', 'connection refused'), ['refused']).status).toBe('fail');
  });
});
