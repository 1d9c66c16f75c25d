import type { HttpResponse } from '../probes/http-response.js';
import { judged, type Judgement } from '../core/outcome.js';
import { isHtml, scriptUrls, visibleText } from '../probes/html.js';

export interface PageExpectation {
  /** What the page is, for messages: "privacy policy". */
  what: string;
  /** Words a real page of this kind contains (any one of them); a 200 without them is likely an app shell or soft 404. */
  keywords: readonly string[];
  /** Least words of its own text (default MIN_BODY_WORDS): a policy is text; a support page may be a sentence and a form. */
  minWords?: number;
}

/** Fewer words than this outside the title, headings, navigation and footer is a stub ("coming soon"), not the page. */
export const MIN_BODY_WORDS = 10;

/** Titles and headings of not-found and error pages, which many sites answer with 200 (a soft 404). */
const NOT_FOUND = /\b(not found|page (does not|doesn't|doesn&#39;t) exist|no longer exists|404|error|oops|something went wrong|unavailable)\b/i;

/** The parts of a page that repeat on every page of a site and say nothing about this one. */
const CHROME = /<(nav|footer|header|aside)\b[\s\S]*?<\/\1\s*>/gi;

export interface PageText {
  title: string;
  /** h1–h3 texts, in order. */
  headings: string[];
  /** Visible text outside the title, headings, navigation, header, footer and asides. */
  main: string;
}

/** What a page says about itself: its title, its headings and its own text without the site's navigation and footer. */
export function pageText(html: string): PageText {
  const title = visibleText(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1] ?? '');
  const withoutChrome = html.replace(/<head\b[\s\S]*?<\/head\s*>/i, ' ').replace(/<title\b[\s\S]*?<\/title\s*>/gi, ' ').replace(CHROME, ' ');
  const headings = [...withoutChrome.matchAll(/<h([1-3])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi)].map((m) => visibleText(m[2] ?? '')).filter(Boolean);
  const main = visibleText(withoutChrome.replace(/<h([1-3])\b[^>]*>[\s\S]*?<\/h\1\s*>/gi, ' '));
  return { title, headings, main };
}

/** A single-page app shell: almost no text, content rendered by scripts — its HTML cannot show what the app displays. */
export function isAppShell(html: string, pageUrl: string): boolean {
  return visibleText(html).length < 80 && scriptUrls(html, pageUrl).length > 0;
}

/** The title or first heading of a not-found or error page answering 2xx (a soft 404), or undefined. */
export function softNotFound(response: HttpResponse): string | undefined {
  if (!isHtml(response)) return undefined;
  const text = pageText(response.body);
  return [text.title, text.headings[0] ?? ''].find((t) => t && NOT_FOUND.test(t));
}

const pathOf = (url: string) => new URL(url).pathname.replace(/\/+$/, '') || '/';
const words = (text: string) => text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length;

/**
 * A published page answers 200 with HTML that is itself the page it claims to be, over HTTPS: its title or a heading
 * names the subject and its own text (not the site's footer) is more than a stub. Redirects (≤ 5, same rules as every
 * probe) are followed first, but one that lands on the home page, or an answer identical to the home page, is the
 * site saying the page does not exist. `home` is the site's home page, fetched when the page may be it.
 */
export function judgePublishedPage(response: HttpResponse, expected: PageExpectation, home?: HttpResponse): Judgement[] {
  const subject = expected.what;
  const fix = `Publish the ${expected.what} at a public URL answering 200 with an HTML page, and set that URL in the config.`;
  if (response.status !== 200) {
    return [judged(subject, 'fail', `${response.url} answers ${response.status}${response.status === 404 ? ' (not found)' : ''}`, fix)];
  }
  if (pathOf(response.url) === '/' && pathOf(response.requestedUrl) !== '/') {
    return [judged(subject, 'fail', `${response.requestedUrl} redirects to the home page (${response.url}): the ${expected.what} is not published there`, fix)];
  }
  const findings: Judgement[] = [];
  if (!isHtml(response)) {
    findings.push(judged(subject, 'warn', `${response.url} answers 200 with ${response.headers['content-type']?.[0] ?? 'no content type'}, not an HTML page`, fix));
  } else {
    findings.push(...judgeContent(response, expected, fix, home));
  }
  if (new URL(response.url).protocol !== 'https:') {
    findings.push(judged('https', 'warn', `served over plain HTTP (${response.url})`, 'Serve the page over HTTPS.'));
  }
  if (findings.length === 0) findings.push(judged(subject, 'pass', `${response.url} answers 200 with an HTML page`));
  return findings;
}

function judgeContent(response: HttpResponse, expected: PageExpectation, fix: string, home: HttpResponse | undefined): Judgement[] {
  const subject = expected.what;
  const text = pageText(response.body);
  const errorTitle = softNotFound(response);
  if (errorTitle) return [judged(subject, 'fail', `${response.url} answers 200 with a not-found or error page ("${errorTitle.slice(0, 60)}"), a soft 404: the ${expected.what} is not published there`, fix)];
  if (home && home.status === 200 && home.url !== response.url && home.body.trim() === response.body.trim() && !isAppShell(response.body, response.url)) {
    return [judged(subject, 'fail', `${response.url} answers with the same page as the home page (${home.url}): the ${expected.what} is not published there`, fix)];
  }
  const mentions = new RegExp(`\\b(${expected.keywords.join('|')})`, 'i');
  const named = [text.title, ...text.headings].some((t) => mentions.test(t));
  if (named && words(text.main) >= (expected.minWords ?? MIN_BODY_WORDS)) return [];
  if (response.truncated) {
    return [judged(subject, 'error', `the page is larger than the ${response.bodyBytes}-byte read cap and its first part does not show the ${expected.what}; cannot judge the rest`)];
  }
  if (named) {
    return [judged(subject, 'warn', `${response.url} is titled as the ${expected.what} but its own text has ${words(text.main)} word(s): a stub, not the ${expected.what}?`, fix)];
  }
  if (mentions.test(text.main)) {
    return [judged(subject, 'warn', `${response.url} mentions it in its text but neither its title nor a heading names the ${expected.what}: is this the page?`, fix)];
  }
  return [judged(subject, 'warn', `${response.url} answers 200 but its text has none of: ${expected.keywords.join(', ')} (an app shell or a soft 404?)`, fix)];
}
