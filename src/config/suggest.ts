/** "Did you mean" for typos in keys, environment names and check ids. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  // "production" for "prod", "security.helmet" for "security.helmet-headers": a shared prefix is the likelier intent.
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase()));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The one "did you mean" clause for an unknown name: `; did you mean "x"?`, or '' when nothing is close. Command-line
 * values are suggested bare (`--section securty` → security), as the user would type them back.
 */
export function didYouMean(input: string, candidates: readonly string[], options: { quote?: boolean } = {}): string {
  const suggestion = closest(input, candidates);
  if (!suggestion) return '';
  return `; did you mean ${options.quote === false ? suggestion : `"${suggestion}"`}?`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}
