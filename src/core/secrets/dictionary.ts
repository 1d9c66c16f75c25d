import { createRequire } from 'node:module';
import words from './data/words.json' with { type: 'json' };

/**
 * The words, sorted and space-separated, each with its best rank in zxcvbn's lists (0: a bundled word), as
 * scripts/write-dictionary.ts writes them to data/dictionary.json. Read on first use, not when the catalog is imported.
 */
export interface DictionaryData {
  about: string;
  words: string;
  ranks: number[];
}
/** Names the file for the compiler, which then copies it to dist/ beside this module. */
type DictionaryFile = typeof import('./data/dictionary.json');
const DICTIONARY_FILE = './data/dictionary.json';
const ADJACENCY_GRAPHS = '@zxcvbn-ts/language-common/dist/adjacencyGraphs.json.cjs';

/** Reads the file and forgets it (out of the module cache): once packed, its 1.4 MB of text and numbers can go. */
function readDictionary(): DictionaryData {
  const load = createRequire(import.meta.url);
  const resolved = load.resolve(DICTIONARY_FILE);
  const data = load(resolved) as DictionaryFile satisfies DictionaryData;
  delete load.cache[resolved];
  return data;
}

/**
 * The words the pattern model knows, and what each costs to guess.
 *
 * Two sources: the bundled secret-domain list (src/core/secrets/data/words.json: secret, jwt, key, token, …), priced
 * as one of its 1,281 words, and zxcvbn's frequency-ranked lists (@zxcvbn-ts/language-common: the 49,233 most common
 * passwords and the EFF diceware list; @zxcvbn-ts/language-en: English common words, Wikipedia words and first
 * names), priced as zxcvbn prices a dictionary match — log2 of its rank — but never below a bundled word, so the
 * larger lists only ever find more words and never make a known one cheaper. Surnames are left out: 88,799 mostly
 * short, arbitrary letter strings that random keys contain by chance. scripts/write-dictionary.ts merges both into
 * data/dictionary.json; decoding zxcvbn's compressed lists at run time cost ~100 ms and ~25 MB of short-lived memory.
 */

export const DOMAIN_WORD_BITS = Math.log2(words.length);
/** Longer words exist, but a match this long already explains the value; the scan stays linear. */
export const MAX_WORD = 20;

/** The known words (lower case) and the bits to guess each. */
export interface WordDictionary {
  readonly size: number;
  /** Bits to guess `word`, or undefined when it is not a known word. */
  get(word: string): number | undefined;
  has(word: string): boolean;
  /** True when some known word starts with `prefix` (or is it): a scan that fails this cannot reach a word. */
  hasPrefix(prefix: string): boolean;
}

/**
 * The ~105,000 words sorted and packed, one byte a letter, with each word's offset and cost in typed arrays: about
 * 1.6 MB, where a Map of the words and a Set of their prefixes held about 13 MB besides the lists themselves (and
 * the lists about 11 MB more). Lookups are binary searches that compare in place, allocating nothing.
 */
class PackedWords implements WordDictionary {
  readonly size: number;

  constructor(
    /** The words' letters back to back, each a character code (every word is [a-z0-9]). */
    private readonly letters: Uint8Array,
    /** Offset of each word in `letters`; one more entry than words, the end of the last. */
    private readonly starts: Uint32Array,
    private readonly costs: Float64Array,
  ) {
    this.size = costs.length;
  }

  get(word: string): number | undefined {
    const index = this.lowerBound(word);
    return index < this.size && this.compare(index, word) === 0 ? this.costs[index] : undefined;
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  hasPrefix(prefix: string): boolean {
    const index = this.lowerBound(prefix);
    if (index >= this.size) return false;
    const start = this.starts[index]!;
    if (this.starts[index + 1]! - start < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (this.letters[start + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }

  /** The first word not below `key` in code-unit order (the order Array.prototype.sort gives). */
  private lowerBound(key: string): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(mid, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private compare(index: number, key: string): number {
    const start = this.starts[index]!;
    const length = this.starts[index + 1]! - start;
    const common = Math.min(length, key.length);
    for (let k = 0; k < common; k++) {
      const difference = this.letters[start + k]! - key.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }
}

let cache: WordDictionary | undefined;

/** Bits to guess each known word (lower case), packed on first use from data/dictionary.json (about 10 ms). */
export function wordBits(): WordDictionary {
  if (cache) return cache;
  const { words: text, ranks } = readDictionary();
  const starts = new Uint32Array(ranks.length + 1);
  const costs = new Float64Array(ranks.length);
  const letters = new Uint8Array(text.length - (ranks.length - 1));
  let word = 0;
  let offset = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x20) starts[++word] = offset;
    else letters[offset++] = code;
  }
  starts[ranks.length] = offset;
  ranks.forEach((rank, index) => (costs[index] = rank === 0 ? DOMAIN_WORD_BITS : Math.max(DOMAIN_WORD_BITS, Math.log2(rank))));
  cache = new PackedWords(letters, starts, costs);
  return cache;
}

/** Keyboard layouts as zxcvbn's adjacency graphs: each key's neighbours, clockwise, each as "unshifted shifted". */
export type AdjacencyGraph = Readonly<Record<string, readonly (string | null)[]>>;

export function keyboardLayouts(): Readonly<Record<string, AdjacencyGraph>> {
  return createRequire(import.meta.url)(ADJACENCY_GRAPHS) as Readonly<Record<string, AdjacencyGraph>>;
}
