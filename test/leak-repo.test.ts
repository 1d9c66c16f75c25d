import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTERS } from '../src/reporters/index.js';
import { runCli } from './helpers/cli.js';
import { gitRepo } from './helpers/git-repo.js';
import { canary, leaksIn, outputsOf } from './helpers/leak.js';

/**
 * The leak suite's repository part (beside test/leak.test.ts): secrets planted in a real git repository — committed in
 * the tree, committed then deleted (history only), in a git-ignored and in an untracked local file, as a PEM block and
 * as vendor-format keys — and in the environment the parity part compares against. The built CLI runs the lines that
 * read them with every reporter, --debug included; no canary, nor its base64, hex, URL-, JSON- or HTML-escaped form,
 * nor a cut-off piece of it, may reach stdout, stderr or a written file.
 */

const base32 = (n: number) => [...randomBytes(n)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
const alnum = (n: number) => [...randomBytes(n)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[b % 62]).join('');

const CANARIES = {
  committedJwt: canary('Cj'),
  awsKeyId: `${'AK'}IA${base32(16)}`,
  stripeLive: `${'sk_'}live_${alnum(28)}`,
  deletedGithubToken: `${'gh'}p_${alnum(36)}`,
  pemLine: randomBytes(48).toString('base64'),
  ignoredLocal: canary('Il'),
  untrackedLocal: canary('Ul'),
  workflowToken: canary('Wt'),
  envValue: canary('Ev'),
} as const;

const ALL_FORMATS = REPORTERS.map((r) => r.format).join(',');

describe('never leak a secret found in the repository', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'readiness-leak-repo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = path.join(dir, 'readiness.yaml');

  beforeAll(() => {
    const repo = path.join(dir, 'shop');
    gitRepo(repo, [
      {
        files: {
          'package.json': '{"name":"shop","version":"1.0.0"}\n',
          '.gitignore': '.env.local\n',
          '.env': `JWT_SECRET=${CANARIES.committedJwt}\n`,
          'src/pay.ts': `export const stripe = '${CANARIES.stripeLive}';\nexport const token = process.env.PAYMENTS_TOKEN;\n`,
          'src/s3.js': `module.exports = { accessKeyId: '${CANARIES.awsKeyId}' };\n`,
          'certs/server.key': ['-----BEGIN ' + 'PRIVATE KEY-----', CANARIES.pemLine, randomBytes(300).toString('base64'), '-----END PRIVATE KEY-----', ''].join('\n'),
          '.github/workflows/deploy.yml': `on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    env:\n      RAILWAY_TOKEN: ${CANARIES.workflowToken}\n    steps:\n      - run: railway up\n`,
        },
      },
      { files: { 'scripts/release.sh': `#!/bin/sh\nGH_TOKEN=${CANARIES.deletedGithubToken} gh release create\n` } },
      { remove: ['scripts/release.sh'], message: 'drop the token' },
    ]);
    writeFileSync(path.join(repo, '.env.local'), `SESSION_SECRET=${CANARIES.ignoredLocal}\n`);
    mkdirSync(path.join(repo, 'tmp'));
    writeFileSync(path.join(repo, 'tmp/notes.env'), `API_SECRET=${CANARIES.untrackedLocal}\n`);
    writeFileSync(path.join(dir, 'prod.env'), `NODE_ENV=production\nPAYMENTS_TOKEN=${CANARIES.envValue}\n`);
    writeFileSync(config, ['version: 1', 'environments:', '  prod:', '    repo: shop', '    env: [{ dotenv: prod.env }]', ''].join('\n'));
  });

  const only = ['--only', 'final.password-manager,security.production-env-values'];

  it('reads every planted secret (the suite is not vacuous), and names them by place only', async () => {
    const run = await runCli(['check', 'prod', '-c', config, ...only, '--format', 'json'], {});
    const report = JSON.parse(run.stdout) as { results: { id: string; status: string; message: string; evidence: Record<string, { committed?: string[]; untracked?: string[]; secrets?: string[] }> }[] };
    const pm = report.results.find((r) => r.id === 'final.password-manager')!;
    expect(pm.status).toBe('fail');
    const committed = pm.evidence['working tree']?.committed?.join('\n') ?? '';
    for (const place of ['.env:1 value of JWT_SECRET', 'src/pay.ts:1 Stripe live secret key (sk_live_…)', 'src/s3.js:1 AWS access key id (AKIA…)', 'certs/server.key:1 PEM private key', '.github/workflows/deploy.yml:6 value of RAILWAY_TOKEN']) {
      expect(committed).toContain(place);
    }
    expect(pm.evidence['working tree']?.untracked?.join('\n')).toContain('tmp/notes.env:1 value of API_SECRET');
    expect(pm.evidence['git history']?.secrets?.join('\n')).toMatch(/[0-9a-f]{12} scripts\/release\.sh:2 GitHub token \(ghp_…\)/);
    const parity = report.results.find((r) => r.id === 'security.production-env-values')!;
    expect(parity.message).toMatch(/parity with the code/);
    expect(leaksIn(outputsOf('json', run), CANARIES)).toEqual([]);
  }, 60_000);

  it.each(REPORTERS.map((r) => r.format))('prints no planted secret through the %s reporter', async (format) => {
    const run = await runCli(['check', 'prod', '-c', config, ...only, '--format', format], {});
    expect(run.code).toBe(1);
    expect(leaksIn(outputsOf(format, run), CANARIES)).toEqual([]);
  }, 60_000);

  it('writes no planted secret into any report file (all formats, --debug), nor through explain', async () => {
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const run = await runCli(['check', 'prod', '-c', config, ...only, '--format', ALL_FORMATS, '--out', out, '--debug'], {});
    expect(leaksIn(outputsOf('all formats', run, out), CANARIES)).toEqual([]);
    const explain = await runCli(['explain', 'final.password-manager'], {});
    expect(leaksIn(outputsOf('explain', explain), CANARIES)).toEqual([]);
  }, 60_000);
});
