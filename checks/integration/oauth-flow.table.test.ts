import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './oauth-flow.js';

// Recorded from fixtures/apps/oauth-install.ts on loopback ports of their own.
judgementTable(check, [
  { scenario: 'correct install', status: 'pass', message: 'the install redirects to Shopify with client_id, scope, an https redirect_uri and a fresh state, and the callback refuses a forged hmac' },
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
  { scenario: 'hangs', status: 'error', message: /^no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },
]);
