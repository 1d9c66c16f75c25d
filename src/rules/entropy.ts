import words from './data/words.json' with { type: 'json' };

/**
 * How many bits of guessing a secret is worth, estimated without ever storing or printing it.
 *
 * Two models, because generated and human-chosen values fail in different ways:
 * - `random`: the value looks generated (hex, base64, alphanumeric …): length × log2(alphabet), minus what
 *   long repeats and sequences give away. Accidental short words in random text are ignored — they are
 *   expected by chance and would otherwise push real 256-bit keys below 256.
 * - `pattern`: words, sequences, repeats and years explain at least half of the value (a passphrase such
 *   as "my-super-secret-jwt-key"): a zxcvbn-style cheapest segmentation, capped by the random estimate.
 */

export type CharClass =
  | 'empty'
  | 'digits'
  | 'hex'
  | 'letters'
  | 'alphanumeric'
  | 'base64'
  | 'base64url'
  | 'uuid'
  | 'printable'
  | 'unicode';

export type Model = 'random' | 'pattern' | 'uuid';

export interface StrengthEstimate {
  /** Length in UTF-8 bytes. */
  bytes: number;
  /** Length in characters (code points). */
  chars: number;
  charClass: CharClass;
  model: Model;
  /** Estimated bits of entropy, not rounded (compare this; show Math.floor of it). */
  bits: number;
  /** Alphabet size the random model assumed. */
  alphabet: number;
  /** Why the value has less variety than a random one of its alphabet (empty when it has enough). */
  lowVariety: string[];
}

const DICTIONARY: ReadonlySet<string> = new Set(words);
const DICTIONARY_BITS = Math.log2(DICTIONARY.size);
/** Every proper prefix of a dictionary word, so a lookup stops as soon as no word can continue. */
const PREFIXES: ReadonlySet<string> = new Set(words.flatMap((word) => Array.from({ length: word.length - 1 }, (_, i) => word.slice(0, i + 1))));
const MAX_WORD = 16;
/** Analysis stops here: a value this long has more bits than any threshold, and the scan stays linear-ish. */
const MAX_ANALYSED = 512;
/** A chance structure in a random value must be rarer than this before it counts against the value. */
const CHANCE = 1e-9;
/** Shannon entropy below this share of the attainable maximum marks a value as low-variety. */
const SHANNON_FLOOR = 0.6;
/** Share of the characters that words/sequences/repeats must explain before the pattern model applies. */
const PATTERN_COVERAGE = 0.5;
/** A word outside the bundled dictionary, between separators: priced as one of 65,536 (diceware lists have 7,776). */
const UNKNOWN_WORD_BITS = 16;
const SEPARATORS = new Set([...'-_. ,:;|/+']);
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function estimateStrength(value: string): StrengthEstimate {
  const bytes = Buffer.byteLength(value, 'utf8');
  const chars = [...value];
  if (chars.length === 0) {
    return { bytes, chars: 0, charClass: 'empty', model: 'random', bits: 0, alphabet: 0, lowVariety: [] };
  }
  const uuid = UUID.exec(value);
  if (uuid) {
    // Only version 4 is random in all but 6 bits; v7 carries a timestamp, v1/v6 a timestamp and a MAC address.
    const version = uuid[1] ?? '4';
    const bits = version === '7' ? 74 : version === '1' || version === '6' ? 60 : 122;
    return { bytes, chars: chars.length, charClass: 'uuid', model: 'uuid', bits, alphabet: 16, lowVariety: [] };
  }

  const charClass = classify(value);
  const alphabet = alphabetSize(value, charClass);
  const analysed = chars.slice(0, MAX_ANALYSED);
  const dataChars = charClass === 'base64' ? chars.length - (/={1,2}$/.exec(value)?.[0].length ?? 0) : chars.length;
  const perChar = Math.log2(alphabet);

  const lowVariety: string[] = [];
  let bits = dataChars * perChar;
  for (const structure of chanceDefyingStructures(analysed, alphabet)) {
    lowVariety.push(structure.description);
    bits -= structure.savedBits;
  }
  const shannon = shannonBitsPerChar(analysed);
  const attainable = Math.min(perChar, Math.log2(analysed.length));
  if (analysed.length >= 8 && shannon < SHANNON_FLOOR * attainable) {
    lowVariety.push(`uneven character frequencies (${shannon.toFixed(1)} bits/char where a random value has about ${attainable.toFixed(1)})`);
    bits = Math.min(bits, chars.length * shannon);
  }

  const pattern = cheapestSegmentation(analysed);
  const usePattern = charClass !== 'hex' && (charClass === 'digits' || pattern.coverage >= PATTERN_COVERAGE);
  const model: Model = usePattern ? 'pattern' : 'random';
  if (usePattern) bits = Math.min(bits, pattern.bits + (chars.length - analysed.length) * perChar);
  return { bytes, chars: chars.length, charClass, model, bits: Math.max(0, bits), alphabet, lowVariety };
}

function classify(value: string): CharClass {
  if (/^[0-9]+$/.test(value)) return 'digits';
  if (/^[0-9a-f]+$/.test(value) || /^[0-9A-F]+$/.test(value)) return 'hex';
  if (/^[A-Za-z]+$/.test(value)) return 'letters';
  if (/^[A-Za-z0-9]+$/.test(value)) return 'alphanumeric';
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return 'base64';
  if (/^[A-Za-z0-9_-]+$/.test(value)) return 'base64url';
  if (/^[\x20-\x7e\t\r\n]+$/.test(value)) return 'printable';
  return 'unicode';
}

/**
 * The alphabet a generator of this value most plausibly drew from. Mixed-case letters are taken as a
 * 62-symbol alphabet even when no digit happens to appear, since a random 43-character base64url key lacks
 * digits about once in 1,500 draws and must not lose 10 bits for it.
 */
function alphabetSize(value: string, charClass: CharClass): number {
  if (charClass === 'digits') return 10;
  if (charClass === 'hex') return 16;
  const lower = /[a-z]/.test(value);
  const upper = /[A-Z]/.test(value);
  const digit = /[0-9]/.test(value);
  const base64Special = /[+/_=-]/.test(value);
  const otherSymbol = /[\x20-\x2a\x2c\x2e\x3a-\x3c\x3e-\x40\x5b-\x5e\x60\x7b-\x7e\t\r\n]/.test(value);
  const unicode = /[^\x00-\x7f]/.test(value);
  let size = lower && upper ? 62 : (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0);
  if (otherSymbol) size += 33;
  else if (base64Special) size += 2;
  if (unicode) size += 100;
  return Math.max(size, 2);
}

interface Structure {
  description: string;
  savedBits: number;
}

/**
 * Repeats (including runs of one character and periodic values) and ascending/descending sequences long
 * enough that a random value of this alphabet shows one less than once in a billion draws.
 */
function chanceDefyingStructures(chars: readonly string[], alphabet: number): Structure[] {
  const n = chars.length;
  const perChar = Math.log2(alphabet);
  const minRepeat = Math.max(4, Math.ceil(Math.log((n * n) / CHANCE) / Math.log(alphabet)));
  const minSequence = Math.max(4, Math.ceil(Math.log((2 * n) / CHANCE) / Math.log(alphabet)) + 1);
  const matches = new EarlierMatches(unitText(chars), minRepeat);
  const structures: Structure[] = [];
  let i = 1;
  while (i < n) {
    const repeat = matches.longestAt(i);
    if (repeat.length >= minRepeat) {
      structures.push({
        description: repeat.distance === 1 ? `a run of ${repeat.length + 1} identical characters` : `a repeated ${repeat.length}-character stretch`,
        savedBits: repeat.length * perChar - Math.log2(n) - Math.log2(repeat.length),
      });
      i += repeat.length;
      continue;
    }
    const sequence = sequenceLength(chars, i - 1);
    if (sequence >= minSequence) {
      structures.push({ description: `a ${sequence}-character sequence`, savedBits: (sequence - 1) * perChar - Math.log2(sequence) - 1 });
      i += sequence - 1;
      continue;
    }
    i++;
  }
  return structures;
}

/**
 * LZ77-style: the longest stretch starting at `i` that equals one starting earlier (overlap allowed), found
 * through an index of where each `gram`-character stretch occurs, so random text costs about O(n).
 */
class EarlierMatches {
  private readonly positions = new Map<string, number[]>();

  constructor(
    /** One code unit per character (see `unitText`). */
    private readonly text: string,
    private readonly gram: number,
  ) {
    for (let j = 0; j + gram <= text.length; j++) {
      const key = text.substr(j, gram);
      const list = this.positions.get(key);
      if (list) list.push(j);
      else this.positions.set(key, [j]);
    }
  }

  longestAt(i: number): { length: number; distance: number } {
    let best = { length: 0, distance: 0 };
    const { text, gram } = this;
    if (i + gram > text.length) return best;
    const earlier = this.positions.get(text.substr(i, gram));
    if (!earlier || earlier[0]! >= i) return best;
    for (const j of earlier) {
      if (j >= i) break;
      let length = gram;
      while (i + length < text.length && text.charCodeAt(j + length) === text.charCodeAt(i + length)) length++;
      if (length > best.length) best = { length, distance: i - j };
    }
    return best;
  }
}

/** The value with one UTF-16 code unit per character: characters outside the BMP get private-use stand-ins. */
function unitText(chars: readonly string[]): string {
  const standIns = new Map<string, string>();
  return chars.map((c) => (c.length === 1 ? c : (standIns.get(c) ?? standIns.set(c, String.fromCharCode(0xe000 + standIns.size)).get(c)!))).join('');
}

/** Length of the ascending or descending code-point sequence starting at `i` (1 when there is none). */
function sequenceLength(chars: readonly string[], i: number): number {
  const first = chars[i]?.codePointAt(0);
  const second = chars[i + 1]?.codePointAt(0);
  if (first === undefined || second === undefined) return 1;
  const step = second - first;
  if (step !== 1 && step !== -1) return 1;
  let length = 2;
  while (i + length < chars.length && (chars[i + length]?.codePointAt(0) ?? NaN) - (chars[i + length - 1]?.codePointAt(0) ?? NaN) === step) length++;
  return length;
}

export function shannonBitsPerChar(chars: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const count of counts.values()) {
    const p = count / chars.length;
    h -= p * Math.log2(p);
  }
  return h;
}

interface Segmentation {
  bits: number;
  /** Share of characters explained by words of 4+ letters (or delimited shorter words), sequences, repeats, years. */
  coverage: number;
}

/** The cheapest way to describe the value as words, sequences, repeats, years, separators and single characters. */
function cheapestSegmentation(chars: readonly string[]): Segmentation {
  const n = chars.length;
  // One code unit per character, so string slices line up with `chars` (non-ASCII never matches a word).
  const lower = chars.map((c) => { const l = c.toLowerCase(); return l.length === 1 ? l : '\uFFFD'; }).join('');
  const deLeet = [...lower].map((c) => LEET[c] ?? c).join('');
  const forms = lower === deLeet ? [lower] : [lower, deLeet];
  const repeats = new EarlierMatches(unitText(chars), 3);
  const bits = new Float64Array(n + 1).fill(Infinity);
  const explained = new Float64Array(n + 1);
  bits[0] = 0;
  const relax = (from: number, to: number, cost: number, explains: boolean) => {
    const candidate = bits[from]! + cost;
    const covered = explained[from]! + (explains ? to - from : 0);
    if (candidate < bits[to]! || (candidate === bits[to]! && covered > explained[to]!)) {
      bits[to] = candidate;
      explained[to] = covered;
    }
  };
  for (let i = 0; i < n; i++) {
    if (bits[i] === Infinity) continue;
    const c = chars[i]!;
    relax(i, i + 1, SEPARATORS.has(c) ? 2 : Math.log2(groupSize(c)), false);
    for (const form of forms) {
      const first = form.charCodeAt(i);
      if (first < 97 || first > 122) continue;
      for (let len = 2; len <= MAX_WORD && i + len <= n; len++) {
        const candidate = form.slice(i, i + len);
        if (DICTIONARY.has(candidate)) {
          const substitutions = form === lower ? 0 : [...lower.slice(i, i + len)].filter((ch, k) => ch !== candidate[k]).length;
          const delimited = isBoundary(chars, i - 1, i) && isBoundary(chars, i + len - 1, i + len);
          relax(i, i + len, DICTIONARY_BITS + caseBits(chars.slice(i, i + len)) + substitutions, len >= 4 || delimited);
        }
        if (!PREFIXES.has(candidate)) break;
      }
    }
    const word = passphraseWord(chars, i);
    if (word > 0) relax(i, i + word, UNKNOWN_WORD_BITS + caseBits(chars.slice(i, i + word)), true);
    const sequence = sequenceLength(chars, i);
    for (let len = 3; len <= sequence; len++) relax(i, i + len, Math.log2(groupSize(c)) + Math.log2(len) + 1, true);
    if (i > 0) {
      const repeat = repeats.longestAt(i);
      for (let len = 3; len <= repeat.length; len++) relax(i, i + len, Math.log2(i) + Math.log2(len), true);
    }
    if (i + 4 <= n && isYearAt(lower, i)) relax(i, i + 4, Math.log2(200), true);
  }
  return { bits: bits[n]!, coverage: explained[n]! / n };
}

/** 19xx or 20xx at `i`. */
function isYearAt(text: string, i: number): boolean {
  const century = text.substr(i, 2);
  if (century !== '19' && century !== '20') return false;
  const a = text.charCodeAt(i + 2);
  const b = text.charCodeAt(i + 3);
  return a >= 48 && a <= 57 && b >= 48 && b <= 57;
}

/**
 * Length of a passphrase word starting at `i`: 2–12 letters, lower-case, capitalised or all caps, with a
 * separator or the edge of the value on both sides; 0 when there is none.
 */
function passphraseWord(chars: readonly string[], i: number): number {
  if (i > 0 && !SEPARATORS.has(chars[i - 1]!)) return 0;
  let end = i;
  while (end < chars.length && /[A-Za-z]/.test(chars[end]!)) end++;
  const length = end - i;
  if (length < 2 || length > 12 || (end < chars.length && !SEPARATORS.has(chars[end]!))) return 0;
  return caseBits(chars.slice(i, end)) <= 1 ? length : 0;
}

function groupSize(c: string): number {
  const code = c.codePointAt(0) ?? 0;
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 26;
  if (code >= 48 && code <= 57) return 10;
  return code < 0x80 ? 33 : 100;
}

/** Capitalised or all-caps words cost a bit; other mixtures cost a bit per upper-case letter. */
function caseBits(word: readonly string[]): number {
  const uppers = word.filter((c) => c !== c.toLowerCase()).length;
  if (uppers === 0) return 0;
  if (uppers === word.length || (uppers === 1 && word[0] !== word[0]!.toLowerCase())) return 1;
  return uppers;
}

/** True between `a` and `b` when a word may end/start there: the edge of the value, a separator, a case or digit change. */
function isBoundary(chars: readonly string[], a: number, b: number): boolean {
  const left = chars[a];
  const right = chars[b];
  if (left === undefined || right === undefined) return true;
  if (SEPARATORS.has(left) || SEPARATORS.has(right)) return true;
  const kind = (c: string) => (/[a-z]/.test(c) ? 'lower' : /[A-Z]/.test(c) ? 'upper' : /[0-9]/.test(c) ? 'digit' : 'other');
  const [l, r] = [kind(left), kind(right)];
  return l !== r && !(l === 'upper' && r === 'lower');
}
