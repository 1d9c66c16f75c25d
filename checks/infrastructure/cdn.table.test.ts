import { expect } from 'vitest';
import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './cdn.js';

judgementTable(check, [
  {
    scenario: 'cloudflare hit',
    status: 'pass',
    message: 'static assets are cacheable and served through a CDN',
    evidence: { widget: { verdict: 'pass', cacheControl: ['public, max-age=300'], age: ['42'] } },
  },
  {
    // The dashboard page is fetched and its first same-site script judged: the pages probe runs for real on the replayed page.
    scenario: 'bundle without cdn',
    status: 'warn',
    message: 'dashboard: CDN: not detected: no CDN response headers (cf-cache-status, x-amz-cf-id, x-served-by, x-cache, x-vercel-cache, …)',
    evidence: { dashboard: { asset: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/assets\/index-4f2a9c1b\.js$/) as unknown } },
  },
  // Passed before on the CDN headers alone.
  {
    scenario: 'cloudflare bypass with a cookie',
    status: 'fail',
    message:
      'widget: CDN: served through Cloudflare but not from its cache (cf-cache-status: BYPASS): every request goes to the origin; cookies: the asset sets a cookie (Set-Cookie: sid, theme): shared caches do not store it, or hand it to the next visitor',
  },
  { scenario: 'cloudflare dynamic', status: 'fail', message: 'widget: CDN: served through Cloudflare but not from its cache (cf-cache-status: DYNAMIC): every request goes to the origin' },
  { scenario: 'cache-status bypass', status: 'fail', message: 'widget: CDN: served through Fastly but not from its cache (Cache-Status: ExampleCDN; fwd=bypass): every request goes to the origin' },
  {
    scenario: 'cloudfront miss',
    status: 'pass',
    message: 'static assets are cacheable and served through a CDN',
    evidence: { widget: { judgements: expect.arrayContaining(['pass CDN: served through Amazon CloudFront (x-cache: Miss from cloudfront: fetched from the origin and stored for the next request)']) as unknown } },
  },
  { scenario: 'no-store', status: 'fail', message: 'widget: caching: Cache-Control: no-store (no-store keeps CDNs from serving it from cache)' },
  { scenario: 'asset 404', status: 'fail', message: 'widget: /widget.js: the static asset answers 404' },
  { scenario: 'asset hangs', status: 'error', message: /^widget: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
  { scenario: 'api without asset', status: 'skip', message: 'api: no static asset to check (set services.<name>.asset)' },
]);
