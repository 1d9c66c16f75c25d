import { judged, verdictOf, type Judgement } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { header, type HttpResponse } from '../probes/http.js';
import { cacheability } from './cdn.js';

/*
 * An image as the upload pipeline publishes it, fetched the way a browser does (Accept: image/avif, image/webp):
 * it must come back as AVIF or WebP — in its Content-Type and in its bytes — with a long-lived Cache-Control, and
 * when the format was negotiated from Accept, with Vary: Accept so caches keep the variants apart.
 */

/** What browsers send for an <img>: AVIF and WebP first. */
export const IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

export interface ImageOptions {
  /** A Cache-Control max-age below this many seconds is a warning. */
  minMaxAgeSeconds: number;
}

type Sniffed = 'avif' | 'webp' | 'jpeg' | 'png' | 'gif' | 'svg' | 'unknown';

/** The format the first bytes show (the body arrives as UTF-8 text: binary bytes become U+FFFD, the ASCII markers survive). */
export function sniffImage(body: string): Sniffed {
  if (/^RIFF[\s\S]{1,8}WEBP/.test(body)) return 'webp';
  if (/^[\s\S]{1,8}ftyp(avif|avis)/.test(body)) return 'avif';
  if (/^\uFFFDPNG/.test(body)) return 'png';
  if (/^GIF8[79]a/.test(body)) return 'gif';
  if (/^\uFFFD{2,3}/.test(body) && /JFIF|Exif/.test(body.slice(0, 40))) return 'jpeg';
  if (/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(body)) return 'svg';
  return 'unknown';
}

const FORMAT_OF_TYPE: Record<string, Sniffed> = {
  'image/avif': 'avif',
  'image/webp': 'webp',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};
const MODERN = new Set<Sniffed>(['avif', 'webp']);
const EXTENSION_FORMAT: Record<string, Sniffed> = { jpg: 'jpeg', jpeg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif', svg: 'svg' };

const FIX_FORMAT = 'Make the pipeline produce WebP or AVIF variants (sharp on upload or in a worker) and serve them by URL or by content negotiation on Accept (CloudFront/Cloudflare image optimization, or a Lambda@Edge rewrite).';
const FIX_CACHE = 'Serve processed images with "Cache-Control: public, max-age=31536000, immutable" (set it as the object\'s metadata on upload to S3) and version their URLs.';

function days(seconds: number): string {
  return seconds >= 86_400 ? `${Math.round(seconds / 86_400)} day(s)` : `${seconds} s`;
}

export function judgeImage(image: HttpResponse, options: ImageOptions): CheckOutcome {
  const type = (header(image, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const sniffed = sniffImage(image.body);
  const evidence = { url: image.url, status: image.status, contentType: type || null, bytesLookLike: sniffed, cacheControl: header(image, 'cache-control') ?? null, vary: header(image, 'vary') ?? null };
  if (image.status !== 200) return verdictOf([judged('image', 'fail', `answered ${image.status}`, 'Point aws.images at images the pipeline really publishes.')], '', evidence);
  const judgements: Judgement[] = [];
  const declared = FORMAT_OF_TYPE[type];
  if (!declared) judgements.push(judged('format', 'fail', `served as ${type || 'no Content-Type'}, not an image type`, FIX_FORMAT));
  else if (sniffed !== 'unknown' && sniffed !== declared) judgements.push(judged('format', 'fail', `Content-Type says ${type} but the bytes are ${sniffed}`, 'Set the Content-Type the pipeline stores with each object to the format it wrote.'));
  else if (declared === 'svg') judgements.push(judged('format', 'pass', 'SVG: a vector image needs no raster format'));
  else if (MODERN.has(declared)) judgements.push(judged('format', 'pass', `served as ${type} to a client that accepts AVIF and WebP`));
  else judgements.push(judged('format', 'fail', `served as ${type} to a client that accepts AVIF and WebP`, FIX_FORMAT));

  const extension = /\.([a-z0-9]+)$/i.exec(new URL(image.url).pathname)?.[1]?.toLowerCase();
  const byName = extension ? EXTENSION_FORMAT[extension] : undefined;
  if (declared && MODERN.has(declared) && byName && byName !== declared) {
    const vary = (header(image, 'vary') ?? '').toLowerCase();
    if (!vary.split(',').some((v) => v.trim() === 'accept' || v.trim() === '*')) {
      judgements.push(judged('caching', 'warn', `${type} chosen from Accept for a .${extension} URL without Vary: Accept: a shared cache may hand it to browsers that cannot show it`, 'Send "Vary: Accept" with negotiated image formats (or put the format in the URL).'));
    }
  }

  const cache = cacheability(image.headers);
  if (!cache.cacheable) judgements.push(judged('caching', 'fail', cache.reason, FIX_CACHE));
  else if (cache.maxAgeSeconds! < options.minMaxAgeSeconds) judgements.push(judged('caching', 'warn', `max-age ${days(cache.maxAgeSeconds!)} is under ${days(options.minMaxAgeSeconds)} (${cache.reason})`, FIX_CACHE));
  else judgements.push(judged('caching', 'pass', cache.reason));
  return verdictOf(judgements, `served as ${type} with ${cache.reason}`, evidence);
}
