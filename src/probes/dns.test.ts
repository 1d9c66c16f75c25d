import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsServer, type RunningDnsServer } from '../../fixtures/dns/server.js';
import { DnsProbe } from './dns.js';

let dns: RunningDnsServer;
const probe = (totalTimeoutMs = 2_000) => new DnsProbe({ limits: { timeoutMs: Math.min(500, totalTimeoutMs), totalTimeoutMs } });

beforeAll(async () => {
  dns = await dnsServer({
    'api.shop.test': { cname: 'edge.platform.test' },
    'edge.platform.test': { a: ['203.0.113.10'], aaaa: ['2001:db8::10'], ttl: 60 },
    'mail-only.shop.test': {},
    'broken.shop.test': { fail: 'servfail' },
    'silent.shop.test': { fail: 'drop' },
  });
});
afterAll(() => dns.close());

describe('DnsProbe against a real DNS server', () => {
  it('follows a CNAME to A and AAAA records, with the TTL', async () => {
    const seen = await probe().resolve('api.shop.test', dns.address);
    expect(seen).toEqual({
      host: 'api.shop.test',
      resolver: dns.address,
      status: 'resolved',
      a: ['203.0.113.10'],
      aaaa: ['2001:db8::10'],
      cname: 'edge.platform.test',
      ttl: 60,
    });
  });

  it('tells a name that does not exist from a name without addresses', async () => {
    expect((await probe().resolve('nowhere.shop.test', dns.address)).status).toBe('nxdomain');
    expect((await probe().resolve('mail-only.shop.test', dns.address)).status).toBe('no-address');
  });

  it('fails with a reason on SERVFAIL and on a server that never answers, within its bound', async () => {
    await expect(probe().resolve('broken.shop.test', dns.address)).rejects.toMatchObject({ code: 'unavailable' });
    const started = Date.now();
    await expect(probe(400).resolve('silent.shop.test', dns.address)).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('close() cancels a query still waiting for its answer', async () => {
    const p = probe(30_000);
    const pending = p.resolve('silent.shop.test', dns.address).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await p.close();
    expect(await pending).toMatchObject({ code: 'aborted' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
