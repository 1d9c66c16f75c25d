import { judged, type Judgement } from '../core/outcome.js';
import { metaContent } from '../probes/html.js';

/** Lighthouse's accessibility threshold: a maximum-scale below 5 stops people zooming in far enough. */
export const MIN_MAXIMUM_SCALE = 5;

export function parseViewport(content: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const part of content.split(/[,;]/)) {
    const [key, value = ''] = part.split('=').map((s) => s.trim().toLowerCase());
    if (key) properties.set(key, value);
  }
  return properties;
}

const FIX = 'Add <meta name="viewport" content="width=device-width, initial-scale=1"> to the <head> of every page, without user-scalable=no or a low maximum-scale.';

/**
 * What the served HTML shows about phone layouts: a viewport meta tag fitting the page to the device width, and
 * pinch-zoom left on. Whether the layout then works at 360-430 px is for a person to see.
 */
export function judgeViewport(html: string): Judgement {
  const subject = 'viewport';
  const content = metaContent(html, 'viewport');
  if (content === undefined) return judged(subject, 'fail', 'no <meta name="viewport">: phones render a 980 px desktop page zoomed out', FIX);
  const viewport = parseViewport(content);
  if (viewport.get('width') !== 'device-width') {
    return judged(subject, 'fail', `"${content}" does not set width=device-width: the page is not fitted to the phone's width`, FIX);
  }
  const scalable = viewport.get('user-scalable');
  const maximum = Number(viewport.get('maximum-scale'));
  if (scalable === 'no' || scalable === '0') return judged(subject, 'warn', `"${content}" disables pinch-zoom (user-scalable=${scalable})`, FIX);
  if (viewport.has('maximum-scale') && Number.isFinite(maximum) && maximum < MIN_MAXIMUM_SCALE) {
    return judged(subject, 'warn', `"${content}" limits zoom to maximum-scale=${maximum} (under ${MIN_MAXIMUM_SCALE})`, FIX);
  }
  return judged(subject, 'pass', content);
}
