import { randomBytes, randomInt } from 'node:crypto';
import { dictionary as common } from '@zxcvbn-ts/language-common';
import { judgeSecret, type SecretPolicy } from './secret-strength.js';
import { WEAK_SECRETS } from '../core/secrets/weak-secrets.js';
import { PUBLISHED_SECRETS } from '../core/secrets/published.js';
import { estimateStrength } from '../core/secrets/entropy.js';

/** The JWT_SECRET policy for HS256, as security.jwt-secret applies it. */
export const HS256_POLICY: SecretPolicy = { minBytes: { bytes: 32, why: 'HS256 needs 32' }, failBelowBits: 160, passAtBits: 256 };

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** The 95 printable ASCII characters, space included. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** `length` characters drawn uniformly from `alphabet` with crypto.randomInt (no modulo bias). */
function randomOver(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** `length` characters drawn uniformly from [A-Za-z0-9] with crypto.randomBytes (rejection sampling, no modulo bias). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

/** Labels people put in front of a generated key; none of them adds or takes away entropy. */
export const LABELS = ['jwt-secret-', 'secret:', 'jwt_secret_', 'JWT_SECRET_', 'secret-', 'prod-jwt-signing-key-', 'app.session.secret.', 'hmac-secret:', 'api-token/', 'Secret '];

/** 256 random bits in each encoding people generate secrets in; alphanumeric: 43 characters (256 bits). */
const ENCODINGS: Readonly<Record<string, () => string>> = {
  hex: () => randomBytes(32).toString('hex'),
  base64: () => randomBytes(32).toString('base64'),
  base64url: () => randomBytes(32).toString('base64url'),
  alphanumeric: () => randomAlphanumeric(43),
};

export interface Generator {
  generate: () => string;
  /** What every draw must get: a pass (256+ bits of randomness), or anything but a fail (fewer bits, still random). */
  expect: 'pass' | 'not-fail';
}

const withLabel = (encode: () => string) => () => `${LABELS[randomInt(LABELS.length)]}${encode()}`;

/**
 * Random secrets the judgement must not fail: the four encodings of 32 random bytes, random keys over the printable
 * alphabet (32 characters are 210 bits: a warn; from 40 characters, 262+ bits: a pass), and labelled keys.
 */
export const GENERATORS: Readonly<Record<string, Generator>> = {
  ...Object.fromEntries(Object.entries(ENCODINGS).map(([name, generate]) => [name, { generate, expect: 'pass' }])),
  ...Object.fromEntries([32, 40, 48, 64, 96].map((n) => [`printable-${n}`, { generate: () => randomOver(PRINTABLE, n), expect: n >= 40 ? 'pass' : 'not-fail' }])),
  ...Object.fromEntries(Object.entries(ENCODINGS).map(([name, encode]) => [`labelled-${name}`, { generate: withLabel(encode), expect: 'pass' }])),
};

/** Keyboard walks in the common layouts (qwerty, qwertz, azerty, dvorak, keypads), long enough for the length rule. */
export const KEYBOARD_WALKS: readonly string[] = [
  '!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?',
  '1qazxsw23edcvfr45tgbnhy67ujm,ki89ol./;p0',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
  '!QAZ@WSX#EDC$RFV%TGB^YHN&UJM*IK<(OL>)P:?',
  'zaq12wsxcde34rfvbgt56yhnmju78ik,.lo90p;/',
  'qwertyuiopasdfghjklzxcvbnm1234567890',
  'QwErTyUiOpAsDfGhJkLzXcVbNm!@#$%^&*()',
  'qazwsxedcrfvtgbyhnujmikolpQAZWSXEDCRFV',
  '`1234567890-=qwertyuiop[]\\asdfghjkl;\'zxcvbnm,./',
  'azertyuiopqsdfghjklmwxcvbnAZERTYUIOPQSDF',
  'qwertzuiopasdfghjklyxcvbnmQWERTZUIOPASDF',
  "',.pyfgcrl/=aoeuidhtns-;qjkxbmwvz',.pyfgcrl",
  '7894561230789456123078945612307894561230',
  '1478963214789632147896321478963214789632',
  'poiuytrewqlkjhgfdsamnbvcxz0987654321poiu',
];

/** Words from the EFF diceware list at fixed positions, glued in camel case and in lower-case runs. */
export function gluedPhrases(): string[] {
  const words = common['diceware-common'];
  const phrases: string[] = [];
  for (let p = 0; p < 20; p++) {
    const picked = Array.from({ length: 5 }, (_, k) => words[(p * 389 + k * 1553) % words.length]!);
    phrases.push(picked.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(''), picked.join(''));
  }
  return phrases;
}

/** English phrases people hex- or base64-encode and call a key. */
const PHRASES = ['the quick brown fox jumps over the lazy dog', 'this is my super secret key for signing tokens', 'correct horse battery staple', 'my application jwt secret'];

/** Known-weak kinds the judgement must fail: the bundled list, published secrets, their encodings, walks and glued words. */
export function weakKinds(): Record<string, readonly string[]> {
  const encoded = [...WEAK_SECRETS.filter((v) => v.length >= 4), ...PHRASES].flatMap((v) => {
    const bytes = Buffer.from(v, 'utf8');
    return [bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')];
  });
  return {
    'weak list': WEAK_SECRETS,
    published: PUBLISHED_SECRETS.map((p) => p.value),
    'encoded weak': [...new Set(encoded)],
    'keyboard walks': KEYBOARD_WALKS,
    'glued words': gluedPhrases(),
  };
}

export interface Measurement {
  generated: Record<string, { values: number; pass: number; warn: number; fail: number; minBits: number; expect: Generator['expect'] }>;
  weak: Record<string, { values: number; fail: number; estimatorBelow160: number }>;
}

/** Runs the estimator and the HS256 judgement over random values and the known-weak kinds. */
export function measure(perGenerator: number, only?: readonly string[]): Measurement {
  const generated: Measurement['generated'] = {};
  for (const [name, { generate, expect }] of Object.entries(GENERATORS)) {
    if (only && !only.includes(name)) continue;
    const counts = { values: 0, pass: 0, warn: 0, fail: 0, minBits: Infinity, expect };
    for (let i = 0; i < perGenerator; i++) {
      const value = generate();
      const verdict = judgeSecret(value, HS256_POLICY, 'n/a');
      counts.values++;
      counts[verdict.status]++;
      counts.minBits = Math.min(counts.minBits, verdict.evidence.estimatedBits);
    }
    generated[name] = counts;
  }
  const weak: Measurement['weak'] = {};
  for (const [kind, values] of Object.entries(weakKinds())) {
    weak[kind] = {
      values: values.length,
      fail: values.filter((value) => judgeSecret(value, HS256_POLICY, 'n/a').status === 'fail').length,
      estimatorBelow160: values.filter((value) => estimateStrength(value).bits < 160).length,
    };
  }
  return { generated, weak };
}
