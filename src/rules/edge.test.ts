import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { cacheability, detectCdn, judgeCdn } from './cdn.js';
import { judgeResolution, isPrivateAddress } from './dns.js';
import { registrableDomain, sameSite } from '../probes/sites.js';
import { platformDefaultDomain } from './domains.js';
import { judgeWebhookAnswer, withoutQuery } from './webhooks.js';

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
    expect(statuses({ headers: { 'cf-cache-status': 'DYNAMIC' } })).toEqual(['fail', 'pass']);
    expect(statuses({ status: 404 })).toEqual(['fail']);
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

  it('guesses registrable domains and same-site URLs', () => {
    expect(registrableDomain('a.b.example.com')).toBe('example.com');
    expect(registrableDomain('shop.example.co.uk')).toBe('example.co.uk');
    expect(sameSite('https://app.example.com/', 'https://cdn.example.com/x.js')).toBe(true);
    expect(sameSite('https://app.example.com/', 'https://cdn.other.net/x.js')).toBe(false);
    expect(sameSite('http://127.0.0.1:1/', 'http://127.0.0.1:2/')).toBe(true);
  });
});

describe('judgeResolution', () => {
  const answer = (resolver: string, status: 'resolved' | 'nxdomain' | 'no-address', a: string[] = []) => ({ host: 'api.shop.test', resolver, status, a, aaaa: [], cname: null, ttl: 60 });
  it('passes public addresses everywhere, warns about partial propagation and private addresses, fails nowhere', () => {
    expect(judgeResolution('api.shop.test', [answer('1.1.1.1', 'resolved', ['203.0.113.1'])]).map((j) => j.status)).toEqual(['pass']);
    expect(judgeResolution('api.shop.test', [answer('1.1.1.1', 'resolved', ['203.0.113.1']), answer('8.8.8.8', 'nxdomain')])[0]?.message).toBe(
      'not resolving everywhere yet: 8.8.8.8: NXDOMAIN (no such name)',
    );
    expect(judgeResolution('api.shop.test', [answer('1.1.1.1', 'resolved', ['10.0.0.5'])])[0]?.status).toBe('warn');
    expect(judgeResolution('api.shop.test', [answer('1.1.1.1', 'no-address'), answer('8.8.8.8', 'nxdomain')])[0]?.status).toBe('fail');
  });

  it('knows private ranges', () => {
    expect(['10.1.2.3', '172.20.0.1', '192.168.1.1', '127.0.0.1', 'fd00::1', '::1'].every(isPrivateAddress)).toBe(true);
    expect(['203.0.113.1', '8.8.8.8', '2606:4700::1111'].some(isPrivateAddress)).toBe(false);
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
