import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findSecrets, numberedLines } from './repo-secrets.js';

// Every key-shaped value is assembled at run time, so this file commits none.
const base32 = (n: number) => [...randomBytes(n)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
const alnum = (n: number) => [...randomBytes(n)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[b % 62]).join('');
const hex = (n: number) => randomBytes(n / 2).toString('hex');
const pemBody = randomBytes(600).toString('base64').match(/.{1,64}/g)!;
const PEM = ['-----BEGIN ' + 'PRIVATE KEY-----', ...pemBody, '-----END PRIVATE KEY-----'];

const found = (path: string, text: string) => findSecrets(path, numberedLines(text)).map(({ line, kind, prefix }) => ({ line, kind, ...(prefix ? { prefix } : {}) }));

describe('committed secrets: what is found, by line and kind', () => {
  it.each([
    ['an AWS access key id in .env', '.env', `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${'AK' + 'IA'}${base32(16)}`, [{ line: 2, kind: 'AWS access key id', prefix: 'AKIA' }]],
    ['a Stripe live key in code', 'src/pay.ts', `const stripe = new Stripe('${'sk_' + 'live_'}${alnum(24)}');`, [{ line: 1, kind: 'Stripe live secret key', prefix: 'sk_live_' }]],
    ['a GitHub token in a README', 'README.md', `clone with ${'gh' + 'p_'}${alnum(36)} for now`, [{ line: 1, kind: 'GitHub token', prefix: 'ghp_' }]],
    ['a Slack bot token', 'bot.js', `token: "${'xo' + 'xb-'}${alnum(12)}-${alnum(24)}"`, [{ line: 1, kind: 'Slack token', prefix: 'xoxb-' }]],
    ['a Shopify admin token', 'shopify.toml', `access = "${'shp' + 'at_'}${hex(32)}"`, [{ line: 1, kind: 'Shopify access token or shared secret', prefix: 'shpat_' }]],
    ['a generated JWT secret in .env', '.env', `JWT_SECRET=${randomBytes(32).toString('base64url')}`, [{ line: 1, kind: 'value of JWT_SECRET' }]],
    ['an inline token in a workflow', '.github/workflows/deploy.yml', 'jobs:\n  d:\n    env:\n      RAILWAY_TOKEN: 3f9c1a7e-5b2d-4e8f-9a6c-1d2e3f4a5b6c', [{ line: 4, kind: 'value of RAILWAY_TOKEN' }]],
    ['a secret baked into a Dockerfile', 'Dockerfile', 'FROM node:20\nENV SESSION_SECRET=k7Qm2vX9pL4tR8wZ3nB6yH1cF5jD0sGa', [{ line: 2, kind: 'value of SESSION_SECRET' }]],
    ['a quoted password in code', 'src/db.ts', `const pool = new Pool({ user: 'app', password: '${alnum(20)}' });`, [{ line: 1, kind: 'value of password' }]],
    ['a PEM private key block', 'certs/server.key', ['# server key', ...PEM].join('\n'), [{ line: 2, kind: 'PEM private key' }]],
    ['a service-account JSON with its key on one line', 'sa.json', `{"type": "service_account", "private_key": "${PEM.join('\\n')}"}`, [{ line: 1, kind: 'PEM private key' }]],
    ['a password inside a production database URL', 'config/prod.yml', `url: postgres://app:${alnum(20)}@db.prod.internal:5432/shop`, [{ line: 1, kind: 'password inside a postgres URL' }]],
  ])('%s', (_label, path, text, expected) => {
    expect(found(path, text)).toEqual(expected);
  });

  it('names one secret once even when two recognisers see it', () => {
    expect(found('.env', `STRIPE_SECRET_KEY=${'sk_' + 'live_'}${alnum(24)}`)).toEqual([{ line: 1, kind: 'Stripe live secret key', prefix: 'sk_live_' }]);
  });

  it('never puts the value into the kind or the prefix', () => {
    const secret = randomBytes(32).toString('base64url');
    const hits = findSecrets('.env', numberedLines(`JWT_SECRET=${secret}`));
    expect(JSON.stringify(hits.map(({ secret: _s, ...rest }) => rest))).not.toContain(secret.slice(0, 8));
  });
});

describe('committed text that is no secret', () => {
  it.each([
    ['.env.example placeholders', '.env.example', [
      'JWT_SECRET=',
      'SESSION_SECRET=changeme',
      'API_KEY=<your-api-key>',
      'SHOPIFY_API_SECRET=your-shopify-secret',
      `STRIPE_SECRET_KEY=${'sk_' + 'live_'}xxxxxxxxxxxxxxxxxxxxxxxx`,
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/shop',
      'REDIS_URL=redis://:devpassword123@127.0.0.1:6379',
      'WEBHOOK_SECRET=${WEBHOOK_SECRET}',
      'DB_PASSWORD=password',
      'SESSION_TTL=3600',
      'COOKIE_DOMAIN=.shop.example',
      `STRIPE_TEST_KEY=${'sk_' + 'test_'}${alnum(24)}`,
    ].join('\n')],
    ['code reading secrets from the environment', 'src/config.ts', [
      'const password = process.env.DB_PASSWORD;',
      'interface Login { password: string; token?: string }',
      "if (token === 'Bearer') return;",
      "const apiKey = config.get('apiKey');",
      'const { JWT_SECRET } = process.env;',
      'console.log(process.env.npm_package_version);',
    ].join('\n')],
    ['a workflow using the secrets store', '.github/workflows/ci.yml', 'env:\n  DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n  API_TOKEN: ${{ secrets.API_TOKEN }}'],
    ['package.json metadata', 'package.json', '{"name": "shop", "author": "Jane Doe", "scripts": {"test": "node --test"}}'],
    ['prose about passwords', 'docs/setup.md', 'password: required for the admin\nThe token: ask the on-call engineer.'],
    ['a PEM header in documentation with no key under it', 'docs/tls.md', '-----BEGIN ' + 'PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'],
    ['a secret file path', 'config/app.yml', 'jwt_secret: /run/secrets/jwt\nprivate_key: ./keys/server.pem\napi_key: API_KEY'],
  ])('%s', (_label, path, text) => {
    expect(found(path, text)).toEqual([]);
  });
});
