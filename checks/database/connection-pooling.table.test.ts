import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './connection-pooling.js';

// Recorded from the fixture server: max_connections 40 with 3 superuser-reserved slots, 37 usable.
const NOW = String.raw`^\d+ of 37 usable connections in use now \([\d.]+%; max_connections 40 − 3 reserved\)`;

judgementTable(check, [
  { scenario: 'pools leave headroom', status: 'pass', message: new RegExp(`${NOW}; the pools can open at most 15 \\(40\\.5%\\)$`) },
  {
    scenario: 'pools leave headroom',
    options: { warnPercent: 40 },
    status: 'warn',
    message: 'the pools can open 15 connections (api 2×5 + worker 1×5) of 37 usable (40.5%, above 40%): little headroom for migrations, consoles and restarts',
  },
  { scenario: 'pools exceed the server', status: 'fail', message: 'the pools can open 50 connections (api 10×5) of 37 usable: at peak, connections will be refused' },
  {
    scenario: 'pools exceed the server',
    options: { warnPercent: 100 },
    status: 'fail',
    message: 'the pools can open 50 connections (api 10×5) of 37 usable: at peak, connections will be refused',
  },
  {
    scenario: 'connection_limit near the limit',
    status: 'warn',
    message: 'the pools can open 30 connections (api 3×10) of 37 usable (81.1%, above 80%): little headroom for migrations, consoles and restarts',
    evidence: { urlParams: { connection_limit: 10, pool_timeout: null, pgbouncer: false } },
  },
  { scenario: 'connection_limit near the limit', options: { warnPercent: 90 }, status: 'pass', message: new RegExp(`${NOW}; the pools can open at most 30 \\(81\\.1%\\)$`) },
  { scenario: 'no pool size', status: 'warn', message: 'pool size not set: no connection_limit in database.url, so Prisma opens num_cpus × 2 + 1 per instance' },
  {
    scenario: 'replicas unknown',
    status: 'manual',
    message: new RegExp(`${NOW}; connection_limit=5 per instance, but the replicas are unknown: declare them in database.pools to have the sum checked$`),
  },
  {
    scenario: 'behind PgBouncer',
    status: 'manual',
    message: new RegExp(`${NOW}; pgbouncer=true, so the pool that reaches PostgreSQL is PgBouncer's: confirm default_pool_size × PgBouncer instances fits 37$`),
  },
  {
    scenario: 'role connection limit used up',
    status: 'fail',
    message: "3 of 3 usable connections in use now (100%; the role's CONNECTION LIMIT 3): new connections are refused",
  },
  {
    scenario: 'wrong password',
    status: 'error',
    message: /^PostgreSQL at 127\.0\.0\.1:\d+\/\w+: password authentication failed \(wrong password in the URL\?\)$/,
    evidence: { reason: 'auth' },
  },
]);
