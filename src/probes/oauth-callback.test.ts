import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthApp } from '../../fixtures/apps/oauth-install.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { targetOf } from '../../test/helpers/run-check.js';
import { oauthCallbackProbe, PROBE_CODE_PREFIX, shopifyQueryHmac, UNISSUED_STATE_PREFIX } from './oauth-callback.js';
import { RunProbes } from './probe-set.js';

const SECRET = 'CANARY-oauth-probe-secret-0123456789';
let seen: { url: string; query: Record<string, unknown> }[] = [];
let server: RunningServer;
beforeAll(async () => {
  const app = express();
  app.use((req, _res, next) => {
    seen.push({ url: req.originalUrl, query: { ...req.query } });
    next();
  });
  app.use(oauthApp(SECRET));
  app.get('/elsewhere/callback', (_req, res) => res.redirect(302, '/somewhere-else'));
  server = await serve(app);
});
afterAll(() => server.close());

async function callback(path: string, secret: string | undefined = SECRET) {
  seen = [];
  const url = `${server.url}${path}`;
  const oauth = { install: `${server.url}/auth`, callback: url, ...(secret ? { secret } : {}) };
  const probes = new RunProbes({ target: targetOf({ oauth }), signal: new AbortController().signal, userAgent: 'readiness-test', http: {} });
  try {
    return await probes.get(oauthCallbackProbe).unissuedState(url);
  } finally {
    await probes.close();
  }
}

describe('shopifyQueryHmac', () => {
  it("computes Shopify's documented example signatures", () => {
    // Shopify's OAuth docs example query, with the secret "hush" (as quoted by the shopify_oauth and exshopify docs).
    expect(shopifyQueryHmac({ code: '0907a61c0c8d55e99db179b68161bc00', shop: 'some-shop.myshopify.com', timestamp: '1337178173' }, 'hush')).toBe(
      '4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20',
    );
    expect(shopifyQueryHmac({ timestamp: '1337178173', state: '0.6784241404160823', shop: 'some-shop.myshopify.com', code: '0907a61c0c8d55e99db179b68161bc00', hmac: 'ignored' }, 'hush')).toBe(
      '700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf',
    );
  });
});

describe('oauth callback probe against a real Express callback', () => {
  it('sends one GET that a Shopify hmac verifier accepts, with a fresh timestamp and a state no install issued', async () => {
    const before = Math.floor(Date.now() / 1000);
    const answer = await callback('/hmac-only/auth/callback');
    // The hmac-only callback verified the signature and went on: the signature is genuine.
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toEqual(['/app']);
    expect(seen).toHaveLength(1);
    const query = seen[0]!.query as Record<string, string>;
    expect(Object.keys(query)).toEqual(['code', 'hmac', 'shop', 'state', 'timestamp']);
    expect(query.code!.startsWith(PROBE_CODE_PREFIX)).toBe(true);
    expect(query.state).toMatch(new RegExp(`^${UNISSUED_STATE_PREFIX}[0-9a-f]{24}$`));
    expect(query.shop).toBe('readiness-probe.myshopify.com');
    expect(Math.abs(Number(query.timestamp) - before)).toBeLessThanOrEqual(5);
    expect(query.hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(seen[0]!.url).not.toContain(SECRET);
  });

  it('is refused by a callback that also checks the state, and follows no redirect', async () => {
    expect((await callback('/auth/callback')).status).toBe(401);
    const elsewhere = await callback('/elsewhere/callback');
    expect(elsewhere.status).toBe(302);
    expect(seen).toHaveLength(1);
  });

  it('sends a fresh state each run, and memoises within one', async () => {
    await callback('/auth/callback');
    const first = seen[0]!.query.state;
    await callback('/auth/callback');
    expect(seen[0]!.query.state).not.toBe(first);
    const url = `${server.url}/auth/callback`;
    const probes = new RunProbes({ target: targetOf({ oauth: { install: `${server.url}/auth`, callback: url, secret: SECRET } }), signal: new AbortController().signal, userAgent: 'readiness-test', http: {} });
    seen = [];
    try {
      await Promise.all([probes.get(oauthCallbackProbe).unissuedState(url), probes.get(oauthCallbackProbe).unissuedState(url)]);
    } finally {
      await probes.close();
    }
    expect(seen).toHaveLength(1);
  });

  it('refuses to send without a secret or to a URL that is not oauth.callback', async () => {
    await expect(callback('/auth/callback', '')).rejects.toThrow(/no oauth\.secret/);
    const probes = new RunProbes({ target: targetOf({ oauth: { install: `${server.url}/auth`, secret: SECRET } }), signal: new AbortController().signal, userAgent: 'readiness-test', http: {} });
    try {
      await expect(probes.get(oauthCallbackProbe).unissuedState(`${server.url}/auth/callback`)).rejects.toThrow(/no oauth\.callback is configured/);
    } finally {
      await probes.close();
    }
  });
});
