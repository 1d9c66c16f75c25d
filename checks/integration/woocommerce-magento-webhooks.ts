import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { webhookProbe } from '../../src/probes/webhook.js';
import { withoutQuery } from '../../src/rules/webhooks.js';
import { FORGERIES, unprovenGenuine, webhookVerdict } from '../../src/rules/webhook-verdicts.js';

export default defineCheck({
  id: 'integration.woocommerce-magento-webhooks',
  section: 'integration',
  item: 'WooCommerce/Magento webhook formats tested (if supporting)',
  severity: 'low',
  automation: 'automated',
  needs: ['webhooks'],
  verifies:
    'Every WooCommerce webhook refuses unsigned and forged deliveries and, with the secret configured, accepts one whose X-WC-Webhook-Signature is the base64 HMAC-SHA256 of the raw body and refuses it over a changed body; every Magento (Adobe Commerce) webhook refuses unsigned and forged deliveries.',
  how:
    'Per webhook with provider woocommerce or magento, POSTs of a synthetic test delivery (ids readiness-probe-…, "test": true): woocommerce with X-WC-Webhook-Source/-Topic/-Resource/-Event/-ID/-Delivery-ID, ' +
    'magento with X-Adobe-Commerce-Webhook-Id: 1. no signature; 2. a well-formed wrong signature (base64 HMAC with the wrong key; for Magento 256 bytes of base64 where its RSA signature goes, as readiness holds no RSA key); ' +
    'and for woocommerce with webhooks[].secret 3. the genuine signature (must be 2xx) and 4. the genuine signature over a changed body. Refused means 400/401/403/422. ' +
    "WooCommerce's own unsigned ping is a form POST (webhook_id=…), which readiness does not send, so a 200 to it is never judged. " +
    'Fail: a forged, unsigned or changed delivery accepted; a genuine one refused. Warn: a refusal by a crash (5xx); a woocommerce webhook with no secret. Error: 404/405/410, a redirect, timeouts. Skip: neither is configured (not supported).',
  remediation:
    'WooCommerce: compute base64(HMAC-SHA256(raw body, webhook secret)), compare with X-WC-Webhook-Signature in constant time, refuse with 401 otherwise. Adobe Commerce: verify x-adobe-commerce-webhook-signature with the public key from the Admin (RSA-SHA256) before processing.',
  async run(ctx) {
    const webhooks = (ctx.environment.webhooks ?? []).filter((w) => w.provider === 'woocommerce' || w.provider === 'magento');
    if (webhooks.length === 0) return outcome('skip', 'no webhook with provider: woocommerce or magento is configured (not supporting them)');
    const parts: Part[] = await Promise.all(
      webhooks.map(async (webhook): Promise<Part> => {
        const label = `${webhook.provider} ${withoutQuery(webhook.url)}`;
        try {
          const deliveries = await ctx.probe(webhookProbe).deliveries(webhook.url);
          if (deliveries.signed) return { label, outcome: webhookVerdict(deliveries, [...FORGERIES, 'signed', 'tampered'], 'refuses unsigned, forged and changed deliveries and accepts a genuine one') };
          const extra = webhook.provider === 'woocommerce' ? [unprovenGenuine('warn')] : [];
          return { label, outcome: webhookVerdict(deliveries, FORGERIES, 'refuses unsigned and forged deliveries (its RSA signature cannot be made here)', extra) };
        } catch (error) {
          return { label, outcome: probeFailure(error) };
        }
      }),
    );
    return combine(parts, { pass: 'every WooCommerce/Magento webhook refuses forged deliveries (and accepts a genuine WooCommerce one where a secret is set)' });
  },
});
