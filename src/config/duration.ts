const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `1500`, `"1500"`, `"1.5s"`, `"2m"` into milliseconds; undefined when the text is not a duration. */
export function parseDuration(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input > 0 ? input : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(input);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNITS[match[2] ?? 'ms']!;
  return ms > 0 ? Math.round(ms) : undefined;
}
