/**
 * Structure in a value that chance alone rarely produces: repeats, runs, sequences and uneven character
 * frequencies. Both strength models use these (see entropy.ts).
 */

/** A chance structure in a random value must be rarer than this before it counts against the value. */
const CHANCE = 1e-9;

export interface Structure {
  description: string;
  savedBits: number;
}

/**
 * Repeats (including runs of one character and periodic values) and ascending/descending sequences long
 * enough that a random value of this alphabet shows one less than once in a billion draws.
 */
export function chanceDefyingStructures(chars: readonly string[], alphabet: number): Structure[] {
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
export class EarlierMatches {
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
export function unitText(chars: readonly string[]): string {
  const standIns = new Map<string, string>();
  return chars.map((c) => (c.length === 1 ? c : (standIns.get(c) ?? standIns.set(c, String.fromCharCode(0xe000 + standIns.size)).get(c)!))).join('');
}

/** Length of the ascending or descending code-point sequence starting at `i` (1 when there is none). */
export function sequenceLength(chars: readonly string[], i: number): number {
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
