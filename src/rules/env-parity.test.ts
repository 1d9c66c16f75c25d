import { describe, expect, it } from 'vitest';
import { documentedNames, envReads, isApplicationSource, parityFindings } from './env-parity.js';

const names = (path: string, text: string) => envReads(path, text).map((r) => `${r.name}@${r.line}${r.fallback ? '?' : ''}`);

describe('which variables the code reads (js-tokens, not regexes)', () => {
  it.each([
    ['member access', 'src/a.js', 'const url = process.env.DATABASE_URL;', ['DATABASE_URL@1']],
    ['a string index', 'src/a.ts', "const key = process.env['STRIPE_SECRET_KEY'];\nconst b = process.env[\"JWT_SECRET\"];", ['STRIPE_SECRET_KEY@1', 'JWT_SECRET@2']],
    ['optional chaining', 'src/a.mjs', 'const v = process.env?.SENTRY_DSN;', ['SENTRY_DSN@1']],
    ['a fallback', 'src/a.cjs', "const port = process.env.LOG_LEVEL ?? 'info';\nconst t = process.env.TIMEOUT || 30;", ['LOG_LEVEL@1?', 'TIMEOUT@2?']],
    ['destructuring, with renames and defaults', 'src/config.ts', "const {\n  JWT_SECRET,\n  REDIS_URL: redisUrl,\n  REGION = 'eu',\n  'API_BASE': base,\n  ...rest\n} = process.env;", ['JWT_SECRET@2', 'REDIS_URL@3', 'REGION@4?', 'API_BASE@5']],
    ["Vite's import.meta.env, its built-ins left out", 'web/main.tsx', 'const api = import.meta.env.VITE_API_URL;\nif (import.meta.env.DEV) {}\nconst el = <div>{import.meta.env.VITE_TITLE}</div>;', ['VITE_API_URL@1', 'VITE_TITLE@3']],
    ['inside a template literal', 'src/a.ts', 'const u = `https://${process.env.API_HOST}/v1`;', ['API_HOST@1']],
    ['TypeScript syntax around it', 'src/a.ts', 'function f<T extends string>(x: T): string | undefined { return process.env.FEATURE_FLAGS as string; }', ['FEATURE_FLAGS@1']],
  ])('%s', (_label, path, text, expected) => {
    expect(names(path, text)).toEqual(expected);
  });

  it.each([
    ['a comment', 'src/a.js', '// process.env.IN_A_COMMENT\n/* process.env.IN_A_BLOCK */'],
    ['a string', 'src/a.js', "log('set process.env.IN_A_STRING first');\nconst s = `process.env.IN_A_TEMPLATE`;"],
    ['a computed name', 'src/a.js', 'const v = process.env[name];'],
    ['another object called process', 'src/a.js', 'const v = job.process.env.NOT_OURS;'],
    ['a regular expression', 'src/a.js', 'const re = /process.env.IN_A_REGEX/;'],
  ])('not in %s', (_label, path, text) => {
    expect(names(path, text)).toEqual([]);
  });

  it('counts application source only: not tests, fixtures, declarations or other languages', () => {
    expect(['src/a.ts', 'server.js', 'lib/x.mjs', 'app/page.tsx'].every(isApplicationSource)).toBe(true);
    expect(['test/a.js', 'src/a.test.ts', 'src/__tests__/b.js', 'fixtures/x.js', 'types/env.d.ts', 'vitest.config.ts', 'README.md', 'script.py'].some(isApplicationSource)).toBe(false);
  });
});

describe('what .env.example documents', () => {
  it('reads assignments, empty ones and commented-out ones', () => {
    expect([...documentedNames('# database\nDATABASE_URL=\nJWT_SECRET=<generate>\n# SENTRY_DSN=\nexport PORT=3000\n').names].sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT', 'SENTRY_DSN']);
  });

  it('says when dotenv cannot read a line', () => {
    expect(documentedNames('JUST A SENTENCE\n').problem).toMatch(/line 1 is not NAME=value/);
  });
});

describe('parity findings', () => {
  const reads = [
    { name: 'DATABASE_URL', path: 'src/db.ts', line: 3, fallback: false },
    { name: 'LOG_LEVEL', path: 'src/log.ts', line: 1, fallback: true },
    { name: 'STRIPE_SECRET_KEY', path: 'src/pay.ts', line: 9, fallback: false },
    { name: 'PORT', path: 'server.js', line: 1, fallback: false },
    { name: 'RAILWAY_ENVIRONMENT', path: 'server.js', line: 2, fallback: false },
  ];

  it('fails a variable read without a fallback and not set; warns the rest; the platform\'s own are left out', () => {
    const findings = parityFindings(reads, new Set(['DATABASE_URL', 'LOG_LEVEL']), (name) => name === 'DATABASE_URL');
    expect(findings).toEqual([
      { name: 'LOG_LEVEL', status: 'warn', problem: 'is not set (the code falls back to a default)', readAt: ['src/log.ts:1'] },
      { name: 'STRIPE_SECRET_KEY', status: 'fail', problem: 'is read by the code but not set', readAt: ['src/pay.ts:9'] },
      { name: 'STRIPE_SECRET_KEY', status: 'warn', problem: 'is not documented in the .env example', readAt: ['src/pay.ts:9'] },
    ]);
  });

  it('finds nothing when every variable is documented and set', () => {
    expect(parityFindings(reads, new Set(['DATABASE_URL', 'LOG_LEVEL', 'STRIPE_SECRET_KEY']), () => true)).toEqual([]);
  });
});
