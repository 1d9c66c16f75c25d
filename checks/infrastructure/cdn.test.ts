import { afterAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import { minifiedScript, staticSite } from '../../fixtures/apps/static-site.js';
import { hugeBodyServer, hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import check from './cdn.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;
const asset = (headers: Record<string, string | string[]>, status = 200) => staticSite({ '/widget.js': { type: 'js', body: minifiedScript(), headers, status } });
const judge = async (headers: Record<string, string | string[]>, status = 200, record?: string) =>
  runCheck(check, targetOf({ services: { widget: { url: (await start(asset(headers, status))).url, asset: '/widget.js' } } }), record ? { record } : {});

describe('infrastructure.cdn against real servers', () => {
  it('passes a cacheable asset with CDN headers', async () => {
    const result = await judge({ 'cache-control': 'public, max-age=300', 'cf-cache-status': 'HIT', 'cf-ray': '8f00-AMS', age: '42' }, 200, 'cloudflare hit');
    expect(result.status).toBe('pass');
    expect((result.evidence.widget as { judgements: string[] }).judgements).toContain('pass CDN: served through Cloudflare (Age: 42)');
  });

  it('warns when cacheable but no CDN is detected (the dashboard bundle found in its page)', async () => {
    const dash = await start(dashboard());
    const result = await runCheck(check, targetOf({ services: { dashboard: { url: dash.url } } }), { record: 'bundle without cdn' });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('CDN: not detected');
    expect((result.evidence.dashboard as { asset: string }).asset).toBe(`${dash.url}/assets/index-4f2a9c1b.js`);
  });

  it('fails an uncacheable asset and a missing one', async () => {
    const uncacheable = await judge({ 'cache-control': 'no-store', 'x-cache': 'MISS' }, 200, 'no-store');
    expect(uncacheable.status).toBe('fail');
    expect(uncacheable.message).toContain('no-store keeps CDNs from serving it from cache');
    expect((await judge({}, 404, 'asset 404')).message).toBe('widget: /widget.js: the static asset answers 404');
  });

  // Any CDN header passed before: these are CDN answers that do not cache the asset.
  it('fails an asset Cloudflare passes through uncached (BYPASS) that also sets a cookie', async () => {
    const result = await judge(
      { 'cache-control': 'public, max-age=300', 'cf-cache-status': 'BYPASS', 'cf-ray': '8f00-AMS', 'set-cookie': ['sid=s%3Aabc123; Path=/; HttpOnly', 'theme=dark; Path=/'] },
      200,
      'cloudflare bypass with a cookie',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'widget: CDN: served through Cloudflare but not from its cache (cf-cache-status: BYPASS): every request goes to the origin; cookies: the asset sets a cookie (Set-Cookie: sid, theme): shared caches do not store it, or hand it to the next visitor',
    );
    expect(result.message).not.toContain('abc123');
  });

  it('fails DYNAMIC, reads RFC 9211 Cache-Status, and passes a first MISS that the CDN stores', async () => {
    expect((await judge({ 'cache-control': 'public, max-age=300', 'cf-cache-status': 'DYNAMIC', 'cf-ray': '8f01-AMS' }, 200, 'cloudflare dynamic')).status).toBe('fail');
    const forwarded = await judge({ 'cache-control': 'public, max-age=300', 'x-served-by': 'cache-ams21035-AMS', 'cache-status': 'ExampleCDN; fwd=bypass' }, 200, 'cache-status bypass');
    expect(forwarded.message).toBe('widget: CDN: served through Fastly but not from its cache (Cache-Status: ExampleCDN; fwd=bypass): every request goes to the origin');
    const miss = await judge({ 'cache-control': 'public, max-age=31536000, immutable', 'x-amz-cf-id': 'abc', 'x-cache': 'Miss from cloudfront' }, 200, 'cloudfront miss');
    expect(miss.status).toBe('pass');
  });

  it('skips an API without an asset, and reports error when the asset hangs', async () => {
    expect((await runCheck(check, targetOf({ services: { api: { url: 'http://127.0.0.1:1' } } }), { record: 'api without asset' })).status).toBe('skip');
    const hang = await start(hangingServer());
    const hung = await runCheck(check, targetOf({ services: { widget: { url: hang.url, asset: '/widget.js' } } }), { http: { totalTimeoutMs: 300 }, record: 'asset hangs' });
    expect(hung.status).toBe('error');
  });

  it('judges a huge asset by its headers (the body is capped, never needed)', async () => {
    const huge = await start(hugeBodyServer(5 * 1024 * 1024));
    const result = await runCheck(check, targetOf({ services: { widget: { url: huge.url, asset: '/widget.js' } } }));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('no Cache-Control');
  });
});
