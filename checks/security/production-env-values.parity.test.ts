import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/types.js';
import { repoWorkspace, type RepoTree } from '../../test/helpers/repo-table.js';
import productionEnvValues from './production-env-values.js';

/**
 * The parity part of security.production-env-values: the variables the repository's code reads against its .env
 * example and the environment under test — real repository trees and real dotenv files, through the real loader,
 * runner, env, repository and tree probes.
 */

const fixtures = path.resolve('fixtures/repos');
const session = randomBytes(32).toString('base64url');
const stripe = `${'sk_'}live_${randomBytes(18).toString('hex')}`;
const prodEnv = (extra = '') =>
  `NODE_ENV=production\nDATABASE_URL=postgres://app:${randomBytes(12).toString('hex')}@db.prod.internal:5432/shop\nSESSION_SECRET=${session}\nSTRIPE_SECRET_KEY=${stripe}\n${extra}`;

describe('security.production-env-values: parity with the code, on the sample repositories', () => {
  const ws = repoWorkspace('readiness-parity-');
  afterAll(() => ws.remove());
  const env = (text: string) => {
    const file = `prod-${randomBytes(4).toString('hex')}.env`;
    writeFileSync(path.join(ws.dir, file), text);
    return { env: [{ dotenv: file }] };
  };

  it('the well-kept repository: every variable its code reads is documented and set', async () => {
    const result = await ws.run(productionEnvValues, path.join(fixtures, 'well-kept'), env(prodEnv('LOG_LEVEL=info\n')));
    expect(result.status, result.message).toBe('pass');
    expect(result.message).toBe(
      'values: prod: 5 variables, none with a development or test value; parity with the code: prod: the 4 variables the code reads are documented in .env.example and set',
    );
    expect(JSON.stringify(result)).not.toContain(session);
  });

  it('the neglected one fails: variables read but never set, and no .env.example', async () => {
    const result = await ws.run(productionEnvValues, path.join(fixtures, 'neglected'), env(prodEnv()));
    expect(result.status, result.message).toBe('fail');
    expect(result.message).toMatch(
      /^parity with the code: prod: AWS_REGION is read by the code but not set \(src\/storage\.js:5\); AWS_SECRET_ACCESS_KEY is read by the code but not set \(src\/storage\.js:6\); UPLOADS_BUCKET is read by the code but not set \(src\/storage\.js:9\)/,
    );
    expect(result.evidence).toMatchObject({ 'parity with the code': { prod: { problems: [expect.stringMatching(/^no \.env\.example \/ .* documents the variables/)] } } });
  });

  it('is an error when the repository is not there (the values part still reports)', async () => {
    const result = await ws.run(productionEnvValues, path.join(fixtures, 'no-such-repository'), env(prodEnv()));
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^parity with the code: repository .* cannot be read \(no such directory\)/);
    expect(result.evidence).toMatchObject({ values: { verdict: 'pass' } });
  });

  it('without `repo:` the line is what it always was', async () => {
    const result = await ws.run(productionEnvValues, undefined as unknown as string, env(prodEnv()));
    expect(result.message).toBe('prod: 4 variables, none with a development or test value');
  });
});

interface Row extends RepoTree {
  name: string;
  dotenv: string;
  /** Env sources naming services, and `services:` with their repoPath. */
  perService?: { services: Record<string, { url: string; repoPath: string }>; dotenv: Record<string, string> };
  options?: Record<string, unknown>;
  status: Status;
  message: RegExp;
}

const rows: Row[] = [
  {
    name: 'a variable read with a fallback and not set: warn',
    files: { 'src/log.ts': "export const level = process.env.LOG_LEVEL ?? 'info';\n", '.env.example': 'LOG_LEVEL=info\n' },
    dotenv: 'NODE_ENV=production\n',
    status: 'warn',
    message: /^parity with the code: prod: LOG_LEVEL is not set \(the code falls back to a default\) \(src\/log\.ts:1\)$/,
  },
  {
    name: 'a variable set but not documented: warn',
    files: { 'src/a.mjs': 'export const { SENTRY_DSN } = process.env;\n', '.env.example': '# nothing yet\n' },
    dotenv: 'SENTRY_DSN=https://abc@o1.ingest.sentry.io/2\n',
    status: 'warn',
    message: /^parity with the code: prod: SENTRY_DSN is not documented in the \.env example \(src\/a\.mjs:1\)$/,
  },
  {
    name: 'commented-out documentation counts, and reads in comments, strings and tests do not',
    files: {
      'src/a.ts': "// process.env.OLD_FLAG\nconst hint = 'set process.env.SOMETHING';\nexport const dsn = process.env.SENTRY_DSN;\n",
      'test/a.test.ts': 'process.env.TEST_DATABASE_URL;\n',
      '.env.sample': '# SENTRY_DSN=\n',
    },
    dotenv: 'SENTRY_DSN=https://abc@o1.ingest.sentry.io/2\n',
    status: 'pass',
    message: /parity with the code: prod: the 1 variables the code reads are documented in \.env\.sample and set$/,
  },
  {
    name: 'an ignored variable is not judged',
    files: { 'src/a.js': 'const x = process.env.LEGACY_TOKEN;\n', '.env.example': '\n' },
    dotenv: 'NODE_ENV=production\n',
    options: { ignore: ['LEGACY_TOKEN'] },
    status: 'pass',
    message: /parity with the code: prod: the 0 variables the code reads are documented in \.env\.example and set$/,
  },
  {
    name: 'no JavaScript or TypeScript source: the part does not apply, the values decide',
    files: { 'app.py': "import os\nos.environ['X']\n" },
    dotenv: 'NODE_ENV=production\n',
    status: 'pass',
    message: /^values: prod: 1 variables, none with a development or test value$/,
  },
  {
    name: "each service's code against its own variables (services.<name>.repoPath)",
    files: {
      'apps/api/server.ts': 'const db = process.env.DATABASE_URL;\n',
      'apps/web/main.tsx': 'const api = import.meta.env.VITE_API_URL;\n',
      '.env.example': 'DATABASE_URL=\nVITE_API_URL=\n',
    },
    dotenv: '',
    perService: {
      services: { api: { url: 'https://api.shop.test', repoPath: 'apps/api' }, web: { url: 'https://shop.test', repoPath: 'apps/web' } },
      dotenv: { api: 'DATABASE_URL=postgres://app:Zk29fj20aQxLm@db.prod.internal/shop\n', web: 'NODE_ENV=production\n' },
    },
    status: 'fail',
    message: /parity with the code: web: VITE_API_URL is read by the code but not set \(apps\/web\/main\.tsx:1\)/,
  },
];

describe('security.production-env-values: parity judged from real trees', () => {
  const ws = repoWorkspace('readiness-parity-table-');
  afterAll(() => ws.remove());
  let n = 0;
  for (const row of rows) {
    it(`${row.name} → ${row.status}`, async () => {
      const repo = ws.tree(row);
      let environment: Record<string, unknown>;
      if (row.perService) {
        const env = Object.entries(row.perService.dotenv).map(([service, text]) => {
          const file = `row-${++n}-${service}.env`;
          writeFileSync(path.join(ws.dir, file), text);
          return { dotenv: file, service };
        });
        environment = { services: row.perService.services, env };
      } else {
        const file = `row-${++n}.env`;
        writeFileSync(path.join(ws.dir, file), row.dotenv);
        environment = { env: [{ dotenv: file }] };
      }
      const result = await ws.run(productionEnvValues, repo, environment, row.options ? { options: row.options } : {});
      expect(result.status, result.message).toBe(row.status);
      expect(result.message).toMatch(row.message);
    });
  }
});

