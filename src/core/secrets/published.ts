import published from './data/published-secrets.json' with { type: 'json' };

/** A secret published in a framework's defaults, docs or a tutorial (src/core/secrets/data/published-secrets.json). */
export interface PublishedSecret {
  value: string;
  /** Where it was published, in words: safe to print (the value is public, but is still never printed). */
  what: string;
  source: string;
}

export const PUBLISHED_SECRETS: readonly PublishedSecret[] = published.entries;

/** Below this length a piece of an entry is not distinctive: "secret" is inside half of them. */
const MIN_PIECE = 20;

/**
 * The published secret a value is, a piece of (tutorials' values get truncated when copied) or contains, if any.
 * Compared exactly (case matters for random-looking values), after trimming.
 */
export function publishedSecret(value: string): PublishedSecret | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  return (
    PUBLISHED_SECRETS.find((p) => p.value === v) ??
    (v.length >= MIN_PIECE ? PUBLISHED_SECRETS.find((p) => (p.value.length >= MIN_PIECE && v.includes(p.value)) || p.value.includes(v)) : undefined)
  );
}
