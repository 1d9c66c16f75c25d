import { describe, expect, it } from 'vitest';
import { maskUrlPasswords, redactDeep, redactText, registerSecret } from './redact.js';

describe('redaction', () => {
  it('masks a registered secret wherever it appears, also JSON-escaped and URL-encoded', () => {
    registerSecret('pa"ss/word+1234');
    expect(redactText('x pa"ss/word+1234 y')).toBe('x [REDACTED] y');
    expect(redactText(JSON.stringify({ v: 'pa"ss/word+1234' }))).not.toContain('word+1234');
    expect(redactText(encodeURIComponent('pa"ss/word+1234'))).toBe('[REDACTED]');
  });

  it('masks each line of a multi-line secret such as a PEM key', () => {
    registerSecret('-----BEGIN KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7\n-----END KEY-----');
    expect(redactText('leaked MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7 here')).toBe('leaked [REDACTED] here');
  });

  it('masks URL passwords even when nobody registered them', () => {
    expect(maskUrlPasswords('postgres://app:hunter2@db.internal:5432/shop')).toBe('postgres://app:****@db.internal:5432/shop');
    expect(maskUrlPasswords('redis://:s3cret@cache:6379')).toBe('redis://:****@cache:6379');
    expect(maskUrlPasswords('postgres://app:****@db/x')).toBe('postgres://app:****@db/x');
  });

  it('walks objects and arrays', () => {
    registerSecret('deep-secret-value');
    expect(redactDeep({ a: ['deep-secret-value'], b: { c: 'x deep-secret-value' }, n: 1 })).toEqual({
      a: ['[REDACTED]'],
      b: { c: 'x [REDACTED]' },
      n: 1,
    });
  });

  it('ignores values too short to redact without mangling ordinary text', () => {
    registerSecret('abc');
    expect(redactText('abc')).toBe('abc');
  });
});
