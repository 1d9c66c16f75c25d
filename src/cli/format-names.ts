/** Names people type for a format beside its own name: its file extension. */
const ALIASES: Readonly<Record<string, string>> = { md: 'markdown' };

/** The reporter's format for a name given to --format: an alias resolved, anything else left for reporterFor to judge. */
export function formatName(name: string): string {
  return Object.hasOwn(ALIASES, name) ? ALIASES[name]! : name;
}
