import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './woocommerce-magento-webhooks.js';

// Recorded from loopback receivers on ports of their own (fixtures/webhooks/receivers.ts): rows match the port with \S+.
judgementTable(check, [
  { scenario: 'woocommerce and magento verified', status: 'pass', message: 'every WooCommerce/Magento webhook refuses forged deliveries (and accepts a genuine WooCommerce one where a secret is set)' },
  { scenario: 'woocommerce without secret', status: 'warn', message: /^woocommerce \S+: genuine signature: not probed: no webhooks\[\]\.secret is configured/ },
  {
    scenario: 'verify nothing',
    status: 'fail',
    message: /^woocommerce \S+: unsigned delivery: accepted with 200: .*; magento \S+\/none\/magento: unsigned delivery: accepted with 200: anyone can post a fake delivery and it is processed; wrong signature: accepted with 200: the signature is not verified$/,
  },
  { scenario: 'wrong url', status: 'error', message: /^magento \S+\/webhooks\/adobe: unsigned delivery: answered 404: nothing handles POST at this URL/ },
  { scenario: 'hangs', status: 'error', message: /^woocommerce \S+: no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },
]);
