import type { HttpResponse } from './http.js';

/**
 * Just enough HTML reading for what a served page shows without running it: tags and their attributes, with
 * comments removed. No HTML parser is a dependency yet; these helpers only look at start tags and text.
 */

export interface Tag {
  name: string;
  attributes: Record<string, string>;
}

export function isHtml(response: HttpResponse): boolean {
  const type = response.headers['content-type']?.[0]?.toLowerCase() ?? '';
  return type.includes('text/html') || type.includes('application/xhtml+xml');
}

function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '');
}

export function tags(html: string, name: string): Tag[] {
  const found: Tag[] = [];
  const pattern = new RegExp(`<${name}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  for (const match of withoutComments(html).matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const attr of (match[1] ?? '').matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
      const key = attr[1]!.toLowerCase();
      if (!(key in attributes)) attributes[key] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    found.push({ name: name.toLowerCase(), attributes });
  }
  return found;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Script URLs a page loads (`<script src>`, `<link rel=modulepreload>`), resolved against the page URL. */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const sources = [
    ...tags(html, 'script').map((t) => t.attributes.src),
    ...tags(html, 'link')
      .filter((t) => /\bmodulepreload\b/i.test(t.attributes.rel ?? ''))
      .map((t) => t.attributes.href),
  ].filter((src): src is string => !!src && src.trim() !== '');
  const urls: string[] = [];
  for (const src of sources) {
    try {
      urls.push(new URL(src.trim(), pageUrl).href);
    } catch {
      // an unparsable src loads nothing in a browser either
    }
  }
  return [...new Set(urls)];
}

export function metaContent(html: string, name: string): string | undefined {
  return tags(html, 'meta').find((t) => t.attributes.name?.toLowerCase() === name)?.attributes.content;
}

/** The text a visitor reads, roughly: without scripts, styles, tags and comments. */
export function visibleText(html: string): string {
  return withoutComments(html)
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Link {
  href: string;
  text: string;
}

export function links(html: string): Link[] {
  return [...withoutComments(html).matchAll(/<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/a\s*>/gi)].map((match) => {
    const href = tags(`<a${match[1] ?? ''}>`, 'a')[0]?.attributes.href ?? '';
    return { href, text: visibleText(match[2] ?? '') };
  });
}
