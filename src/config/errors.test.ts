import { describe, expect, it } from 'vitest';
import { registerSecret } from '../core/redact.js';
import { ConfigError, formatPath, quoteKey } from './errors.js';

describe('keys quoted in config errors', () => {
  it('quotes plain names as written', () => {
    expect(quoteKey('healthh')).toBe('healthh');
    expect(quoteKey('launch-after-24h.database-performance')).toBe('launch-after-24h.database-performance');
    expect(formatPath(['environments', 'prod', 'env', 0, 'dotenv'])).toBe('environments.prod.env[0].dotenv');
  });

  it('shows only the word before a space of a key that swallowed a value (a missing colon)', () => {
    expect(quoteKey('secret Wh9kQz2LmXr8TvB4NcY7pD3sF6')).toBe('secret … (33 characters)');
  });

  it('shows nothing of a key that is a secret, registered or random-looking', () => {
    expect(quoteKey('Bc8Hq2Zk29fj20aQxYw7Lm3Np4Rt')).toBe('… (28 characters)');
    registerSecret('Registered-Key-Value-42');
    expect(quoteKey('Registered-Key-Value-42')).toBe('… (23 characters)');
    expect(quoteKey('https://h/?token=abc')).toBe('… (20 characters)');
  });

  it('bounds what any problem quotes, and quoting twice changes nothing', () => {
    const error = new ConfigError('c.yaml', [
      { path: ['checks', 'Bc8Hq2Zk29fj20aQxYw7Lm3Np4Rt'], message: 'no check has the id "Bc8Hq2Zk29fj20aQxYw7Lm3Np4Rt"; did you mean "security.jwt-secret"?' },
      { path: ['x'], message: 'unknown key "secret … (33 characters)"; write $${ for a literal "${"' },
    ]);
    expect(error.message).toBe(
      [
        'invalid configuration in c.yaml:',
        '  - checks.… (28 characters): no check has the id "… (28 characters)"; did you mean "security.jwt-secret"?',
        '  - x: unknown key "secret … (33 characters)"; write $${ for a literal "${"',
      ].join('\n'),
    );
  });
});
