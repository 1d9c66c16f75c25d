import { judged, type Judgement } from '../core/outcome.js';
import type { DeliveryAnswer, DeliveryKind, WebhookDeliveries } from '../probes/webhook.js';

const REJECTED = new Set([400, 401, 403, 422]);
const WRONG_URL = new Set([404, 405, 410]);

const SUBJECTS: Record<DeliveryKind, string> = {
  unsigned: 'unsigned delivery',
  forged: 'wrong signature',
  signed: 'genuine signature',
  tampered: 'body changed after signing',
  stale: 'genuine signature 10 minutes old',
};

const ACCEPTED_MEANS: Record<Exclude<DeliveryKind, 'signed'>, string> = {
  unsigned: 'anyone can post a fake delivery and it is processed',
  forged: 'the signature is not verified',
  tampered: 'the signature is not checked against the raw body it covers',
  stale: 'the timestamp is not checked, so a captured delivery can be replayed',
};

const VERIFY_FIX =
  "Verify the provider's signature over the raw request body (express.raw, before any JSON parsing) with the signing secret, compare in constant time, and answer 401 before processing anything when it is missing or wrong.";
const GENUINE_FIX =
  'Compute the HMAC over the exact bytes received (express.raw / the raw body), not over re-serialized JSON, and check the secret configured here is the one the provider signs with.';
const CRASH_FIX = 'Catch signature errors and answer 401 (Stripe: constructEvent throws on a bad signature; turn it into a 400/401, not a 500).';
const URL_FIX = 'Point webhooks[].url at the route that handles POST deliveries (the URL registered with the provider).';
const STALE_FIX = "Reject deliveries whose signed timestamp is older than the SDK's tolerance (Stripe's constructEvent does this with its default 300 s).";

/** What one test delivery's answer shows: those that must be refused (all but `signed`) and the one that must be accepted. */
export function judgeDelivery(answer: DeliveryAnswer): Judgement {
  const subject = SUBJECTS[answer.kind];
  const status = answer.status;
  if (WRONG_URL.has(status)) return judged(subject, 'error', `answered ${status}: nothing handles POST at this URL, so the signature check could not be probed`, URL_FIX);
  if (status >= 300 && status < 400) return judged(subject, 'error', `answered ${status} (a redirect, which providers do not follow): the receiver was not reached`, URL_FIX);
  if (answer.kind === 'signed') {
    if (status >= 200 && status < 300) return judged(subject, 'pass', `accepted with ${status}`);
    if (REJECTED.has(status)) return judged(subject, 'fail', `refused with ${status}: genuine deliveries are rejected (is the HMAC computed over re-serialized JSON instead of the raw body, or with another secret?)`, GENUINE_FIX);
    if (status >= 500) return judged(subject, 'fail', `crashed with ${status} on a genuine delivery`, GENUINE_FIX);
    return judged(subject, 'error', `answered ${status}, which says neither accepted nor refused`);
  }
  if (status >= 200 && status < 300) {
    return judged(subject, 'fail', `accepted with ${status}: ${ACCEPTED_MEANS[answer.kind]}`, answer.kind === 'stale' ? STALE_FIX : VERIFY_FIX);
  }
  if (REJECTED.has(status)) return judged(subject, 'pass', `rejected with ${status}`);
  if (status >= 500) return judged(subject, 'warn', `rejected, but with ${status}: the receiver crashes on a bad signature instead of answering 401`, CRASH_FIX);
  return judged(subject, 'error', `answered ${status}, which says neither accepted nor refused`);
}

/** The judgements of the deliveries of the given kinds that were sent. */
export function judgeDeliveries(deliveries: WebhookDeliveries, kinds: readonly DeliveryKind[]): Judgement[] {
  return deliveries.answers.filter((a) => kinds.includes(a.kind)).map(judgeDelivery);
}

/** The evidence of the deliveries: what was sent and what came back, never a signature or the secret. */
export function deliveryEvidence(deliveries: WebhookDeliveries): Record<string, unknown> {
  return {
    provider: deliveries.provider,
    signedWithSecret: deliveries.signed,
    deliveries: deliveries.answers.map((a) => ({ kind: a.kind, requestBytes: a.requestBytes, status: a.status, ms: a.ms })),
  };
}
