import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboard } from '../fixtures/apps/dashboard.js';
import { hardenedApi } from '../fixtures/apps/hardened-api.js';
import { leakyWidget } from '../fixtures/apps/leaky-widget.js';
import { serve, type RunningServer } from '../fixtures/apps/serve.js';
import { hangingServer } from '../fixtures/hostile/servers.js';
import { reportSchema } from '../src/report/schema.js';
import { runCli } from './helpers/cli.js';

/** Exit 2 with one readable paragraph: no stack frames, no "internal error". */
function expectUsageError(run: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error/);
}

describe('readiness CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'readiness-cli-'));
  const servers: Record<string, RunningServer> = {};
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  let goodConfig = '';
  let badConfig = '';

  beforeAll(async () => {
    servers.api = await serve(hardenedApi());
    servers.dashboard = await serve(dashboard());
    servers.widget = await serve(leakyWidget());
    servers.hanging = await hangingServer();
    goodConfig = write(
      'good.yaml',
      `version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "${servers.api.url}" }\n      dashboard: { url: "${servers.dashboard.url}" }\n`,
    );
    badConfig = write(
      'bad.yaml',
      `version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "${servers.api.url}" }\n      widget: { url: "${servers.widget.url}" }\n` +
        `  hung:\n    services:\n      api: { url: "${servers.hanging.url}" }\n`,
    );
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  describe('help, version, list, explain', () => {
    it('--help exits 0 and lists the commands and exit codes', async () => {
      const run = await runCli(['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/check \[options\] \[environment\]/);
      expect(run.stdout).toMatch(/Exit codes: 0 gate passed · 1 gate failed · 2 usage or configuration error/);
    });

    it('--version prints the package version', async () => {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
      expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
    });

    it('list shows all 119 lines; --json is machine-readable', async () => {
      const run = await runCli(['list']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^119 checks: /m);
      const json = JSON.parse((await runCli(['list', '--json'])).stdout) as { id: string }[];
      expect(json).toHaveLength(119);
    });

    it('explain describes a check, its needs and its options', async () => {
      const run = await runCli(['explain', 'deployment.health-checks']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Checklist line: Health checks returning 200 OK:');
      expect(run.stdout).toContain('environments.<name>.services');
      expect(run.stdout).toMatch(/maxResponseMs \(integer.*default 5000\)/);
    });

    it('an unknown check id, command or option is a usage error', async () => {
      expectUsageError(await runCli(['explain', 'deployment.health-check']), /unknown check id .*did you mean "deployment.health-checks"/);
      expect((await runCli(['frobnicate'])).code).toBe(2);
      expect((await runCli(['check', 'prod', '--no-such-flag'])).code).toBe(2);
    });
  });

  describe('bad input: one paragraph and exit 2', () => {
    it('a missing config file', async () => {
      expectUsageError(await runCli(['check', 'prod', '--config', path.join(dir, 'nope.yaml')]), /nope.yaml: no such file; create one with `readiness init`/);
    });

    it('YAML syntax errors, with a position', async () => {
      const file = write('syntax.yaml', 'version: 1\nenvironments:\n  prod: {services: [\n');
      expectUsageError(await runCli(['check', 'prod', '-c', file]), /cannot parse YAML in .*syntax.yaml:\n {2}- environments\.prod\.services \(line \d+/);
    });

    it('a malformed URL, naming the key path', async () => {
      const file = write('url.yaml', 'version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "api.example.com" }\n');
      expectUsageError(await runCli(['check', 'prod', '-c', file]), /environments.prod.services.api.url \(line 5, column 19\): expected an absolute http/);
    });

    it('an unknown environment', async () => {
      expectUsageError(await runCli(['check', 'production', '-c', goodConfig]), /unknown environment "production".*Did you mean "prod"\?/);
    });

    it('an unset ${VAR} of the selected environment', async () => {
      const file = write('vars.yaml', 'version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "${READINESS_TEST_UNSET_URL}" }\n');
      expectUsageError(await runCli(['check', 'prod', '-c', file]), /\$\{READINESS_TEST_UNSET_URL\} is not set/);
    });

    it('a check override for a check that does not exist, or with bad options', async () => {
      const file = write('checks.yaml', `version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "${servers.api!.url}" }\nchecks:\n  deployment.health-check: { severity: low }\n  deployment.health-checks: { options: { maxResponseMs: fast } }\n`);
      const run = await runCli(['check', 'prod', '-c', file]);
      expectUsageError(run, /checks.deployment.health-check \(line 7.*did you mean "deployment.health-checks"/);
      expect(run.stderr).toMatch(/checks.deployment.health-checks.options.maxResponseMs/);
    });

    it('unknown ids in --only and unknown sections', async () => {
      expectUsageError(await runCli(['check', 'prod', '-c', goodConfig, '--only', 'security.jwt']), /--only security.jwt: no check has this id/);
      expectUsageError(await runCli(['check', 'prod', '-c', goodConfig, '--section', 'securty']), /did you mean security/);
    });

    it('several file formats without --out', async () => {
      expectUsageError(await runCli(['check', 'prod', '-c', goodConfig, '--format', 'json,junit']), /add --out <dir>/);
    });
  });

  describe('check: exit codes and reports', () => {
    it('exits 0 when the gate passes', async () => {
      const run = await runCli(['check', 'prod', '-c', goodConfig, '--only', 'deployment.*']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Gate (fail on high): PASSED');
      // Only part of the checklist ran, so this can never be the go-live approval.
      expect(run.stdout).toContain('Production Go-Live Approved: NO');
    });

    it('exits 1 when a line fails at or above the gate, and 0 when the gate is raised above it', async () => {
      const run = await runCli(['check', 'prod', '-c', badConfig, '--only', 'deployment.*']);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/✖ FAIL {3}critical Health checks returning 200 OK:/);
      expect(run.stdout).toContain('fix: Make the health route answer 200');
      expect(run.stderr).toMatch(/FAIL {3}deployment.health-checks/); // plain progress lines when not on a TTY
      const lowered = await runCli(['check', 'prod', '-c', badConfig, '--only', 'deployment.health-checks', '--severity', 'low', '--skip', 'deployment.health-checks']).catch(() => undefined);
      expect(lowered?.code).toBe(2); // nothing left to run is a usage error
    });

    it('writes one file per format under --out; the JSON matches the published schema', async () => {
      const out = path.join(dir, 'reports');
      const run = await runCli(['check', 'prod', '-c', badConfig, '--format', 'text,json,junit,sarif,markdown,html', '--out', out]);
      expect(run.code).toBe(1);
      for (const file of ['report.json', 'report.junit.xml', 'report.sarif', 'report.md', 'report.html']) expect(existsSync(path.join(out, file))).toBe(true);
      const report = reportSchema.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
      expect(report.results).toHaveLength(119);
      expect(report.results.find((r) => r.id === 'deployment.health-checks')).toMatchObject({
        status: 'fail',
        item: 'Health checks returning 200 OK:',
        severity: 'critical',
        automation: 'automated',
      });
      expect(report.gate.passed).toBe(false);
      expect(report.summary.total).toBe(119);
    });

    it('--format json alone writes JSON to stdout and nothing else', async () => {
      const run = await runCli(['check', 'prod', '-c', goodConfig, '--format', 'json', '--only', 'deployment.*']);
      expect(reportSchema.safeParse(JSON.parse(run.stdout)).success).toBe(true);
    });

    it('a waiver stops a failure from gating until it expires, and says so', async () => {
      const file = write(
        'waived.yaml',
        `${readFileSync(badConfig, 'utf8')}waivers:\n  - { check: deployment.health-checks, reason: "widget fix ships tomorrow", owner: lead@example.com, expires: 2099-01-01 }\n`,
      );
      const run = await runCli(['check', 'prod', '-c', file, '--only', 'deployment.health-checks']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('[waived]');
      expect(run.stdout).toContain('waived by lead@example.com until 2099-01-01: widget fix ships tomorrow');
    });

    it('attest records a person\'s attestation that turns a manual line into pass; automated lines refuse it', async () => {
      const file = write('attest.yaml', readFileSync(goodConfig, 'utf8'));
      const attest = await runCli(['attest', 'operational.status-page', '--env', 'prod', '--by', 'Jane Doe', '--evidence', 'https://status.example.com', '-c', file]);
      expect(attest.code).toBe(0);
      expect(readFileSync(path.join(dir, 'readiness.attestations.yaml'), 'utf8')).toContain('check: operational.status-page');
      const run = await runCli(['check', 'prod', '-c', file, '--only', 'operational.status-page', '--format', 'json']);
      const report = reportSchema.parse(JSON.parse(run.stdout));
      expect(report.results[0]).toMatchObject({ status: 'pass', override: { kind: 'attestation', by: 'Jane Doe' } });
      expectUsageError(
        await runCli(['attest', 'deployment.health-checks', '--env', 'prod', '--by', 'x', '--evidence', 'y', '-c', file]),
        /verified automatically and cannot be attested/,
      );
    });

    it('attests an automated line that reports manual while what it probes is not configured, and only while it does', async () => {
      const file = write('attest-unconfigured.yaml', readFileSync(goodConfig, 'utf8'));
      const only = ['--only', 'integration.api-key-auth', '--format', 'json'];
      const before = reportSchema.parse(JSON.parse((await runCli(['check', 'prod', '-c', file, ...only])).stdout));
      expect(before.results[0]).toMatchObject({ status: 'manual' });
      expect(before.results[0]!.message).toMatch(/^not probed: no apiKey is configured; /);
      const attest = await runCli(['attest', 'integration.api-key-auth', '--env', 'prod', '--by', 'Jane Doe', '--evidence', 'https://wiki.example.com/api-key-audit', '-c', file]);
      expect(attest.code, attest.stderr).toBe(0);
      const after = reportSchema.parse(JSON.parse((await runCli(['check', 'prod', '-c', file, ...only])).stdout));
      expect(after.results[0]).toMatchObject({ status: 'pass', override: { kind: 'attestation', originalStatus: 'manual', by: 'Jane Doe' } });
      // Configured, the line is judged by what it observes again: the attestation never covers a machine's verdict.
      writeFileSync(file, `${readFileSync(goodConfig, 'utf8')}    apiKey: { url: "${servers.api!.url}/readiness-no-such-route" }\n`);
      const configured = reportSchema.parse(JSON.parse((await runCli(['check', 'prod', '-c', file, ...only])).stdout));
      expect(configured.results[0]!.status).not.toBe('pass');
      expect(configured.results[0]!.override).toBeUndefined();
    });

    it('Ctrl-C stops the run, still reports every line, and exits 130', async () => {
      const run = await runCli(['check', 'hung', '-c', badConfig, '--format', 'json', '--only', 'deployment.*', '--timeout', '30s'], {
        // Late enough for start-up (~0.8 s with the whole catalog) to install the handler; the hung checks run for 30 s.
        onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 2_000),
      });
      expect(run.code).toBe(130);
      const report = reportSchema.parse(JSON.parse(run.stdout));
      expect(report.interrupted).toBe(true);
      expect(report.results.length).toBeGreaterThan(0);
      expect(report.results.every((r) => r.status !== 'pass')).toBe(true);
      expect(run.stderr).toContain('Interrupted');
    });
  });

  describe('init', () => {
    it('writes a commented config with every key, and refuses to overwrite it', async () => {
      const file = path.join(dir, 'init.yaml');
      expect((await runCli(['init', '-c', file])).code).toBe(0);
      const text = readFileSync(file, 'utf8');
      for (const key of ['services:', 'env:', 'database:', 'aws:', 'webhooks:', 'repo:', 'logs:', 'urls:', 'checks:', 'gate:', 'waivers:', 'attestations:']) {
        expect(text).toContain(key);
      }
      expectUsageError(await runCli(['init', '-c', file]), /already exists; pass --force/);
    });
  });

  describe('demo', () => {
    it('starts the sample target, shows passes and failures, and exits 1', async () => {
      const run = await runCli(['demo', '--format', 'json']);
      expect(run.code).toBe(1);
      const report = reportSchema.parse(JSON.parse(run.stdout));
      expect(report.environment).toBe('demo');
      expect(report.results).toHaveLength(119);
      expect(report.summary.pass).toBeGreaterThan(0);
      expect(report.summary.fail).toBeGreaterThan(0);
    });
  });
});
