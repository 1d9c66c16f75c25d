import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './timezone.js';

const NEW_YORK_DEFAULTS =
  '2 timestamp-without-time-zone column(s) default to now() and store that local time (public.Product.createdAt, public.Shop.createdAt), which Prisma reads back as UTC';

judgementTable(check, [
  { scenario: 'UTC', status: 'pass', message: 'TimeZone is UTC', evidence: { source: 'command line' } },
  { scenario: 'UTC', options: { expected: 'utc' }, status: 'pass', message: 'TimeZone is UTC as configured' },
  { scenario: 'UTC where Berlin is expected', status: 'fail', message: 'TimeZone is UTC (set by command line), not Europe/Berlin' },
  { scenario: 'UTC where Berlin is expected', options: {}, status: 'pass', message: 'TimeZone is UTC' },
  {
    scenario: 'New York with local timestamp defaults',
    status: 'fail',
    message: `TimeZone is America/New_York (set by database), not UTC as recommended; ${NEW_YORK_DEFAULTS}`,
  },
  { scenario: 'New York with local timestamp defaults', options: { expected: 'America/New_York' }, status: 'pass', message: 'TimeZone is America/New_York as configured' },
  { scenario: 'Tokyo', status: 'warn', message: 'TimeZone is Asia/Tokyo (set by database), not UTC as recommended' },
  { scenario: 'Tokyo', options: { expected: 'Asia/Tokyo' }, status: 'pass', message: 'TimeZone is Asia/Tokyo as configured' },
  { scenario: 'Tokyo', options: { expected: 'Europe/Berlin' }, status: 'fail', message: 'TimeZone is Asia/Tokyo (set by database), not Europe/Berlin' },
  { scenario: 'Tokyo expected', status: 'pass', message: 'TimeZone is Asia/Tokyo as configured' },
  { scenario: 'app role in Paris', status: 'warn', message: 'timezone overridden to Europe/Paris for role shop_app: sessions of that role use another zone' },
  {
    scenario: 'app role in Paris',
    options: { expected: 'UTC' },
    status: 'fail',
    message: 'timezone overridden to Europe/Paris for role shop_app: sessions of that role use another zone',
  },
  {
    scenario: 'app role in Paris',
    options: { expected: 'Europe/Paris' },
    status: 'fail',
    message: 'TimeZone is UTC (set by command line), not Europe/Paris',
  },
  {
    scenario: 'server down',
    status: 'error',
    message: /^PostgreSQL at 127\.0\.0\.1:1\/\w+ refused the connection: server down or wrong port$/,
    evidence: { reason: 'refused' },
  },
]);
