import { createHmac } from 'node:crypto';
import express from 'express';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { targetOf } from '../../test/helpers/run-check.js';
import { RunProbes } from './probe-set.js';
import { PROBE_ID, PROBE_SHOP, syntheticPayload } from './webhook-formats.js';
import { STALE_SECONDS, webhookProbe } from './webhook.js';

interface Seen {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const SECRET = 'CANARY-webhook-probe-secret-0123456789';
let seen: Seen[] = [];
let server: RunningServer;
beforeAll(async () => {
  const app = express();
  app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
    seen.push({ headers: req.headers, body: (req.body as Buffer).toString('utf8') });
    res.status(401).json({ error: 'nope' });
  });
  server = await serve(app);
});
afterAll(() => server.close());

async function deliver(provider: string, secret?: string) {
  seen = [];
  const url = `${server.url}/hook`;
  const probes = new RunProbes({ target: targetOf({ webhooks: [{ url, provider, ...(secret ? { secret } : {}) }] }), signal: new AbortController().signal, userAgent: 'readiness-test', http: {} });
  try {
    return await probes.get(webhookProbe).deliveries(url);
  } finally {
    await probes.close();
  }
}

describe('webhook probe against a real receiver', () => {
  it('sends 5 Stripe deliveries whose signatures Stripe\'s own SDK accepts (genuine) and refuses (stale, forged, tampered)', async () => {
    const result = await deliver('stripe', SECRET);
    expect(result.answers.map((a) => a.kind)).toEqual(['unsigned', 'forged', 'signed', 'tampered', 'stale']);
    expect(seen).toHaveLength(5);
    const stripe = new Stripe('sk_test_readiness_probe');
    const verify = (s: Seen) => () => stripe.webhooks.constructEvent(s.body, String(s.headers['stripe-signature'] ?? ''), SECRET);
    expect(seen[0]!.headers['stripe-signature']).toBeUndefined();
    expect(verify(seen[1]!)).toThrow(/No signatures found matching/);
    expect(verify(seen[2]!)().id).toBe(`evt_${PROBE_ID}`);
    expect(verify(seen[3]!)).toThrow(/No signatures found matching/);
    expect(verify(seen[4]!)).toThrow(/Timestamp outside the tolerance zone/);
    const t = (s: Seen) => Number(/t=(\d+)/.exec(String(s.headers['stripe-signature']))![1]);
    expect(t(seen[2]!) - t(seen[4]!)).toBe(STALE_SECONDS);
  });

  it('signs Shopify deliveries as base64 HMAC of the raw body, pretty-printed so a re-serializing verifier differs', async () => {
    const result = await deliver('shopify', SECRET);
    expect(result.signed).toBe(true);
    const genuine = seen[2]!;
    expect(genuine.headers['x-shopify-hmac-sha256']).toBe(createHmac('sha256', SECRET).update(genuine.body).digest('base64'));
    expect(genuine.headers['x-shopify-shop-domain']).toBe(PROBE_SHOP);
    expect(genuine.headers['x-shopify-topic']).toBe('orders/create');
    expect(genuine.headers['x-shopify-webhook-id']).toBe(PROBE_ID);
    expect(JSON.stringify(JSON.parse(genuine.body))).not.toBe(genuine.body);
    expect(JSON.parse(genuine.body)).toMatchObject({ id: PROBE_ID, test: true });
    expect(seen[3]!.headers['x-shopify-hmac-sha256']).toBe(genuine.headers['x-shopify-hmac-sha256']);
    expect(seen[3]!.body).not.toBe(genuine.body);
  });

  it('signs GitHub (sha256=<hex>) and WooCommerce (base64) deliveries with their own headers', async () => {
    await deliver('github', SECRET);
    expect(seen[2]!.headers['x-hub-signature-256']).toBe(`sha256=${createHmac('sha256', SECRET).update(seen[2]!.body).digest('hex')}`);
    expect(seen[2]!.headers['x-github-event']).toBe('ping');
    await deliver('woocommerce', SECRET);
    expect(seen[2]!.headers['x-wc-webhook-signature']).toBe(createHmac('sha256', SECRET).update(seen[2]!.body).digest('base64'));
    expect(seen[2]!.headers['x-wc-webhook-source']).toBe(`https://${PROBE_SHOP}/`);
  });

  it('sends only the unsigned and forged deliveries without a secret, and to providers it cannot sign for', async () => {
    expect((await deliver('shopify')).answers.map((a) => a.kind)).toEqual(['unsigned', 'forged']);
    const magento = await deliver('magento', SECRET);
    expect(magento.signed).toBe(false);
    expect(seen).toHaveLength(2);
    expect(Buffer.from(String(seen[1]!.headers['x-adobe-commerce-webhook-signature']), 'base64')).toHaveLength(256);
  });

  it('never sends the secret and keeps it out of what it returns', async () => {
    const result = await deliver('github', SECRET);
    expect(JSON.stringify(seen)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.answers[0]).toMatchObject({ status: 401, requestBytes: Buffer.byteLength(syntheticPayload('github')) });
  });
});
