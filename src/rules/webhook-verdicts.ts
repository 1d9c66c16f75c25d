import { judged, verdictOf, type Judgement } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { DeliveryKind, WebhookDeliveries } from '../probes/webhook.js';
import { deliveryEvidence, judgeDeliveries } from './webhook-signatures.js';

/** The rejections every verifier must give: no signature, and a well-formed signature made with the wrong key. */
export const FORGERIES: readonly DeliveryKind[] = ['unsigned', 'forged'];
/** What only the secret can show: a genuine delivery accepted, the same signature refused over a changed body, a stale one refused. */
export const GENUINE: readonly DeliveryKind[] = ['signed', 'tampered', 'stale'];

export const SECRET_FIX =
  'Add the signing secret to webhooks[].secret (as "${WEBHOOK_SECRET}" from the environment): readiness signs one synthetic test delivery with it and never prints it.';

/** One webhook's verdict from the deliveries of `kinds`, plus any judgement the caller adds (what could not be probed). */
export function webhookVerdict(deliveries: WebhookDeliveries, kinds: readonly DeliveryKind[], passMessage: string, extra: readonly Judgement[] = []): CheckOutcome {
  return verdictOf([...judgeDeliveries(deliveries, kinds), ...extra], passMessage, deliveryEvidence(deliveries));
}

/** Without the secret, refusing forgeries is all that shows: a receiver refusing everything would look the same. */
export function unprovenGenuine(level: 'warn' | 'manual'): Judgement {
  return judged('genuine signature', level, 'not probed: no webhooks[].secret is configured, so nothing shows a genuine delivery is accepted (a receiver refusing everything looks the same)', SECRET_FIX);
}
