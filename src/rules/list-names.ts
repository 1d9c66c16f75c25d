/** "a, b, c, … (7 more)": names in a message, capped. */
export function listNames(names: readonly string[], cap = 10): string {
  return `${names.slice(0, cap).join(', ')}${names.length > cap ? `, … (${names.length - cap} more)` : ''}`;
}
