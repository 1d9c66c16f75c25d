import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../fixtures/apps/serve.js';
import { REPORTERS } from '../src/reporters/index.js';
import { runCli } from './helpers/cli.js';
import { canary, leaksIn, outputsOf, runCliInTerminal } from './helpers/leak.js';

/**
 * The "never leak" suite, by mechanism (issue 9): canaries where a user or a target puts secrets that the tool does
 * not read as secrets of its own — a target echoing a known secret back before any check read it, credentials in the
 * query strings of every URL-bearing config key and of a target's Location headers, `${VAR}`s inside URL paths,
 * keys of a broken config — searched for in every form, in every format, with and without --only, piped and under
 * a pseudo-terminal.
 */

const C = {
  // Registered only by reading the env file: the target echoes it in a Location path, where no URL rule applies.
  envJwt: canary('Jw'),
  envApiToken: canary('At'),
  // Sent by the target and known to nobody: only URL masking can catch them.
  targetToken: canary('Tt'),
  targetSignature: canary('Ts'),
  targetPassword: canary('Tp'),
  targetFragment: canary('Tf'),
  // Literal credentials in the query strings (and userinfo) of every URL-bearing config key.
  serviceToken: canary('Qs'),
  healthToken: canary('Qh'),
  routeKey: canary('Qr'),
  assetSignature: canary('Qa'),
  plainPassword: canary('Qp'),
  userinfoToken: canary('Qu'),
  webhookSecret: canary('Qw'),
  /** webhooks[].secret: signs the webhook family's test deliveries and must never be shown. */
  webhookSigningSecret: canary('Qk'),
  /** apiKey.key: sent as a Bearer header and in the query string to the echoing target, so it comes back in bodies. */
  apiKeySecret: canary('Qy'),
  /** oauth.secret: signs the never-issued-state callback; the echoing callback puts it back in its Location path. */
  oauthSecret: canary('Qg'),
  /** integrations.productSync.key: sent as a Bearer header to the echoing target, which puts it back in its JSON status. */
  productSyncKey: canary('Qx'),
  /** A credential in the query string of integrations.conversions.url (the evidence names its path). */
  conversionsToken: canary('Qn'),
  privacyToken: canary('Qv'),
  termsSignature: canary('Qt'),
  termsCredential: canary('Qc'),
  supportCode: canary('Qo'),
  databasePassword: canary('Qd'),
  // ${VAR}s inside URL paths (an evidence key is made of the webhook URL).
  webhookPathToken: canary('Vw'),
  servicePathToken: canary('Vs'),
} as const;

const dir = mkdtempSync(path.join(tmpdir(), 'readiness-leak-mechanism-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
let outCounter = 0;
const freshOut = () => {
  const out = path.join(dir, `out-${outCounter++}`);
  mkdirSync(out);
  return out;
};
const ALL_FORMATS = REPORTERS.map((r) => r.format).join(',');

/** A real Express app that echoes secrets back: in Location paths and query strings, userinfo and fragments, headers. */
function echoingTarget(): express.Express {
  const app = express();
  app.use((_req, res, next) => {
    res.set('X-Debug-Token', C.envJwt);
    res.set('Link', `<https://cdn.example.test/app.js?token=${C.targetToken}>; rel=preload`);
    next();
  });
  // The api asks with its configured ?access_token=; the other services are sent to an identity provider.
  app.get('/health', (req, res) =>
    req.query.access_token
      ? res.redirect(302, `/login/${C.envJwt}?jwt=${C.envJwt}&token=${C.targetToken}`)
      : res.redirect(302, `https://sso:${C.targetPassword}@idp.example.test/cb?X-Amz-Signature=${C.targetSignature}#access_token=${C.targetFragment}`),
  );
  // The sync status echoes the credential it was sent into the fields the product-sync check reads.
  // The OAuth callback goes on into the app and echoes the secret in the path, where a fail message names it.
  app.get('/auth/callback', (_req, res) => res.redirect(302, `/app/${C.oauthSecret}/home`));
  app.get('/v1/sync/status', (req, res) => res.json({ status: req.get('authorization') ?? 'none', lastSyncedAt: req.get('authorization') ?? 'never' }));
  app.post(/.*/, (_req, res) => res.status(200).json({ ok: true }));
  app.use((_req, res) =>
    res
      .status(200)
      .type('html')
      .send(
        `<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Shop</title></head><body>` +
          `<h1>Privacy policy, terms and conditions</h1><p>Contact support@shop.example.test. ${'Personal data we collect and why. '.repeat(40)}</p>` +
          `<a href="/login?token=${C.targetToken}">sign in</a></body></html>`,
      ),
  );
  return app;
}

describe('no secret in any output, by mechanism', () => {
  let target: RunningServer;
  let config = '';
  const env = { HOOK_TOKEN: C.webhookPathToken, WEB_TOKEN: C.servicePathToken };

  beforeAll(async () => {
    target = await serve(echoingTarget());
    const base = target.url;
    const host = base.replace('http://', '');
    write('prod.env', `NODE_ENV=production\nJWT_SECRET=${C.envJwt}\nAPI_TOKEN=${C.envApiToken}\n`);
    config = write(
      'echo.yaml',
      [
        'version: 1',
        'environments:',
        '  prod:',
        '    services:',
        '      api:',
        `        url: "${base}/?token=${C.serviceToken}"`,
        `        health: "/health?access_token=${C.healthToken}"`,
        `        route: "/v1/products?api_key=${C.routeKey}"`,
        `        plainUrl: "${base}/?password=${C.plainPassword}"`,
        '        origins: ["https://app.example.test"]',
        '      web:',
        `        url: "${base}/\${WEB_TOKEN}/"`,
        `        asset: "/app.js?sig=${C.assetSignature}"`,
        '      admin:',
        `        url: "http://${C.userinfoToken}@${host}/"`,
        '    env: [{ dotenv: prod.env }]',
        '    webhooks:',
        `      - { url: "${base}/hooks/shopify?secret=${C.webhookSecret}", provider: shopify, secret: "${C.webhookSigningSecret}" }`,
        `      - { url: "${base}/hooks/\${HOOK_TOKEN}" }`,
        `    apiKey: { url: "${base}/v1/shop", key: "${C.apiKeySecret}" }`,
        `    oauth: { install: "${base}/auth", callback: "${base}/auth/callback", secret: "${C.oauthSecret}" }`,
        `    integrations: { productSync: { url: "${base}/v1/sync/status", key: "${C.productSyncKey}" }, conversions: { url: "${base}/v1/conversions?token=${C.conversionsToken}" } }`,
        '    urls:',
        `      privacy: "${base}/privacy?access_token=${C.privacyToken}"`,
        `      terms: "${base}/terms?X-Amz-Credential=${C.termsCredential}&X-Amz-Signature=${C.termsSignature}"`,
        `      support: "${base}/support?code=${C.supportCode}"`,
        `    database: { url: "postgres://app@127.0.0.1:9/shop?password=${C.databasePassword}&connect_timeout=1" }`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await target.close();
  });

  const variants = [
    ['every check', []],
    ["--only 'deployment.*'", ['--only', 'deployment.*']],
  ] as const;

  it.each(variants)('the target really echoes, and the run shows it masked (%s)', async (_label, only) => {
    const run = await runCli(['check', 'prod', '-c', config, '--format', 'json', '--timeout', '10s', ...only], { env });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { results: { id: string; message: string; evidence: Record<string, unknown> }[] };
    const health = report.results.find((r) => r.id === 'deployment.health-checks');
    expect(health?.message).toContain('api: answered 302, a redirect to /login/[REDACTED]?jwt=[REDACTED]&token=****');
    expect(health?.message).toContain('https://sso:****@idp.example.test/cb?X-Amz-Signature=****#access_token=****');
    // Literal credentials of the config are registered before the run, so they read like ${VAR}-supplied ones.
    expect(run.stdout).toContain('/health?access_token=[REDACTED]');
    // The sync status really came back with the credential in it, and was judged.
    const sync = report.results.find((r) => r.id === 'integration.product-sync');
    if (only.length === 0) expect(sync?.evidence).toMatchObject({ statuses: { authenticated: 200, anonymous: 200 } });
    // The callback really took the signed, never-issued state and echoed the signing secret in its Location, which the verdict names.
    const oauth = report.results.find((r) => r.id === 'integration.oauth-flow');
    if (only.length === 0) expect(oauth?.message).toContain('callback with a state it never issued: answered 302 to /app/[REDACTED]/home');
    expect(leaksIn(outputsOf('json', run), C)).toEqual([]);
  }, 120_000);

  it.each(variants)('prints no canary in the text report and the progress lines (%s)', async (_label, only) => {
    const run = await runCli(['check', 'prod', '-c', config, '--format', 'text', '--timeout', '10s', ...only], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('deployment.health-checks');
    expect(leaksIn(outputsOf('text', run), C)).toEqual([]);
  }, 120_000);

  it.each(variants)('writes no canary into any report file, all formats at once (%s)', async (_label, only) => {
    const out = freshOut();
    const run = await runCli(['check', 'prod', '-c', config, '--format', ALL_FORMATS, '--out', out, '--timeout', '10s', '--debug', ...only], { env });
    expect(run.code).toBe(1);
    expect(readdirSync(out)).toHaveLength(REPORTERS.length - 1);
    expect(leaksIn(outputsOf('all formats', run, out), C)).toEqual([]);
  }, 120_000);

  it.each(REPORTERS.filter((r) => r.format !== 'text').map((r) => r.format))('prints no canary through the %s reporter on standard output', async (format) => {
    const run = await runCli(['check', 'prod', '-c', config, '--format', format, '--timeout', '10s'], { env });
    expect(run.code).toBe(1);
    expect(leaksIn(outputsOf(format, run), C)).toEqual([]);
  }, 120_000);

  it.each(variants)('shows no canary on a terminal: the live view under a pseudo-terminal (%s)', async (_label, only) => {
    const run = await runCliInTerminal(['check', 'prod', '-c', config, '--timeout', '10s', ...only], dir, env);
    expect(run.code).toBe(1);
    // The terminal got the live view (its totals line, redrawn with escape sequences), not the plain lines of a pipe.
    expect(run.stderr).toMatch(/\d+\/\d+ checks/);
    expect(run.stderr).toContain('\u001b[');
    expect(leaksIn(outputsOf('terminal', run), C)).toEqual([]);
  }, 120_000);
});

describe('config errors quote no secret', () => {
  const K = { missingColon: canary('Kc'), bareKey: canary('Kb'), serviceName: canary('Ks'), checkId: canary('Ki'), syntax: canary('Ky'), environment: canary('Ke') };
  const cases = [
    ['a flow mapping missing a colon', `version: 1\nenvironments:\n  prod:\n    webhooks: [{ url: "http://127.0.0.1:9/", secret ${K.missingColon} }]\n`],
    ['a value left bare as a key', `version: 1\nenvironments:\n  prod:\n    env: [{ dotenv: x.env, ${K.bareKey} }]\n`],
    ['a service named with a secret', `version: 1\nenvironments:\n  prod:\n    services: { "web ${K.serviceName}": { url: "http://127.0.0.1:9" } }\n`],
    ['a secret as a check id', `version: 1\nenvironments:\n  prod:\n    env: [{ dotenv: x.env }]\nchecks:\n  ${K.checkId}: { severity: high }\n`],
    ['a secret as a waiver\'s check', `version: 1\nenvironments:\n  prod:\n    env: [{ dotenv: x.env }]\nwaivers:\n  - { check: ${K.checkId}, reason: r, owner: o, expires: 2099-01-01 }\n`],
    ['a YAML syntax error under a secret key', `version: 1\nenvironments:\n  prod:\n    services:\n      ${K.syntax}: { url: [unclosed\n`],
  ] as const;

  it.each(cases)('%s', async (_label, yaml) => {
    const file = path.join(dir, `bad-${outCounter++}.yaml`);
    writeFileSync(file, yaml);
    const run = await runCli(['check', 'prod', '-c', file, '--format', 'json'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^readiness: /);
    expect(leaksIn(outputsOf('config error', run), K)).toEqual([]);
  }, 60_000);

  it('names environments without quoting one that is a secret', async () => {
    const file = path.join(dir, 'environments.yaml');
    writeFileSync(file, `version: 1\nenvironments:\n  prod: { env: [{ dotenv: x.env }] }\n  ${K.environment}: { env: [{ dotenv: x.env }] }\n`);
    const run = await runCli(['check', 'staging', '-c', file], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"prod"');
    expect(leaksIn(outputsOf('unknown environment', run), K)).toEqual([]);
  }, 60_000);

  it('keeps the word before a missing colon, so the message still says where to look', async () => {
    const file = path.join(dir, 'colon.yaml');
    writeFileSync(file, cases[0][1]);
    const run = await runCli(['check', 'prod', '-c', file], {});
    expect(run.stderr).toMatch(/unknown key "secret … \(\d+ characters\)"/);
  }, 60_000);
});
