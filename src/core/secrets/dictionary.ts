import { createRequire } from 'node:module';
import words from './data/words.json' with { type: 'json' };

type CommonLists = typeof import('@zxcvbn-ts/language-common');
type EnglishLists = typeof import('@zxcvbn-ts/language-en');

/** The zxcvbn lists load on first use (about 110 ms), not when the catalog is imported: `readiness --help` never needs them. */
const load = createRequire(import.meta.url);
let commonLists: CommonLists | undefined;
const common = (): CommonLists => (commonLists ??= load('@zxcvbn-ts/language-common') as CommonLists);

/**
 * The words the pattern model knows, and what each costs to guess.
 *
 * Two sources: the bundled secret-domain list (src/core/secrets/data/words.json: secret, jwt, key, token, …), priced
 * as one of its 1,281 words, and zxcvbn's frequency-ranked lists (@zxcvbn-ts/language-common: the 49,233 most common
 * passwords and the EFF diceware list; @zxcvbn-ts/language-en: English common words, Wikipedia words and first
 * names), priced as zxcvbn prices a dictionary match — log2 of its rank — but never below a bundled word, so the
 * larger lists only ever find more words and never make a known one cheaper. Surnames are left out: 88,799 mostly
 * short, arbitrary letter strings that random keys contain by chance.
 */

export const DOMAIN_WORD_BITS = Math.log2(words.length);
/** Longer words exist, but a match this long already explains the value; the scan stays linear. */
export const MAX_WORD = 20;

function lists(): readonly (readonly string[])[] {
  const { dictionary: shared } = common();
  const { dictionary: english } = load('@zxcvbn-ts/language-en') as EnglishLists;
  return [shared['passwords-common'], shared['diceware-common'], english['commonWords-en'], english['wikipedia-en'], english['firstnames-en']];
}

let cache: Map<string, number> | undefined;
let prefixCache: Set<string> | undefined;
/** Prefixes up to this length are indexed, so a scan for words stops as soon as none can continue. */
export const INDEXED_PREFIX = 7;

/** Every prefix of 2–7 letters of a known word: a lookup that misses here cannot become a word. */
export function wordPrefixes(): ReadonlySet<string> {
  if (prefixCache) return prefixCache;
  const prefixes = new Set<string>();
  for (const word of wordBits().keys()) for (let n = 2; n <= Math.min(INDEXED_PREFIX, word.length); n++) prefixes.add(word.slice(0, n));
  prefixCache = prefixes;
  return prefixes;
}

/** Bits to guess each known word (lower case), built on first use: loading the lists takes about 100 ms. */
export function wordBits(): ReadonlyMap<string, number> {
  if (cache) return cache;
  const bits = new Map<string, number>();
  for (const list of lists()) {
    list.forEach((word, index) => {
      if (word.length < 2 || word.length > MAX_WORD || !/^[a-z0-9]+$/.test(word)) return;
      const cost = Math.max(DOMAIN_WORD_BITS, Math.log2(index + 1));
      const known = bits.get(word);
      if (known === undefined || cost < known) bits.set(word, cost);
    });
  }
  for (const word of words) bits.set(word, DOMAIN_WORD_BITS);
  cache = bits;
  return bits;
}

/** Keyboard layouts as zxcvbn's adjacency graphs: each key's neighbours, clockwise, each as "unshifted shifted". */
export type AdjacencyGraph = Readonly<Record<string, readonly (string | null)[]>>;

export function keyboardLayouts(): Readonly<Record<string, AdjacencyGraph>> {
  return common().adjacencyGraphs;
}
