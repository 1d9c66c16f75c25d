import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './webhooks-reachable.js';

// Recorded from loopback servers on ports of their own: messages name the port, so rows match it with \d+.
judgementTable(check, [
  { scenario: 'rejects unsigned', status: 'pass', message: 'every webhook endpoint is reachable over HTTPS' },
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
]);
