import { serviceKind } from '../../src/config/schema/services.js';
import { defineCheck } from '../../src/kit/check.js';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { perService, serviceUrl } from '../../src/kit/per-service.js';
import { judgeCdn } from '../../src/rules/cdn.js';
import { isHtml } from '../../src/probes/html.js';
import { httpProbe } from '../../src/probes/http.js';
import { pagesProbe } from '../../src/probes/pages.js';

export default defineCheck({
  id: 'infrastructure.cdn',
  section: 'infrastructure',
  item: 'CDN configured for static assets (optional)',
  severity: 'low',
  automation: 'automated',
  needs: ['services'],
  verifies: 'Static assets (the widget script, the dashboard bundle) are served through a CDN that caches them: caching headers that let it, its own cache status saying so, and no cookie on the asset.',
  how:
    "GETs each service's static asset (services.<name>.asset, else the first same-site script of the dashboard, widget or web page). " +
    'Fail: the asset does not answer 200; Cache-Control is missing, no-store, private, no-cache or without a positive max-age/s-maxage (CDN-Cache-Control counts); ' +
    "the CDN's cache status says it passes the asset through uncached — cf-cache-status BYPASS/DYNAMIC/NONE, x-cache or x-vercel-cache BYPASS/PASS, RFC 9211 Cache-Status fwd=bypass/method/request; " +
    'a Set-Cookie on the asset (caches skip it or share one visitor\'s cookie; only cookie names are reported). ' +
    'Pass needs a CDN marker — Cloudflare (cf-ray, cf-cache-status), CloudFront (x-amz-cf-id, x-amz-cf-pop, Via), Fastly (x-served-by cache-…, x-fastly-request-id), Akamai, ' +
    'Vercel (x-vercel-cache), Netlify (x-nf-request-id), Azure (x-azure-ref, x-msedge-ref), Google Cloud CDN (Via: google + Age), Bunny, or X-Cache HIT/MISS — with a cache status of HIT/STALE/REVALIDATED, ' +
    'MISS/EXPIRED (fetched and stored for the next request) or an Age above 0. ' +
    'Warn: cacheable but no CDN detected (a CDN may strip its headers), or a CDN that reports no cache status. The line is optional: low severity. Services with no asset to find are skipped.',
  remediation:
    'Put CloudFront (with origin access control to S3) or Cloudflare in front of static assets, serve content-hashed files with "Cache-Control: public, max-age=31536000, immutable", ' +
    'and give widget.js a short max-age or a versioned URL.',
  async run(ctx) {
    return perService(
      ctx,
      async (name, service) => {
        let assetUrl = service.asset ? serviceUrl(service, service.asset) : undefined;
        if (!assetUrl && serviceKind(name, service) !== 'api') {
          const page = await ctx.probe(httpProbe).fetch({ url: service.url });
          if (isHtml(page)) assetUrl = (await ctx.probe(pagesProbe).scripts(page))[0]?.url;
        }
        if (!assetUrl) return outcome('skip', 'no static asset to check (set services.<name>.asset)');
        const asset = await ctx.probe(httpProbe).fetch({ url: assetUrl });
        return verdictOf(judgeCdn(asset), `${new URL(asset.url).pathname} is cacheable and served through a CDN`, {
          asset: asset.url,
          cacheControl: asset.headers['cache-control'] ?? null,
          age: asset.headers.age ?? null,
        });
      },
      { pass: 'static assets are cacheable and served through a CDN' },
    );
  },
});
