import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './webhooks-reachable.js';

// Recorded from loopback servers on ports of their own: messages name the port, so rows match it with \d+.
judgementTable(check, [
  { scenario: 'rejects unsigned', status: 'pass', message: 'every webhook endpoint is reachable over HTTPS' },
  // Walls in front of the receiver: each passed as "rejects unsigned deliveries" before.
  {
    scenario: 'wall: basic',
    status: 'fail',
    message: /^shopify (https:\/\/127\.0\.0\.1:\d+\/basic\/webhooks\/shopify): \1: answers 401 with WWW-Authenticate: Basic: HTTP authentication in front of the route refuses the provider's signed deliveries too \(providers send no credentials\)$/,
  },
  {
    scenario: 'wall: session',
    status: 'fail',
    message: /^shopify (\S+): \1: answers 401 with an HTML login page \("Sign in · Shop admin"\): a session wall in front of the route refuses the provider's signed deliveries too$/,
  },
  {
    scenario: 'wall: allow-list',
    status: 'fail',
    message: /^shopify (\S+): \1: answers 403 with an HTML error page from nginx \("403 Forbidden"\): a proxy, allow-list, WAF or CSRF rule in front of the receiver refuses the provider's signed deliveries too$/,
  },
  {
    scenario: 'wall: guarded',
    status: 'warn',
    message:
      /^shopify (\S+): \1: answers 401, and so does the unrelated path \/guarded\/webhooks\/__readiness-not-a-webhook with the same body: that is something in front of every path \(auth middleware, an allow-list\), not the receiver rejecting a bad signature$/,
  },
  { name: 'a wall fails whatever the time limit', scenario: 'wall: allow-list', options: { maxResponseMs: 60_000 }, status: 'fail', message: /answers 403 with an HTML error page from nginx/ },
  { scenario: 'receiver before the auth middleware', status: 'pass', message: 'every webhook endpoint is reachable over HTTPS' },
  {
    scenario: 'accepts unsigned',
    status: 'warn',
    message:
      /^shopify (https:\/\/127\.0\.0\.1:\d+\/webhooks\/shopify): \1: reachable, but accepted an unsigned delivery with 200: make sure the handler verifies the signature \(see security\.shopify-webhook-hmac\)$/,
  },
  { scenario: 'no handler', status: 'fail', message: /^shopify (https:\/\/127\.0\.0\.1:\d+\/webhooks\/woocommerce): \1: answers 404: no webhook handler accepts POST at this URL$/ },
  { scenario: 'plain http', status: 'fail', message: /^shopify (http:\/\/127\.0\.0\.1:\d+\/webhooks\/shopify): \1: is not an https:\/\/ URL: providers require HTTPS$/ },
  { scenario: 'connection refused', status: 'fail', message: /^shopify https:\/\/127\.0\.0\.1:(\d+)\/webhooks\/shopify: connection refused by 127\.0\.0\.1:\1$/ },
  { scenario: 'endpoint hangs', status: 'error', message: /^shopify http:\/\/127\.0\.0\.1:(\d+)\/webhooks\/shopify: no complete answer from 127\.0\.0\.1:\1 within 300 ms$/ },
  // With the secret, the webhook family's genuinely signed delivery decides.
  { scenario: 'signed delivery accepted', status: 'pass', message: 'every webhook endpoint is reachable over HTTPS' },
  {
    scenario: 'signed delivery refused by a wall',
    status: 'fail',
    message:
      /^shopify (\S+): \1: answers 401 to the unsigned delivery and 401 to a genuinely signed test delivery too: a wall in front of the receiver, or a receiver holding another secret, refuses the provider's deliveries \(see integration\.webhook-handlers\)$/,
  },
  { name: 'no webhook configured → manual with guidance', scenario: 'rejects unsigned', environment: () => ({}), status: 'manual', message: /^not probed: no webhook is configured; .+ Until then it needs a person's attestation: / },
]);
