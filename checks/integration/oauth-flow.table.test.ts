import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './oauth-flow.js';

const PASS = 'the install redirects to Shopify with client_id, scope, an https redirect_uri and a fresh state, and the callback refuses a forged hmac and a state it never issued';
const NO_SECRET = 'callback with a state it never issued: not probed: set oauth.secret so readiness can sign a callback with a state it never issued';
const withoutSecret = (recorded: Record<string, unknown>) => {
  const { secret: _secret, ...oauth } = recorded.oauth as Record<string, unknown>;
  return { ...recorded, oauth };
};

// Recorded from fixtures/apps/oauth-install.ts on loopback ports of their own.
judgementTable(check, [
  { scenario: 'correct install', status: 'pass', message: PASS, evidence: { install: 302, callback: { 'bad hmac': 401, 'unissued state': 401 } } },
  { name: 'correct install without oauth.secret → manual (the state check is not probed)', scenario: 'correct install', environment: withoutSecret, status: 'manual', message: NO_SECRET },
  {
    scenario: 'hmac-only callback',
    status: 'fail',
    message: "callback with a state it never issued: answered 302 to /app: the callback went on with a correctly signed request whose state it never issued (CSRF: an attacker's own callback completes in a victim's session)",
    evidence: { callback: { 'bad hmac': 401, 'unissued state': 302 } },
  },
  { scenario: 'restarting callback', status: 'pass', message: PASS, evidence: { callback: { 'bad hmac': 401, 'unissued state': 302 } } },
  { scenario: 'crashing callback', status: 'warn', message: 'callback with a state it never issued: answered 500: it refuses by crashing' },
  // Without the secret the hmac-only callback looks like the correct one: only the signed probe tells them apart.
  { scenario: 'hmac-only callback, no secret', status: 'manual', message: NO_SECRET },
  { name: 'nothing configured → manual with guidance', scenario: 'correct install', environment: () => ({}), status: 'manual', message: /^not probed: no oauth is configured; set oauth\.install .+ Until then it needs a person's attestation: An install on a development store/ },
  { scenario: 'no callback configured', status: 'manual', message: 'callback: not probed: no oauth.callback is configured' },
  {
    scenario: 'fixed state',
    status: 'fail',
    message:
      /^redirect_uri: http:\/\/127\.0\.0\.1:\d+\/fixed-state\/auth\/callback is not https; state: the same on two install requests: a fixed state is no nonce \(CSRF\); callback with a bad hmac: answered 302 to \/app: the callback went on with a forged hmac$/,
  },
  { scenario: 'foreign redirect_uri', status: 'fail', message: "redirect_uri: https://app.example.net/auth/callback is not on the app's own domain (127.0.0.1)" },
  { scenario: 'no client_id or scope', status: 'fail', message: 'client_id: missing; scope: missing' },
  { scenario: 'wrong url', status: 'error', message: 'install: answered 404: nothing answers at this URL' },
  {
    scenario: 'wrong callback url',
    status: 'error',
    message: 'callback with a bad hmac: answered 404: nothing answers at oauth.callback; callback with a state it never issued: answered 404: nothing answers at oauth.callback',
  },
  { scenario: 'hangs', status: 'error', message: /^no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },
]);
