import { judged, type Judgement } from '../core/outcome.js';
import type { HttpResponse } from '../probes/http-response.js';

const FIX =
  "Redirect the install request to https://<shop>/admin/oauth/authorize with client_id, the scopes needed, an https redirect_uri on the app's own domain and a fresh random state per request (stored to check in the callback).";

/** The state an install redirect carries, if it is a redirect to Shopify's authorize URL at all. */
export function authorizeState(response: HttpResponse): string | undefined {
  const location = response.headers.location?.[0];
  if (!location) return undefined;
  try {
    return new URL(location, response.requestedUrl).searchParams.get('state') ?? undefined;
  } catch {
    return undefined;
  }
}

const sameSite = (host: string, appHost: string) => host === appHost || host.endsWith(`.${appHost}`) || appHost.endsWith(`.${host}`);

/** What the first install redirect and a second one for the same shop show about the OAuth start. */
export function judgeInstall(first: HttpResponse, second: HttpResponse, shop: string): Judgement[] {
  const location = first.headers.location?.[0];
  if (first.status < 300 || first.status >= 400 || !location) {
    const why = first.status === 404 || first.status === 405 ? 'nothing answers at this URL' : 'no redirect to read (an embedded app may redirect from script: attest it)';
    return [judged('install', first.status === 404 || first.status === 405 ? 'error' : 'manual', `answered ${first.status}: ${why}`, FIX)];
  }
  let target: URL;
  try {
    target = new URL(location, first.requestedUrl);
  } catch {
    return [judged('install', 'fail', 'redirects to a Location that does not parse', FIX)];
  }
  const out: Judgement[] = [];
  const expected = `https://${shop}/admin/oauth/authorize`;
  if (`${target.origin}${target.pathname}` !== expected) out.push(judged('authorize URL', 'fail', `redirects to ${target.origin}${target.pathname}, not ${expected}`, FIX));
  else out.push(judged('authorize URL', 'pass', expected));
  const params = target.searchParams;
  out.push(params.get('client_id') ? judged('client_id', 'pass', 'present') : judged('client_id', 'fail', 'missing', FIX));
  out.push(params.get('scope') ? judged('scope', 'pass', params.get('scope')!) : judged('scope', 'fail', 'missing', FIX));
  const redirect = params.get('redirect_uri');
  let redirectUrl: URL | undefined;
  try {
    redirectUrl = redirect ? new URL(redirect) : undefined;
  } catch {
    redirectUrl = undefined;
  }
  const appHost = new URL(first.requestedUrl).hostname;
  if (!redirectUrl) out.push(judged('redirect_uri', 'fail', redirect ? 'does not parse' : 'missing', FIX));
  else if (redirectUrl.protocol !== 'https:') out.push(judged('redirect_uri', 'fail', `${redirectUrl.origin}${redirectUrl.pathname} is not https`, FIX));
  else if (!sameSite(redirectUrl.hostname, appHost)) out.push(judged('redirect_uri', 'fail', `${redirectUrl.origin}${redirectUrl.pathname} is not on the app's own domain (${appHost})`, FIX));
  else out.push(judged('redirect_uri', 'pass', `${redirectUrl.origin}${redirectUrl.pathname}`));
  const state = params.get('state');
  const again = authorizeState(second);
  if (!state) out.push(judged('state', 'fail', 'missing: nothing ties the callback to this install (CSRF)', FIX));
  else if (again === state) out.push(judged('state', 'fail', 'the same on two install requests: a fixed state is no nonce (CSRF)', FIX));
  else if (state.length < 16) out.push(judged('state', 'warn', `only ${state.length} characters: too short to be unguessable`, FIX));
  else out.push(judged('state', 'pass', `fresh per request (${state.length} characters)`));
  return out;
}

/**
 * What readiness sent the callback: `bad hmac`, a forged hmac on the first issued state (is the hmac checked?), or
 * `unissued state`, a callback signed correctly with oauth.secret but carrying a state no install issued (is the state
 * checked? A callback that verifies only the hmac lets an attacker replay their own genuine callback into a victim's
 * session: login CSRF).
 */
export type CallbackProbe = 'bad hmac' | 'unissued state';

const CALLBACK = {
  'bad hmac': {
    subject: 'callback with a bad hmac',
    wentOn: 'the callback went on with a forged hmac',
    accepted: 'the callback does not verify the hmac',
    fix: 'Verify the hmac query parameter (hex HMAC-SHA256 of the sorted query without hmac, keyed with the app secret) and the state before exchanging the code.',
  },
  'unissued state': {
    subject: 'callback with a state it never issued',
    wentOn: 'the callback went on with a correctly signed request whose state it never issued (CSRF: an attacker\'s own callback completes in a victim\'s session)',
    accepted: 'the callback does not check the state against the one it issued (CSRF)',
    fix: "Keep the state issued at install (a signed cookie or the session) and refuse a callback whose state is not that one, before exchanging the code: Shopify's hmac proves the request came from Shopify, not that this browser started the install.",
  },
} as const satisfies Record<CallbackProbe, { subject: string; wentOn: string; accepted: string; fix: string }>;

/**
 * A forged callback must be refused: 400/401/403/422, or a redirect that starts the install again (the install
 * path, or Shopify's authorize URL for the shop).
 */
export function judgeCallback(response: HttpResponse, installPath: string, probe: CallbackProbe = 'bad hmac', shop?: string): Judgement {
  const { subject, wentOn, accepted, fix } = CALLBACK[probe];
  const status = response.status;
  if (status === 400 || status === 401 || status === 403 || status === 422) return judged(subject, 'pass', `refused with ${status}`);
  const location = response.headers.location?.[0];
  if (status >= 300 && status < 400 && location) {
    let target: URL;
    try {
      target = new URL(location, response.requestedUrl);
    } catch {
      return judged(subject, 'error', `answered ${status} with a Location that does not parse: where it goes cannot be told`);
    }
    if (target.pathname === installPath) return judged(subject, 'pass', `sent back to ${target.pathname} to start again`);
    if (shop && target.origin === `https://${shop}` && target.pathname === '/admin/oauth/authorize') return judged(subject, 'pass', "sent back to Shopify's authorize URL to start again");
    return judged(subject, 'fail', `answered ${status} to ${target.pathname}: ${wentOn}`, fix);
  }
  if (status >= 200 && status < 300) return judged(subject, 'fail', `accepted with ${status}: ${accepted}`, fix);
  if (status === 404 || status === 405) return judged(subject, 'error', `answered ${status}: nothing answers at oauth.callback`);
  if (status >= 500) return judged(subject, 'warn', `answered ${status}: it refuses by crashing`);
  return judged(subject, 'error', `answered ${status}`);
}
