import { judged, type Judgement } from '../core/outcome.js';
import type { HttpResponse } from '../probes/http-response.js';
import { findStackTrace } from './dev-markers.js';

/*
 * The conversion endpoint gets three POSTs: a well-formed synthetic test event, a body that is not JSON, and an
 * event without its fields. It must take the first and refuse the other two with a 4xx: an endpoint that records
 * garbage fills the merchant's analytics with it, and one that crashes on it turns every bad beacon into a 500.
 */

export const CONVERSION_ATTEMPTS = ['well-formed', 'invalid-json', 'missing-fields'] as const;
export type ConversionAttempt = (typeof CONVERSION_ATTEMPTS)[number];

/** readiness's own event when no sample is configured: every identifier says it is a probe and test data. */
export const SYNTHETIC_CONVERSION: Readonly<Record<string, unknown>> = {
  event: 'conversion',
  test: true,
  id: 'readiness-probe-conversion-1',
  shop: 'readiness-probe.invalid',
  orderId: 'readiness-probe-order-1',
  sessionId: 'readiness-probe-session-1',
  productId: 'readiness-probe-product-1',
  value: 0,
  currency: 'USD',
  note: 'synthetic test data from readiness, do not process',
};

/** JSON cut off before its end: no parser accepts it. */
export const INVALID_JSON = '{"event": "conversion", "test": true, "id": "readiness-probe-invalid-json", "shop": "readiness-probe.invalid"';

/** The event with every field gone but its test marker (so even a receiver that validates nothing sees test data). */
export function withoutFields(event: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return 'test' in event ? { test: event.test } : {};
}

const SUBJECTS: Record<ConversionAttempt, string> = {
  'well-formed': 'a well-formed test event',
  'invalid-json': 'invalid JSON',
  'missing-fields': 'an event missing its fields',
};

const FIX_VALIDATE =
  'Validate conversion events before storing them (a zod/JSON-schema check of the required fields, express.json() in strict mode) and answer 400 or 422 to a malformed one.';
const FIX_CRASH = 'Handle malformed bodies as a 400 (an error handler for express.json()\'s SyntaxError, schema validation before use), never a 500 or a stack trace.';
const FIX_URL = 'Point integrations.conversions.url at the endpoint the widget posts conversions to (POST).';
const FIX_SAMPLE = 'Set integrations.conversions.sample to a test event in the endpoint\'s own format (ids readiness-probe-…, shop readiness-probe.invalid).';

const ok = (status: number) => status >= 200 && status < 300;

/** The judgements of one answer: a stack trace in it, then whether it is the answer the attempt must get. */
export function judgeConversionAnswer(attempt: ConversionAttempt, response: HttpResponse, sampleConfigured: boolean): Judgement[] {
  const subject = SUBJECTS[attempt];
  const { status } = response;
  const out: Judgement[] = [];
  const stack = findStackTrace(response.body);
  if (stack) out.push(judged(subject, 'fail', `the ${status} answer holds a stack trace ("${stack.slice(0, 80)}")`, FIX_CRASH));
  if (status === 404 || status === 405 || status === 410) {
    out.push(judged(subject, 'error', `answered ${status}: nothing takes POST at this URL`, FIX_URL));
    return out;
  }
  if (status >= 300 && status < 400) {
    out.push(judged(subject, 'error', `answered ${status} (a redirect): beacons and fetch() POSTs do not survive it; is the URL right?`, FIX_URL));
    return out;
  }
  if (attempt === 'well-formed') {
    if (ok(status)) out.push(judged(subject, 'pass', `accepted with ${status}`));
    else if (status >= 500) out.push(judged(subject, 'fail', `answered ${status}: the endpoint crashes on a well-formed event, so conversions are lost`, FIX_CRASH));
    else if (status === 401 || status === 403) out.push(judged(subject, 'error', `refused with ${status}: the endpoint wants a credential readiness does not send`, FIX_SAMPLE));
    else if (sampleConfigured) out.push(judged(subject, 'fail', `refused with ${status}: the configured sample event, in the endpoint's own format, is not recorded`, FIX_VALIDATE));
    else out.push(judged(subject, 'error', `refused readiness's generic event with ${status}: its format is not the endpoint's, so nothing shows a real one is taken`, FIX_SAMPLE));
    return out;
  }
  if (ok(status)) out.push(judged(subject, 'fail', `accepted with ${status}: the endpoint records garbage as conversions`, FIX_VALIDATE));
  else if (status >= 500) out.push(judged(subject, 'warn', `answered ${status}: refused, but by crashing`, FIX_CRASH));
  else out.push(judged(subject, 'pass', `refused with ${status}`));
  return out;
}
