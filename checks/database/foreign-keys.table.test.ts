import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './foreign-keys.js';

judgementTable(check, [
  { scenario: 'all validated and enforced', status: 'pass', message: '2 foreign key(s), all validated and enforced; session_replication_role = origin' },
  {
    scenario: 'not valid',
    status: 'fail',
    message: '1 foreign key(s) left NOT VALID (existing rows never checked): Payout_merchantId_fkey on Payout',
  },
  { scenario: 'triggers disabled', status: 'fail', message: '1 foreign key(s) not enforced, their triggers disabled: Conversion_productId_fkey on Conversion' },
  {
    scenario: 'triggers replica only',
    status: 'fail',
    message:
      "1 foreign key(s) not enforced, their triggers disabled or set to ENABLE REPLICA (they fire only when session_replication_role = replica, never in the application's sessions): Conversion_productId_fkey on Conversion (ENABLE REPLICA)",
    evidence: { disabled: [{ table: 'Conversion', constraint: 'Conversion_productId_fkey', states: ['R'] }] },
  },
  {
    scenario: 'referenced side replica only',
    status: 'fail',
    message:
      "1 foreign key(s) not enforced, their triggers disabled or set to ENABLE REPLICA (they fire only when session_replication_role = replica, never in the application's sessions): Product_shopId_fkey on Product (ENABLE REPLICA)",
  },
  // ENABLE ALWAYS fires in every session, the application's included: enforced.
  { scenario: 'triggers enable always', status: 'pass', message: '2 foreign key(s), all validated and enforced; session_replication_role = origin' },
  {
    scenario: 'database replica role',
    status: 'fail',
    message: 'session_replication_role is "replica" (source: database): foreign keys are not enforced in such sessions',
  },
  {
    scenario: 'app role replica',
    status: 'fail',
    message: 'session_replication_role is set to "replica" for role shop_app: foreign keys are not enforced in those sessions',
  },
  {
    scenario: 'reference without foreign key',
    status: 'warn',
    message: '1 column(s) named like a reference to an existing table but with no foreign key: Order.shopId',
    evidence: { referencesWithoutForeignKey: ['public.Order.shopId'] },
  },
  {
    scenario: 'wrong password',
    status: 'error',
    message: /^PostgreSQL at 127\.0\.0\.1:\d+\/\w+: password authentication failed \(wrong password in the URL\?\)$/,
    evidence: { reason: 'auth' },
  },
]);
