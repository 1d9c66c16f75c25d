import express from 'express';
import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { laxWebhookRoute, walledWebhooks } from '../../fixtures/apps/webhooks.js';
import { webhookReceivers } from '../../fixtures/webhooks/receivers.js';
import { receiverSecrets } from '../../fixtures/webhooks/setup.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { createTestPki, type TestPki } from '../../fixtures/tls/pki.js';
import { serveHttps } from '../../fixtures/tls/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './webhooks-reachable.js';

let pki: TestPki;
const servers: RunningServer[] = [];
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(() => Promise.all(servers.map((s) => s.close())));
async function https(app: RequestListener): Promise<RunningServer> {
  const server = await serveHttps(app, await pki.server({ hosts: ['127.0.0.1'] }));
  servers.push(server);
  return server;
}
const judge = (urls: string[], http = {}, record?: string) =>
  runCheck(check, targetOf({ webhooks: urls.map((url) => ({ url, provider: 'shopify' })) }), { extraCa: pki.caPem, http, ...(record ? { record } : {}) });

describe('infrastructure.webhooks-reachable against real servers', () => {
  it('passes an HTTPS endpoint that rejects the unsigned delivery (HMAC-verifying route of the hardened API)', async () => {
    const api = await https(hardenedApi() as RequestListener);
    const result = await judge([`${api.url}/webhooks/shopify`], {}, 'rejects unsigned');
    expect(result.status).toBe('pass');
    expect((result.evidence[`shopify ${api.url}/webhooks/shopify`] as { status: number }).status).toBe(401);
  });

  it('warns when the endpoint accepts an unsigned delivery', async () => {
    const app = express();
    app.use(laxWebhookRoute());
    const lax = await https(app as RequestListener);
    const result = await judge([`${lax.url}/webhooks/shopify`], {}, 'accepts unsigned');
    expect(result.status).toBe('warn');
    expect(result.message).toContain('accepted an unsigned delivery with 200');
  });

  it('fails a missing route, a plain-HTTP URL and a refused port', async () => {
    const api = await https(hardenedApi() as RequestListener);
    const missing = await judge([`${api.url}/webhooks/woocommerce`], {}, 'no handler');
    expect(missing.message).toContain('answers 404: no webhook handler accepts POST at this URL');
    const plain = await serve(hardenedApi());
    servers.push(plain);
    expect((await judge([`${plain.url}/webhooks/shopify`], {}, 'plain http')).message).toContain('is not an https:// URL');
    const closed = await serve(() => undefined);
    await closed.close();
    const refused = await judge([`https://127.0.0.1:${closed.port}/webhooks/shopify`], {}, 'connection refused');
    expect(refused.status).toBe('fail');
    expect(refused.message).toContain('connection refused');
  });

  // Each 401/403 here passed as "rejects unsigned deliveries", yet would refuse the provider's signed ones too.
  it.each([
    ['basic', 'fail', /^shopify (\S+): \1: answers 401 with WWW-Authenticate: Basic: HTTP authentication in front of the route refuses the provider's signed deliveries too \(providers send no credentials\)$/],
    ['session', 'fail', /^shopify (\S+): \1: answers 401 with an HTML login page \("Sign in · Shop admin"\): a session wall in front of the route refuses the provider's signed deliveries too$/],
    ['allow-list', 'fail', /^shopify (\S+): \1: answers 403 with an HTML error page from nginx \("403 Forbidden"\): a proxy, allow-list, WAF or CSRF rule in front of the receiver refuses the provider's signed deliveries too$/],
    ['guarded', 'warn', /^shopify (\S+): \1: answers 401, and so does the unrelated path \/guarded\/webhooks\/__readiness-not-a-webhook with the same body: that is something in front of every path/],
  ])('tells a wall in front of the receiver (%s) from its own rejection', async (prefix, status, message) => {
    const walls = await https(walledWebhooks() as RequestListener);
    const result = await judge([`${walls.url}/${prefix}/webhooks/shopify`], {}, `wall: ${prefix}`);
    expect(result.status).toBe(status);
    expect(result.message).toMatch(message);
  });

  it("passes a receiver whose own rejection differs from the API's auth answer on other paths", async () => {
    const walls = await https(walledWebhooks() as RequestListener);
    const result = await judge([`${walls.url}/ordered/webhooks/shopify`], {}, 'receiver before the auth middleware');
    expect(result.status).toBe('pass');
    expect(result.evidence[`shopify ${walls.url}/ordered/webhooks/shopify`]).toMatchObject({ status: 401, sibling: { status: 401 } });
  });

  it('reports error when the endpoint hangs, within the timeout', async () => {
    const hang = await hangingServer();
    servers.push(hang);
    const started = Date.now();
    const result = await judge([`http://127.0.0.1:${hang.port}/webhooks/shopify`], { totalTimeoutMs: 300 }, 'endpoint hangs');
    expect(result.status).toBe('error');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('is manual with guidance when no webhook is configured', async () => {
    const result = await runCheck(check, targetOf({ services: { api: { url: 'https://api.example.com' } } }));
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^not probed: no webhook is configured; list the app's webhook endpoints in webhooks/);
    expect(result.message).toContain("Until then it needs a person's attestation: For each webhook URL registered with the provider");
  });
});

// With the secret configured the webhook family's signed test delivery decides (issue 15): no page reading or sibling.
describe('infrastructure.webhooks-reachable with a secret, against real receivers', () => {
  const secrets = receiverSecrets();
  const signedJudge = (url: string, record: string) =>
    runCheck(check, targetOf({ webhooks: [{ url, provider: 'shopify', secret: secrets.shopify }] }), { extraCa: pki.caPem, record, timeoutMs: 20_000 });

  it('passes a receiver that rejects the unsigned delivery and accepts the genuinely signed one', async () => {
    const receivers = await https(webhookReceivers(secrets) as RequestListener);
    const result = await signedJudge(`${receivers.url}/webhooks/shopify`, 'signed delivery accepted');
    expect(result.status).toBe('pass');
    expect(result.evidence[`shopify ${receivers.url}/webhooks/shopify`]).toMatchObject({ status: 401, signedStatus: 200 });
    expect(JSON.stringify(result)).not.toContain('CANARY-webhook');
  });

  it('fails a wall that refuses the genuinely signed delivery too, even one answering JSON like a receiver', async () => {
    const walls = await https(walledWebhooks() as RequestListener);
    const result = await signedJudge(`${walls.url}/guarded/webhooks/shopify`, 'signed delivery refused by a wall');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/answers 401 to the unsigned delivery and 401 to a genuinely signed test delivery too: a wall in front of the receiver/);
  });
});
