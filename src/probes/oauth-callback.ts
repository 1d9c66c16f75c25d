import { createHmac, randomBytes } from 'node:crypto';
import type { EnvironmentConfig } from '../config/schema/index.js';
import type { HttpResponse } from './http-response.js';
import { httpProbe, type HttpProbe } from './http.js';
import { defineProbe } from './registry.js';

/** What marks the probe's state as readiness's own: no install ever issued it, and a log reader sees whose it is. */
export const UNISSUED_STATE_PREFIX = 'readiness-probe-never-issued-';
export const PROBE_CODE_PREFIX = 'readiness-probe-code-';

/**
 * The `hmac` Shopify puts on an OAuth redirect: hex HMAC-SHA256, keyed with the app's API secret, of the other query
 * parameters sorted by key and joined `k=v&…` (keys and values percent-encoded as @shopify/shopify-api's
 * stringifyQuery does). The probe's own values are unreserved characters only, so every documented variant of the
 * encoding (raw, `&`/`%` escaped, fully encoded) signs the same bytes.
 */
export function shopifyQueryHmac(params: Readonly<Record<string, string>>, secret: string): string {
  const message = Object.keys(params)
    .filter((key) => key !== 'hmac')
    .sort((a, b) => a.localeCompare(b))
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(params[key] ?? '')}`)
    .join('&');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * The one callback readiness signs: genuine in every part Shopify vouches for (a fresh timestamp, the shop, a code, the
 * hmac made with oauth.secret) except the state, which no install of this run issued. The secret is read here, from
 * the config, so it never travels as an argument (and never lands in a recording); the time and the random parts are
 * made here, so a replay asks for the same call.
 */
export class OAuthCallbackProbe {
  private readonly memo = new Map<string, Promise<HttpResponse>>();

  constructor(
    private readonly oauth: EnvironmentConfig['oauth'],
    private readonly http: HttpProbe,
  ) {}

  /** The answer of oauth.callback (`url`) to a correctly signed callback carrying a state it never issued. */
  unissuedState(url: string): Promise<HttpResponse> {
    let pending = this.memo.get(url);
    if (!pending) {
      pending = this.send(url);
      this.memo.set(url, pending);
    }
    return pending;
  }

  private async send(url: string): Promise<HttpResponse> {
    const oauth = this.oauth;
    if (!oauth || oauth.callback !== url) throw new Error(`no oauth.callback is configured at ${url}`);
    if (!oauth.secret) throw new Error('no oauth.secret is configured to sign the callback with');
    const code = `${PROBE_CODE_PREFIX}${randomBytes(8).toString('hex')}`;
    const state = `${UNISSUED_STATE_PREFIX}${randomBytes(12).toString('hex')}`;
    // Now, since Shopify's libraries refuse a callback whose timestamp is more than 90 seconds off.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const hmac = shopifyQueryHmac({ code, shop: oauth.shop, state, timestamp }, oauth.secret);
    const signed = new URL(url);
    // Shopify's own order: hmac among the parameters sorted by name.
    signed.search = new URLSearchParams({ code, hmac, shop: oauth.shop, state, timestamp }).toString();
    return this.http.fetch({ url: signed.href, method: 'GET', followRedirects: false, maxBodyBytes: 64 * 1024 });
  }
}

export const oauthCallbackProbe = defineProbe<OAuthCallbackProbe>({
  name: 'oauth',
  describes:
    'With oauth.secret, one GET of oauth.callback through the HTTP probe, redirects not followed: code=readiness-probe-code-…, shop=<oauth.shop>, ' +
    'state=readiness-probe-never-issued-… (a state no install issued), timestamp=now and the hmac Shopify would compute with the secret. The secret signs and is never sent or printed.',
  create: (run) => new OAuthCallbackProbe(run.target.environment.oauth, run.get(httpProbe)),
});
