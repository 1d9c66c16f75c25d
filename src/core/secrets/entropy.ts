import { chanceDefyingStructures, shannonBitsPerChar } from './chance-structures.js';
import { textLayers, type Encoding } from './layers.js';
import { cheapestSegmentation } from './pattern-segmentation.js';

/**
 * How many bits of guessing a secret is worth, estimated without ever storing or printing it.
 *
 * Two models, because generated and human-chosen values fail in different ways:
 * - `random`: the value looks generated (hex, base64, alphanumeric …): length × log2(alphabet), minus what
 *   long repeats and sequences give away. Accidental short words in random text are ignored — they are
 *   expected by chance and would otherwise push real 256-bit keys below 256.
 * - `pattern`: words, keyboard walks, sequences, repeats and years explain at least half of the value (a passphrase
 *   such as "my-super-secret-jwt-key"): a zxcvbn-style cheapest segmentation, capped by the random estimate.
 *
 * A value that is base64, base64url or hex of text (`echo -n phrase | base64`) is worth no more than that text:
 * its layers are decoded (layers.ts) and the text judged in its place.
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
  /** Set when the value encodes text that is worth fewer bits than its surface: the encodings, outermost first. */
  decodedFrom?: Encoding[];
}

/** Analysis stops here: a value this long has more bits than any threshold, and the scan stays linear-ish. */
const MAX_ANALYSED = 512;
/** Shannon entropy below this share of the attainable maximum marks a value as low-variety. */
const SHANNON_FLOOR = 0.6;
/**
 * Share of the characters that words, walks, sequences and repeats must explain before the pattern model applies.
 * Random 256-bit keys reach about 0.5 at most (0.52 was the highest of 60,000 base64, base64url and alphanumeric
 * draws against the full dictionaries); human-made values are explained almost whole.
 */
const PATTERN_COVERAGE = 0.6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function estimateStrength(value: string): StrengthEstimate {
  const surface = estimateSurfaceStrength(value);
  const layers = textLayers(value);
  const innermost = layers[layers.length - 1];
  if (!innermost) return surface;
  const inner = estimateSurfaceStrength(innermost.text);
  if (inner.bits >= surface.bits) return surface;
  return { ...surface, bits: inner.bits, lowVariety: inner.lowVariety, decodedFrom: layers.map((l) => l.encoding) };
}

/**
 * The estimate of the characters as they stand, without decoding layers: for deciding whether a string looks like
 * a token (and so must be masked), where base64 of a phrase still looks like one.
 */
export function estimateSurfaceStrength(value: string): StrengthEstimate {
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

  // Hex is always judged as random: a hex string's letters are a-f, and its words (cafe, bead, face) are chance.
  const pattern = charClass === 'hex' ? { bits: Infinity, coverage: 0 } : cheapestSegmentation(analysed);
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
