const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export interface DurationBounds {
  /** Shortest accepted, in ms. */
  min: number;
  /** Longest accepted, in ms. */
  max: number;
}

/**
 * Time limits (check, command, connect, statement and lock timeouts): from 1 ms to 1 hour. Past an hour a
 * limit no longer bounds anything a readiness run does, and past 2^31 ms Node's timers overflow and fire at once.
 */
export const TIME_LIMIT: DurationBounds = { min: 1, max: 3_600_000 };

/** Ages (how old the newest backup may be): from 1 second to 400 days. */
export const AGE: DurationBounds = { min: 1000, max: 400 * 86_400_000 };

export type DurationReading = { ok: true; ms: number } | { ok: false; problem: string };

/**
 * Reads `500ms`, `10s`, `1.5m`, `2h` or `7d` as milliseconds within `bounds`. Text without a unit is refused
 * rather than read as milliseconds: `--timeout 10` meant 10 seconds far more often than 10 ms. A YAML number
 * in the config is milliseconds, as the JSON Schema and the docs have always said.
 */
export function readDuration(input: unknown, bounds: DurationBounds = TIME_LIMIT): DurationReading {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, problem: 'expected a duration such as 500ms, 10s or 2m' };
    return bounded(Math.round(input), `${input} ms`, bounds);
  }
  const text = typeof input === 'string' ? input.trim() : undefined;
  if (text === undefined) return { ok: false, problem: `expected a duration such as 500ms, 10s or 2m${describeType(input)}` };
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    return { ok: false, problem: `"${text}" has no unit; write ${text}s for seconds or ${text}ms for milliseconds (units: ms, s, m, h, d)` };
  }
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(text);
  if (!match) return { ok: false, problem: 'expected a duration such as 500ms, 10s or 2m (a number and one of the units ms, s, m, h, d)' };
  return bounded(Math.round(Number(match[1]) * UNITS[match[2]!]!), text, bounds);
}

function bounded(ms: number, text: string, bounds: DurationBounds): DurationReading {
  if (!Number.isFinite(ms) || ms > bounds.max) return { ok: false, problem: `${text} is longer than the ${describeMs(bounds.max)} this takes at most` };
  if (ms < bounds.min) return { ok: false, problem: `${text} is shorter than the ${describeMs(bounds.min)} this takes at least` };
  return { ok: true, ms };
}

/** Milliseconds of a duration text, or undefined when it is not one (see readDuration). */
export function parseDuration(input: string | number, bounds: DurationBounds = TIME_LIMIT): number | undefined {
  const reading = readDuration(input, bounds);
  return reading.ok ? reading.ms : undefined;
}

export function describeMs(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

function describeType(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (Array.isArray(input)) return ', got a list';
  return typeof input === 'object' ? ', got a mapping' : `, got a ${typeof input}`;
}
