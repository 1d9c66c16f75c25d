import { combine, type Part } from '../../src/core/outcome.js';
import { notProbed, CONFIGURE_WEBHOOKS } from '../../src/kit/not-probed.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { webhookProbe } from '../../src/probes/webhook.js';
import { withoutQuery } from '../../src/rules/webhooks.js';
import { FORGERIES, unprovenGenuine, webhookVerdict } from '../../src/rules/webhook-verdicts.js';

const ATTESTATION =
  "The webhook route's code verifying X-Shopify-Hmac-Sha256 over the raw body with the app's secret (a timing-safe compare, 401 before any processing), " +
  'and a test delivery (shopify app webhook trigger, or the Partner dashboard) accepted while one with a changed body is refused.';

export default defineCheck({
  id: 'security.shopify-webhook-hmac',
  section: 'security',
  item: 'Shopify webhook HMAC verification enabled',
  severity: 'critical',
  automation: 'automated',
  needs: [],
  verifies:
    'Every Shopify webhook refuses a delivery unless X-Shopify-Hmac-Sha256 is the HMAC-SHA256 of the raw body keyed with the app secret: unsigned and forged deliveries are refused, and with the secret configured a genuine one is accepted and the same signature over a changed body is refused.',
  how:
    'Per webhook with provider: shopify, POSTs of a synthetic test delivery (ids readiness-probe-…, shop readiness-probe.invalid, pretty-printed JSON) with X-Shopify-Topic, -Shop-Domain, -API-Version and -Webhook-Id: ' +
    '1. without X-Shopify-Hmac-Sha256; 2. with a well-formed base64 HMAC made with the wrong key; and with webhooks[].secret 3. with the genuine HMAC (must be 2xx) and 4. the genuine HMAC over the body changed after signing. ' +
    'Refused means 400/401/403/422. Fail: a forged, unsigned or changed delivery accepted with 2xx; a genuine one refused (often an HMAC of re-serialized JSON instead of the raw body). ' +
    'Warn: a refusal by a crash (5xx); no secret configured (refusals alone do not show a genuine delivery gets through). Error: 404/405/410 or a redirect (wrong URL), timeouts. Manual: no shopify webhook configured (with what to configure and what to attest).',
  attestation: ATTESTATION,
  remediation:
    "Mount `express.raw({ type: 'application/json' })` on webhook routes, compute `createHmac('sha256', secret).update(rawBody).digest('base64')` (or use @shopify/shopify-api's webhooks.validate), compare with crypto.timingSafeEqual, and answer 401 before any processing on mismatch.",
  async run(ctx) {
    const webhooks = (ctx.environment.webhooks ?? []).filter((w) => w.provider === 'shopify');
    if (webhooks.length === 0) {
      return notProbed({
        missing: 'no webhook with provider: shopify is configured',
        configure: "add the app's Shopify webhook endpoint to webhooks (provider: shopify, and secret, the app's API secret key) so readiness sends unsigned, forged and genuine test deliveries",
        attestation: ATTESTATION,
        remediation: CONFIGURE_WEBHOOKS,
      });
    }
    const parts: Part[] = await Promise.all(
      webhooks.map(async (webhook): Promise<Part> => {
        const label = withoutQuery(webhook.url);
        try {
          const deliveries = await ctx.probe(webhookProbe).deliveries(webhook.url);
          return deliveries.signed
            ? { label, outcome: webhookVerdict(deliveries, [...FORGERIES, 'signed', 'tampered'], 'refuses unsigned, forged and changed deliveries and accepts a genuine one') }
            : { label, outcome: webhookVerdict(deliveries, FORGERIES, 'refuses unsigned and forged deliveries', [unprovenGenuine('warn')]) };
        } catch (error) {
          return { label, outcome: probeFailure(error) };
        }
      }),
    );
    return combine(parts, { pass: 'every Shopify webhook verifies its HMAC: forged and changed deliveries are refused, a genuine one is accepted' });
  },
});
