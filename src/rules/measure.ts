import { randomBytes } from 'node:crypto';
import { judgeSecret, type SecretPolicy } from './secret-strength.js';
import { WEAK_SECRETS } from '../core/secrets/weak-secrets.js';
import { estimateStrength } from '../core/secrets/entropy.js';

/** The JWT_SECRET policy for HS256, as security.jwt-secret applies it. */
export const HS256_POLICY: SecretPolicy = { minBytes: { bytes: 32, why: 'HS256 needs 32' }, failBelowBits: 160, passAtBits: 256 };

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

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

/** 32 random bytes (256 bits) in each encoding people generate secrets in; alphanumeric: 43 characters (256 bits). */
export const GENERATORS: Readonly<Record<string, () => string>> = {
  hex: () => randomBytes(32).toString('hex'),
  base64: () => randomBytes(32).toString('base64'),
  base64url: () => randomBytes(32).toString('base64url'),
  alphanumeric: () => randomAlphanumeric(43),
};

export interface Measurement {
  generated: Record<string, { values: number; pass: number; warn: number; fail: number; minBits: number }>;
  weakList: { values: number; fail: number; estimatorBelow160: number };
}

/** Runs the estimator and the HS256 judgement over random values and the bundled weak list. */
export function measure(perEncoding: number): Measurement {
  const generated: Measurement['generated'] = {};
  for (const [name, generate] of Object.entries(GENERATORS)) {
    const counts = { values: 0, pass: 0, warn: 0, fail: 0, minBits: Infinity };
    for (let i = 0; i < perEncoding; i++) {
      const value = generate();
      const verdict = judgeSecret(value, HS256_POLICY, 'n/a');
      counts.values++;
      counts[verdict.status]++;
      counts.minBits = Math.min(counts.minBits, estimateStrength(value).bits);
    }
    counts.minBits = Math.floor(counts.minBits);
    generated[name] = counts;
  }
  const weakVerdicts = WEAK_SECRETS.map((value) => ({ verdict: judgeSecret(value, HS256_POLICY, 'n/a'), bits: estimateStrength(value).bits }));
  return {
    generated,
    weakList: {
      values: WEAK_SECRETS.length,
      fail: weakVerdicts.filter((w) => w.verdict.status === 'fail').length,
      estimatorBelow160: weakVerdicts.filter((w) => w.bits < 160).length,
    },
  };
}
