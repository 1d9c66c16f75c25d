import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { estimateStrength } from '../core/secrets/entropy.js';
import { GENERATORS, HS256_POLICY, measure, randomAlphanumeric } from './measure.js';
import { judgeSecret } from './secret-strength.js';
import { WEAK_SECRETS } from '../core/secrets/weak-secrets.js';

describe('estimateStrength', () => {
  it.each([
    ['hex', randomBytes(32).toString('hex'), 256, 'random'],
    ['base64', randomBytes(32).toString('base64'), 258, 'random'],
    ['alphanumeric', randomAlphanumeric(43), 256, 'random'],
  ])('counts %s at its alphabet: 4, 6 or log2(62) bits per character', (charClass, value, bits, model) => {
    const estimate = estimateStrength(value);
    expect(Math.floor(estimate.bits)).toBeGreaterThanOrEqual(bits);
    expect(estimate.model).toBe(model);
    if (charClass !== 'alphanumeric') expect(estimate.charClass).toBe(charClass);
  });

  it('gives a 32-character hex string 128 bits and a UUID 122', () => {
    expect(estimateStrength(randomBytes(16).toString('hex')).bits).toBe(128);
    expect(estimateStrength(randomUUID()).bits).toBe(122);
    expect(estimateStrength(randomUUID()).charClass).toBe('uuid');
  });

  it.each([
    'my-super-secret-jwt-key-change-in-production',
    'mysupersecretjwtkeychangeinproduction',
    'correct horse battery staple',
    'averylongsecretkeythatisatleast32characterslong',
    'MySuperSecretKey2024',
    'Sup3rS3cretPassw0rd!2024xyz',
  ])('prices the human-made %s by its words, far below 160 bits', (value) => {
    const estimate = estimateStrength(value);
    expect(estimate.model).toBe('pattern');
    expect(estimate.bits).toBeLessThan(160);
  });

  it.each([
    ['a run', 'a'.repeat(48), /run of 48/],
    ['a repeated unit', 'ab'.repeat(24), /repeated/],
    ['a long repeat', 'Xk9vQ2mZ'.repeat(6), /repeated/],
    ['a sequence', `${randomBytes(8).toString('hex')}abcdefghijklmnopqrstuvwxyz`, /sequence/],
    ['uneven frequencies', 'aabbaabbabbabaabbbaabababbbaaabbbabababbbaabababab', /uneven/],
  ])('flags low variety: %s', (_label, value, reason) => {
    const estimate = estimateStrength(value);
    expect(estimate.lowVariety.join('; ')).toMatch(reason);
  });

  it('reports length in UTF-8 bytes, not characters', () => {
    expect(estimateStrength('ключ').bytes).toBe(8);
    expect(estimateStrength('ключ').chars).toBe(4);
  });
});

describe('measurement (the numbers the docs quote)', () => {
  it('passes 10,000 random 32-byte values in each of hex, base64, base64url and alphanumeric, and fails the whole weak list', () => {
    const result = measure(10_000);
    for (const [encoding, counts] of Object.entries(result.generated)) {
      expect({ encoding, pass: counts.pass }).toEqual({ encoding, pass: 10_000 });
    }
    expect(result.weakList.fail).toBe(WEAK_SECRETS.length);
    expect(Object.keys(GENERATORS)).toEqual(['hex', 'base64', 'base64url', 'alphanumeric']);
  });

  it('fails a 32-char hex string, a UUID and the "change-in-production" passphrase under the HS256 policy', () => {
    for (const value of [randomBytes(16).toString('hex'), randomUUID(), 'my-super-secret-jwt-key-change-in-production']) {
      expect(judgeSecret(value, HS256_POLICY, 'fp').status, value.length.toString()).toBe('fail');
    }
  });
});
