import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { cacheability, cacheReading, detectCdn, judgeCdn } from './cdn.js';
import { judgeResolution, isPrivateAddress } from './dns.js';
import { registrableDomain, sameSite, siteOf } from '../probes/sites.js';
import { platformDefaultDomain, sharedDomain } from './domains.js';
import { judgeWebhookAnswer, sameAsSibling, siblingUrl, wallOf, withoutQuery } from './webhooks.js';

describe('CDN markers and cacheability', () => {
  it.each([
    [{ 'cf-cache-status': 'HIT', 'cf-ray': '8a1-AMS' }, 'Cloudflare'],
    [{ 'x-amz-cf-id': 'abc', via: '1.1 abc.cloudfront.net (CloudFront)' }, 'Amazon CloudFront'],
    [{ 'x-served-by': 'cache-ams21035-AMS' }, 'Fastly'],
    [{ 'x-vercel-cache': 'HIT' }, 'Vercel Edge Network'],
    [{ 'x-cache': 'HIT' }, 'a shared cache (X-Cache)'],
    [{ server: 'nginx' }, undefined],
  ])('%j → %s', (headers, cdn) => {
    expect(detectCdn(response({ headers }).headers)).toBe(cdn);
  });

  it.each([
    ['public, max-age=31536000, immutable', true],
    ['public, s-maxage=600, max-age=0', true],
    ['no-store', false],
    ['private, max-age=600', false],
    ['max-age=0', false],
  ])('Cache-Control: %s → cacheable %s', (value, cacheable) => {
    expect(cacheability(response({ headers: { 'cache-control': value } }).headers).cacheable).toBe(cacheable);
  });

  it('judges an asset: CDN + cacheable passes, no CDN warns, uncacheable or missing fails', () => {
    const statuses = (spec: Parameters<typeof response>[0]) => judgeCdn(response(spec)).map((j) => j.status);
    expect(statuses({ headers: { 'cache-control': 'max-age=60', 'cf-cache-status': 'HIT' } })).toEqual(['pass', 'pass']);
    expect(statuses({ headers: { 'cache-control': 'max-age=60' } })).toEqual(['pass', 'warn']);
    // DYNAMIC is Cloudflare passing the asset through uncached: the CDN judgement fails too (it passed before).
    expect(statuses({ headers: { 'cf-cache-status': 'DYNAMIC' } })).toEqual(['fail', 'fail']);
    expect(statuses({ headers: { 'cache-control': 'max-age=60', 'cf-cache-status': 'HIT', 'set-cookie': 'sid=1' } })).toEqual(['pass', 'pass', 'fail']);
    expect(statuses({ headers: { 'cache-control': 'max-age=60', 'cf-ray': '8a1-AMS' } })).toEqual(['pass', 'warn']);
    expect(statuses({ status: 404 })).toEqual(['fail']);
  });

  it.each([
    [{ 'cf-cache-status': 'HIT' }, 'cached'],
    [{ 'cf-cache-status': 'EXPIRED' }, 'stored'],
    [{ 'cf-cache-status': 'BYPASS' }, 'not-cached'],
    [{ 'x-cache': 'Hit from cloudfront' }, 'cached'],
    [{ 'x-cache': 'RefreshHit from cloudfront' }, 'cached'],
    [{ 'x-cache': 'Miss from cloudfront' }, 'stored'],
    [{ 'x-cache': 'TCP_REFRESH_HIT' }, 'cached'],
    [{ 'x-vercel-cache': 'BYPASS' }, 'not-cached'],
    [{ 'cache-status': 'Netlify Edge; hit' }, 'cached'],
    [{ 'cache-status': 'ExampleCache; fwd=uri-miss; stored' }, 'stored'],
    [{ 'cache-status': '"Netlify Edge"; fwd=miss' }, 'stored'],
    [{ 'cache-status': 'OriginCache; hit, CDN; fwd=method' }, 'not-cached'],
  ])('cache status %j → %s', (headers, state) => {
    expect(cacheReading(response({ headers }).headers)?.state).toBe(state);
  });
});

describe('domains', () => {
  it.each([
    ['api-production-1234.up.railway.app', 'Railway'],
    ['shop.onrender.com', 'Render'],
    ['shop-git-main.vercel.app', 'Vercel'],
    ['d111111abcdef8.cloudfront.net', 'Amazon CloudFront'],
    ['api.example.com', undefined],
    ['notrailway.app.example.com', undefined],
  ])('%s → %s', (host, platform) => {
    expect(platformDefaultDomain(host)?.platform).toBe(platform);
  });

  it.each([
    ['quiet-fox.trycloudflare.com', 'tunnel', 'trycloudflare.com'],
    ['abc.ngrok.app', 'tunnel', 'ngrok.app'],
    ['x.riker.replit.dev', 'preview', 'replit.dev'],
    ['shop.up.railway.app', 'platform', 'up.railway.app'],
    ['shop.blogspot.com', 'shared', 'blogspot.com'],
    ['svc-7.apps.example-cloud.run.app', 'platform', 'run.app'],
  ])('%s is a %s domain (*.%s)', (host, kind, suffix) => {
    expect(sharedDomain(host)).toMatchObject({ kind, suffix });
  });

  it('takes no name of its own owner for a shared one', () => {
    expect(['api.shop.com', 'shop.co.uk', 'shop.us.com', 'shop.eu.org', '127.0.0.1', 'localhost'].map(sharedDomain)).toEqual(Array(6).fill(undefined));
  });

  it('guesses registrable domains and same-site URLs', () => {
    expect(registrableDomain('a.b.example.com')).toBe('example.com');
    expect(registrableDomain('shop.example.co.uk')).toBe('example.co.uk');
    expect(sameSite('https://app.example.com/', 'https://cdn.example.com/x.js')).toBe(true);
    expect(sameSite('https://app.example.com/', 'https://cdn.other.net/x.js')).toBe(false);
    expect(sameSite('http://127.0.0.1:1/', 'http://127.0.0.1:2/')).toBe(true);
    // The private section of the public suffix list: two apps on a platform's domain are two sites.
    expect(registrableDomain('shop.up.railway.app')).toBe('railway.app');
    expect(siteOf('shop.up.railway.app')).toBe('shop.up.railway.app');
    expect(registrableDomain('shop.example.com.au')).toBe('example.com.au');
    expect(sameSite('https://a.vercel.app/', 'https://b.vercel.app/x.js')).toBe(false);
  });
});

describe('judgeResolution', () => {
  const answer = (resolver: string, status: 'resolved' | 'nxdomain' | 'no-address', a: string[] = []) => ({ host: 'api.shop.test', resolver, status, a, aaaa: [], cname: null, ttl: 60 });
  // 203.0.113.0/24 (TEST-NET-3) stood for a public address here; it is documentation space, so a public one stands in.
  it('passes public addresses everywhere, warns about partial propagation and private addresses, fails nowhere', () => {
    expect(judgeResolution('api.shop.test', [answer('1.1.1.1', 'resolved', ['104.18.32.7'])]).map((j) => j.status)).toEqual(['pass']);
    expect(judgeResolution('api.shop.test', [answer('1.1.1.1', 'resolved', ['104.18.32.7']), answer('8.8.8.8', 'nxdomain')])[0]?.message).toBe(
      'not resolving everywhere yet: 8.8.8.8: NXDOMAIN (no such name)',
    );
    expect(judgeResolution('api.shop.test', [answer('1.1.1.1', 'resolved', ['10.0.0.5'])])[0]?.status).toBe('warn');
    expect(judgeResolution('api.shop.test', [answer('1.1.1.1', 'no-address'), answer('8.8.8.8', 'nxdomain')])[0]?.status).toBe('fail');
  });

  it('knows private ranges, and every other range no server on the internet has', () => {
    expect(['10.1.2.3', '172.20.0.1', '192.168.1.1', '127.0.0.1', 'fd00::1', '::1', '203.0.113.1', '224.0.0.1'].every(isPrivateAddress)).toBe(true);
    expect(['104.18.32.7', '8.8.8.8', '2606:4700::1111', '192.0.0.9'].some(isPrivateAddress)).toBe(false);
  });

  it('fails documentation, multicast and reserved addresses, and warns about private ones beside them', () => {
    const judged = judgeResolution('api.shop.test', [answer('1.1.1.1', 'resolved', ['192.0.2.1', '10.0.0.5', '240.0.0.1'])]);
    expect(judged.map((j) => `${j.status}: ${j.message}`)).toEqual([
      'fail: resolves to addresses no server can be reached at: 192.0.2.1 (Documentation (TEST-NET-1), RFC 5737), 240.0.0.1 (Reserved, RFC 1112 §4)',
      'warn: resolves to private or loopback addresses (10.0.0.5): unreachable from the internet',
    ]);
  });
});

describe('judgeWebhookAnswer', () => {
  const judge = (status: number, url = 'https://api.example.com/webhooks/shopify', ms = 20) =>
    judgeWebhookAnswer(response({ url, method: 'POST', status, ms }), 5_000).map((j) => j.status);
  it.each([
    [401, ['pass']],
    [400, ['pass']],
    [200, ['warn']],
    [404, ['fail']],
    [405, ['fail']],
    [301, ['fail']],
    [500, ['fail']],
  ])('%i → %j', (status, expected) => {
    expect(judge(status)).toEqual(expected);
  });

  it('never repeats a query string, where some providers put a token', () => {
    expect(withoutQuery('https://hooks.example.com/in?token=s3cr3t-t0ken')).toBe('https://hooks.example.com/in?…');
    expect(judgeWebhookAnswer(response({ url: 'https://hooks.example.com/in?token=s3cr3t-t0ken', status: 401 }), 5_000)[0]?.subject).toBe('https://hooks.example.com/in?…');
  });

  it('fails a plain-HTTP webhook URL and warns about a slow answer', () => {
    expect(judge(401, 'http://api.example.com/webhooks/shopify')).toEqual(['fail']);
    expect(judge(401, undefined, 6_000)).toEqual(['warn']);
  });
});

describe('a wall in front of a webhook receiver', () => {
  const rejection = (spec: Parameters<typeof response>[0]) => response({ url: 'https://api.example.com/webhooks/shopify', method: 'POST', ...spec });
  it('reads the wall from the answer itself', () => {
    expect(wallOf(rejection({ status: 401, headers: { 'www-authenticate': 'Bearer realm="api"' } }))?.level).toBe('fail');
    expect(wallOf(rejection({ status: 403, headers: { 'content-type': 'text/html' }, body: '<title>Attention Required! | Cloudflare</title>' }))?.why).toMatch(/from Cloudflare/);
    expect(wallOf(rejection({ status: 403, headers: { 'content-type': 'text/html' }, body: '<h1>Forbidden (403)</h1><p>CSRF verification failed. Request aborted.</p>' }))?.level).toBe('fail');
    expect(wallOf(rejection({ status: 401, headers: { 'content-type': 'text/html' }, body: '<p>Nope</p>' }))?.level).toBe('warn');
    expect(wallOf(rejection({ status: 401, headers: { 'content-type': 'application/json' }, body: '{"error":"invalid_signature"}' }))).toBeUndefined();
  });

  it('compares the answer with an unrelated sibling path', () => {
    expect(siblingUrl('https://api.example.com/webhooks/shopify?token=s3cr3t')).toBe('https://api.example.com/webhooks/__readiness-not-a-webhook');
    const own = rejection({ status: 401, body: '{"error":"invalid_signature"}' });
    expect(sameAsSibling(own, response({ status: 404, body: '{"error":"not_found"}' }))).toBe(false);
    expect(sameAsSibling(own, response({ status: 401, body: '{ "error": "invalid_signature" }' }))).toBe(false);
    expect(sameAsSibling(own, response({ status: 401, body: '{"error":"invalid_signature"}' }))).toBe(true);
    expect(judgeWebhookAnswer(own, 5_000, response({ url: 'https://api.example.com/webhooks/__readiness-not-a-webhook', status: 401, body: '{"error":"invalid_signature"}' }))[0]?.status).toBe('warn');
  });
});
