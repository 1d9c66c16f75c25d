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
  // Each passed when only a top-level "status" string was read.
  { scenario: 'health body /envelope-down', status: 'fail', message: 'odd: answered 200 but its body reports data.status "down"', evidence: { odd: { reported: ['data.status=down'] } } },
  { name: 'a body that says it is down fails before any time limit is looked at', scenario: 'health body /envelope-down', options: { maxResponseMs: 1 }, status: 'fail', message: 'odd: answered 200 but its body reports data.status "down"' },
  { scenario: 'health body /ok-false', status: 'fail', message: 'odd: answered 200 but its body reports ok: false' },
  { scenario: 'health body /status-false', status: 'fail', message: 'odd: answered 200 but its body reports status: false' },
  { scenario: 'health body /error-template', status: 'fail', message: 'odd: answered 200 with an error page (title "Error"), not a healthy answer' },
  { scenario: 'health body /broken-json', status: 'error', message: 'odd: answered 200 with application/json but the body does not parse as JSON: its health cannot be read' },
  { scenario: 'health body /actuator/health-down', status: 'fail', message: 'odd: answered 200 but its body reports status "DOWN"' },
  { scenario: 'health body /terminus', status: 'fail', message: 'odd: answered 200 but its body reports status "error"' },
  {
    scenario: 'health body /actuator/health',
    status: 'pass',
    message: "every service's health endpoint answered 200",
    evidence: { odd: { reported: ['status=UP', 'components.db.status=UP', 'components.ping.status=UP'] } },
  },
  { scenario: 'connection refused', status: 'fail', message: /connection refused/, evidence: { api: { reason: 'refused' } } },
  { scenario: 'one service hangs', status: 'error', message: /^slow: no complete answer/ },
  { scenario: 'connection reset', status: 'error', message: /reset/ },
]);
