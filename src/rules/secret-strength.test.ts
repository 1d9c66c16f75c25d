import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HS256_POLICY } from './measure.js';
import { judgeSecret } from './secret-strength.js';
import { isKnownWeak, placeholderWord, templateMarker, WEAK_SECRETS } from '../core/secrets/weak-secrets.js';

const judge = (value: string) => judgeSecret(value, HS256_POLICY, 'hmac:test');

describe('judgeSecret (HS256: fail < 160 bits or < 32 bytes, warn < 256, pass ≥ 256)', () => {
  it.each([
    ['empty', '', /is empty/],
    ['a ${} template', '${JWT_SECRET}', /unexpanded template \(\$\{…\}\)/],
    ['a <…> template', '<generate-a-long-random-secret-here-please>', /unexpanded template \(<…>\)/],
    ['a {{…}} template', '{{ secrets.JWT_SECRET }}', /unexpanded template/],
    ['a placeholder word', `change-${randomBytes(32).toString('hex')}`, /placeholder word "change"/],
    ['your-', `your-${randomBytes(32).toString('base64url')}`, /placeholder word "your-"/],
    ['xxx', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', /placeholder word "xxx"/],
    ['a known-weak value', 'your-256-bit-secret', /known-weak list/],
    ['too short', randomBytes(12).toString('base64'), /is 16 bytes long; HS256 needs 32/],
    ['32 hex characters', randomBytes(16).toString('hex'), /about 128 estimated bits/],
    ['a UUID', '3f1c2a8e-5b7d-4e9f-8a6b-1c2d3e4f5a6b', /about 122 estimated bits/],
    ['the classic passphrase', 'my-super-secret-jwt-key-change-in-production', /placeholder word|estimated bits/],
  ])('fails %s', (_label, value, problem) => {
    const verdict = judge(value);
    expect(verdict.status).toBe('fail');
    expect(verdict.problems.join('; ')).toMatch(problem);
  });

  it('warns between 160 and 255 bits', () => {
    const verdict = judge(randomBytes(24).toString('base64url').padEnd(32, 'Q').slice(0, 32));
    expect(verdict.status).toBe('warn');
    expect(verdict.problems[0]).toMatch(/256 are recommended/);
  });

  it('passes openssl rand -base64 48 and reports only length, class, bits and the fingerprint', () => {
    const verdict = judge(randomBytes(48).toString('base64'));
    expect(verdict.status).toBe('pass');
    // 64 base64 characters lack both + and / about one time in eight, and then count as alphanumeric (381 bits).
    expect(Object.keys(verdict.evidence).sort()).toEqual(['charClass', 'estimatedBits', 'fingerprint', 'lengthBytes', 'model', 'weakListHit']);
    expect(verdict.evidence).toMatchObject({ lengthBytes: 64, model: 'random', weakListHit: false, fingerprint: 'hmac:test' });
    expect(verdict.evidence.estimatedBits).toBeGreaterThanOrEqual(381);
  });

  it('does not count a public vendor prefix as entropy, and shows only the prefix', () => {
    const verdict = judgeSecret(`sk_live_${'a'.repeat(4)}`, { failBelowBits: 128, passAtBits: 128 }, 'fp');
    expect(verdict.evidence.vendorPrefix).toBeUndefined();
    const live = judgeSecret(`sk_live_${randomBytes(24).toString('hex')}`, { failBelowBits: 128, passAtBits: 128 }, 'fp');
    expect(live.evidence).toMatchObject({ vendorPrefix: 'sk_live_', estimatedBits: 192 });
  });

  it.each([
    ['the 128-hex TOKEN_SECRET of the Express JWT tutorial', '09f26e402586e2faa8da4c98a35f1b20d6b033c6097befa8be3486a829587fe2f90a832bd3ff9d42710a4da095a2ce285b009f0c3730cd9b8e1af3eb84df6611', /published secret: the example TOKEN_SECRET of DigitalOcean/],
    ['its first 64 characters', '09f26e402586e2faa8da4c98a35f1b20d6b033c6097befa8be3486a829587fe2f', /published secret/],
    ['base64 of a weak-list value', Buffer.from('your-super-secret-jwt-key').toString('base64'), /decodes \(base64\) to a value on the known-weak list|estimated bits of entropy \(what its base64 encodes\)/],
    ['hex of an English phrase', Buffer.from('this is the secret phrase we use to sign all of our tokens').toString('hex'), /what its hex encodes/],
    ['a keyboard column walk', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/', /estimated bits of entropy; at least 160/],
    ['shifted keyboard rows', '!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?', /estimated bits of entropy; at least 160/],
    ['an azerty walk', 'azertyuiopqsdfghjklmwxcvbnAZERTYUIOPQSDF', /estimated bits of entropy; at least 160/],
    ['camel-case dictionary words', 'KangarooSaxophoneTelescopeUmbrellaPineapple', /estimated bits of entropy; at least 160/],
    ['a run of dictionary words', 'kangaroosaxophonetelescopeumbrellapineapple', /estimated bits of entropy; at least 160/],
    ['a label before 128 random bits', `jwt-secret-${randomBytes(16).toString('hex')}`, /about 128 estimated bits/],
  ])('fails %s', (_label, value, problem) => {
    const verdict = judge(value);
    expect(verdict.status).toBe('fail');
    expect(verdict.problems.join('; ')).toMatch(problem);
  });

  it.each([
    ['jwt-secret- + 256 random bits (hex)', () => `jwt-secret-${randomBytes(32).toString('hex')}`],
    ['secret: + 256 random bits (base64)', () => `secret:${randomBytes(32).toString('base64')}`],
    ['JWT_SECRET_ + 256 random bits (base64url)', () => `JWT_SECRET_${randomBytes(32).toString('base64url')}`],
    ['48 random printable characters with <…> and ${…} inside', () => `<ab>${randomBytes(24).toString('base64')}\${x}q{{y}}`],
  ])('passes %s', (_label, make) => {
    for (let i = 0; i < 50; i++) {
      const verdict = judge(make());
      expect(verdict.problems).toEqual([]);
      expect(verdict.status).toBe('pass');
    }
  });

  it('leaves a label out of the evidence, and reports what a layer was decoded from', () => {
    expect(judge(`jwt-secret-${randomBytes(32).toString('hex')}`).evidence).toMatchObject({ labelChars: 11, charClass: 'hex', estimatedBits: 256 });
    expect(judge(Buffer.from('my very long and very secret signing phrase').toString('base64')).evidence).toMatchObject({ decodedFrom: ['base64'] });
  });

  it('fails every value of the bundled weak list', () => {
    expect(WEAK_SECRETS.length).toBeGreaterThan(200);
    const passing = WEAK_SECRETS.filter((value) => judge(value).status !== 'fail');
    expect(passing).toEqual([]);
  });
});

describe('weak-list helpers', () => {
  it('matches the weak list ignoring case and surrounding space', () => {
    expect(isKnownWeak(' Keyboard Cat ')).toBe(true);
    expect(isKnownWeak(randomBytes(16).toString('hex'))).toBe(false);
  });

  it('finds templates', () => {
    expect(templateMarker('$JWT_SECRET')).toBe('$NAME');
    expect(templateMarker('%JWT_SECRET%')).toBe('%NAME%');
    expect(templateMarker(randomBytes(32).toString('base64'))).toBeUndefined();
  });

  it('does not find placeholder words inside random tokens', () => {
    expect(placeholderWord('Q9todoXk2', { model: 'random' })).toBeUndefined();
    expect(placeholderWord('abc-todo-def', { model: 'random' })).toBe('todo');
    expect(placeholderWord('mysecretkey', { model: 'pattern' })).toBe('secret');
  });
});
