import { describe, expect, it } from 'vitest';
import { serve } from '../../fixtures/apps/serve.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import type { ReceiverSecrets } from '../../fixtures/webhooks/receivers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import { useWebhookReceivers } from '../../test/helpers/webhook-receivers.js';
import check from './webhook-handlers.js';

const receivers = useWebhookReceivers();

type Provider = keyof ReceiverSecrets;
const hook = (provider: Provider, path = `/webhooks/${provider}`) => ({ url: `${receivers.url}${path}`, provider, secret: receivers.secrets[provider] });
const judge = (webhooks: Record<string, unknown>[], record: string, http = {}) => runCheck(check, targetOf({ webhooks }), { record, http, timeoutMs: 20_000 });
const expectNoSecret = (result: unknown) => expect(JSON.stringify(result)).not.toContain('CANARY-webhook');

describe('integration.webhook-handlers against real receivers', () => {
  it("passes every provider's documented receiver, Stripe's own constructEvent included", async () => {
    const result = await judge([hook('shopify'), hook('woocommerce'), hook('stripe'), hook('github')], 'every provider verified');
    expect(result.status).toBe('pass');
    expect(result.message).toBe('every webhook handler accepts a genuine signed test delivery and refuses a changed one');
    const stripe = result.evidence[`stripe ${receivers.url}/webhooks/stripe`] as { deliveries: { kind: string; status: number }[] };
    expect(stripe.deliveries.map((d) => `${d.kind} ${d.status}`)).toEqual(['unsigned 400', 'forged 400', 'signed 200', 'tampered 400', 'stale 400']);
    expectNoSecret(result);
  });

  it('fails a Stripe receiver that ignores the timestamp: a captured delivery replays', async () => {
    const result = await judge([hook('stripe', '/broken/ignores-timestamp/stripe')], 'stripe ignores timestamp');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/genuine signature 10 minutes old: accepted with 200: the timestamp is not checked, so a captured delivery can be replayed$/);
  });

  it('fails receivers that verify nothing, only check the header is present, or sign re-serialized JSON', async () => {
    const none = await judge([hook('github', '/broken/none/github')], 'github verifies nothing');
    expect(none.status).toBe('fail');
    expect(none.message).toMatch(/body changed after signing: accepted with 200: the signature is not checked against the raw body/);
    const presence = await judge([hook('github', '/broken/presence-only/github')], 'github presence only');
    expect(presence.status).toBe('fail');
    const reserialized = await judge([hook('shopify', '/broken/reserialized/shopify')], 'shopify re-serialized json');
    expect(reserialized.status).toBe('fail');
    expect(reserialized.message).toMatch(/genuine signature: refused with 401/);
    expectNoSecret([none, presence, reserialized]);
  });

  it('fails a receiver holding another secret (genuine deliveries refused)', async () => {
    const result = await judge([{ ...hook('woocommerce'), secret: 'CANARY-webhook-not-the-receivers-secret' }], 'woocommerce other secret');
    expect(result.status).toBe('fail');
    expectNoSecret(result);
  });

  it('is manual without a secret and for providers it cannot sign (magento, generic)', async () => {
    const result = await judge(
      [
        { url: `${receivers.url}/webhooks/shopify`, provider: 'shopify' },
        { url: `${receivers.url}/webhooks/magento`, provider: 'magento' },
        { url: `${receivers.url}/webhooks/generic`, provider: 'generic', secret: receivers.secrets.github },
      ],
      'nothing to sign',
    );
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/Adobe Commerce signs with an RSA key readiness does not hold/);
    expect(result.message).toMatch(/no webhooks\[\]\.secret is configured/);
  });

  it('reports error for a wrong URL, a refused port and a hanging receiver', async () => {
    const missing = await judge([hook('stripe', '/webhooks/stripe-typo')], 'wrong url');
    expect(missing.status).toBe('error');
    expect(missing.message).toMatch(/answered 404: nothing handles POST at this URL/);
    const closed = await serve(() => undefined);
    await closed.close();
    const refused = await judge([{ url: `${closed.url}/webhooks/shopify`, provider: 'shopify', secret: receivers.secrets.shopify }], 'connection refused');
    expect(refused.status).toBe('error');
    expect(refused.message).toMatch(/refused/);
    const hang = await receivers.track(hangingServer());
    const hung = await judge([{ url: `${hang.url}/webhooks/shopify`, provider: 'shopify', secret: receivers.secrets.shopify }], 'hangs', { totalTimeoutMs: 1_000 });
    expect(hung.status).toBe('error');
    expectNoSecret([missing, refused, hung]);
  });

  it('is manual with guidance when no webhook is configured', async () => {
    const result = await runCheck(check, targetOf({ services: { api: { url: receivers.url } } }));
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^not probed: no webhook is configured; list the app's webhook endpoints in webhooks \(url, provider, and secret\)/);
    expect(result.message).toContain("Until then it needs a person's attestation: For each subscribed topic");
  });
});
