import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployMigrations, SHOP_MIGRATIONS } from '../fixtures/db/prisma-history.js';
import { reportSchema } from '../src/report/schema.js';
import { BIN, runCli, type CliRun } from './helpers/cli.js';
import { usePostgres } from './helpers/postgres.js';

/**
 * Faults around a run rather than in its config: stop signals, a reader that goes away, an --out that breaks
 * mid-run, and a database without Prisma. Each row states the exit code, the statuses and the message.
 */

const root = mkdtempSync(path.join(tmpdir(), 'readiness-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let workspaces = 0;
function workspace(config: string): { dir: string; config: string } {
  const dir = path.join(root, `w${++workspaces}`);
  mkdirSync(dir);
  const file = path.join(dir, 'readiness.config.yaml');
  writeFileSync(file, config);
  return { dir, config: file };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A process that exists and is not a zombie (a killed child of a reaped-late parent lingers as Z). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function expectNoCrash(run: { stderr: string }): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error|EPIPE|Unhandled/);
}

/** An env command that records its shell's pid and a background child's, then waits: a process group to end. */
const LINGERING_COMMAND = 'echo $$ > shell.pid; sleep 120 & echo $! > child.pid; wait';

const SIGNALS = [
  { signal: 'SIGTERM', code: 143, says: 'Terminated (SIGTERM): stopping running checks and reporting what finished' },
  { signal: 'SIGHUP', code: 129, says: 'Hung up (SIGHUP: the terminal closed): stopping running checks' },
  { signal: 'SIGINT', code: 130, says: 'Interrupted (Ctrl-C): stopping running checks' },
] as const;

describe('stop signals: report what finished, end the env commands, exit 128 + n', () => {
  for (const row of SIGNALS) {
    it(`${row.signal} → exit ${row.code}, an interrupted report, no command left running`, async () => {
      const { dir, config } = workspace(`version: 1\nenvironments:\n  prod:\n    env:\n      - { command: "${LINGERING_COMMAND}", timeout: 1h }\n`);
      const started = () => existsSync(path.join(dir, 'child.pid')) && readFileSync(path.join(dir, 'child.pid'), 'utf8').trim() !== '';
      const run = await runCli(['check', 'prod', '-c', config, '--only', 'security.jwt-secret', '--format', 'json', '--timeout', '10m'], {
        cwd: dir,
        onSpawn: (child) => {
          void waitFor(started, 'the env command to start').then(() => child.kill(row.signal));
        },
      });
      expectNoCrash(run);
      expect(run.stderr).toContain(row.says);
      expect(run.code).toBe(row.code);
      const report = reportSchema.parse(JSON.parse(run.stdout));
      expect(report.interrupted).toBe(true);
      expect(report.results).toHaveLength(1);
      expect(report.results[0]).toMatchObject({ id: 'security.jwt-secret', status: 'error' });
      expect(report.results[0]!.message).toMatch(/interrupted|stopped/);
      const pids = ['shell.pid', 'child.pid'].map((name) => Number(readFileSync(path.join(dir, name), 'utf8')));
      await waitFor(() => pids.every((pid) => !isRunning(pid)), 'the env command and its child to end', 5_000);
    }, 60_000);
  }
});

/** Runs the CLI with its standard output closed before it writes a byte, as `| head` leaves it. */
function runWithClosedStdout(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr }));
  });
}

describe('a reader that goes away (`| head`): a quiet end with the command\'s own exit code', () => {
  const { dir, config } = workspace('version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "http://127.0.0.1:9" }\n');
  const rows: { name: string; args: string[]; code: number }[] = [
    { name: 'list', args: ['list'], code: 0 },
    { name: 'list --json', args: ['list', '--json'], code: 0 },
    { name: '--help', args: ['--help'], code: 0 },
    { name: 'explain', args: ['explain', 'deployment.health-checks'], code: 0 },
    { name: 'check (text, a failing gate)', args: ['check', 'prod', '-c', config, '--only', 'deployment.*'], code: 1 },
    { name: 'check --format json', args: ['check', 'prod', '-c', config, '--only', 'deployment.*', '--format', 'json'], code: 1 },
    { name: 'a usage error', args: ['check', 'prod', '-c', config, '--timeout', '10'], code: 2 },
  ];
  for (const row of rows) {
    it.concurrent(`${row.name} → exit ${row.code}, no EPIPE stack trace`, async () => {
      const run = await runWithClosedStdout(row.args, dir);
      expectNoCrash(run);
      expect(run.code).toBe(row.code);
    }, 60_000);
  }

  it('a real `| head` on the whole JSON report', async () => {
    const run = await new Promise<CliRun>((resolve, reject) => {
      const child = spawn('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" check prod -c "${config}" --format json | head -c 100 > /dev/null`], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1', CI: '' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stdout: '', stderr }));
    });
    expectNoCrash(run);
    // pipefail: the status is readiness's own, the failing gate's 1.
    expect(run.code).toBe(1);
  }, 120_000);
});

describe('env and log files that are not regular files: the line errors, the run ends', () => {
  const rows = [
    { name: 'a dotenv FIFO', source: 'env: [{ dotenv: vars.env }]', fifo: 'vars.env', check: 'security.jwt-secret', message: /vars\.env\) cannot be read \(is a FIFO \(named pipe\), not a regular file\)/ },
    { name: 'a dotenv /dev/zero', source: 'env: [{ dotenv: /dev/zero }]', check: 'security.jwt-secret', message: /cannot be read \(is a character device, not a regular file\)/ },
    { name: 'a json env directory', source: 'env: [{ json: /tmp }]', check: 'security.jwt-secret', message: /cannot be read \(is a directory, not a regular file\)/ },
    { name: 'a log FIFO', source: 'logs: [{ file: api.log }]', fifo: 'api.log', check: 'security.database-url-not-logged', message: /cannot be read \(a FIFO, socket or device, not a regular file\)/ },
    { name: 'a log /dev/zero', source: 'logs: [{ file: /dev/zero }]', check: 'security.database-url-not-logged', message: /cannot be read \(a FIFO, socket or device, not a regular file\)/ },
  ];
  for (const row of rows) {
    it.concurrent(`${row.name} → error, exit 1`, async () => {
      const { dir, config } = workspace(`version: 1\nenvironments:\n  prod:\n    ${row.source}\n`);
      if (row.fifo) spawnSync('mkfifo', [path.join(dir, row.fifo)]);
      const run = await runCli(['check', 'prod', '-c', config, '--only', row.check, '--format', 'json', '--timeout', '30s'], { cwd: dir });
      expectNoCrash(run);
      const result = reportSchema.parse(JSON.parse(run.stdout)).results[0]!;
      expect(result.status).toBe('error');
      expect(result.message).toMatch(row.message);
      expect(run.code).toBe(1);
    }, 60_000);
  }
});

describe('--out that breaks during the run', () => {
  it('a report file that cannot be written at the end is exit 2 naming it', async () => {
    const { dir, config } = workspace(`version: 1\nenvironments:\n  prod:\n    env:\n      - { command: "touch started; sleep 2; echo '{}'", timeout: 1m }\n`);
    const out = path.join(dir, 'reports');
    const run = await runCli(['check', 'prod', '-c', config, '--only', 'security.jwt-secret', '--format', 'text,json', '--out', out], {
      cwd: dir,
      onSpawn: () => {
        // After the pre-run check passed (the command runs), the report's path becomes a directory.
        void waitFor(() => existsSync(path.join(dir, 'started')), 'the run to start').then(() => mkdirSync(path.join(out, 'report.json'), { recursive: true }));
      },
    });
    expectNoCrash(run);
    expect(run.stderr).toContain(path.join(out, 'report.json'));
    expect(run.code).toBe(2);
  }, 60_000);
});

describe('database.migrations-applied on a PostgreSQL without Prisma (the CLI, a real server)', () => {
  const pg = usePostgres();

  const runMigrations = async (database: string) => {
    const { dir, config } = workspace(`version: 1\nenvironments:\n  prod:\n    database: ${database}\n`);
    const run = await runCli(['check', 'prod', '-c', config, '--only', 'database.migrations-applied', '--format', 'json'], { cwd: dir });
    expectNoCrash(run);
    return { run, result: reportSchema.parse(JSON.parse(run.stdout)).results[0]! };
  };

  it('no database.migrations, no prisma/migrations, no _prisma_migrations → skip naming the key, exit 0', async () => {
    const db = await pg.database();
    const { run, result } = await runMigrations(`{ url: "${db.url(pg.roles.reader)}" }`);
    expect(result.status).toBe('skip');
    expect(result.message).toMatch(/^not configured: environments\.prod\.database\.migrations \(no Prisma here: the key is not set, there is no prisma\/migrations folder beside the config and the database has no public\._prisma_migrations table\)$/);
    expect(run.code).toBe(0);
  }, 120_000);

  it('no folder, but the database has Prisma migrations → error naming the key, exit 1', async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const { run, result } = await runMigrations(`{ url: "${db.url(pg.roles.reader)}" }`);
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^public\._prisma_migrations records 3 migration\(s\), but there is no migrations folder to compare them with: environments\.prod\.database\.migrations is not set/);
    expect(result.remediation).toMatch(/Set environments\.prod\.database\.migrations to the application's Prisma migrations folder/);
    expect(run.code).toBe(1);
  }, 120_000);

  it('database.migrations naming a folder that does not exist stays an error', async () => {
    const db = await pg.database();
    const { run, result } = await runMigrations(`{ url: "${db.url(pg.roles.reader)}", migrations: no/such/folder }`);
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^migrations folder \S+\/no\/such\/folder does not exist \(set database\.migrations\)$/);
    expect(run.code).toBe(1);
  }, 120_000);
});
