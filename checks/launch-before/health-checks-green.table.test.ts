import { judgementTable } from '../../test/helpers/judgement-table.js';
import healthChecksGreen from './health-checks-green.js';

judgementTable(healthChecksGreen, [
  { scenario: 'api and dashboard healthy', status: 'pass', message: 'all health checks green', evidence: { api: { verdict: 'pass', status: 200 }, dashboard: { verdict: 'pass', status: 200 } } },
  { scenario: 'api and dashboard healthy', options: { maxResponseMs: 5 }, status: 'fail', message: /^api: answered 200 in \d+ ms, slower than the 5 ms limit; dashboard: answered 200 in \d+ ms, slower than the 5 ms limit$/ },
  { scenario: 'widget answers 500', status: 'fail', message: 'widget: answered 500, not 200', evidence: { api: { verdict: 'pass' }, widget: { verdict: 'fail', status: 500 } } },
  { scenario: 'envelope reports down', status: 'fail', message: 'api: answered 200 but its body reports data.status "down"' },
  { scenario: 'one service hangs', status: 'error', message: /^slow: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
  {
    name: 'a verified slow 200 outranks a hang: the line fails on api and names the hang after it',
    scenario: 'one service hangs',
    options: { maxResponseMs: 1 },
    status: 'fail',
    message: /^api: answered 200 in \d+ ms, slower than the 1 ms limit \(also slow: error\)$/,
  },
]);
