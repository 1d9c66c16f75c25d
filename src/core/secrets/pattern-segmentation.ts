import { EarlierMatches, sequenceLength, unitText } from './chance-structures.js';
import { DOMAIN_WORD_BITS, MAX_WORD, wordBits } from './dictionary.js';
import { walksAt } from './keyboard.js';

/**
 * The `pattern` model of entropy.ts: a human-chosen value priced as its cheapest description in words (bundled and
 * zxcvbn dictionaries, found inside camel case and runs as well as between separators, leet spellings, unknown
 * passphrase words), keyboard walks, sequences, repeats, years and single characters.
 */

/** A word outside the dictionaries, between separators or case changes: priced as one of 65,536 (diceware lists have 7,776). */
const UNKNOWN_WORD_BITS = 16;
const SEPARATORS = new Set([...'-_. ,:;|/+']);
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

export interface Segmentation {
  bits: number;
  /** Share of characters explained by words of 4+ letters (or delimited shorter words), sequences, repeats, years. */
  coverage: number;
}

/** The cheapest way to describe the value as words, sequences, repeats, years, separators and single characters. */
export function cheapestSegmentation(chars: readonly string[]): Segmentation {
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
  const dictionary = wordBits();
  // A letter of a mixed-case value is one of 52, not 26: random mixed-case keys must not look cheap letter by letter.
  const letterGroup = chars.some((ch) => /[a-z]/.test(ch)) && chars.some((ch) => /[A-Z]/.test(ch)) ? 52 : 26;
  const charBits = (ch: string) => Math.log2(groupSize(ch) === 26 ? letterGroup : groupSize(ch));
  for (let i = 0; i < n; i++) {
    if (bits[i] === Infinity) continue;
    const c = chars[i]!;
    relax(i, i + 1, SEPARATORS.has(c) ? 2 : charBits(c), false);
    for (const form of forms) {
      const first = form.charCodeAt(i);
      // Words start with a letter; common passwords (1qaz2wsx, 123qwe) also with a digit.
      if (!((first >= 97 && first <= 122) || (first >= 48 && first <= 57))) continue;
      for (let len = 2; len <= MAX_WORD && i + len <= n; len++) {
        const candidate = form.slice(i, i + len);
        // No word goes on from here: longer candidates from this position cannot be words either.
        if (!dictionary.hasPrefix(candidate)) break;
        const cost = dictionary.get(candidate);
        // Two-letter entries of the large lists are noise; the bundled list's own short words (id, db, …) count.
        if (cost === undefined || (len < 3 && cost !== DOMAIN_WORD_BITS)) continue;
        const substitutions = form === lower ? 0 : [...lower.slice(i, i + len)].filter((ch, k) => ch !== candidate[k]).length;
        // A short word between case changes explains nothing: random mixed-case keys are full of them. Only the
        // bundled list's words count there (they are few); the large lists' words count from four letters.
        const delimited = cost === DOMAIN_WORD_BITS && isBoundary(chars, i - 1, i) && isBoundary(chars, i + len - 1, i + len);
        relax(i, i + len, cost + caseBits(chars.slice(i, i + len)) + substitutions, len >= 4 || delimited);
      }
    }
    const word = passphraseWord(chars, i);
    if (word > 0) relax(i, i + word, UNKNOWN_WORD_BITS + caseBits(chars.slice(i, i + word)), true);
    for (const walk of walksAt(chars, i)) relax(i, i + walk.length, walk.bits, walk.length >= 4);
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
