import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../checks/index.js';
import { hardenedApi } from '../fixtures/apps/hardened-api.js';
import { serve, type RunningServer } from '../fixtures/apps/serve.js';
import { URL_SCAN_CHECKS } from '../src/cli/url-scan.js';
import { reportSchema } from '../src/report/schema.js';
import { runCli } from './helpers/cli.js';

const SLOW = 120_000;

function expectUsageError(run: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('readiness check --url: a quick scan without a config', () => {
  let api: RunningServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'readiness-quick-scan-'));
  beforeAll(async () => {
    api = await serve(hardenedApi());
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names only lines of the catalog that need nothing but a service address', () => {
    for (const id of URL_SCAN_CHECKS) {
      const check = catalog.find((c) => c.id === id);
      expect(check, id).toBeDefined();
      expect(check!.needs, id).toEqual(['services']);
      expect(check!.automation, id).toBe('automated');
    }
  });

  it('runs the HTTP/TLS lines against the one address, from a folder without any config', async () => {
    const run = await runCli(['check', '--url', `${api.url}/`, '--format', 'json'], { cwd: dir, env: { READINESS_CONFIG: '' } });
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect([0, 1]).toContain(run.code);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    expect(report.environment).toBe('url');
    expect(report.results.map((r) => r.id).sort()).toEqual([...URL_SCAN_CHECKS].sort());
    const status = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
    // The hardened API on plain loopback HTTP: deployed and CORS-safe, but not HTTPS and no certificate.
    expect(status['deployment.services-deployed']).toBe('pass');
    expect(status['security.cors-origins']).toBe('pass');
    expect(status['security.https-enabled']).toBe('fail');
    expect(status['infrastructure.ssl-certificates']).toBe('fail');
    expect(report.gate.passed).toBe(false);
    expect(run.code).toBe(1);
  }, SLOW);

  it('--only narrows the scan', async () => {
    const run = await runCli(['check', '--url', api.url, '--only', 'security.cors-origins', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(reportSchema.parse(JSON.parse(run.stdout)).results.map((r) => r.id)).toEqual(['security.cors-origins']);
  }, SLOW);

  it('refuses what is not one http(s) address, or an environment beside it', async () => {
    expectUsageError(await runCli(['check', '--url', 'ftp://files.example.com'], { cwd: dir }), /--url ftp:\/\/files\.example\.com: expected an http:\/\/ or https:\/\/ URL/);
    expectUsageError(await runCli(['check', '--url', 'app.example.com'], { cwd: dir }), /--url app\.example\.com: expected an absolute http\(s\) URL/);
    const withPassword = await runCli(['check', '--url', 'https://admin:hunter2-secret@app.example.com'], { cwd: dir });
    expectUsageError(withPassword, /leave credentials out of the URL/);
    expect(withPassword.stderr).not.toContain('hunter2-secret');
    expectUsageError(await runCli(['check', 'prod', '--url', api.url], { cwd: dir }), /leave out the environment "prod"/);
    expectUsageError(await runCli(['check'], { cwd: dir }), /name the environment to check .* or scan one address: readiness check --url/);
  }, SLOW);
});

describe('check output for CI and for people', () => {
  let api: RunningServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'readiness-cli-output-'));
  let config = '';
  beforeAll(async () => {
    api = await serve(hardenedApi());
    config = path.join(dir, 'readiness.config.yaml');
    writeFileSync(config, `version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "${api.url}" }\n`);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--format md is the Markdown report', async () => {
    const args = ['check', 'prod', '--only', 'security.cors-origins'];
    const md = await runCli([...args, '--format', 'md'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    const markdown = await runCli([...args, '--format', 'markdown'], { cwd: dir });
    // The same report but for the run's own times.
    const untimed = (text: string) => text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T').replace(/\b\d+(\.\d+)? ?(ms|s)\b/g, 'D');
    expect(untimed(md.stdout)).toBe(untimed(markdown.stdout));
    const out = path.join(dir, 'md-out');
    expect((await runCli([...args, '--format', 'md,json', '--out', out], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(out, 'report.md'), 'utf8')).toMatch(/^# /);
  }, SLOW);

  it('with machine formats only, stderr ends with the files written and the gate verdict', async () => {
    const out = path.join(dir, 'reports');
    const run = await runCli(['check', 'prod', '--only', 'security.cors-origins,security.https-enabled', '--format', 'json,sarif', '--out', out], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const tail = run.stderr.trimEnd().split('\n').slice(-3);
    expect(tail).toEqual([
      `wrote ${path.join(out, 'report.json')}`,
      `wrote ${path.join(out, 'report.sarif')}`,
      expect.stringMatching(/^Gate \(fail on high\): FAILED \(1 reason\) — 1 pass · 1 fail; Production Go-Live Approved: NO$/) as string,
    ]);
  }, SLOW);

  it('progress counts an attested manual line as attested, not as awaiting attestation', async () => {
    const manualId = 'operational.status-page';
    // The manual line alone: the API's rate limiter has seen the tests above, and this one is about the manual line.
    const only = ['--only', manualId];
    const before = await runCli(['check', 'prod', ...only], { cwd: dir });
    expect(before.stderr).toMatch(/1 manual line\(s\) await attestation/);
    const attest = await runCli(['attest', manualId, '--env', 'prod', '--by', 'Jane Doe', '--evidence', 'https://status.example.com'], { cwd: dir });
    expect(attest.code).toBe(0);
    const after = await runCli(['check', 'prod', ...only, '--format', 'json'], { cwd: dir });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).not.toMatch(/await attestation/);
    expect(after.stderr).toMatch(new RegExp(`PASS +${manualId.replace('.', '\\.')} .*attested by Jane Doe`));
    const report = reportSchema.parse(JSON.parse(after.stdout));
    expect(report.summary.attested).toBe(1);
  }, SLOW);
});

describe('npm run demo builds only when a source is newer than the build', () => {
  const script = fileURLToPath(new URL('../scripts/build-if-stale.mjs', import.meta.url));
  const tree = mkdtempSync(path.join(tmpdir(), 'readiness-stale-'));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const decide = async () => {
    try {
      return (await promisify(execFile)(process.execPath, [script, '--check', tree])).stdout.trim();
    } catch (error) {
      return (error as { stdout: string }).stdout.trim();
    }
  };
  const at = (file: string, seconds: number) => {
    mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    writeFileSync(path.join(tree, file), '');
    utimesSync(path.join(tree, file), seconds, seconds);
  };

  it('is stale without a build, fresh when every source is older, stale after one source changes', async () => {
    at('src/cli/main.ts', 1_000);
    at('checks/security/x.ts', 1_000);
    at('tsconfig.json', 1_000);
    expect(await decide()).toBe('stale');
    at('dist/src/cli/main.js', 2_000);
    expect(await decide()).toBe('fresh');
    // Tests are not compiled into dist, so editing one needs no build.
    at('checks/security/x.test.ts', 3_000);
    expect(await decide()).toBe('fresh');
    at('checks/security/x.ts', 3_000);
    expect(await decide()).toBe('stale');
    at('dist/src/cli/main.js', 4_000);
    at('tsconfig.json', 5_000);
    expect(await decide()).toBe('stale');
  });

  it('is what npm run demo calls before starting', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBe('node scripts/build-if-stale.mjs && node bin/readiness.js demo');
  });
});
