import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './webhook-handlers.js';

// Recorded from loopback receivers on ports of their own (fixtures/webhooks/receivers.ts): rows match the port with \S+.
judgementTable(check, [
  { scenario: 'every provider verified', status: 'pass', message: 'every webhook handler accepts a genuine signed test delivery and refuses a changed one' },
  {
    scenario: 'stripe ignores timestamp',
    status: 'fail',
    message: /^stripe \S+\/ignores-timestamp\/stripe: genuine signature 10 minutes old: accepted with 200: the timestamp is not checked, so a captured delivery can be replayed$/,
  },
  { scenario: 'github verifies nothing', status: 'fail', message: /^github \S+: body changed after signing: accepted with 200: the signature is not checked against the raw body it covers$/ },
  { scenario: 'github presence only', status: 'fail', message: /^github \S+\/presence-only\/github: body changed after signing: accepted with 200/ },
  { scenario: 'shopify re-serialized json', status: 'fail', message: /^shopify \S+: genuine signature: refused with 401: genuine deliveries are rejected/ },
  { scenario: 'woocommerce other secret', status: 'fail', message: /^woocommerce \S+: genuine signature: refused with 401: genuine deliveries are rejected/ },
  {
    scenario: 'nothing to sign',
    status: 'manual',
    message: /^shopify \S+: not probed: no webhooks\[\]\.secret is configured.*; magento \S+: not probed: Adobe Commerce signs with an RSA key readiness does not hold; .*; generic \S+: not probed: a generic receiver has no known signature format; /,
  },
  { scenario: 'wrong url', status: 'error', message: /^stripe \S+\/stripe-typo: genuine signature: answered 404: nothing handles POST at this URL/ },
  { scenario: 'connection refused', status: 'error', message: /^shopify \S+: connection refused by 127\.0\.0\.1:\d+$/ },
  { scenario: 'hangs', status: 'error', message: /^shopify \S+: no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },
  { name: 'no webhook configured → manual with guidance', scenario: 'every provider verified', environment: () => ({}), status: 'manual', message: /^not probed: no webhook is configured; .+ Until then it needs a person's attestation: / },
]);
