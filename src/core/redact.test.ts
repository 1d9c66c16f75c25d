import { describe, expect, it } from 'vitest';
import { isSecretParameterName, maskUrlCredentials, redactDeep, redactText, registerSecret, registerStaticText, urlCredentials } from './redact.js';
import { safeLine, safeLines } from './safe-text.js';

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
    expect(maskUrlCredentials('postgres://app:hunter2@db.internal:5432/shop')).toBe('postgres://app:****@db.internal:5432/shop');
    expect(maskUrlCredentials('redis://:s3cret@cache:6379')).toBe('redis://:****@cache:6379');
    expect(maskUrlCredentials('postgres://app:****@db/x')).toBe('postgres://app:****@db/x');
  });

  it('masks a user name that is a token, not one that is a name', () => {
    expect(maskUrlCredentials('https://ghp_8Hq2Zk29fj20aQxYw7Lm3Np4@github.com/acme/app.git')).toBe('https://****@github.com/acme/app.git');
    expect(maskUrlCredentials('postgres://shop_app@db.internal/shop')).toBe('postgres://shop_app@db.internal/shop');
  });

  it.each([
    ['https://shop.example/?token=tok-8Hq2Zk29', 'https://shop.example/?token=****'],
    ['/login?jwt=eyJhbGciOi.x.y&next=/home', '/login?jwt=****&next=/home'],
    ['https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIA%2F2024&X-Amz-Signature=9f2c&X-Amz-Expires=60', 'https://b.s3.amazonaws.com/k?X-Amz-Credential=****&X-Amz-Signature=****&X-Amz-Expires=60'],
    ['https://app.example/cb#access_token=at-1&id_token=it-2&state=xyz', 'https://app.example/cb#access_token=****&id_token=****&state=xyz'],
    ['https://maps.example/api?KEY=AIzaSy123&q=berlin', 'https://maps.example/api?KEY=****&q=berlin'],
    ['https://x.example/a;jsessionid=0F3A9?apiKey=k1&Password=p1&sig=s1&code=c1', 'https://x.example/a;jsessionid=****?apiKey=****&Password=****&sig=****&code=****'],
    ['https://x.example/?client_secret=cs&refresh_token=rt&pwd=p&pass=q&auth=a&session=s&credential=c', 'https://x.example/?client_secret=****&refresh_token=****&pwd=****&pass=****&auth=****&session=****&credential=****'],
    ['redirect to https://idp.example/?next=%2Fcb%3Ftoken%3Dtk-9%26lang%3Den', 'redirect to https://idp.example/?next=%2Fcb%3Ftoken%3D****%26lang%3Den'],
    ['<a href="/p?page=2&amp;token=tk-3">', '<a href="/p?page=2&amp;token=****">'],
  ])('masks secret-named URL parameters: %s', (input, expected) => {
    expect(maskUrlCredentials(input)).toBe(expected);
    expect(redactText(input)).toBe(expected);
  });

  it('leaves ordinary parameters alone', () => {
    const url = 'postgres://db/shop?sslmode=require&connection_limit=5&pool_timeout=10&page=2&sort=name';
    expect(maskUrlCredentials(url)).toBe(url);
    expect(isSecretParameterName('X-Amz-Security-Token')).toBe(true);
    expect(isSecretParameterName('utm_source')).toBe(false);
  });

  it('lists the URL credentials it would mask, for registering them before a run', () => {
    expect(urlCredentials('https://a:p%40ss@h/?token=tk-1&x=1')).toEqual(['p%40ss', 'p@ss', 'tk-1']);
  });

  it('walks objects and arrays, keys included', () => {
    registerSecret('deep-secret-value');
    expect(redactDeep({ a: ['deep-secret-value'], b: { c: 'x deep-secret-value' }, n: 1 })).toEqual({
      a: ['[REDACTED]'],
      b: { c: 'x [REDACTED]' },
      n: 1,
    });
    expect(redactDeep({ 'generic http://h/hooks/deep-secret-value': 'ok', 'https://h/?token=t1': 1 })).toEqual({
      'generic http://h/hooks/[REDACTED]': 'ok',
      'https://h/?token=****': 1,
    });
    expect(Object.keys(redactDeep({ 'a deep-secret-value': 1, 'a [REDACTED]': 2 }))).toEqual(['a [REDACTED]', 'a [REDACTED] (2)']);
  });

  it('ignores values too short to redact without mangling ordinary text', () => {
    registerSecret('abc');
    expect(redactText('abc')).toBe('abc');
  });

  it('masks a known-weak secret where it stands as a credential, not as a word', () => {
    registerSecret('postgres');
    expect(redactText('connected as postgres to postgres')).toBe('connected as postgres to postgres');
    expect(redactText('DB_PASSWORD=postgres, "password": "postgres"')).toBe('DB_PASSWORD=****, "password": "****"');
    expect(redactText('postgres://postgres:postgres@db/shop')).toBe('postgres://postgres:****@db/shop');
  });

  it('leaves the tool\'s own text as written, even when a secret is a word in it', () => {
    registerSecret('connections');
    registerStaticText('Add alerts for disk, connections, CPU and availability.');
    expect(redactText('needs a person\'s attestation: Add alerts for disk, connections, CPU and availability.')).toBe(
      'needs a person\'s attestation: Add alerts for disk, connections, CPU and availability.',
    );
    expect(redactText('pool of 20 connections: Add alerts for disk, connections, CPU and availability.')).toBe(
      'pool of 20 [REDACTED]: Add alerts for disk, connections, CPU and availability.',
    );
  });

  it('redacts a secret that runs from the tool\'s text on into data', () => {
    registerStaticText('the fix is to rotate the value');
    registerSecret('value9Zk29fj20aQ');
    expect(redactText('the fix is to rotate the value9Zk29fj20aQ')).toBe('the fix is to rotate the [REDACTED]');
  });
});

describe('control characters', () => {
  it('turns escapes, NUL and bidirectional overrides into visible text; one-line fields lose their line breaks', () => {
    expect(safeLine('ok\n\u001b[32m✔ PASS\u001b[0m forged\u0000\r')).toBe('ok \\x1b[32m✔ PASS\\x1b[0m forged\\x00\\x0d');
    expect(safeLine('evil\u202egnp.exe')).toBe('evil\\u202egnp.exe');
    expect(safeLines('line 1\r\nline 2\u009b31m')).toBe('line 1\nline 2\\x9b31m');
  });
});
