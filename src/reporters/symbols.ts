import type { Status } from '../core/types.js';

export const STATUS_SYMBOL: Record<Status, string> = {
  pass: '✔',
  fail: '✖',
  warn: '▲',
  manual: '◌',
  skip: '↓',
  error: '⚠',
};

export const STATUS_LABEL: Record<Status, string> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  manual: 'MANUAL',
  skip: 'SKIP',
  error: 'ERROR',
};
