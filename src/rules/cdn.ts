import type { HttpResponse } from '../probes/http.js';
import { judged, type Judgement } from '../core/outcome.js';

type Headers = Readonly<Record<string, readonly string[]>>;
const value = (headers: Headers, name: string) => headers[name]?.join(', ');

/** Response headers only a CDN (or a shared cache in front of the origin) adds. */
const CDN_MARKERS: readonly (readonly [string, (h: Headers) => boolean])[] = [
  ['Cloudflare', (h) => !!h['cf-ray'] || !!h['cf-cache-status'] || /cloudflare/i.test(value(h, 'server') ?? '')],
  ['Amazon CloudFront', (h) => !!h['x-amz-cf-id'] || !!h['x-amz-cf-pop'] || /cloudfront/i.test(`${value(h, 'via') ?? ''} ${value(h, 'x-cache') ?? ''}`)],
  ['Fastly', (h) => !!h['x-fastly-request-id'] || /^cache-/i.test(value(h, 'x-served-by') ?? '')],
  ['Akamai', (h) => !!h['akamai-grn'] || Object.keys(h).some((k) => k.startsWith('x-akamai-')) || /akamai/i.test(value(h, 'server') ?? '')],
  ['Vercel Edge Network', (h) => !!h['x-vercel-cache']],
  ['Netlify Edge', (h) => !!h['x-nf-request-id'] || /netlify/i.test(value(h, 'server') ?? '')],
  ['Azure Front Door / CDN', (h) => !!h['x-azure-ref'] || !!h['x-msedge-ref']],
  ['Google Cloud CDN', (h) => /\bgoogle\b/i.test(value(h, 'via') ?? '') && !!h.age],
  ['Bunny CDN', (h) => /bunnycdn/i.test(value(h, 'server') ?? '') || !!h['cdn-cache']],
  ['a shared cache (X-Cache)', (h) => /\b(hit|miss)\b/i.test(value(h, 'x-cache') ?? '')],
];

export function detectCdn(headers: Headers): string | undefined {
  return CDN_MARKERS.find(([, test]) => test(headers))?.[0];
}

export interface Cacheability {
  cacheable: boolean;
  reason: string;
  maxAgeSeconds?: number;
}

/** Whether a shared cache may keep the response, from Cache-Control (s-maxage and CDN-Cache-Control count). */
export function cacheability(headers: Headers): Cacheability {
  const control = [value(headers, 'cdn-cache-control'), value(headers, 'cache-control')].filter(Boolean).join(', ').toLowerCase();
  if (!control) return { cacheable: false, reason: 'no Cache-Control: caches guess, and many do not store it' };
  const directives = new Map(
    control.split(',').map((d) => {
      const [k, v] = d.trim().split('=');
      return [k!.trim(), v?.trim().replace(/"/g, '')] as const;
    }),
  );
  for (const blocker of ['no-store', 'private', 'no-cache']) {
    if (directives.has(blocker)) return { cacheable: false, reason: `Cache-Control: ${control} (${blocker} keeps CDNs from serving it from cache)` };
  }
  const maxAge = Number(directives.get('s-maxage') ?? directives.get('max-age'));
  if (!Number.isFinite(maxAge) || maxAge <= 0) return { cacheable: false, reason: `Cache-Control: ${control} (no positive max-age or s-maxage)` };
  return { cacheable: true, reason: `Cache-Control: ${control}`, maxAgeSeconds: maxAge };
}

const CDN_FIX =
  'Put a CDN (CloudFront with origin access control, Cloudflare, Fastly…) in front of static assets, serve content-hashed files with "Cache-Control: public, max-age=31536000, immutable" and the widget loader with a short max-age.';

/** A static asset behind a CDN and cacheable by it. */
export function judgeCdn(asset: HttpResponse): Judgement[] {
  const subject = new URL(asset.url).pathname;
  if (asset.status !== 200) return [judged(subject, 'fail', `the static asset answers ${asset.status}`, 'Point services.<name>.asset at a static file the service really serves.')];
  const cache = cacheability(asset.headers);
  const cdn = detectCdn(asset.headers);
  const age = value(asset.headers, 'age');
  const findings: Judgement[] = [];
  findings.push(cache.cacheable ? judged('caching', 'pass', cache.reason) : judged('caching', 'fail', cache.reason, CDN_FIX));
  findings.push(
    cdn
      ? judged('CDN', 'pass', `served through ${cdn}${age ? ` (Age: ${age})` : ''}`)
      : judged('CDN', 'warn', 'not detected: no CDN response headers (cf-cache-status, x-amz-cf-id, x-served-by, x-cache, x-vercel-cache, …)', CDN_FIX),
  );
  return findings;
}
