import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsServer, type RunningDnsServer } from '../../fixtures/dns/server.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './dns-records.js';

let primary: RunningDnsServer;
let lagging: RunningDnsServer;
beforeAll(async () => {
  // Public unicast addresses: documentation ranges (TEST-NET, 2001:db8::/32) are no server's address and fail.
  primary = await dnsServer({
    'api.shop.test': { cname: 'shop-api.up.railway.test' },
    'shop-api.up.railway.test': { a: ['104.18.32.10'], ttl: 300 },
    'app.shop.test': { a: ['104.18.32.11'], aaaa: ['2606:4700:3030::6815:11'] },
    'new.shop.test': { a: ['104.18.32.12'] },
    'internal.shop.test': { a: ['10.0.4.2'] },
    'docs.shop.test': { a: ['192.0.2.10'], aaaa: ['2001:db8::10'] },
    'group.shop.test': { a: ['224.0.0.251'] },
    'mixed.shop.test': { a: ['104.18.32.13', '198.51.100.7'] },
    'broken.shop.test': { fail: 'servfail' },
    'slow.shop.test': { fail: 'drop' },
  });
  // A resolver that has not seen the newest record yet.
  lagging = await dnsServer({ 'api.shop.test': { a: ['104.18.32.10'] }, 'app.shop.test': { a: ['104.18.32.11'] } });
});
afterAll(async () => {
  await primary.close();
  await lagging.close();
});

const judge = (hosts: string[], resolvers: string[], http = {}, record?: string) =>
  runCheck(check, targetOf({ services: Object.fromEntries(hosts.map((h, i) => [`s${i}`, { url: `https://${h}` }])) }), { options: { resolvers }, http, ...(record ? { record } : {}) });

describe('infrastructure.dns-records against real DNS servers on loopback', () => {
  it('passes names that resolve, following CNAMEs, from every resolver', async () => {
    const result = await judge(['api.shop.test', 'app.shop.test'], [primary.address, lagging.address], {}, 'resolves everywhere');
    expect(result.status).toBe('pass');
    expect((result.evidence['api.shop.test'] as { message: string }).message).toBe('resolves to 104.18.32.10 via CNAME shop-api.up.railway.test');
  });

  it('fails a name that does not exist, also for webhook and documentation hosts', async () => {
    const result = await runCheck(
      check,
      targetOf({ services: { api: { url: 'https://api.shop.test' } }, webhooks: [{ url: 'https://hooks.shop.test/shopify' }], urls: { privacy: 'https://legal.shop.test/privacy' } }),
      { options: { resolvers: [primary.address] }, record: 'names do not exist' },
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('hooks.shop.test: A/AAAA: does not resolve (127.0.0.1');
    expect(result.message).toContain('legal.shop.test');
    expect(result.remediation).toContain('CNAME');
  });

  it('warns while a record is still propagating, and about a private address', async () => {
    const propagating = await judge(['new.shop.test'], [primary.address, lagging.address], {}, 'still propagating');
    expect(propagating.status).toBe('warn');
    expect(propagating.message).toContain(`not resolving everywhere yet: ${lagging.address}: NXDOMAIN (no such name)`);
    expect((await judge(['internal.shop.test'], [primary.address], {}, 'private address')).message).toContain('private or loopback addresses (10.0.4.2)');
  });

  // Each passed before: only private, loopback and link-local ranges were known.
  it('fails names that resolve to documentation (TEST-NET) or multicast addresses, also beside a public one', async () => {
    const docs = await judge(['docs.shop.test'], [primary.address], {}, 'documentation addresses');
    expect(docs).toMatchObject({
      status: 'fail',
      message: 'docs.shop.test: A/AAAA: resolves to addresses no server can be reached at: 192.0.2.10 (Documentation (TEST-NET-1), RFC 5737), 2001:db8::10 (Documentation, RFC 3849)',
    });
    const multicast = await judge(['group.shop.test'], [primary.address], {}, 'multicast address');
    expect(multicast.message).toBe('group.shop.test: A/AAAA: resolves to addresses no server can be reached at: 224.0.0.251 (Multicast, RFC 5771)');
    const mixed = await judge(['mixed.shop.test'], [primary.address], {}, 'public and TEST-NET-2 addresses');
    expect(mixed).toMatchObject({ status: 'fail', message: 'mixed.shop.test: A/AAAA: resolves to addresses no server can be reached at: 198.51.100.7 (Documentation (TEST-NET-2), RFC 5737)' });
  });

  it('reports error on SERVFAIL and on a resolver that never answers, within the timeout', async () => {
    expect((await judge(['broken.shop.test'], [primary.address], {}, 'servfail')).message).toContain('the server failed (SERVFAIL)');
    const started = Date.now();
    const silent = await judge(['slow.shop.test'], [primary.address], { connectTimeoutMs: 300, totalTimeoutMs: 400 }, 'resolver silent');
    expect(silent.status).toBe('error');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('skips IP addresses and localhost, and rejects a malformed resolver in the options', async () => {
    expect((await judge(['127.0.0.1:8080', 'localhost'], [], {}, 'ip and localhost')).status).toBe('skip');
    expect(check.options?.safeParse({ resolvers: ['dns.google'] }).success).toBe(false);
  });
});
