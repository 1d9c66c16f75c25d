import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN } from './helpers/cli.js';
import { serverPool } from './helpers/servers.js';

interface Step {
  name: string;
  id?: string;
  uses?: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
}
const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as { runs: { using: string; steps: Step[] } };
const step = (name: string) => action.runs.steps.find((s) => s.name === name)!;

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Issue 14: the repository's action runs a check, keeps the reports, uploads SARIF and fails the job by the gate. */
describe('the GitHub action and GITHUB_ACTIONS=true', () => {
  const servers = serverPool();
  const dir = mkdtempSync(path.join(tmpdir(), 'readiness-action-'));
  afterAll(async () => {
    await servers.closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a composite action whose inputs reach the shell through the environment, never pasted into a script', () => {
    expect(action.runs.using).toBe('composite');
    for (const s of action.runs.steps.filter((s) => s.run)) expect(s.run).not.toMatch(/\$\{\{/);
    expect(step('Upload SARIF').uses).toMatch(/^github\/codeql-action\/upload-sarif@v3$/);
    expect(step('Upload SARIF').if).toContain('always()');
  });

  it('the Check step annotates the config line of the failing service, fills the step summary and keeps the exit code', async () => {
    const target = await servers.start((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>shop</title>');
    });
    writeFileSync(
      path.join(dir, 'readiness.config.yaml'),
      ['version: 1', 'environments:', '  prod:', '    services:', `      api: { url: "http://127.0.0.1:${target.port}" }`, ''].join('\n'),
    );
    const summary = path.join(dir, 'summary.md');
    const output = path.join(dir, 'output.txt');
    writeFileSync(summary, '');
    writeFileSync(output, '');
    const check = step('Check');
    const run = await bash(check.run!, dir, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      READINESS_ENVIRONMENT: 'prod',
      READINESS_CONFIG_INPUT: '',
      READINESS_OUT: 'reports',
      READINESS_ARGS: '--only security.helmet-headers,security.https-enabled',
      READINESS_BIN: BIN,
    });
    expect(run.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe('exit-code=1\n');
    expect(run.stderr).toMatch(/^::error file=readiness\.config\.yaml,line=5,title=FAIL security\.helmet-headers \[\w+\]::/m);
    expect(readFileSync(summary, 'utf8')).toContain('security.helmet-headers');
    for (const file of ['report.sarif', 'report.json', 'report.junit.xml', 'report.md']) expect(readFileSync(path.join(dir, 'reports', file), 'utf8').length).toBeGreaterThan(0);

    const gate = step('Gate');
    for (const [code, exit] of [['0', 0], ['1', 1], ['2', 2], ['3', 1], ['', 1]] as const) {
      const result = await bash(gate.run!, dir, { EXIT_CODE: code });
      expect(result.code).toBe(exit);
      if (exit !== 0) expect(result.stdout).toMatch(/^::error title=readiness/m);
    }
  }, 120_000);
});
