import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registerSecret } from '../redact.js';
import { scrubForeignText } from './scrub.js';
import { credentialsInside, isPublicByDesign, looksSecret, secretMaterial } from './secret-like.js';

describe('looksSecret', () => {
  it.each([
    ['JWT_SECRET', 'anything-at-all'],
    ['PAYMENT_KEY_X', 'sk_live_51HcQ2e8Zk29fj20aQxYw'],
    ['CERT', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----'],
    ['BLOB', randomBytes(24).toString('base64url')],
  ])('%s is secret', (name, value) => {
    expect(looksSecret(name, value)).toBe(true);
  });

  it.each([
    ['NODE_ENV', 'production'],
    ['PORT', '3000'],
    ['SESSION_TTL', '3600'],
    ['AUTH_URL', 'https://auth.shop.com/callback'],
    ['COOKIE_DOMAIN', '.shop.com'],
    ['PUBLIC_URL', 'https://shop.com'],
  ])('%s=%s is plain config', (name, value) => {
    expect(looksSecret(name, value)).toBe(false);
  });
});

describe('secretMaterial / credentialsInside', () => {
  it('takes URL passwords and secret parameters out of non-secret variables', () => {
    expect(credentialsInside('redis://:p%40ss-9Zk2@cache:6379/0?token=tok-8Hq2')).toEqual(['p@ss-9Zk2', 'p%40ss-9Zk2', 'tok-8Hq2']);
    expect(secretMaterial('REDIS_URL', 'redis://:Zk29fj20aQ@cache:6379')).toEqual(['Zk29fj20aQ']);
  });

  it('leaves out known-weak values, which the evidence names anyway', () => {
    expect(secretMaterial('DATABASE_URL', 'postgres://postgres:postgres@db/app')).toEqual(['postgres://postgres:postgres@db/app']);
    expect(secretMaterial('JWT_SECRET', 'secret')).toEqual([]);
  });

  it('treats browser-exposed and publishable values as public', () => {
    expect(isPublicByDesign('NEXT_PUBLIC_STRIPE_KEY', 'pk_live_x')).toBe(true);
    expect(isPublicByDesign('STRIPE_PK', 'pk_live_51HcQ2e8Zk29fj20aQxYw')).toBe(true);
    expect(isPublicByDesign('STRIPE_SECRET_KEY', 'sk_live_51HcQ2e8Zk29fj20aQxYw')).toBe(false);
  });
});

describe('scrubForeignText', () => {
  it('masks registered secrets, URL passwords, secret pairs and token-like words in text nobody vetted', () => {
    registerSecret('registered-Secret-Value-1');
    const text = [
      'error: token registered-Secret-Value-1 refused',
      'DATABASE_URL=postgres://u:Qm7-pass@db/x',
      'api_key: Zk29fj20aQ',
      'bad key sk_live_51HcQ2e8Zk29fj20aQxYw',
      'random QWxhZGRpbjpvcGVuIHNlc2FtZQKx',
    ].join('\n');
    const scrubbed = scrubForeignText(text);
    for (const secret of ['registered-Secret-Value-1', 'Qm7-pass', 'Zk29fj20aQ', '51HcQ2e8Zk29fj20aQxYw', 'QWxhZGRpbjpvcGVuIHNlc2FtZQKx']) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('sk_live_****');
    expect(scrubbed).not.toContain('\n');
  });

  it('keeps ordinary words and caps the length', () => {
    expect(scrubForeignText('railway: not logged in, run railway login')).toBe('railway: not logged in, run railway login');
    expect(scrubForeignText('word '.repeat(500)).length).toBeLessThanOrEqual(401);
  });
});
