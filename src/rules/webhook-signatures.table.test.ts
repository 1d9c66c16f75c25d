import { describe, expect, it } from 'vitest';
import type { DeliveryAnswer, DeliveryKind } from '../probes/webhook.js';
import { judgeDelivery } from './webhook-signatures.js';

const answer = (kind: DeliveryKind, status: number): DeliveryAnswer => ({ kind, status, ms: 3, contentType: 'application/json', body: '{}', requestBytes: 200 });

// The verdicts: 400/401/403 to a bad signature is enforced, 2xx a failure, 5xx a warning, 404/405 a wrong URL.
const rows: [DeliveryKind, number, string, RegExp][] = [
  ['unsigned', 401, 'pass', /^rejected with 401$/],
  ['forged', 400, 'pass', /^rejected with 400$/],
  ['forged', 403, 'pass', /^rejected with 403$/],
  ['tampered', 422, 'pass', /^rejected with 422$/],
  ['unsigned', 200, 'fail', /^accepted with 200: anyone can post a fake delivery/],
  ['forged', 204, 'fail', /^accepted with 204: the signature is not verified$/],
  ['tampered', 202, 'fail', /^accepted with 202: the signature is not checked against the raw body/],
  ['stale', 200, 'fail', /^accepted with 200: the timestamp is not checked/],
  ['forged', 500, 'warn', /^rejected, but with 500: the receiver crashes/],
  ['stale', 502, 'warn', /^rejected, but with 502/],
  ['unsigned', 404, 'error', /^answered 404: nothing handles POST at this URL/],
  ['forged', 405, 'error', /^answered 405/],
  ['unsigned', 302, 'error', /^answered 302 \(a redirect, which providers do not follow\)/],
  ['unsigned', 429, 'error', /^answered 429, which says neither accepted nor refused$/],
  ['signed', 200, 'pass', /^accepted with 200$/],
  ['signed', 401, 'fail', /^refused with 401: genuine deliveries are rejected \(is the HMAC computed over re-serialized JSON/],
  ['signed', 500, 'fail', /^crashed with 500 on a genuine delivery$/],
  ['signed', 404, 'error', /^answered 404/],
  ['signed', 409, 'error', /^answered 409, which says neither accepted nor refused$/],
];

describe('judgeDelivery', () => {
  it.each(rows)('%s delivery answered %i → %s', (kind, status, verdict, message) => {
    const judgement = judgeDelivery(answer(kind, status));
    expect(judgement.status).toBe(verdict);
    expect(judgement.message).toMatch(message);
  });
});
