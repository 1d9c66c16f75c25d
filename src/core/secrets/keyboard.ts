import { keyboardLayouts, type AdjacencyGraph } from './dictionary.js';

/**
 * Keyboard walks (`qwerty`, `1qaz2wsx`, `!@#$%^&*()`, `azertyuiop`, keypad `789456`), priced as zxcvbn prices a
 * spatial match: the walk's start, its length, how often it turns and how many of its keys are shifted. The layouts
 * are zxcvbn's own (qwerty, qwertz, azerty, dvorak, keypad, Mac keypad).
 */

interface Layout {
  name: string;
  neighbours: ReadonlyMap<string, readonly (string | null)[]>;
  /** Keys to start on. */
  starts: number;
  /** Average number of neighbours per key. */
  degree: number;
  /** Keyboards have a shift layer; keypads do not. */
  shiftable: boolean;
}

let layoutCache: readonly Layout[] | undefined;
const layouts = (): readonly Layout[] => (layoutCache ??= Object.entries(keyboardLayouts()).map(([name, graph]) => layout(name, graph)));

function layout(name: string, graph: AdjacencyGraph): Layout {
  const neighbours = new Map(Object.entries(graph));
  let degree = 0;
  for (const adjacent of neighbours.values()) degree += adjacent.filter((a) => a !== null).length;
  return { name, neighbours, starts: neighbours.size, degree: degree / neighbours.size, shiftable: !name.startsWith('keypad') };
}

/** The shifted characters of the keyboard layouts: typing one costs the shift key. */
const SHIFTED = /[~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?°¨£µ§]/;

export interface Walk {
  /** Characters covered, from the start. */
  length: number;
  /** Bits to guess it. */
  bits: number;
}

/** Every keyboard walk of 3+ keys starting at `i`, on any layout, with the cheapest price for each length. */
export function walksAt(chars: readonly string[], i: number): Walk[] {
  const best = new Map<number, number>();
  for (const layout of layouts()) {
    let turns = 0;
    let shifted = layout.shiftable && SHIFTED.test(chars[i] ?? '') ? 1 : 0;
    let direction = -1;
    for (let j = i + 1; j < chars.length; j++) {
      const adjacent = layout.neighbours.get(chars[j - 1]!) ?? [];
      const next = chars[j]!;
      const found = adjacent.findIndex((keys) => keys !== null && keys.includes(next));
      if (found === -1) break;
      if (layout.shiftable && adjacent[found]!.indexOf(next) === 1) shifted++;
      if (found !== direction) {
        turns++;
        direction = found;
      }
      const length = j - i + 1;
      if (length < 3) continue;
      const bits = spatialBits(layout, length, turns, shifted);
      if (bits < (best.get(length) ?? Infinity)) best.set(length, bits);
    }
  }
  return [...best].map(([length, bits]) => ({ length, bits }));
}

/** zxcvbn's spatial guesses: Σ over lengths and turns of C(i-1, j-1) · starts · degree^j, times the shift variations. */
function spatialBits(layout: Layout, length: number, turns: number, shifted: number): number {
  let guesses = 0;
  for (let i = 2; i <= length; i++) {
    for (let j = 1; j <= Math.min(turns, i - 1); j++) guesses += choose(i - 1, j - 1) * layout.starts * layout.degree ** j;
  }
  const unshifted = length - shifted;
  if (shifted > 0) {
    if (unshifted === 0) guesses *= 2;
    else {
      let variations = 0;
      for (let k = 1; k <= Math.min(shifted, unshifted); k++) variations += choose(length, k);
      guesses *= variations;
    }
  }
  return Math.log2(guesses);
}

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
