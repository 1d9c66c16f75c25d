import { estimateStrength, type CharClass, type Model, type StrengthEstimate } from '../core/secrets/entropy.js';
import { keyPrefix, withoutPrefix } from '../core/secrets/key-formats.js';
import type { Encoding } from '../core/secrets/layers.js';
import { textLayers } from '../core/secrets/layers.js';
import { publishedSecret } from '../core/secrets/published.js';
import { wordBits } from '../core/secrets/dictionary.js';
import { isKnownWeak, placeholderWord, templateMarker } from '../core/secrets/weak-secrets.js';

export interface SecretPolicy {
  /** Minimum length in UTF-8 bytes, and why (e.g. "HS256 needs a key of at least 32 bytes"). */
  minBytes?: { bytes: number; why: string };
  /** Below this many estimated bits the secret fails. */
  failBelowBits: number;
  /** From this many bits it passes; between the two it warns. */
  passAtBits: number;
}

/** All that may be said about a secret: never the value, at most its public vendor prefix. */
export interface SecretEvidence {
  lengthBytes: number;
  charClass: CharClass;
  model: Model;
  estimatedBits: number;
  weakListHit: boolean;
  fingerprint: string;
  vendorPrefix?: string;
  /** Set when the value is a secret published in docs, a tutorial or a framework's defaults. */
  publishedListHit?: true;
  /** The encodings the value wraps text in, outermost first, when that text is what was judged. */
  decodedFrom?: Encoding[];
  /** Characters of a word label in front of the key (`jwt-secret-…`), which count for nothing. */
  labelChars?: number;
  lowVariety?: string[];
}

export interface SecretVerdict {
  status: 'pass' | 'warn' | 'fail';
  /** What is wrong, worst first; empty on pass. */
  problems: string[];
  evidence: SecretEvidence;
}

/**
 * The one judgement of a secret's strength, shared by JWT_SECRET (160/256 bits) and database passwords
 * (128 bits). Every reason that applies is reported, not just the first.
 */
export function judgeSecret(value: string, policy: SecretPolicy, fingerprint: string): SecretVerdict {
  const prefix = keyPrefix(value);
  const keyed = withoutPrefix(value);
  const label = prefix ? undefined : wordLabel(keyed);
  const estimate = estimateStrength(label ? keyed.slice(label) : keyed);
  const layers = textLayers(value);
  const inner = layers[layers.length - 1]?.text;
  const weak = isKnownWeak(value);
  const weakInside = !weak && inner !== undefined && isKnownWeak(inner);
  const published = publishedSecret(value) ?? (inner === undefined ? undefined : publishedSecret(inner));
  const evidence: SecretEvidence = {
    lengthBytes: Buffer.byteLength(value, 'utf8'),
    charClass: estimate.charClass,
    model: estimate.model,
    estimatedBits: Math.floor(estimate.bits),
    weakListHit: weak || weakInside,
    fingerprint,
    ...(prefix ? { vendorPrefix: prefix.prefix } : {}),
    ...(published ? { publishedListHit: true as const } : {}),
    ...(estimate.decodedFrom ? { decodedFrom: estimate.decodedFrom } : {}),
    ...(label ? { labelChars: label } : {}),
    ...(estimate.lowVariety.length > 0 ? { lowVariety: estimate.lowVariety } : {}),
  };
  if (value.trim() === '') return { status: 'fail', problems: ['is empty'], evidence };

  const problems: string[] = [];
  const template = templateMarker(value);
  if (template) problems.push(`is an unexpanded template (${template})`);
  const placeholder = placeholderWord(value, estimate);
  if (placeholder) problems.push(`contains the placeholder word "${placeholder}"`);
  if (published) problems.push(`is a published secret: ${published.what}`);
  if (weak) problems.push('is on the known-weak list');
  if (weakInside) problems.push(`decodes (${layers.map((l) => l.encoding).join(', then ')}) to a value on the known-weak list`);
  if (policy.minBytes && evidence.lengthBytes < policy.minBytes.bytes) {
    problems.push(`is ${evidence.lengthBytes} bytes long; ${policy.minBytes.why}`);
  }
  if (estimate.lowVariety.length > 0) problems.push(`has low variety (${estimate.lowVariety.join('; ')})`);
  if (estimate.bits < policy.failBelowBits) {
    problems.push(`has about ${evidence.estimatedBits} estimated bits of entropy${decoded(estimate)}; at least ${policy.failBelowBits} are needed`);
  }
  if (problems.length > 0) return { status: 'fail', problems, evidence };
  if (estimate.bits < policy.passAtBits) {
    return { status: 'warn', problems: [`has about ${evidence.estimatedBits} estimated bits of entropy${decoded(estimate)}; ${policy.passAtBits} are recommended`], evidence };
  }
  return { status: 'pass', problems: [], evidence };
}

function decoded(estimate: StrengthEstimate): string {
  return estimate.decodedFrom ? ` (what its ${estimate.decodedFrom.join(' inside ')} encodes)` : '';
}

/** A generated part of at least this many characters must follow a label for the label to be left out. */
const MIN_KEY_AFTER_LABEL = 16;

/**
 * The length of a label of words in front of a generated key (`jwt-secret-`, `secret:`, `prod_session_`), or 0.
 * The label adds nothing, so the key after it must carry the bits alone. A random base64url key starts with a
 * word and a `-` now and then; a single-word label whose separator also occurs in the key is therefore not taken
 * for one (`api-` before a key full of `-` and `_` is just its first four characters).
 */
function wordLabel(value: string): number {
  const words: string[] = [];
  const separators = new Set<string>();
  let length = 0;
  for (let token = LABEL_TOKEN.exec(value); token; token = LABEL_TOKEN.exec(value.slice(length))) {
    const [whole, word = '', separator = ''] = token;
    // Labels are written in one case (jwt, JWT, Jwt); a random key's letter runs mostly are not.
    if (!/^([a-z]+|[A-Z]+|[A-Z][a-z]+)$/.test(word)) break;
    words.push(word.toLowerCase());
    separators.add(separator);
    length += whole.length;
  }
  // Label words name keys; after the first, dictionary words of six or more letters count too (a random key holds a
  // four-letter word and a separator right after a label about once in 10⁵ draws, a six-letter one far less often).
  const dictionary = wordBits();
  let known = 0;
  let end = 0;
  let offset = 0;
  for (const [k, word] of words.entries()) {
    offset += (LABEL_TOKEN.exec(value.slice(offset))?.[0].length ?? 0);
    if (!((LABEL_WORDS.has(word) && word.length >= 3) || (k > 0 && word.length >= 6 && dictionary.has(word)))) break;
    known = k + 1;
    end = offset;
  }
  if (known === 0) return 0;
  const rest = value.slice(end);
  if (rest.length < MIN_KEY_AFTER_LABEL) return 0;
  // A lone short word ("api-", "MY_") starts a random base64url key now and then: it is a label only before a
  // separator no generated alphabet has (`:`, `.`, space) or when it is long (a random key starts with "secret-"
  // about once in 10¹¹ draws).
  if (known < 2 && !(words[0]!.length >= 5 || /^[:. ]+$/.test(value.slice(end - 1, end)))) return 0;
  if (known < 2 && [...separators].some((c) => rest.includes(c))) return 0;
  return estimateStrength(rest).model === 'random' ? end : 0;
}

const LABEL_TOKEN = /^([A-Za-z]{2,})([-_.:/ =])/;

/** Words that name a key (what it is, what it is for, where it runs). */
const LABEL_WORDS: ReadonlySet<string> = new Set(
  ('jwt secret secrets key keys token tokens hmac signing sign session sessions cookie cookies auth api app application prod production ' +
    'live staging access refresh private master encryption enc password pass salt pepper webhook hook client server service our site ' +
    'web admin bearer value env').split(' '),
);
