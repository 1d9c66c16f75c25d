import { judged, type Judgement } from '../core/outcome.js';
import { header, type HttpResponse } from '../probes/http-response.js';
import { sameSite } from '../probes/sites.js';

/*
 * The widget script as a merchant storefront's <script src> fetches it: from another site, as a script. What stops it
 * loading there is judged as browsers judge it (Fetch's "should response be blocked due to its MIME type / nosniff /
 * CORP" steps); what makes it costly or stale for the merchant's shoppers (size, caching) is judged against options.
 */

export interface WidgetScriptOptions {
  /** Bytes (uncompressed) above which the script is a warning: every storefront page view pays for it. */
  maxScriptBytes: number;
  /** A content-hashed script should be cached at least this long. */
  minHashedMaxAgeSeconds: number;
  /** An unhashed script cached longer than this keeps shoppers on an old widget after a deploy. */
  maxUnhashedMaxAgeSeconds: number;
  /** Whether the URL carries a content hash or version: auto reads it from the URL. */
  hashed: 'auto' | 'yes' | 'no';
  /** The embed snippet uses crossorigin or type="module", so the script needs CORS for the merchant's origin. */
  crossOrigin: boolean;
}

/** The MIME type essences WHATWG MIME Sniffing calls JavaScript MIME types. */
const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/** Types Fetch blocks as scripts even without nosniff. */
const NEVER_A_SCRIPT = /^(image|audio|video)\/|^text\/csv$/;
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml)/i;
/** Query parameters used for cache busting (`?v=3`, `?hash=…`). */
const VERSION_PARAMS = new Set(['v', 'ver', 'version', 'hash', 'h', 'rev', 'build', 'cb', 'vsn']);

const FIX_STATUS = 'Serve the widget script at the URL the embed snippet uses (services.<widget>.asset), from every edge and region, with 200.';
const FIX_TYPE = 'Serve the widget script with "Content-Type: text/javascript; charset=utf-8" (express.static and CDNs do for .js files); never let an HTML fallback answer the script URL.';
const FIX_CORP = 'Send "Cross-Origin-Resource-Policy: cross-origin" on the widget script (helmet({ crossOriginResourcePolicy: { policy: "cross-origin" } })): same-origin or same-site blocks it on every storefront.';
const FIX_CORS = 'Answer the widget script with "Access-Control-Allow-Origin: *" (public script, no credentials), so crossorigin and module loads from any storefront work.';
const FIX_HASHED_CACHE = 'Serve content-hashed files with "Cache-Control: public, max-age=31536000, immutable".';
const FIX_UNHASHED_CACHE =
  'Serve the unhashed widget loader with a short cache ("Cache-Control: public, max-age=300" or "no-cache" with an ETag) and let it load content-hashed chunks that are cached for a year.';
const FIX_SIZE = 'Split the widget: a small loader that lazy-loads the rest, tree-shaken and minified, without bundled framework copies the page does not need.';

/** True when the URL names a content hash or a version (a new deploy gets a new URL), so a long cache is safe. */
export function looksVersioned(url: string): boolean {
  const parsed = new URL(url);
  for (const [name, value] of parsed.searchParams) if (VERSION_PARAMS.has(name.toLowerCase()) && value !== '') return true;
  const file = parsed.pathname.split('/').pop() ?? '';
  const stem = file.replace(/(\.min)?\.(m?js|cjs)$/i, '');
  // webpack/Parcel: main.3f2a9c1b.js (hex, 8+); Vite/Rollup/esbuild: index-BdQq_4o_.js, widget-5XJ2KQ7R.js (8 chars after the last -).
  const parts = stem.split(/[.-]/).slice(1);
  if (parts.some((part) => /^[0-9a-f]{8,}$/i.test(part) && /\d/.test(part))) return true;
  const tail = /[.-]([A-Za-z0-9_-]{8})$/.exec(stem)?.[1];
  if (tail && /\d|[A-Z]/.test(tail) && /[A-Za-z]/.test(tail) && !/^[a-z]+\d?$/.test(tail)) return true;
  // A version folder: /v1.4.2/widget.js, /widget@2.1.0/…
  return /\/(?:v?\d+\.\d+(?:\.\d+)?|[\w-]+@\d[\w.-]*)\//.test(parsed.pathname);
}

interface CacheDirectives {
  raw: string | undefined;
  maxAge: number | undefined;
  noStore: boolean;
  noCache: boolean;
  immutable: boolean;
}

function cacheDirectives(response: HttpResponse): CacheDirectives {
  const raw = header(response, 'cache-control');
  const directives = new Map(
    (raw ?? '')
      .toLowerCase()
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [k, v] = d.split('=');
        return [k!.trim(), v?.trim().replace(/"/g, '')] as const;
      }),
  );
  const age = Number(directives.get('max-age'));
  return {
    raw,
    maxAge: directives.has('max-age') && Number.isInteger(age) && age >= 0 ? age : undefined,
    noStore: directives.has('no-store'),
    noCache: directives.has('no-cache'),
    immutable: directives.has('immutable'),
  };
}

const human = (seconds: number) => (seconds >= 86_400 ? `${Math.round((seconds / 86_400) * 10) / 10} day(s)` : `${seconds} s`);

export function mimeEssence(response: HttpResponse): string {
  return (header(response, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Everything the script's answer shows, each aspect a judgement (passes included). */
export function judgeWidgetScript(response: HttpResponse, merchantOrigin: string, options: WidgetScriptOptions): Judgement[] {
  const { status } = response;
  if (status < 200 || status >= 300) {
    return [judged('script', 'fail', `answered ${status} to a storefront's request: the widget does not load on merchant sites`, FIX_STATUS)];
  }
  if (response.bodyBytes === 0) return [judged('script', 'fail', `answered ${status} with an empty body: there is no widget to run`, FIX_STATUS)];
  const out: Judgement[] = [judged('script', 'pass', `answered ${status}`)];
  out.push(judgeType(response));
  out.push(judgeCorp(response, merchantOrigin));
  out.push(judgeCors(response, merchantOrigin, options.crossOrigin));
  out.push(...judgeCaching(response, options));
  if (response.truncated || response.bodyBytes > options.maxScriptBytes) {
    out.push(judged('size', 'warn', `more than ${options.maxScriptBytes} bytes uncompressed: every storefront page view downloads and parses it`, FIX_SIZE));
  } else {
    out.push(judged('size', 'pass', `${response.bodyBytes} bytes uncompressed (limit ${options.maxScriptBytes})`));
  }
  return out;
}

function judgeType(response: HttpResponse): Judgement {
  const type = mimeEssence(response);
  const nosniff = /\bnosniff\b/i.test(header(response, 'x-content-type-options') ?? '');
  const shown = type || 'no Content-Type';
  if (type === 'text/html' || type === 'application/xhtml+xml' || LOOKS_LIKE_HTML.test(response.body)) {
    return judged('content type', 'fail', `served as ${shown} with an HTML body: an error or fallback page (an SPA catch-all?), not the script`, FIX_TYPE);
  }
  if (JAVASCRIPT_TYPES.has(type)) return judged('content type', 'pass', `served as ${type}`);
  if (NEVER_A_SCRIPT.test(type)) return judged('content type', 'fail', `served as ${type}, which browsers never run as a script`, FIX_TYPE);
  if (nosniff) return judged('content type', 'fail', `served as ${shown} with X-Content-Type-Options: nosniff: browsers refuse to run it`, FIX_TYPE);
  return judged('content type', 'warn', `served as ${shown}, not a JavaScript type: browsers run it only while nothing adds nosniff`, FIX_TYPE);
}

function judgeCorp(response: HttpResponse, merchantOrigin: string): Judgement {
  const policy = (header(response, 'cross-origin-resource-policy') ?? '').trim().toLowerCase();
  if (policy === 'same-origin') return judged('CORP', 'fail', 'Cross-Origin-Resource-Policy: same-origin blocks it on every storefront', FIX_CORP);
  if (policy === 'same-site' && !sameSite(merchantOrigin, response.url)) {
    return judged('CORP', 'fail', `Cross-Origin-Resource-Policy: same-site blocks it on ${merchantOrigin}, another site`, FIX_CORP);
  }
  return judged('CORP', 'pass', policy ? `Cross-Origin-Resource-Policy: ${policy}` : 'no Cross-Origin-Resource-Policy: cross-site loads allowed');
}

function judgeCors(response: HttpResponse, merchantOrigin: string, crossOrigin: boolean): Judgement {
  const values = response.headers['access-control-allow-origin'] ?? [];
  const allowed = values.length === 1 && (values[0]!.trim() === '*' || values[0]!.trim() === merchantOrigin);
  if (allowed) return judged('CORS', 'pass', `Access-Control-Allow-Origin: ${values[0]!.trim()}`);
  const seen = values.length === 0 ? 'no Access-Control-Allow-Origin' : `Access-Control-Allow-Origin: ${values.join(', ')}`;
  if (crossOrigin) return judged('CORS', 'fail', `${seen} for ${merchantOrigin}: a crossorigin or module <script> is blocked`, FIX_CORS);
  if (values.length === 0) return judged('CORS', 'pass', `${seen}: a classic <script> needs none`);
  return judged('CORS', 'warn', `${seen} does not allow ${merchantOrigin}: a crossorigin or module <script> would be blocked`, FIX_CORS);
}

function judgeCaching(response: HttpResponse, options: WidgetScriptOptions): Judgement[] {
  const cache = cacheDirectives(response);
  const versioned = options.hashed === 'auto' ? looksVersioned(response.url) : options.hashed === 'yes';
  const kind = versioned ? 'versioned URL' : 'unversioned URL';
  const shown = cache.raw ? `Cache-Control: ${cache.raw}` : 'no Cache-Control';
  if (versioned) {
    if (cache.noStore || cache.noCache || cache.maxAge === undefined || cache.maxAge < options.minHashedMaxAgeSeconds) {
      return [judged('caching', 'warn', `${kind} with ${shown}: under ${human(options.minHashedMaxAgeSeconds)}, so shoppers download it again and again`, FIX_HASHED_CACHE)];
    }
    return [judged('caching', 'pass', `${kind} with ${shown}`)];
  }
  if (cache.immutable || (cache.maxAge !== undefined && cache.maxAge >= 7 * 86_400 && !cache.noCache)) {
    return [judged('caching', 'fail', `${kind} with ${shown}: after a deploy shoppers keep the old widget for ${cache.immutable ? 'as long as it stays cached, never revalidated' : human(cache.maxAge!)}`, FIX_UNHASHED_CACHE)];
  }
  if (cache.noStore || cache.noCache || (cache.maxAge !== undefined && cache.maxAge <= options.maxUnhashedMaxAgeSeconds)) return [judged('caching', 'pass', `${kind} with ${shown}`)];
  if (cache.maxAge === undefined) {
    return [judged('caching', 'warn', `${kind} with ${shown}: browsers cache it heuristically, for as long as they guess`, FIX_UNHASHED_CACHE)];
  }
  return [judged('caching', 'warn', `${kind} with ${shown}: longer than ${human(options.maxUnhashedMaxAgeSeconds)}, so a fix reaches shoppers late`, FIX_UNHASHED_CACHE)];
}
