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
