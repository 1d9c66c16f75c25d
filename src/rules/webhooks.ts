import type { HttpResponse } from '../probes/http.js';
import { judged, type Judgement } from '../core/outcome.js';

const FIX =
  'Expose the webhook route on the production API over HTTPS, outside session auth and IP allow-lists (the HMAC signature is the authentication), answering within 5 s.';

/**
 * What one unsigned POST shows about a webhook endpoint. A verifying endpoint rejects it (400/401/403/422): it is
 * reachable and checks signatures. 404/405 means nothing listens there for POST; 3xx is not followed by providers.
 */
export function judgeWebhookAnswer(response: HttpResponse, maxResponseMs: number): Judgement[] {
  const subject = withoutQuery(response.requestedUrl);
  const findings: Judgement[] = [];
  if (new URL(response.requestedUrl).protocol !== 'https:') findings.push(judged(subject, 'fail', 'is not an https:// URL: providers require HTTPS', FIX));
  const status = response.status;
  if (status >= 300 && status < 400) {
    findings.push(judged(subject, 'fail', `answers ${status} to ${response.headers.location?.[0] ?? '(no Location)'}: webhook providers do not follow redirects`, FIX));
  } else if (status === 404 || status === 405 || status === 410) {
    findings.push(judged(subject, 'fail', `answers ${status}: no webhook handler accepts POST at this URL`, FIX));
  } else if (status >= 500) {
    findings.push(judged(subject, 'fail', `answers ${status} to a delivery: the handler is failing`, FIX));
  } else if (status >= 200 && status < 300) {
    findings.push(
      judged(subject, 'warn', `reachable, but accepted an unsigned delivery with ${status}: make sure the handler verifies the signature (see security.shopify-webhook-hmac)`, 'Verify the provider HMAC before processing and answer 401 when it is missing or wrong.'),
    );
  } else if (response.timing.totalMs > maxResponseMs) {
    findings.push(judged(subject, 'warn', `reachable (${status}) but answered in ${response.timing.totalMs} ms, over ${maxResponseMs} ms: providers time out and retry`, FIX));
  } else {
    findings.push(judged(subject, 'pass', `reachable over HTTPS: rejected the unsigned delivery with ${status} in ${response.timing.totalMs} ms`));
  }
  return findings.some((f) => f.status !== 'pass') ? findings.filter((f) => f.status !== 'pass') : findings;
}

/** Origin and path only: some providers put a token in the webhook URL's query string, and messages must not carry it. */
export function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
}
