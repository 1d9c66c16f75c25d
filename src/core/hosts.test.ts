import { describe, expect, it } from 'vitest';
import { addressScope, specialPurposeBlock, classifyHost, isLocalHost, isLocalhostName, type AddressScope, type LocalKind } from './hosts.js';

describe('classifyHost: is this host local?', () => {
  it.each<[string, LocalKind | undefined]>([
    ['localhost', 'localhost'],
    ['LOCALHOST.', 'localhost'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['[::]', 'unspecified'],
    ['db.localhost', 'localhost-subdomain'],
    ['app.localhost', 'localhost-subdomain'],
    ['host.docker.internal', 'docker-host'],
    ['/var/run/postgresql', 'socket'],
    ['/tmp/.S.PGSQL.5432', 'socket'],
    ['postgres.railway.internal', undefined],
    ['db.internal', undefined],
    ['db.prod.internal', undefined],
    ['10.0.0.5', undefined],
    ['192.168.1.1', undefined],
    ['fd00::1', undefined],
    ['db.shop.com', undefined],
    ['203.0.113.7', undefined],
    ['localhost.run', undefined],
    ['mylocalhost', undefined],
    ['', undefined],
  ])('%s → %s', (host, kind) => {
    expect(classifyHost(host).local).toBe(kind);
    expect(isLocalHost(host)).toBe(kind !== undefined);
  });

  it('names localhost and *.localhost only as localhost names (RFC 6761)', () => {
    expect(['localhost', 'db.localhost', 'Api.LocalHost.'].every(isLocalhostName)).toBe(true);
    expect(['127.0.0.1', 'host.docker.internal', 'localhost.run', 'notlocalhost'].some(isLocalhostName)).toBe(false);
  });

  it('normalises case, IPv6 brackets and a trailing dot, but keeps a socket path as written', () => {
    expect(classifyHost('[::1]')).toMatchObject({ host: '::1', ip: 6 });
    expect(classifyHost('API.Shop.COM.')).toMatchObject({ host: 'api.shop.com', ip: 0 });
    expect(classifyHost('/Var/Run')).toEqual({ host: '/Var/Run', ip: 0, local: 'socket' });
  });
});

describe('classifyHost: names no production host has', () => {
  it.each([
    ['shop.test', { kind: 'tld', name: 'test' }],
    ['api.example', { kind: 'tld', name: 'example' }],
    ['x.invalid', { kind: 'tld', name: 'invalid' }],
    ['app.localhost', { kind: 'tld', name: 'localhost' }],
    ['example.com', { kind: 'domain', name: 'example.com' }],
    ['api.example.org', { kind: 'domain', name: 'example.org' }],
  ])('%s is reserved', (host, reserved) => {
    expect(classifyHost(host).reserved).toEqual(reserved);
  });

  it('knows development tunnels and stage labels', () => {
    expect(classifyHost('abc123.ngrok-free.app').tunnel).toBe('ngrok-free.app');
    expect(classifyHost('quiet-fox.trycloudflare.com').tunnel).toBe('trycloudflare.com');
    expect(classifyHost('api-staging.shop.com').stage).toBe('staging');
    expect(classifyHost('app-pr-12.up.railway.app').stage).toBe('pr-N');
    expect(classifyHost('pr12.shop.com').stage).toBe('pr12');
    expect(classifyHost('devices.shop.com').stage).toBeUndefined();
    expect(classifyHost('shopexample.com')).toEqual({ host: 'shopexample.com', ip: 0 });
  });
});

describe('addressScope', () => {
  it.each<[string, AddressScope | undefined]>([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['0.1.2.3', 'this-network'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['fd00::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'shared'],
    // TEST-NET-3 is documentation space (RFC 5737): no host has that address.
    ['203.0.113.1', 'documentation'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['2001:2::1', 'benchmarking'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.0.1', 'special'],
    ['192.88.99.1', 'special'],
    ['100::1', 'special'],
    ['5f00::1', 'special'],
    ['::ffff:8.8.8.8', 'special'],
    ['::ffff:192.0.2.1', 'documentation'],
    // Special-purpose but globally reachable (anycast services, the well-known NAT64 prefix).
    ['192.0.0.9', 'public'],
    ['192.175.48.1', 'public'],
    ['64:ff9b::808:808', 'public'],
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['2606:4700::1111', 'public'],
    ['172.32.0.1', 'public'],
    ['db.shop.com', undefined],
  ])('%s → %s', (address, scope) => {
    expect(addressScope(address)).toBe(scope);
  });
});

describe('specialPurposeBlock', () => {
  it('names the most specific IANA block, for messages', () => {
    expect(specialPurposeBlock('192.0.2.10')).toMatchObject({ name: 'Documentation (TEST-NET-1)', rfc: 'RFC 5737' });
    expect(specialPurposeBlock('192.0.0.9')).toMatchObject({ name: 'Port Control Protocol Anycast', scope: 'public' });
    expect(specialPurposeBlock('0.0.0.0')).toMatchObject({ scope: 'unspecified' });
    expect(specialPurposeBlock('8.8.8.8')).toBeUndefined();
    expect(specialPurposeBlock('db.shop.com')).toBeUndefined();
  });
});

describe('classifyHost: development names that resolve to this machine or only on a local network', () => {
  it.each(['lvh.me', 'shop.lvh.me', 'localtest.me', 'api.localtest.me', 'app.localhost.direct', '127.0.0.1.nip.io', 'app.127-0-0-1.sslip.io', 'localhost.localdomain'])(
    '%s resolves to loopback',
    (host) => {
      expect(isLocalHost(host)).toBe(true);
    },
  );

  it('names .local, home.arpa and .localdomain for the local network they need, and reads wildcard-DNS addresses', () => {
    expect(classifyHost('mailhog.local').lan).toBe('local');
    expect(classifyHost('nas.home.arpa').lan).toBe('home.arpa');
    expect(classifyHost('db.localdomain').lan).toBe('localdomain');
    expect(classifyHost('10.0.0.5.nip.io').wildcardDns).toEqual({ service: 'nip.io', address: '10.0.0.5' });
    expect(classifyHost('10.0.0.5.nip.io').local).toBeUndefined();
    expect(classifyHost('shop.local.example-cdn.com').lan).toBeUndefined();
    expect(isLocalHost('lvh.me.shop.com')).toBe(false);
  });
});
