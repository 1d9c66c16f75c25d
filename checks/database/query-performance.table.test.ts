import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './query-performance.js';

const SINCE = String.raw`\(statistics since \d{4}-\d\d-\d\dT[\d:.]+Z\)`;

judgementTable(check, [
  {
    scenario: 'slow frequent statement',
    status: 'warn',
    message: /^1 statement\(s\) with 100\+ calls average 2 ms or more; slowest [\d.]+ ms over 100 calls: SELECT pg_sleep\(\$2\), \$1::int AS n$/,
  },
  { scenario: 'slow frequent statement', options: {}, status: 'pass', message: new RegExp(`^none of 1 statement\\(s\\) with 100\\+ calls averages 100 ms or more ${SINCE}$`) },
  // 100 calls are under minCalls 101, but the statement makes up nearly all of the statement time: it is judged all the same.
  {
    scenario: 'slow frequent statement',
    options: { slowMeanMs: 2, minCalls: 101 },
    status: 'warn',
    message: /^1 statement\(s\) with 101\+ calls or in the top 80% of statement time average 2 ms or more; slowest [\d.]+ ms over 100 calls \([\d.]+% of statement time\): SELECT pg_sleep\(\$2\), \$1::int AS n$/,
  },
  {
    scenario: 'slow frequent statement',
    options: { slowMeanMs: 2, minCalls: 101, minRepeatCalls: 101 },
    status: 'manual',
    message: new RegExp(`^no statement has 101\\+ calls yet ${SINCE}: too little traffic to judge; attest the load-test results$`),
  },
  {
    scenario: 'slow report among cheap health checks',
    status: 'warn',
    message:
      /^1 statement\(s\) with 100\+ calls or in the top 80% of statement time average 100 ms or more; slowest 2\d\d(\.\d)? ms over 50 calls \([\d.]+% of statement time\): SELECT count\(\*\) AS orders, pg_sleep\(\$2\) FROM generate_series\(\$3, \$1::int\) g$/,
    evidence: { thresholds: { minCalls: 100, slowMeanMs: 100, timeSharePercent: 80, minRepeatCalls: 5 } },
  },
  // Judged by calls alone (the report query run too rarely to count), the 500 health checks pass: the old false pass.
  {
    scenario: 'slow report among cheap health checks',
    options: { minRepeatCalls: 51 },
    status: 'pass',
    message: new RegExp(`^none of 1 statement\\(s\\) with 100\\+ calls averages 100 ms or more ${SINCE}$`),
  },
  {
    scenario: 'slow report among cheap health checks',
    options: { slowMeanMs: 300 },
    status: 'pass',
    message: new RegExp(`^none of 2 statement\\(s\\) with 100\\+ calls or in the top 80% of statement time averages 300 ms or more ${SINCE}$`),
  },
  { scenario: 'fast frequent statement', status: 'pass', message: new RegExp(`^none of 1 statement\\(s\\) with 100\\+ calls averages 100 ms or more ${SINCE}$`) },
  {
    scenario: 'fast frequent statement',
    options: { slowMeanMs: 0.0001 },
    status: 'warn',
    message: /^1 statement\(s\) with 100\+ calls average 0\.0001 ms or more; slowest [\d.]+ ms over 100 calls: SELECT \$1::int \+ \$2 AS n$/,
  },
  {
    scenario: 'too few calls',
    status: 'manual',
    message: new RegExp(`^no statement has 100\\+ calls yet ${SINCE}: too little traffic to judge; attest the load-test results$`),
  },
  { scenario: 'too few calls', options: { minCalls: 1 }, status: 'pass', message: new RegExp(`^none of \\d+ statement\\(s\\) with 1\\+ calls averages 100 ms or more ${SINCE}$`) },
  {
    scenario: 'extension not installed',
    status: 'manual',
    message: 'the pg_stat_statements extension is not installed in this database, so query times cannot be read; attest the load-test results instead',
  },
  {
    scenario: 'extension not preloaded',
    status: 'manual',
    message:
      'pg_stat_statements is installed but not loaded (add it to shared_preload_libraries and restart), so query times cannot be read; attest the load-test results instead',
  },
  {
    scenario: 'server down',
    status: 'error',
    message: /^PostgreSQL at 127\.0\.0\.1:1\/\w+ refused the connection: server down or wrong port$/,
    evidence: { reason: 'refused' },
  },
]);
