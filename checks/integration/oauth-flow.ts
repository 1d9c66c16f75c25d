import { judged, outcome, verdictOf, type Judgement } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { httpProbe } from '../../src/probes/http.js';
import { authorizeState, judgeCallback, judgeInstall } from '../../src/rules/oauth-install.js';

/** A fixed, old timestamp and a well-formed wrong hmac: no genuine callback looks like this. */
const FORGED = { code: 'readiness-probe-code', timestamp: '1700000000', hmac: '0'.repeat(64) };

export default defineCheck({
  id: 'integration.oauth-flow',
  section: 'integration',
  item: 'OAuth flow tested end-to-end',
  severity: 'critical',
  automation: 'partial',
  needs: ['oauth'],
  verifies:
    "The install endpoint starts Shopify OAuth correctly (redirect to https://<shop>/admin/oauth/authorize with client_id, scope, an https redirect_uri on the app's own domain and a fresh state), and the callback refuses a forged hmac. " +
    'That a merchant completes the install and a token is stored stays to attest.',
  how:
    'Two GETs of oauth.install?shop=<oauth.shop> (default readiness-probe.myshopify.com; the second with &readiness-probe=2 so it is a separate request), redirects not followed: the first Location must be https://<shop>/admin/oauth/authorize with client_id, scope, ' +
    'an https redirect_uri on the install host or its domain, and a state of 16+ characters that differs on the second. With oauth.callback: one GET with code, shop, the first state, an old timestamp and hmac=0…0 — ' +
    'it must be refused (400/401/403/422, or a redirect back to the install path). Fail: wrong authorize URL, a missing parameter, an http or foreign redirect_uri, a missing or fixed state, a forged callback accepted. ' +
    'Warn: a short state, a callback refusing by a 5xx. Manual: no redirect to read (embedded apps redirecting from script). Error: 404/405, timeouts.',
  remediation:
    'Check the redirect URLs in the Partner dashboard, generate a random state per install and verify it in the callback with the query hmac, request only needed scopes, store tokens encrypted, and test install, uninstall and reinstall on a dev store.',
  async run(ctx) {
    const config = ctx.environment.oauth;
    if (!config) return outcome('skip', 'no oauth install endpoint is configured');
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
      if (config.callback) {
        const url = new URL(config.callback);
        url.search = new URLSearchParams({ ...FORGED, shop: config.shop, state: authorizeState(first) ?? 'readiness-probe-never-issued' }).toString();
        judgements.push(judgeCallback(await get(url.href), new URL(config.install).pathname));
      } else {
        judgements.push(judged('callback', 'manual', 'not probed: no oauth.callback is configured'));
      }
      return verdictOf(judgements, 'the install redirects to Shopify with client_id, scope, an https redirect_uri and a fresh state, and the callback refuses a forged hmac', {
        install: first.status,
      });
    } catch (error) {
      return probeFailure(error);
    }
  },
});
