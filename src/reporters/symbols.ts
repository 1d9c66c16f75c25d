import type { ChalkInstance } from 'chalk';
import type { Status } from '../core/types.js';

/** Each status has a symbol of its own, so the verdict reads without colour (NO_COLOR, a log viewer, colour blindness). */
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

/** One colour per status: green is for a pass only. */
export function statusColour(status: Status, c: ChalkInstance): ChalkInstance {
  switch (status) {
    case 'pass':
      return c.green;
    case 'fail':
      return c.red;
    case 'error':
      return c.magenta;
    case 'warn':
      return c.yellow;
    case 'manual':
      return c.cyan;
    case 'skip':
      return c.gray;
  }
}

/** Statuses from the one needing attention most to the one needing it least. */
export const ATTENTION_ORDER: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'skip', 'manual'];

/** The status of a group (a section) is its worst member's; undefined when it has none. */
export function worstStatus(counts: ReadonlyMap<Status, number>): Status | undefined {
  return ATTENTION_ORDER.find((status) => (counts.get(status) ?? 0) > 0);
}
