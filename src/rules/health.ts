import { outcome, type OutcomeExtras } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { header, type HttpResponse } from '../probes/http-response.js';
import { isHtml, visibleText } from '../probes/html.js';
import { healthWord, readHealthJson, type HealthReport } from './health-body.js';

const UNHEALTHY_FIX = 'Make the health route answer 503 (not 200) when the service or a dependency it needs is down, and fix what it reports.';

/**
 * 200 within the limit is healthy. A redirect is not (it is often a login page answering 200 after the hop), a 200
 * whose body says "down" is not either — in the shapes health endpoints write it (see health-body.ts) — nor a 200
 * error page, and a JSON answer that does not parse cannot be read at all.
 */
export function judgeHealth(response: HttpResponse, maxMs: number): CheckOutcome {
  const evidence: OutcomeExtras['evidence'] = {
    url: response.url,
    status: response.status,
    ms: response.timing.totalMs,
    contentType: header(response, 'content-type') ?? null,
  };
  if (response.status >= 300 && response.status < 400) {
    return outcome('fail', `answered ${response.status}, a redirect to ${header(response, 'location') ?? '(no Location)'}, not 200`, {
      evidence,
      remediation: 'Serve the health route directly (no auth redirect, no trailing-slash redirect) and answer 200 when healthy.',
    });
  }
  if (response.status !== 200) {
    return outcome('fail', `answered ${response.status}, not 200`, {
      evidence,
      remediation: 'Make the health route answer 200 when the service can serve traffic; check the service logs for why it does not.',
    });
  }
  const body = readBody(response);
  if (body.kind === 'unparsable') {
    return outcome('error', `answered 200 with ${body.contentType} but the body does not parse as JSON${response.truncated ? ` (cut at the ${response.bodyBytes}-byte read cap)` : ''}: its health cannot be read`, {
      evidence,
      remediation: 'Answer the health route with valid JSON (or plain text) that says whether the service is up.',
    });
  }
  if (body.kind === 'error-page') {
    return outcome('fail', `answered 200 with an error page (${body.what} "${body.text}"), not a healthy answer`, { evidence, remediation: UNHEALTHY_FIX });
  }
  const report = body.kind === 'json' ? body.report : undefined;
  if (report) {
    evidence.reported = report.readings.map((r) => `${r.path}=${String(r.value)}`);
    const top = report.readings.find((r) => r.path === 'status' && typeof r.value === 'string');
    if (top) evidence.reportedStatus = top.value;
  }
  if (report?.verdict === 'unhealthy') {
    return outcome('fail', `answered 200 but its body reports ${report.decisive.map(describe).join(', ')}`, { evidence, remediation: UNHEALTHY_FIX });
  }
  if (response.timing.totalMs > maxMs) {
    return outcome('fail', `answered 200 in ${response.timing.totalMs} ms, slower than the ${maxMs} ms limit`, { evidence });
  }
  if (report?.verdict === 'degraded') {
    return outcome('warn', `answered 200 in ${response.timing.totalMs} ms but reports ${report.decisive.map(describe).join(', ')}`, { evidence, remediation: UNHEALTHY_FIX });
  }
  return outcome('pass', `200 in ${response.timing.totalMs} ms`, { evidence });
}

function describe(reading: HealthReport['decisive'][number]): string {
  return typeof reading.value === 'string' ? `${reading.path} "${reading.value}"` : `${reading.path}: ${String(reading.value)}`;
}

type Body =
  | { kind: 'json'; report: HealthReport }
  | { kind: 'unparsable'; contentType: string }
  | { kind: 'error-page'; what: string; text: string }
  | { kind: 'other' };

/** Titles and headings of error pages: the status phrases of RFC 9110 and the words error templates use. */
const ERROR_TITLE =
  /\b(error|exception|not found|forbidden|access denied|unauthori[sz]ed|bad gateway|service unavailable|gateway time-?out|internal server error|something went wrong|oops|maintenance|unavailable|unhealthy|failed|failure|crash(?:ed)?|down)\b|^\s*[45]\d\d\b/i;

function readBody(response: HttpResponse): Body {
  const contentType = header(response, 'content-type') ?? '';
  const declaredJson = /\bjson\b|\+json\b/i.test(contentType);
  const text = response.body.trim();
  if (declaredJson || /^[[{]/.test(text)) {
    try {
      return { kind: 'json', report: readHealthJson(JSON.parse(text) as unknown) };
    } catch {
      if (declaredJson) return { kind: 'unparsable', contentType: contentType.split(';')[0]!.trim() };
    }
  }
  if (isHtml(response)) {
    const title = visibleText(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(response.body)?.[1] ?? '');
    const heading = visibleText(/<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(response.body)?.[1] ?? '');
    if (title && ERROR_TITLE.test(title)) return { kind: 'error-page', what: 'title', text: title.slice(0, 80) };
    if (heading && ERROR_TITLE.test(heading)) return { kind: 'error-page', what: 'heading', text: heading.slice(0, 80) };
    return { kind: 'other' };
  }
  // A plain-text answer: "OK" is healthy; a first line that is an unhealthy word or an error phrase is not.
  const first = text.split('\n', 1)[0]?.trim() ?? '';
  if (first && first.length <= 80 && (healthWord(first) === 'unhealthy' || ERROR_TITLE.test(first))) return { kind: 'error-page', what: 'text', text: first };
  return { kind: 'other' };
}
