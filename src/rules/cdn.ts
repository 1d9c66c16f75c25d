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
const COOKIE_FIX =
  'Serve static assets without cookies: from a cookieless path or host, with the session middleware mounted after the static handler (express.static before session()), or strip Set-Cookie at the CDN for asset paths.';

export type CacheState = 'cached' | 'stored' | 'not-cached';

export interface CacheReading {
  state: CacheState;
  /** The header and value it was read from: "cf-cache-status: BYPASS". */
  from: string;
}

/** What one cache-status value says: served from the cache, fetched and stored for next time, or passed through uncached. */
function stateOfWord(value: string): CacheState | undefined {
  const v = value.toUpperCase();
  if (/HIT|STALE|REVALIDATED|UPDATING|PRERENDER/.test(v)) return 'cached';
  if (/BYPASS|DYNAMIC|\bPASS\b|\bNONE\b|UNKNOWN|ERROR|UNCACHEABLE/.test(v)) return 'not-cached';
  if (/MISS|EXPIRED/.test(v)) return 'stored';
  return undefined;
}

/**
 * RFC 9211 Cache-Status: the last (closest to the client) cache speaks. `hit` is served from cache; `fwd=bypass`,
 * `fwd=method` and `fwd=request` are passed through; any other forward is a miss, which a cache stores when
 * Cache-Control lets it (judged separately) — many CDNs do not send the `stored` parameter on it.
 */
function stateOfCacheStatus(value: string): CacheState | undefined {
  const last = value.split(',').map((e) => e.trim()).filter(Boolean).at(-1);
  if (!last) return undefined;
  const params = last.split(';').slice(1).map((p) => p.trim().toLowerCase());
  if (params.includes('hit')) return 'cached';
  const fwd = params.find((p) => p.startsWith('fwd='))?.slice(4).replace(/"/g, '');
  if (!fwd) return undefined;
  if (['bypass', 'method', 'request'].includes(fwd)) return 'not-cached';
  return 'stored';
}

/** The cache status the CDN reports for the asset, from the first header that has one. */
export function cacheReading(headers: Headers): CacheReading | undefined {
  for (const name of ['cf-cache-status', 'x-vercel-cache', 'cdn-cache', 'x-cache', 'x-cache-status']) {
    const raw = value(headers, name);
    const state = raw ? stateOfWord(raw) : undefined;
    if (raw && state) return { state, from: `${name}: ${raw}` };
  }
  const status = value(headers, 'cache-status');
  const state = status ? stateOfCacheStatus(status) : undefined;
  if (status && state) return { state, from: `Cache-Status: ${status}` };
  return undefined;
}

/** Cookie names a response sets (values are never repeated: they may be sessions). */
export function cookieNames(headers: Headers): string[] {
  return (headers['set-cookie'] ?? []).map((c) => c.split('=')[0]!.trim()).filter(Boolean);
}

/**
 * A static asset behind a CDN that caches it: Cache-Control lets shared caches store it, the CDN's own cache status
 * says it serves it from cache (HIT/MISS/EXPIRED, or Age), not passes it through (BYPASS/DYNAMIC), and the asset sets
 * no cookie (caches skip such answers, or share one visitor's cookie with the next).
 */
export function judgeCdn(asset: HttpResponse): Judgement[] {
  const subject = new URL(asset.url).pathname;
  if (asset.status !== 200) return [judged(subject, 'fail', `the static asset answers ${asset.status}`, 'Point services.<name>.asset at a static file the service really serves.')];
  const cache = cacheability(asset.headers);
  const cdn = detectCdn(asset.headers);
  const age = Number(value(asset.headers, 'age'));
  const ageNote = Number.isFinite(age) && age > 0 ? `, Age: ${age}` : '';
  const reading = cacheReading(asset.headers);
  const findings: Judgement[] = [];
  findings.push(cache.cacheable ? judged('caching', 'pass', cache.reason) : judged('caching', 'fail', cache.reason, CDN_FIX));
  if (!cdn) {
    findings.push(judged('CDN', 'warn', 'not detected: no CDN response headers (cf-cache-status, x-amz-cf-id, x-served-by, x-cache, x-vercel-cache, …)', CDN_FIX));
  } else if (reading?.state === 'not-cached') {
    findings.push(judged('CDN', 'fail', `served through ${cdn} but not from its cache (${reading.from}): every request goes to the origin`, CDN_FIX));
  } else if (reading?.state === 'cached' || ageNote) {
    findings.push(judged('CDN', 'pass', `served through ${cdn} (${ageNote ? ageNote.slice(2) : reading!.from})`));
  } else if (reading?.state === 'stored') {
    findings.push(judged('CDN', 'pass', `served through ${cdn} (${reading.from}: fetched from the origin and stored for the next request)`));
  } else {
    findings.push(judged('CDN', 'warn', `served through ${cdn}, but no cache status (cf-cache-status, x-cache, Cache-Status, Age) shows that it caches the asset`, CDN_FIX));
  }
  const cookies = cookieNames(asset.headers);
  if (cookies.length > 0) {
    findings.push(judged('cookies', 'fail', `the asset sets a cookie (Set-Cookie: ${cookies.join(', ')}): shared caches do not store it, or hand it to the next visitor`, COOKIE_FIX));
  }
  return findings;
}
