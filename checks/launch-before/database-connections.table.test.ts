import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './database-connections.js';

const CONNECTED = String.raw`^connected as readiness_reader to \w+ \(PostgreSQL 1\d\.\d+, TLSv1\.3\) in \d+ ms`;
const USAGE = String.raw`\d+ of 37 usable connections in use \([\d.]+%\)`;

judgementTable(check, [
  { scenario: 'connected over TLS', status: 'pass', message: new RegExp(`${CONNECTED}; ${USAGE}$`) },
  { scenario: 'connected over TLS', options: { warnPercent: 1 }, status: 'warn', message: new RegExp(`${CONNECTED}; ${USAGE}, above 1%$`) },
  { scenario: 'usage above threshold', status: 'warn', message: new RegExp(`${CONNECTED}; ${USAGE}, above 1%$`) },
  // Below 100 % a warnPercent of 100 never warns: the same observations pass.
  { scenario: 'usage above threshold', options: { warnPercent: 100 }, status: 'pass', message: new RegExp(`${CONNECTED}; ${USAGE}$`) },
  // The application's role (database.appRole), read from pg_roles: the tool's own connection proves nothing about it.
  {
    scenario: 'app role password expired',
    status: 'fail',
    message: new RegExp(
      `${CONNECTED}, but the application role expired_app \\(database\\.appRole\\) has a password that expired \\(VALID UNTIL 2020-01-01 00:00:00\\+00\\): password logins as it are refused$`,
    ),
    evidence: { applicationRole: { role: 'expired_app', canLogin: true, validUntil: '2020-01-01 00:00:00+00' } },
  },
  { scenario: 'app role NOLOGIN', status: 'fail', message: new RegExp(`${CONNECTED}, but the application role nologin_app \\(database\\.appRole\\) is NOLOGIN: every connection as it is refused$`) },
  {
    scenario: 'app role connection limit 0',
    status: 'fail',
    message: new RegExp(`${CONNECTED}, but the application role capped_app \\(database\\.appRole\\) has CONNECTION LIMIT 0: no session may open; 0 of 0 usable connections in use \\(0%\\): new connections are refused$`),
  },
  {
    scenario: 'app role without CONNECT',
    status: 'fail',
    message: new RegExp(`${CONNECTED}, but the application role locked_out_app \\(database\\.appRole\\) has no CONNECT privilege on database \\w+$`),
  },
  {
    scenario: 'app role missing',
    status: 'fail',
    message: new RegExp(`${CONNECTED}, but the application role ghost_app \\(database\\.appRole\\) does not exist on this server: the application cannot log in$`),
  },
  {
    scenario: 'app role password expires soon',
    status: 'warn',
    message: new RegExp(`${CONNECTED}; the application role soon_app \\(database\\.appRole\\) has a password that expires in 3 day\\(s\\) \\(VALID UNTIL .+\\)$`),
  },
  // Three days ahead is outside a 2-day window: the same role passes.
  { scenario: 'app role password expires soon', options: { expiryWarnDays: 2 }, status: 'pass', message: new RegExp(`${CONNECTED}; ${USAGE}$`) },
  { scenario: 'app role can log in', status: 'pass', message: new RegExp(`${CONNECTED}; ${USAGE}$`), evidence: { applicationRole: { role: 'shop_app', canLogin: true } } },
  {
    scenario: 'server down',
    status: 'fail',
    message: /^PostgreSQL at 127\.0\.0\.1:1\/\w+ refused the connection: server down or wrong port$/,
    evidence: { reason: 'refused' },
  },
  {
    scenario: 'wrong password',
    status: 'fail',
    message: /^PostgreSQL at 127\.0\.0\.1:\d+\/\w+: password authentication failed \(wrong password in the URL\?\)$/,
    evidence: { reason: 'auth' },
  },
  { scenario: 'server hangs', status: 'error', message: /^PostgreSQL at 127\.0\.0\.1:\d+\/db: no connection within 300 ms$/, evidence: { reason: 'timeout' } },
]);
