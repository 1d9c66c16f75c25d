import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../fixtures/apps/serve.js';
import { hangingServer } from '../fixtures/hostile/servers.js';
import { reportSchema } from '../src/report/schema.js';
import { BIN } from './helpers/cli.js';
import { synDroppingServer, type SynDroppingServer } from './helpers/syn-dropping.js';

/** Generous on purpose: before the fix the process lived on for the connect timeout (5 s) after its report. */
const EXIT_AFTER_REPORT_MS = 3_000;

interface Lifetime {
  code: number | null;
  stdout: string;
  /** From spawn to the first byte of the report on stdout. */
  reportAtMs: number;
  /** From the first byte of the report to the process's exit. */
  exitAfterReportMs: number;
}

/** Runs the CLI and times the report and the exit; `interruptAfterStart` sends SIGINT that long after the run began. */
function timeRun(args: string[], interruptAfterStart?: number): Promise<Lifetime> {
  return new Promise((resolve, reject) => {
    const spawned = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', CI: '' } });
    let stdout = '';
    let stderr = '';
    let reportAt: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      reportAt ??= performance.now();
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      // The first progress line (a line that skips at once) says the run, and its SIGINT handler, are up.
      if (interruptAfterStart !== undefined && stderr === '') setTimeout(() => child.kill('SIGINT'), interruptAfterStart);
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const exited = performance.now();
      if (reportAt === undefined) return reject(new Error(`no report (exit ${code}): ${stderr}`));
      resolve({ code, stdout, reportAtMs: reportAt - spawned, exitAfterReportMs: exited - reportAt });
    });
  });
}

/**
 * Issue 10: after a target that never completes a connection the process lived 17.6 s for --timeout 5s, and 4.7 s
 * after its report on Ctrl-C — undici cannot abort a connect in progress, and the database session waited out its
 * connect timeout before closing. Sockets and sessions are destroyed when the run ends.
 */
describe('the process ends when its report is written', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'readiness-lifetime-'));
  let hanging: RunningServer;
  let dropping: SynDroppingServer;
  let config = '';

  beforeAll(async () => {
    hanging = await hangingServer();
    dropping = await synDroppingServer();
    // Connections to `dropping` never complete; `hanging` accepts them and never answers (over https, its TLS handshake never ends).
    config = path.join(dir, 'readiness.config.yaml');
    writeFileSync(
      config,
      `version: 1\nenvironments:\n  hung:\n    services:\n` +
        `      api: { url: "https://127.0.0.1:${dropping.port}", health: /health }\n` +
        `      web: { url: "http://127.0.0.1:${dropping.port}/web" }\n` +
        `      dashboard: { url: "https://127.0.0.1:${hanging.port}" }\n` +
        `    database: { url: "postgresql://u:p@127.0.0.1:${dropping.port}/db", connectTimeout: 60s }\n`,
    );
  });
  afterAll(async () => {
    await Promise.all([hanging.close(), dropping.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const only = ['--only', 'deployment.*,security.https-enabled,security.helmet-headers,database.timezone,database.indexes,infrastructure.dns-records'];

  it('after every check timed out: the report, then the exit within seconds', async () => {
    const run = await timeRun(['check', 'hung', '-c', config, '--format', 'json', '--timeout', '500ms', ...only]);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    console.log(`timed out run: report after ${Math.round(run.reportAtMs)} ms, exit ${Math.round(run.exitAfterReportMs)} ms after it`);
    expect(run.code).toBe(1);
    expect(report.results.filter((r) => r.automation !== 'manual').every((r) => r.status !== 'pass')).toBe(true);
    expect(run.exitAfterReportMs).toBeLessThan(EXIT_AFTER_REPORT_MS);
    // The database session's 60 s connect timeout no longer holds the report back.
    expect(run.reportAtMs).toBeLessThan(30_000);
  }, 90_000);

  it('on Ctrl-C: the report of what finished, then the exit within seconds', async () => {
    const run = await timeRun(['check', 'hung', '-c', config, '--format', 'json', '--timeout', '60s', ...only], 500);
    const report = reportSchema.parse(JSON.parse(run.stdout));
    console.log(`interrupted run: report after ${Math.round(run.reportAtMs)} ms, exit ${Math.round(run.exitAfterReportMs)} ms after it`);
    expect(run.code).toBe(130);
    expect(report.interrupted).toBe(true);
    expect(run.exitAfterReportMs).toBeLessThan(EXIT_AFTER_REPORT_MS);
  }, 90_000);
});
