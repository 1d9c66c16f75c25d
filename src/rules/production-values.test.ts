import { describe, expect, it } from 'vitest';
import { judgeHost } from './hosts.js';
import { formatProblem, productionValueFindings } from './production-values.js';

const problems = (name: string, value: string) => productionValueFindings(name, value).map((f) => `${f.level}: ${f.problem}`);

describe('judgeHost', () => {
  it.each([
    ['localhost', 'fail'], ['127.0.0.1', 'fail'], ['127.8.9.10', 'fail'], ['::1', 'fail'], ['[::1]', 'fail'], ['0.0.0.0', 'fail'],
    ['host.docker.internal', 'fail'], ['shop.test', 'fail'], ['api.example', 'fail'], ['x.invalid', 'fail'], ['app.localhost', 'fail'],
    ['example.com', 'fail'], ['api.example.org', 'fail'], ['abc123.ngrok-free.app', 'fail'], ['quiet-fox.trycloudflare.com', 'fail'],
    ['api-staging.shop.com', 'warn'], ['sandbox.paypal.com', 'warn'], ['dev.shop.com', 'warn'], ['app-pr-12.up.railway.app', 'warn'], ['qa.shop.io', 'warn'],
  ])('%s → %s', (host, level) => {
    expect(judgeHost(host)?.level).toBe(level);
  });

  it.each(['api.shop.com', 'db.internal', '10.0.0.5', 'devices.shop.com', 'shopexample.com'])('accepts %s', (host) => {
    expect(judgeHost(host)).toBeUndefined();
  });
});

describe('productionValueFindings', () => {
  it('flags local and reserved hosts inside URLs, without printing credentials', () => {
    const found = problems('DATABASE_URL', 'postgres://app:pw-Zk29fj20@localhost:5432/app');
    expect(found).toEqual(['fail: points at localhost, a local address']);
    expect(found.join()).not.toContain('pw-Zk29fj20');
  });

  it('reads hosts from *_HOST variables, but lets HOST=0.0.0.0 bind all interfaces', () => {
    expect(problems('REDIS_HOST', 'localhost:6379')).toEqual(['fail: points at localhost, a local address']);
    expect(problems('HOST', '0.0.0.0')).toEqual([]);
    expect(problems('HOST', '127.0.0.1')).toEqual(['fail: points at 127.0.0.1, a local address']);
  });

  it('flags test-mode keys by their public prefix only', () => {
    expect(problems('STRIPE_SECRET_KEY', 'sk_test_51Hc0ffee0123456789abcdef')).toEqual(['fail: is a Stripe test-mode secret key (sk_test_…)']);
    expect(problems('STRIPE_PUBLISHABLE_KEY', 'pk_test_51Hc0ffee0123456789abcdef')[0]).toMatch(/pk_test_…/);
    expect(problems('STRIPE_RESTRICTED_KEY', 'rk_test_51Hc0ffee0123456789abcdef')[0]).toMatch(/rk_test_…/);
    expect(problems('STRIPE_SECRET_KEY', 'sk_live_51Hc0ffee0123456789abcdef')).toEqual([]);
  });

  it('flags placeholders and templates, naming non-secret values only', () => {
    expect(problems('APP_NAME', 'changeme')).toEqual(['fail: is the placeholder value "changeme"']);
    expect(problems('API_TOKEN', 'changeme')).toEqual(['fail: is a placeholder value']);
    expect(problems('SHOPIFY_API_SECRET', '${SHOPIFY_SECRET}')).toEqual(['fail: holds an unexpanded template (${…})']);
  });

  it('judges *_ENV / *_MODE and debug flags', () => {
    expect(problems('APP_ENV', 'development')).toEqual(['fail: is "development", a development/test setting']);
    expect(problems('PAYPAL_MODE', 'sandbox')).toEqual(['fail: is "sandbox", a development/test setting']);
    expect(problems('SENTRY_ENVIRONMENT', 'staging')).toEqual(['warn: is "staging", a pre-production setting']);
    expect(problems('MAINTENANCE_MODE', 'false')).toEqual([]);
    expect(problems('APP_DEBUG', 'true')).toEqual(['warn: turns debug mode on ("true")']);
  });

  it('flags temporary AWS keys and malformed Google keys', () => {
    expect(problems('AWS_ACCESS_KEY_ID', 'ASIAY34FZKBOKMUTVV7A')[0]).toMatch(/^warn: is a temporary AWS access key/);
    expect(problems('AWS_ACCESS_KEY_ID', 'AKIAY34FZKBOKMUTVV7A')).toEqual([]);
    expect(problems('GEMINI_API_KEY', 'gemini-key')[0]).toMatch(/shape of a Google API key/);
    expect(problems('GEMINI_API_KEY', `AIza${'Sy'.padEnd(35, 'A1b2')}`)).toEqual([]);
    expect(problems('GOOGLE_API_KEY', 'AQ.Ab8RN6Lq1x2y3z4w5v6u7t8s9r0q')).toEqual([]);
  });

  it('flags CORS allow-lists with *, null, wildcards or localhost', () => {
    expect(problems('CORS_ORIGINS', '*')).toEqual(['fail: allows every origin (*)']);
    expect(problems('ALLOWED_ORIGINS', 'https://shop.com,null')).toEqual(['fail: allows the "null" origin (sandboxed iframes, file:// pages)']);
    expect(problems('ALLOWED_ORIGINS', 'https://*.vercel.app')).toEqual(['warn: allows a wildcard origin pattern']);
    expect(problems('CORS_ORIGIN', 'https://shop.com http://localhost:3000')).toEqual(['fail: points at localhost, a local address']);
    expect(problems('CORS_ORIGINS', 'https://shop.com,https://admin.shop.com')).toEqual([]);
  });
});

describe('formatProblem', () => {
  it('checks required formats', () => {
    expect(formatProblem('AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'google-api-key')).toBeUndefined();
    expect(formatProblem('sk-abc', 'google-api-key')).toMatch(/not a Google API key/);
    expect(formatProblem('AKIAY34FZKBOKMUTVV7A', 'aws-access-key-id')).toBeUndefined();
    expect(formatProblem('https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/2', 'sentry-dsn')).toBeUndefined();
    expect(formatProblem('nope', 'url')).toBe('is not a URL');
    expect(formatProblem('sk_test_123456789012345678', 'stripe-live-secret-key')).toMatch(/not a Stripe live/);
  });
});
