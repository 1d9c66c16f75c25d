import { judged, verdictOf, type Judgement } from '../../src/core/outcome.js';
import { notProbed } from '../../src/kit/not-probed.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { httpProbe } from '../../src/probes/http.js';
import { oauthCallbackProbe } from '../../src/probes/oauth-callback.js';
import { authorizeState, judgeCallback, judgeInstall } from '../../src/rules/oauth-install.js';

/** A fixed, old timestamp and a well-formed wrong hmac: no genuine callback looks like this. */
const FORGED = { code: 'readiness-probe-code', timestamp: '1700000000', hmac: '0'.repeat(64) };

const ATTESTATION =
  'An install on a development store: the redirect to the authorize screen, the callback completing and the access token stored (encrypted) for the shop; ' +
  'a callback with a changed hmac and one whose state the app never issued both refused; uninstall and reinstall working.';

export default defineCheck({
  id: 'integration.oauth-flow',
  section: 'integration',
  item: 'OAuth flow tested end-to-end',
  severity: 'critical',
  automation: 'partial',
  needs: [],
  verifies:
    "The install endpoint starts Shopify OAuth correctly (redirect to https://<shop>/admin/oauth/authorize with client_id, scope, an https redirect_uri on the app's own domain and a fresh state), and the callback refuses a forged hmac and, signed correctly, a state it never issued. " +
    'That a merchant completes the install and a token is stored stays to attest.',
  how:
    'Two GETs of oauth.install?shop=<oauth.shop> (default readiness-probe.myshopify.com; the second with &readiness-probe=2 so it is a separate request), redirects not followed: the first Location must be https://<shop>/admin/oauth/authorize with client_id, scope, ' +
    'an https redirect_uri on the install host or its domain, and a state of 16+ characters that differs on the second. With oauth.callback: one GET with code, shop, the first state, an old timestamp and hmac=0…0; ' +
    'and with oauth.secret (the app\'s API secret key) one more GET signed as Shopify signs it (hex HMAC-SHA256 with the secret over the other parameters sorted by name, joined k=v&…) with code=readiness-probe-code-…, shop, timestamp=now and ' +
    'state=readiness-probe-never-issued-…. Each must be refused (400/401/403/422, or a redirect back to the install path or to Shopify\'s authorize URL). ' +
    'Fail: wrong authorize URL, a missing parameter, an http or foreign redirect_uri, a missing or fixed state, a forged or never-issued-state callback accepted (2xx, or a redirect into the app). ' +
    'Warn: a short state, a callback refusing by a 5xx. Manual: no redirect to read (embedded apps redirecting from script); no oauth.callback; no oauth.secret (the state check is not probed: ' +
    'a never-issued state with a bad hmac would be refused for the hmac); no oauth configured at all. The signed probe proves the state check only if oauth.secret is the app\'s real secret: with a wrong one the app refuses it for the hmac. ' +
    'Error: 404/405, timeouts.',
  remediation:
    'Check the redirect URLs in the Partner dashboard, generate a random state per install and verify it in the callback with the query hmac, request only needed scopes, store tokens encrypted, and test install, uninstall and reinstall on a dev store.',
  attestation: ATTESTATION,
  async run(ctx) {
    const config = ctx.environment.oauth;
    if (!config) {
      return notProbed({
        missing: 'no oauth is configured',
        configure: "set oauth.install (with oauth.callback and oauth.secret, the app's API secret key) so readiness checks the install redirect and that the callback refuses a forged hmac and a state it never issued",
        attestation: ATTESTATION,
        remediation: 'Configure oauth: { install: https://app.example.com/auth, callback: https://app.example.com/auth/callback, secret: "${SHOPIFY_API_SECRET}" }.',
      });
    }
    const installUrl = (n: number) => {
      const url = new URL(config.install);
      url.searchParams.set('shop', config.shop);
      if (n > 1) url.searchParams.set('readiness-probe', String(n));
      return url.href;
    };
    const get = (url: string) => ctx.probe(httpProbe).fetch({ url, method: 'GET', followRedirects: false, maxBodyBytes: 64 * 1024 });
    try {
      const first = await get(installUrl(1));
      const second = await get(installUrl(2));
      const judgements: Judgement[] = judgeInstall(first, second, config.shop);
      const installPath = new URL(config.install).pathname;
      const callbacks: Record<string, number> = {};
      if (config.callback) {
        const url = new URL(config.callback);
        url.search = new URLSearchParams({ ...FORGED, shop: config.shop, state: authorizeState(first) ?? 'readiness-probe-never-issued' }).toString();
        const forged = await get(url.href);
        callbacks['bad hmac'] = forged.status;
        judgements.push(judgeCallback(forged, installPath, 'bad hmac', config.shop));
        if (config.secret) {
          const unissued = await ctx.probe(oauthCallbackProbe).unissuedState(config.callback);
          callbacks['unissued state'] = unissued.status;
          judgements.push(judgeCallback(unissued, installPath, 'unissued state', config.shop));
        } else {
          judgements.push(judged('callback with a state it never issued', 'manual', 'not probed: set oauth.secret so readiness can sign a callback with a state it never issued'));
        }
      } else {
        judgements.push(judged('callback', 'manual', 'not probed: no oauth.callback is configured'));
      }
      return verdictOf(judgements, 'the install redirects to Shopify with client_id, scope, an https redirect_uri and a fresh state, and the callback refuses a forged hmac and a state it never issued', {
        install: first.status,
        ...(config.callback ? { callback: callbacks } : {}),
      });
    } catch (error) {
      return probeFailure(error);
    }
  },
});
