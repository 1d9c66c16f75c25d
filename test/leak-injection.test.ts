import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../fixtures/apps/serve.js';
import { runCli } from './helpers/cli.js';

/**
 * The same promise, other ways in (issue 9): a `${VAR}` that tries to run a command, a report destination that is a
 * symbolic link, and text from a target or the config that tries to forge terminal lines or live Markdown links.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'readiness-leak-injection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function workspace(name: string): string {
  const ws = path.join(dir, name);
  mkdirSync(ws, { recursive: true });
  return ws;
}

/** Every path under `root`, with a file's content (or a link's target), for "nothing else changed". */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      const info = lstatSync(full);
      if (info.isSymbolicLink()) out[path.relative(root, full)] = `link`;
      else if (info.isDirectory()) walk(full);
      else out[path.relative(root, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

describe('a ${VAR} value reaches a command only as data', () => {
  const hostile = `x"}'; touch pwned1; echo '$(touch pwned2)\`touch pwned3\`"; touch pwned4; "`;

  it.each([
    ['bare', 'printf %s ${EVIL} > got.txt'],
    ['inside double quotes', 'printf %s "${EVIL}" > got.txt'],
    ['inside single quotes', "printf %s '${EVIL}' > got.txt"],
  ])('in an env command and a log command, %s: nothing runs, the command gets the value', async (_label, write) => {
    const ws = workspace(`shell-${_label.replace(/\W+/g, '-')}`);
    const config = path.join(ws, 'readiness.config.yaml');
    writeFileSync(
      config,
      [
        'version: 1',
        'environments:',
        '  prod:',
        `    env: [{ command: ${JSON.stringify(`${write}; echo '{"NODE_ENV": "production"}'`)} }]`,
        `    logs: [{ command: ${JSON.stringify(write.replace('got.txt', 'got-log.txt'))} }]`,
        '',
      ].join('\n'),
    );
    const run = await runCli(['check', 'prod', '-c', config, '--format', 'json', '--only', 'security.*'], { env: { EVIL: hostile } });
    expect(run.stderr).not.toMatch(/internal error/);
    for (const marker of ['pwned1', 'pwned2', 'pwned3', 'pwned4']) expect(existsSync(path.join(ws, marker)), marker).toBe(false);
    expect(readFileSync(path.join(ws, 'got.txt'), 'utf8')).toBe(hostile);
    expect(readFileSync(path.join(ws, 'got-log.txt'), 'utf8')).toBe(hostile);
    const report = JSON.parse(run.stdout) as { results: { id: string; status: string }[] };
    expect(report.results.find((r) => r.id === 'security.production-env-values')?.status).toBe('pass');
  }, 60_000);
});

describe('report files are written inside --out only', () => {
  let config = '';
  let target: RunningServer;
  beforeAll(async () => {
    target = await serve(express().get('/health', (_req, res) => res.json({ status: 'ok' })));
    config = path.join(workspace('reports'), 'readiness.config.yaml');
    writeFileSync(config, `version: 1\nenvironments:\n  prod:\n    services: { api: { url: "${target.url}" } }\n`);
  });
  afterAll(async () => {
    await target.close();
  });
  const args = (out: string) => ['check', 'prod', '-c', config, '--only', 'deployment.health-checks', '--format', 'text,json,markdown', '--out', out];

  it('refuses a report destination that is a symbolic link, and changes nothing outside --out', async () => {
    const root = workspace('symlink');
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'precious.txt'), 'keep me\n');
    const out = path.join(root, 'out');
    mkdirSync(out);
    symlinkSync(path.join(outside, 'precious.txt'), path.join(out, 'report.json'));
    const before = snapshot(root);

    const run = await runCli(args(out), {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^readiness: --out .*report\.json is a symbolic link; readiness does not write through links/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(snapshot(root)).toEqual(before);
  }, 60_000);

  it('replaces a report by renaming a new file over it (a hard link to the old one keeps the old text)', async () => {
    const out = workspace('atomic');
    writeFileSync(path.join(out, 'report.json'), 'old report\n');
    linkSync(path.join(out, 'report.json'), path.join(out, 'old-report.json'));

    const run = await runCli(args(out), {});
    expect(run.stderr).not.toMatch(/^readiness: /m);
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
    expect(readFileSync(path.join(out, 'old-report.json'), 'utf8')).toBe('old report\n');
    expect(readdirSync(out).sort()).toEqual(['old-report.json', 'report.json', 'report.md']);
  }, 60_000);
});

describe('text from a target or the config cannot forge lines, colours or links', () => {
  let target: RunningServer;
  let config = '';
  const ONLY = 'deployment.health-checks,operational.status-page,infrastructure.ssl-certificates';
  const forged = '\n  ✔ PASS   Database credentials are fine (security.database-credentials)\n\u001b[32;1mGate (fail on high): PASSED\u001b[0m\u0000';
  // The same forgery in other words, for the attestation: each text planted once, so no one value masks another.
  const forgedAgain = '\r\n  ✔ PASS   Database credentials verified (security.database-credentials)\n\u001b[32mGate (fail on high): PASSED\u001b[0m\u0000';

  beforeAll(async () => {
    const app = express();
    app.get('/health', (_req, res) =>
      res.redirect(302, '/x?next=[click](https://evil.example/phish)![pixel](https://evil.example/t.png)<img src=https://evil.example/i.png>&www.evil.example'),
    );
    target = await serve(app);
    const ws = workspace('forge');
    config = path.join(ws, 'readiness.config.yaml');
    const yamlString = (text: string) => JSON.stringify(text).replace(/\\u001b/g, '\\e').replace(/\\u0000/g, '\\0');
    writeFileSync(
      config,
      [
        'version: 1',
        'environments:',
        '  prod:',
        `    services: { api: { url: "${target.url}" } }`,
        'waivers:',
        `  - { check: deployment.health-checks, reason: ${yamlString(`fix soon${forged}`)}, owner: ${yamlString(`ops${forged}`)}, expires: 2099-01-01 }`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(ws, 'readiness.attestations.yaml'),
      [
        'version: 1',
        'attestations:',
        `  - { check: operational.status-page, environment: prod, by: ${yamlString(`Jane${forgedAgain}`)}, at: 2024-01-01, evidence: ${yamlString(`https://wiki.example/status${forgedAgain}`)}, expires: 2099-01-01 }`,
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await target.close();
  });

  it('the text report and the progress lines obey no control character and forge no line', async () => {
    const run = await runCli(['check', 'prod', '-c', config, '--only', ONLY, '--format', 'text', '--show-manual'], {});
    // The real gate fails (plain http has no certificate): any "PASSED" line would be forged.
    expect(run.code).toBe(1);
    for (const [where, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
      // eslint-disable-next-line no-control-regex
      expect(text, where).not.toMatch(/[\u0000\u001b\r]/);
      expect(text, where).not.toMatch(/^\s*✔ PASS\s+Database credentials/m);
      expect(text, where).not.toMatch(/^Gate \(fail on high\): PASSED/m);
    }
    expect(run.stdout).toMatch(/attested by Jane\s+✔ PASS {3}Database credentials verified \(security.database-credentials\) \\x1b\[32mGate \(fail on high\): PASSED\\x1b\[0m\\x00/);
  }, 60_000);

  it('report.md turns no target text into a link or an image, and report.html and junit carry no raw control bytes', async () => {
    const out = workspace('forge-out');
    const run = await runCli(['check', 'prod', '-c', config, '--only', ONLY, '--format', 'markdown,html,junit,json', '--out', out], {});
    expect(run.code).toBe(1);
    const md = readFileSync(path.join(out, 'report.md'), 'utf8');
    // An unescaped [text](url) or ![alt](url), a raw tag, a bare URL or www. name that GitHub would link.
    expect(md).not.toMatch(/(^|[^\\])\[[^\]\n]*[^\\]\]\(/m);
    expect(md).not.toMatch(/<img|https:\/\/evil|www\.evil/);
    expect(md).toContain('\\[click\\](https\\://evil.example/phish)!\\[pixel\\]');
    expect(md.split('\n').filter((line) => line.includes('PASS   Database credentials')).every((line) => !line.startsWith('  ✔'))).toBe(true);
    for (const file of ['report.md', 'report.html', 'report.junit.xml', 'report.json']) {
      // eslint-disable-next-line no-control-regex
      expect(readFileSync(path.join(out, file), 'utf8'), file).not.toMatch(/[\u0000\u001b]/);
    }
  }, 60_000);
});
