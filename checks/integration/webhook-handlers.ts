import { combine, outcome, judged, type Part } from '../../src/core/outcome.js';
import { notProbed, CONFIGURE_WEBHOOKS } from '../../src/kit/not-probed.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { canSign } from '../../src/probes/webhook-formats.js';
import { webhookProbe } from '../../src/probes/webhook.js';
import { withoutQuery } from '../../src/rules/webhooks.js';
import { GENUINE, unprovenGenuine, webhookVerdict } from '../../src/rules/webhook-verdicts.js';

const ATTESTATION =
  'For each subscribed topic: a test delivery triggered from the provider (shopify app webhook trigger --topic <topic>, stripe trigger <event>) against staging, ' +
  "the handler's log line or stored row for it, and the same delivery (same id) sent twice processed once.";

export default defineCheck({
  id: 'integration.webhook-handlers',
  section: 'integration',
  item: 'Webhook handlers verified with test data',
  severity: 'medium',
  automation: 'partial',
  needs: [],
  verifies:
    "Every webhook handler accepts a correctly signed test delivery in its provider's format and refuses the same signature over a changed body (and, for Stripe, a signature 10 minutes old). " +
    'That each subscribed topic is handled correctly and idempotently stays to attest.',
  how:
    'Per webhook whose provider readiness can sign (shopify, woocommerce, stripe, github) and whose webhooks[].secret is set: POSTs of a synthetic test delivery (ids readiness-probe-…, "test": true, pretty-printed JSON whose bytes differ from JSON.stringify) ' +
    "signed as the provider's SDK signs it: genuine (must be 2xx), genuine signature over the body changed after signing (must be refused: 400/401/403/422), and for Stripe t= 600 s in the past (must be refused). " +
    'Fail: the genuine delivery refused or crashing (5xx), a changed or stale one accepted. Warn: a refusal by a crash. Error: 404/405/410 or a redirect, timeouts. ' +
    'Manual: no secret configured, or a provider whose signature readiness cannot make (magento signs with RSA; generic); no webhook configured at all.',
  attestation: ATTESTATION,
  remediation:
    'Trigger each subscribed topic from the provider (e.g. `shopify app webhook trigger --topic <topic>`, `stripe trigger <event>`) against staging, verify signatures over the raw body, deduplicate on the delivery id, and add handler tests using recorded payloads.',
  async run(ctx) {
    const webhooks = ctx.environment.webhooks ?? [];
    if (webhooks.length === 0) {
      return notProbed({
        missing: 'no webhook is configured',
        configure: "list the app's webhook endpoints in webhooks (url, provider, and secret) so readiness sends each a genuine signed test delivery and a changed one",
        attestation: ATTESTATION,
        remediation: CONFIGURE_WEBHOOKS,
      });
    }
    const parts: Part[] = await Promise.all(
      webhooks.map(async (webhook): Promise<Part> => {
        const label = `${webhook.provider} ${withoutQuery(webhook.url)}`;
        if (!canSign(webhook.provider)) {
          const why = webhook.provider === 'magento' ? 'Adobe Commerce signs with an RSA key readiness does not hold' : 'a generic receiver has no known signature format';
          return { label, outcome: outcome('manual', `not probed: ${why}; send a test delivery from the provider and record the answer`) };
        }
        if (!webhook.secret) return { label, outcome: outcome('manual', unprovenGenuine('manual').message, { remediation: unprovenGenuine('manual').remediation ?? '' }) };
        try {
          const deliveries = await ctx.probe(webhookProbe).deliveries(webhook.url);
          const extra = deliveries.answers.some((a) => a.kind === 'signed') ? [] : [judged('genuine signature', 'error', 'was not sent')];
          return { label, outcome: webhookVerdict(deliveries, GENUINE, 'accepts a genuine test delivery and refuses it changed after signing', extra) };
        } catch (error) {
          return { label, outcome: probeFailure(error) };
        }
      }),
    );
    return combine(parts, { pass: 'every webhook handler accepts a genuine signed test delivery and refuses a changed one' });
  },
});
