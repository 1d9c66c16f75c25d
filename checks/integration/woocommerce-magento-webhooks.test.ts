import { describe, expect, it } from 'vitest';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { useWebhookReceivers } from '../../test/helpers/webhook-receivers.js';
import check from './woocommerce-magento-webhooks.js';

const receivers = useWebhookReceivers();

const judge = (webhooks: Record<string, unknown>[], record: string, http = {}) => runCheck(check, targetOf({ webhooks }), { record, http, timeoutMs: 20_000 });
const woo = (path: string, secret: string | null = null) => ({ url: `${receivers.url}${path}`, provider: 'woocommerce', ...(secret ? { secret } : {}) });
const magento = (path: string) => ({ url: `${receivers.url}${path}`, provider: 'magento' });

describe('integration.woocommerce-magento-webhooks against real receivers', () => {
  it('passes a WooCommerce receiver verifying X-WC-Webhook-Signature and a Magento one verifying its RSA signature', async () => {
    const result = await judge([woo('/webhooks/woocommerce', receivers.secrets.woocommerce), magento('/webhooks/magento')], 'woocommerce and magento verified');
    expect(result.status).toBe('pass');
    expect(JSON.stringify(result)).not.toContain('CANARY-webhook');
  });

  it('warns for a WooCommerce webhook without a secret', async () => {
    const result = await judge([woo('/webhooks/woocommerce')], 'woocommerce without secret');
    expect(result.status).toBe('warn');
  });

  it('fails receivers that verify nothing', async () => {
    const result = await judge([woo('/broken/none/woocommerce', receivers.secrets.woocommerce), magento('/broken/none/magento')], 'verify nothing');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/woocommerce \S+: unsigned delivery: accepted with 200/);
    expect(result.message).toMatch(/magento \S+: unsigned delivery: accepted with 200/);
  });

  it('reports error for a wrong URL and a hanging receiver', async () => {
    const missing = await judge([magento('/webhooks/adobe')], 'wrong url');
    expect(missing.status).toBe('error');
    const hang = await receivers.track(hangingServer());
    const hung = await judge([{ url: `${hang.url}/wc`, provider: 'woocommerce', secret: receivers.secrets.woocommerce }], 'hangs', { totalTimeoutMs: 1_000 });
    expect(hung.status).toBe('error');
  });

  it('skips when neither platform is configured (not supporting them)', async () => {
    const result = await runCheck(check, targetOf({ webhooks: [{ url: `${receivers.url}/webhooks/shopify`, provider: 'shopify' }] }));
    expect(result.status).toBe('skip');
    expect(result.message).toBe('no webhook with provider: woocommerce or magento is configured (not supporting them)');
  });
});
