import { judgementTable } from '../../test/helpers/judgement-table.js';
import healthChecks from './health-checks.js';

judgementTable(healthChecks, [
  { scenario: 'api and dashboard healthy', status: 'pass', message: "every service's health endpoint answered 200", evidence: { api: { verdict: 'pass', status: 200 } } },
  { scenario: 'api and dashboard healthy', options: { maxResponseMs: 1 }, status: 'fail', message: /slower than the 1 ms limit/ },
  { scenario: 'widget answers 500', status: 'fail', message: 'widget: answered 500, not 200' },
  { scenario: 'body says down', status: 'fail', message: /reports status "down"/ },
  { scenario: 'body says degraded', status: 'warn', message: /reports status "degraded"/ },
  { scenario: 'redirect to login', status: 'fail', message: /answered 302, a redirect to/ },
  { scenario: 'slow 200', status: 'fail', message: /slower than the 100 ms limit/ },
  { scenario: 'slow 200', options: { maxResponseMs: 5_000 }, status: 'pass', message: "every service's health endpoint answered 200" },
  { scenario: 'connection refused', status: 'fail', message: /connection refused/, evidence: { api: { reason: 'refused' } } },
  { scenario: 'one service hangs', status: 'error', message: /^slow: no complete answer/ },
  { scenario: 'connection reset', status: 'error', message: /reset/ },
]);
