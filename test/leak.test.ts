import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTERS } from '../src/reporters/index.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { leakForms } from './helpers/leak.js';

/**
 * The "never leak" suite: canary secrets planted in every env source kind, log files, log commands and
 * config values; the built CLI run with every reporter the tool has, on the normal path and on error paths;
 * no canary — nor its base64, hex, URL-encoded, JSON- or HTML-escaped form — may appear in stdout, stderr or
 * any written file.
 */

/** A secret-looking canary: generated, so nothing can be mistaken for it by chance. */
function canary(tag: string): string {
  return `${tag}${randomBytes(18).toString('base64url')}`;
}

const CANARIES = {
  jwtSecret: canary('Jw'),
  jwtSpecial: `Sp+/=${randomBytes(24).toString('base64')}&<>"'`,
  stripeTest: canary('St'),
  redisPassword: canary('Rd'),
  neutralBlob: canary('Nb'),
  jsonSecret: canary('Js'),
  pemLine: canary('Pm'),
  commandToken: canary('Ct'),
  kvDbPassword: canary('Kv'),
  processToken: canary('Pr'),
  configDbPassword: canary('Db'),
  webhookSecret: canary('Wh'),
  interpolatedPassword: canary('Ip'),
  stagingShared: canary('Sh'),
  logUrlPassword: canary('Lu'),
  logPair: canary('Lp'),
  logCommandPassword: canary('Lc'),
  stderrToken: canary('Se'),
  malformedLine: canary('Ml'),
  badConfigValue: canary('Bc'),
  timeoutStderr: canary('To'),
} as const;


const dir = mkdtempSync(path.join(tmpdir(), 'readiness-leak-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Asserts that no canary, in any form, is anywhere in a run's output or in the files it wrote. */
function expectNoCanary(label: string, run: CliRun, outDir?: string): void {
  const outputs: [string, string][] = [
    [`${label} stdout`, run.stdout],
    [`${label} stderr`, run.stderr],
  ];
  if (outDir) for (const file of readdirSync(outDir)) outputs.push([`${label} ${file}`, readFileSync(path.join(outDir, file), 'utf8')]);
  for (const [where, text] of outputs) {
    for (const [name, secret] of Object.entries(CANARIES)) {
      for (const form of leakForms(secret)) {
        expect(text.includes(form), `${name} (${form === secret ? 'raw' : 'encoded'}) appeared in ${where}`).toBe(false);
      }
    }
  }
}

const ALL_FORMATS = REPORTERS.map((r) => r.format).join(',');
let outCounter = 0;
function outDir(): string {
  const out = path.join(dir, `out-${outCounter++}`);
  mkdirSync(out);
  return out;
}

describe('never leak a secret', () => {
  let config = '';
  const cliEnv = {
    READINESS_LEAK_TOKEN: CANARIES.processToken,
    LEAK_DB_URL: `postgres://app:${CANARIES.interpolatedPassword}@127.0.0.1:9/shop`,
  };

  beforeAll(() => {
    write(
      'prod.env',
      [
        `JWT_SECRET=${CANARIES.jwtSecret}`,
        `SESSION_SECRET="${CANARIES.jwtSpecial.replace(/"/g, '\\"')}"`,
        `STRIPE_SECRET_KEY=sk_test_${CANARIES.stripeTest}`,
        `REDIS_URL=redis://:${CANARIES.redisPassword}@localhost:6379`,
        `FEATURE_BLOB=${CANARIES.neutralBlob}`,
        `SHARED_WITH_STAGING=${CANARIES.stagingShared}`,
        'NODE_ENV=development',
        'SENTRY_DSN=https://not-a-key@o1.ingest.sentry.io/2',
        '',
      ].join('\n'),
    );
    write(
      'prod.json',
      JSON.stringify({
        SHOPIFY_API_SECRET: CANARIES.jsonSecret,
        PRIVATE_KEY: `-----BEGIN PRIVATE KEY-----\n${CANARIES.pemLine}\n-----END PRIVATE KEY-----`,
      }),
    );
    write('staging.env', `ANOTHER_NAME=${CANARIES.stagingShared}\nJWT_SECRET=${CANARIES.jwtSecret}\n`);
    write(
      'app-log.txt',
      [
        'boot ok',
        `prisma:query url=postgresql://app:${CANARIES.logUrlPassword}@db.internal:5432/shop`,
        `{"user":"app","password":"${CANARIES.logPair}"}`,
        `retrying with ${CANARIES.configDbPassword}`,
        '',
      ].join('\n'),
    );
    config = write(
      'leak.yaml',
      [
        'version: 1',
        'environments:',
        '  prod:',
        '    env:',
        '      - dotenv: prod.env',
        '      - json: prod.json',
        `      - command: "echo '{\\"API_TOKEN\\": \\"${CANARIES.commandToken}\\"}'"`,
        `      - { command: "echo DATABASE_URL=postgres://app:${CANARIES.kvDbPassword}@db.prod.internal/shop", format: kv }`,
        '      - { process: true, only: [READINESS_LEAK_*] }',
        `    database: { url: "postgres://app:${CANARIES.configDbPassword}@127.0.0.1:9/shop?connect_timeout=1" }`,
        `    webhooks: [{ url: "http://127.0.0.1:9/hooks", secret: "${CANARIES.webhookSecret}" }]`,
        '    logs:',
        '      - file: app-log.txt',
        `      - command: "echo mysql://root:${CANARIES.logCommandPassword}@db.internal/app"`,
        '  staging:',
        '    env: [{ dotenv: staging.env }]',
        '    database: { url: "${LEAK_DB_URL}" }',
        'checks:',
        '  security.api-keys-regenerated: { options: { compareWith: [staging] } }',
        '',
      ].join('\n'),
    );
  });

  it('covers every reporter the tool has', () => {
    expect(REPORTERS.map((r) => r.format)).toEqual(expect.arrayContaining(['text', 'json']));
  });

  it('reads every planted source (the suite is not vacuous)', async () => {
    const run = await runCli(['check', 'prod', '-c', config, '--format', 'json', '--timeout', '5s'], { env: cliEnv });
    const report = JSON.parse(run.stdout) as { results: { id: string; status: string; message: string }[] };
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(byId['security.jwt-secret']?.message).toMatch(/JWT_SECRET is 26 bytes long/);
    expect(byId['security.production-env-values']?.message).toMatch(/sk_test_…/);
    expect(byId['security.api-keys-regenerated']?.message).toMatch(/SHARED_WITH_STAGING = staging's ANOTHER_NAME/);
    expect(byId['security.database-url-not-logged']?.message).toMatch(/credentials exposed/);
    expect(byId['monitoring.sentry']?.status).toBe('fail');
    expectNoCanary('json', run);
  });

  it.each(REPORTERS.map((r) => r.format))('prints no canary through the %s reporter on standard output', async (format) => {
    const run = await runCli(['check', 'prod', '-c', config, '--format', format, '--timeout', '5s'], { env: cliEnv });
    expect(run.code).toBe(1);
    expectNoCanary(format, run);
  });

  it('writes no canary into any report file (all formats at once, with --debug)', async () => {
    const out = outDir();
    const run = await runCli(['check', 'prod', '-c', config, '--format', ALL_FORMATS, '--out', out, '--timeout', '5s', '--debug'], { env: cliEnv });
    expect(readdirSync(out).length).toBe(REPORTERS.length - 1);
    expectNoCanary('all formats', run, out);
  });

  it('leaks nothing when a command source fails with the secret on stderr', async () => {
    const failing = write(
      'failing.yaml',
      `version: 1\nenvironments:\n  prod:\n    env:\n      - command: "echo 'auth failed: token=${CANARIES.stderrToken} key ${CANARIES.stderrToken}' >&2; exit 1"\n`,
    );
    const out = outDir();
    const run = await runCli(['check', 'prod', '-c', failing, '--only', 'security.*,monitoring.*', '--format', ALL_FORMATS, '--out', out], {});
    expect(run.stdout).toMatch(/exited with code 1/);
    expectNoCanary('failing command', run, out);
  });

  it('leaks nothing when a command source times out with the secret on stderr', async () => {
    const slow = write(
      'slow.yaml',
      `version: 1\nenvironments:\n  prod:\n    env:\n      - { command: "echo 'using ${CANARIES.timeoutStderr}' >&2; sleep 20", timeout: 300ms }\n`,
    );
    const out = outDir();
    const run = await runCli(['check', 'prod', '-c', slow, '--only', 'security.jwt-secret', '--format', ALL_FORMATS, '--out', out], {});
    expect(run.stdout).toMatch(/did not finish within 300 ms/);
    expectNoCanary('timed-out command', run, out);
  });

  it('leaks nothing from a malformed dotenv line', async () => {
    write('malformed.env', `NODE_ENV=production\nJWT_SECRET ${CANARIES.malformedLine}\n`);
    const malformed = write('malformed.yaml', 'version: 1\nenvironments:\n  prod:\n    env: [{ dotenv: malformed.env }]\n');
    const out = outDir();
    const run = await runCli(['check', 'prod', '-c', malformed, '--only', 'security.*,monitoring.*', '--format', ALL_FORMATS, '--out', out], {});
    expect(run.stdout).toMatch(/line 2 is not NAME=value/);
    expectNoCanary('malformed dotenv', run, out);
  });

  it.each([
    ['a wrong type', `version: 1\nenvironments:\n  prod:\n    webhooks: [{ url: "http://127.0.0.1:9/", secret: ["${CANARIES.badConfigValue}"] }]\n`],
    ['an unknown key', `version: 1\nenvironments:\n  prod:\n    env: [{ dotenv: x.env, token: "${CANARIES.badConfigValue}" }]\n`],
    ['a YAML syntax error', `version: 1\nenvironments:\n  prod:\n    database: { url: "postgres://a:${CANARIES.badConfigValue}@h/db" \n`],
    ['an invalid URL', `version: 1\nenvironments:\n  prod:\n    webhooks: [{ url: "${CANARIES.badConfigValue}", secret: "${CANARIES.webhookSecret}" }]\n`],
    ['a bad check option', `version: 1\nenvironments:\n  prod:\n    env: [{ dotenv: x.env }]\nchecks:\n  security.jwt-secret: { options: { algorithm: "${CANARIES.badConfigValue}" } }\n`],
  ])('leaks nothing from a bad config: %s', async (_label, yaml) => {
    const bad = write(`bad-${randomBytes(4).toString('hex')}.yaml`, yaml);
    const out = outDir();
    const run = await runCli(['check', 'prod', '-c', bad, '--format', ALL_FORMATS, '--out', out], {});
    expect(run.code).toBe(2);
    expectNoCanary('bad config', run, out);
  });
});
