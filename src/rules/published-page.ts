import type { HttpResponse } from '../probes/http.js';
import { judged, type Judgement } from '../core/outcome.js';
import { isHtml, visibleText } from '../probes/html.js';

export interface PageExpectation {
  /** What the page is, for messages: "privacy policy". */
  what: string;
  /** Words a real page of this kind contains (any one of them); a 200 without them is likely an app shell or soft 404. */
  keywords: readonly string[];
}

/**
 * A published page answers 200 with HTML that reads like what it claims to be, over HTTPS. Redirects (≤ 5, same
 * rules as every probe) are followed first.
 */
export function judgePublishedPage(response: HttpResponse, expected: PageExpectation): Judgement[] {
  const subject = expected.what;
  const fix = `Publish the ${expected.what} at a public URL answering 200 with an HTML page, and set that URL in the config.`;
  if (response.status !== 200) {
    return [judged(subject, 'fail', `${response.url} answers ${response.status}${response.status === 404 ? ' (not found)' : ''}`, fix)];
  }
  const findings: Judgement[] = [];
  if (!isHtml(response)) {
    findings.push(judged(subject, 'warn', `${response.url} answers 200 with ${response.headers['content-type']?.[0] ?? 'no content type'}, not an HTML page`, fix));
  } else if (!new RegExp(`\\b(${expected.keywords.join('|')})`, 'i').test(visibleText(response.body))) {
    findings.push(
      response.truncated
        ? judged(subject, 'error', `the page is larger than the ${response.bodyBytes}-byte read cap and its first part does not mention it; cannot judge the rest`)
        : judged(subject, 'warn', `${response.url} answers 200 but its text has none of: ${expected.keywords.join(', ')} (an app shell or a soft 404?)`, fix),
    );
  }
  if (new URL(response.url).protocol !== 'https:') {
    findings.push(judged('https', 'warn', `served over plain HTTP (${response.url})`, 'Serve the page over HTTPS.'));
  }
  if (findings.length === 0) findings.push(judged(subject, 'pass', `${response.url} answers 200 with an HTML page`));
  return findings;
}
