import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './database-performance.js';

const SIZE = String.raw`\d+ [kMG]B`;

judgementTable(check, [
  {
    scenario: 'nothing slow',
    status: 'manual',
    message: new RegExp(`^no slow statement \\(100\\+ calls, 100\\+ ms mean\\); database ${SIZE}, \\d+ of 37 connections in use: review the figures in the evidence and attest$`),
  },
  {
    scenario: 'nothing slow',
    options: { slowMeanMs: 0.0001 },
    status: 'warn',
    message: new RegExp(`^1 statement\\(s\\) with 100\\+ calls average 0\\.0001 ms or more \\(database ${SIZE}\\)$`),
  },
  { scenario: 'slow frequent statement', status: 'warn', message: new RegExp(`^1 statement\\(s\\) with 100\\+ calls average 2 ms or more \\(database ${SIZE}\\)$`) },
  {
    scenario: 'slow frequent statement',
    options: {},
    status: 'manual',
    message: new RegExp(`^no slow statement \\(100\\+ calls, 100\\+ ms mean\\); database ${SIZE}, \\d+ of 37 connections in use: review the figures in the evidence and attest$`),
  },
  {
    scenario: 'slow frequent statement',
    options: { slowMeanMs: 2, minCalls: 101 },
    status: 'warn',
    message: new RegExp(`^1 statement\\(s\\) with 101\\+ calls or in the top 80% of statement time average 2 ms or more \\(database ${SIZE}\\)$`),
  },
  {
    scenario: 'slow report among cheap health checks',
    status: 'warn',
    message: new RegExp(`^1 statement\\(s\\) with 100\\+ calls or in the top 80% of statement time average 100 ms or more \\(database ${SIZE}\\)$`),
  },
  {
    scenario: 'slow report among cheap health checks',
    options: { minRepeatCalls: 51 },
    status: 'manual',
    message: new RegExp(`^no slow statement \\(100\\+ calls, 100\\+ ms mean\\); database ${SIZE}, \\d+ of 37 connections in use: review the figures in the evidence and attest$`),
  },
  {
    scenario: 'slow frequent statement',
    options: { slowMeanMs: 2, minCalls: 101, minRepeatCalls: 101 },
    status: 'manual',
    message: new RegExp(`^no slow statement \\(101\\+ calls, 2\\+ ms mean\\); database ${SIZE}, \\d+ of 37 connections in use: review the figures in the evidence and attest$`),
  },
  {
    scenario: 'extension not installed',
    status: 'manual',
    message: new RegExp(
      `^review needed; the pg_stat_statements extension is not installed in this database, so slow queries cannot be listed \\(database ${SIZE}, \\d+ connections now\\)$`,
    ),
    evidence: { statements: 'not-installed' },
  },
  {
    scenario: 'server down',
    status: 'error',
    message: /^PostgreSQL at 127\.0\.0\.1:1\/\w+ refused the connection: server down or wrong port$/,
    evidence: { reason: 'refused' },
  },
]);
