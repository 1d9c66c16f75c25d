import { createHmac } from 'node:crypto';
import type { WebhookProvider } from '../config/schema/webhooks.js';

/**
 * How each provider signs and labels a delivery, as its own SDK does it: Shopify and WooCommerce send the base64
 * HMAC-SHA256 of the raw body, GitHub `sha256=<hex>` of it, Stripe `t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`.
 * Adobe Commerce signs with an RSA key readiness does not hold, and a generic receiver's format is unknown: both only
 * get deliveries a verifier must refuse.
 */

/** The synthetic delivery's ids and shop: marked as test data, so a receiver that verifies nothing processes nothing real. */
export const PROBE_ID = 'readiness-probe-0000000001';
export const PROBE_SHOP = 'readiness-probe.invalid';

/**
 * Pretty-printed with a key order JSON.stringify would not keep after a parse of another shape: a receiver that
 * verifies `JSON.stringify(req.body)` instead of the raw bytes computes another HMAC and refuses genuine deliveries.
 */
export function syntheticPayload(provider: WebhookProvider): string {
  const object: Record<string, unknown> =
    provider === 'stripe'
      ? { id: `evt_${PROBE_ID}`, object: 'event', type: 'readiness.probe', livemode: false, data: { object: { id: PROBE_ID, test: true, note: 'readiness probe: synthetic test data, do not process' } } }
      : { id: PROBE_ID, test: true, note: 'readiness probe: synthetic test data, do not process', shop_domain: PROBE_SHOP, total_price: '0.00' };
  // Two-space indentation and a space before each colon: a raw-body verifier sees these bytes, a re-serializer does not.
  return JSON.stringify(object, null, 2).replace(/": /g, '" : ');
}

/** The same delivery with one field changed after signing. */
export function tampered(body: string): string {
  return body.replace('"0.00"', '"999.00"').replace('do not process', 'do NOT process');
}

export const SIGNATURE_HEADERS: Record<WebhookProvider, string> = {
  shopify: 'x-shopify-hmac-sha256',
  woocommerce: 'x-wc-webhook-signature',
  stripe: 'stripe-signature',
  github: 'x-hub-signature-256',
  magento: 'x-adobe-commerce-webhook-signature',
  generic: 'x-webhook-signature',
};

/** Providers whose genuine signature readiness can compute from the configured secret. */
export function canSign(provider: WebhookProvider): boolean {
  return provider === 'shopify' || provider === 'woocommerce' || provider === 'stripe' || provider === 'github';
}

/** The signature header value a provider would send for `body` (Stripe's at `timestamp`, unix seconds). */
export function signature(provider: WebhookProvider, key: string, body: string, timestamp: number): string {
  const hmac = (data: string) => createHmac('sha256', key).update(data, 'utf8');
  switch (provider) {
    case 'shopify':
    case 'woocommerce':
      return hmac(body).digest('base64');
    case 'github':
      return `sha256=${hmac(body).digest('hex')}`;
    case 'stripe':
      return `t=${timestamp},v1=${hmac(`${timestamp}.${body}`).digest('hex')}`;
    case 'magento':
      // An RSA-SHA256 signature of a 2048-bit key is 256 bytes; these are well-formed base64 of the right length, and wrong.
      return Buffer.alloc(256, 7).toString('base64');
    case 'generic':
      return `sha256=${hmac(body).digest('hex')}`;
  }
}

/** The key of a well-formed signature that is wrong: right shape and length, computed with a key nobody holds. */
export const WRONG_KEY = 'readiness-probe-not-the-secret';

/** The headers a provider's delivery carries besides its signature. */
export function providerHeaders(provider: WebhookProvider): Record<string, string> {
  const json = { 'content-type': 'application/json' };
  switch (provider) {
    case 'shopify':
      return { ...json, 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': PROBE_SHOP, 'x-shopify-api-version': '2025-01', 'x-shopify-webhook-id': PROBE_ID, 'x-shopify-test': 'true' };
    case 'woocommerce':
      return { ...json, 'x-wc-webhook-source': `https://${PROBE_SHOP}/`, 'x-wc-webhook-topic': 'order.created', 'x-wc-webhook-resource': 'order', 'x-wc-webhook-event': 'created', 'x-wc-webhook-id': '0', 'x-wc-webhook-delivery-id': PROBE_ID };
    case 'stripe':
      return { ...json };
    case 'github':
      return { ...json, 'x-github-event': 'ping', 'x-github-delivery': PROBE_ID, 'x-github-hook-id': '0' };
    case 'magento':
      return { ...json, 'x-adobe-commerce-webhook-id': PROBE_ID };
    case 'generic':
      return { ...json, 'x-webhook-id': PROBE_ID };
  }
}
