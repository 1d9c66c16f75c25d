import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './shopify-webhook-hmac.js';

// Recorded from loopback receivers on ports of their own (fixtures/webhooks/receivers.ts): rows match the port with \S+.
judgementTable(check, [
  { scenario: 'verifies raw-body hmac', status: 'pass', message: 'every Shopify webhook verifies its HMAC: forged and changed deliveries are refused, a genuine one is accepted' },
  { scenario: 'loose compare', status: 'pass', message: 'every Shopify webhook verifies its HMAC: forged and changed deliveries are refused, a genuine one is accepted' },
  {
    scenario: 'no secret configured',
    status: 'warn',
    message: /^\S+\/webhooks\/shopify: genuine signature: not probed: no webhooks\[\]\.secret is configured, so nothing shows a genuine delivery is accepted \(a receiver refusing everything looks the same\)$/,
  },
  {
    scenario: 'verifies nothing',
    status: 'fail',
    message:
      /^\S+: unsigned delivery: accepted with 200: anyone can post a fake delivery and it is processed; wrong signature: accepted with 200: the signature is not verified; body changed after signing: accepted with 200: the signature is not checked against the raw body it covers$/,
  },
  { scenario: 'verifies nothing, no secret', status: 'fail', message: /^\S+: unsigned delivery: accepted with 200: anyone can post a fake delivery and it is processed; wrong signature: accepted with 200: the signature is not verified$/ },
  {
    scenario: 're-serialized json',
    status: 'fail',
    message: /^\S+\/reserialized\/shopify: genuine signature: refused with 401: genuine deliveries are rejected \(is the HMAC computed over re-serialized JSON instead of the raw body, or with another secret\?\)$/,
  },
  { scenario: 'crashes on bad signature', status: 'warn', message: /^\S+: unsigned delivery: rejected, but with 500: the receiver crashes on a bad signature instead of answering 401; wrong signature: rejected, but with 500/ },
  { scenario: 'wrong url', status: 'error', message: /^\S+\/webhooks\/nothing-here: unsigned delivery: answered 404: nothing handles POST at this URL, so the signature check could not be probed; / },
  { scenario: 'hangs', status: 'error', message: /^\S+: no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },
  { name: 'no shopify webhook configured → manual with guidance', scenario: 'verifies raw-body hmac', environment: () => ({}), status: 'manual', message: /^not probed: no webhook with provider: shopify is configured; .+ Until then it needs a person's attestation: / },
]);
