import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../fixtures/apps/serve.js';
import { drippingServer, hangingServer, hugeBodyServer, redirectingServer, resettingServer } from '../fixtures/hostile/servers.js';
import { catalog } from '../checks/index.js';
import { runChecks } from '../src/run/runner.js';
import { RunProbes } from '../src/probes/probe-set.js';
import { targetOf } from './helpers/run-check.js';

/** Every line of the HTTP and TLS family. */
const FAMILY = [
  'security.node-env-production',
  'security.cors-origins',
  'security.rate-limiting',
  'security.helmet-headers',
  'security.https-enabled',
  'testing.dashboard-production-build',
  'testing.mobile-responsiveness',
  'infrastructure.ssl-certificates',
  'infrastructure.custom-domain',
  'infrastructure.dns-records',
  'infrastructure.cdn',
  'infrastructure.webhooks-reachable',
  'infrastructure.widget-cors',
  'documentation.privacy-policy',
  'documentation.terms-of-service',
  'documentation.support-contact',
];
const checks = catalog.filter((c) => FAMILY.includes(c.id));
const TOTAL_TIMEOUT_MS = 400;

const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** Points every service, webhook and page of the config at one misbehaving server and runs the whole family. */
async function runAgainst(server: Promise<RunningServer>, path = '/') {
  const s = await server;
  servers.push(s);
  const plain = new URL(path, s.url).href;
  const target = targetOf({
    services: {
      api: { url: new URL(path, `https://127.0.0.1:${s.port}`).href, route: '/v1/products' },
      dashboard: { url: plain },
      widget: { url: plain, route: '/v1/widget/config' },
    },
    webhooks: [{ url: new URL('/webhooks/shopify', `https://127.0.0.1:${s.port}`).href }],
    urls: { privacy: plain, terms: plain, support: plain },
  });
  const probes = new RunProbes({ target, signal: new AbortController().signal, userAgent: 'readiness-test', http: { connectTimeoutMs: TOTAL_TIMEOUT_MS, totalTimeoutMs: TOTAL_TIMEOUT_MS } });
  const started = Date.now();
  try {
    const run = await runChecks({ checks, target, probes, concurrency: 16, timeoutMs: 5_000 });
    return { elapsed: Date.now() - started, statuses: Object.fromEntries(run.results.map((r) => [r.id, r.status])), results: run.results };
  } finally {
    await probes.close();
  }
}

/** Lines that send no request to the services (they read the URLs), whatever the server does. */
const NOT_AFFECTED = { 'infrastructure.custom-domain': 'warn', 'infrastructure.dns-records': 'skip' };
/** TLS lines fail on the plain http:// dashboard and widget (a verified fault); their https:// api part is what the server affects. */
const TLS_LINES = ['security.https-enabled', 'infrastructure.ssl-certificates'];

function expectTlsLinesUnverifiedForApi(results: Awaited<ReturnType<typeof runAgainst>>['results']): void {
  for (const id of TLS_LINES) {
    const result = results.find((r) => r.id === id)!;
    expect(result.status, id).toBe('fail');
    expect((result.evidence.api as { verdict: string }).verdict, `${id} api part`).toBe('error');
  }
}

describe('the HTTP and TLS family against misbehaving servers: error within the timeout, never pass', () => {
  it.each([
    ['a server that never answers', () => hangingServer()],
    ['a server that resets every connection', () => resettingServer()],
    ['a server that drips its body one byte at a time', () => drippingServer(100)],
  ])('%s → every affected line is error', async (_name, make) => {
    const { elapsed, statuses, results } = await runAgainst(make());
    const affected = Object.fromEntries(Object.entries(statuses).filter(([id]) => !(id in NOT_AFFECTED) && !TLS_LINES.includes(id)));
    expect(Object.values(affected).every((s) => s === 'error'), JSON.stringify(statuses)).toBe(true);
    expect(statuses).toMatchObject(NOT_AFFECTED);
    expectTlsLinesUnverifiedForApi(results);
    expect(elapsed).toBeLessThan(4_000);
  });

  it('a redirect loop → every line that follows it is error, and the first-hop judgements say why', async () => {
    const { elapsed, statuses, results } = await runAgainst(redirectingServer(), '/loop');
    // helmet-headers is not in the list: this server's other paths answer 200 without any security header, and
    // the line grades the first 2xx page it finds there — a verified failure.
    expect(statuses).toMatchObject({
      ...NOT_AFFECTED,
      'testing.mobile-responsiveness': 'error',
      'testing.dashboard-production-build': 'error',
      'documentation.privacy-policy': 'error',
      'documentation.terms-of-service': 'error',
      'documentation.support-contact': 'error',
      'infrastructure.webhooks-reachable': 'error',
    });
    // The https:// address of the same port speaks plain HTTP: no TLS handshake, so no verdict for the api.
    expectTlsLinesUnverifiedForApi(results);
    expect(Object.values(statuses)).not.toContain('pass');
    expect(elapsed).toBeLessThan(4_000);
  });

  it('a huge body → read up to the cap; body-judging lines do not pass on a partial page', async () => {
    const { elapsed, statuses } = await runAgainst(hugeBodyServer(20 * 1024 * 1024));
    expect(statuses['documentation.privacy-policy']).toBe('error');
    expect(statuses['documentation.terms-of-service']).toBe('error');
    expect(Object.values(statuses)).not.toContain('pass');
    expect(elapsed).toBeLessThan(4_000);
  });
});
