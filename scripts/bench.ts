import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/cli/package-info.js';
import { runCliMeasured } from './measure-cli.js';

/**
 * `npm run bench`: medians of `readiness --help`, `list` and `explain` and of the full demo run, the slowest check
 * beside the run's wall time, peak RSS beside bare Node's, and the CPU the demo costs at a terminal (live view, under
 * util-linux `script`) against a piped run — measured from outside the process, the way a user experiences them.
 */
const root = packageRoot();
const bin = path.join(root, 'bin', 'readiness.js');
const HELP_RUNS = Number(process.env.BENCH_HELP_RUNS ?? 15);
const DEMO_RUNS = Number(process.env.BENCH_DEMO_RUNS ?? 7);
const TTY_RUNS = Number(process.env.BENCH_TTY_RUNS ?? 3);

interface Sample {
  ms: number;
  peakRssMb: number;
  stdout: string;
  code: number | null;
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env, script: string[] = [bin]): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...script, ...args], { cwd: root, env: { ...env, NO_COLOR: '1' } });
    let stdout = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    // VmHWM is the kernel's own high-water mark of resident memory; polling it loses nothing between polls.
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+) kB/.exec(status);
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // the process has just exited
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ ms: performance.now() - started, peakRssMb: peakKb / 1024, stdout, code });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// NODE_EXTRA_CA_CERTS makes Node parse a CA bundle before running any code (~85 ms on the machines seen here);
// the start-up figures are given with the environment as it is and without that variable, beside bare Node.
const withoutExtraCa = { ...process.env };
delete withoutExtraCa.NODE_EXTRA_CA_CERTS;
const environments = process.env.NODE_EXTRA_CA_CERTS
  ? ([['as is', process.env], ['no NODE_EXTRA_CA_CERTS', withoutExtraCa]] as const)
  : ([['as is', process.env]] as const);

/** The commands that must answer at once; none of them loads the checks, their probes or their dictionaries. */
const QUICK_COMMANDS = [['--help'], ['list'], ['explain', 'security.jwt-secret']] as const;
const startup: { label: string; nodeMs: number; nodeRssMb: number; commandMs: number[] }[] = [];
for (const [label, env] of environments) {
  const bare: Sample[] = [];
  const commands: number[][] = QUICK_COMMANDS.map(() => []);
  for (let i = 0; i < HELP_RUNS; i++) {
    bare.push(await run([], env, ['-e', '0']));
    for (const [k, args] of QUICK_COMMANDS.entries()) commands[k]!.push((await run([...args], env)).ms);
  }
  startup.push({ label, nodeMs: median(bare.map((b) => b.ms)), nodeRssMb: Math.max(...bare.map((b) => b.peakRssMb)), commandMs: commands.map(median) });
}

const demo: { wall: number; slowest: number; slowestId: string; runnerMs: number; rss: number }[] = [];
for (let i = 0; i < DEMO_RUNS; i++) {
  const sample = await run(['demo', '--format', 'json']);
  const report = JSON.parse(sample.stdout) as { durationMs: number; results: { id: string; durationMs: number }[] };
  const slowest = report.results.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
  demo.push({ wall: sample.ms, slowest: slowest.durationMs, slowestId: slowest.id, runnerMs: report.durationMs, rss: sample.peakRssMb });
}

const demoMs = median(demo.map((d) => d.wall));
const slowestMs = median(demo.map((d) => d.slowest));
const runnerMs = median(demo.map((d) => d.runnerMs));
const peakRss = Math.max(...demo.map((d) => d.rss));
const demoBudget = 1.3 * slowestMs + 500;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const slowestIds = [...new Set(demo.map((d) => d.slowestId))].join(', ');

const rows: string[][] = [];
for (const s of startup) {
  for (const [k, args] of QUICK_COMMANDS.entries()) {
    const ms = s.commandMs[k]!;
    rows.push([`readiness ${args.join(' ')}, median of ${HELP_RUNS} (${s.label})`, `${ms.toFixed(0)} ms`, '≤ 150 ms', verdict(ms <= 150)]);
  }
  rows.push([`  bare \`node -e 0\` in the same environment`, `${s.nodeMs.toFixed(0)} ms`, '', '']);
}
rows.push(
  [`demo check run, wall, median of ${DEMO_RUNS}`, `${runnerMs.toFixed(0)} ms`, `≤ 1.3 × slowest + 500 = ${demoBudget.toFixed(0)} ms`, verdict(runnerMs <= demoBudget)],
  ['  slowest single check, median', `${slowestMs.toFixed(0)} ms (${slowestIds})`, '', ''],
  ['  whole `readiness demo` process, median', `${demoMs.toFixed(0)} ms`, '(start-up, target start and stop included)', ''],
  ['peak RSS of the readiness process (the target runs apart), max', `${peakRss.toFixed(0)} MB`, '≤ 150 MB', verdict(peakRss <= 150)],
  // Node's own binary and start-up are resident before any of our code runs: the part of the peak the tool adds is the rest.
  ['  bare `node -e 0`, peak RSS', `${startup[0]!.nodeRssMb.toFixed(0)} MB`, '', ''],
);
// The same run piped and at a terminal, alternated so load on the machine falls on both alike; the reports go to a
// file either way, so what differs is the view on stderr (and the verdicts must not).
const ttyDir = mkdtempSync(path.join(tmpdir(), 'readiness-bench-tty-'));
const cpu = { piped: [] as number[], terminal: [] as number[] };
const verdicts = new Set<string>();
try {
  for (let i = 0; i < TTY_RUNS; i++) {
    for (const terminal of [false, true]) {
      const out = path.join(ttyDir, `${terminal ? 'tty' : 'piped'}-${i}`);
      const sample = await runCliMeasured(bin, ['demo', '--format', 'json', '--out', out], ttyDir, { terminal });
      (terminal ? cpu.terminal : cpu.piped).push(sample.cpuSeconds);
      const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { results: { id: string; status: string }[] };
      verdicts.add(JSON.stringify(report.results.map((r) => [r.id, r.status])));
    }
  }
} finally {
  rmSync(ttyDir, { recursive: true, force: true });
}
const pipedCpu = median(cpu.piped);
const terminalCpu = median(cpu.terminal);
rows.push(
  [`demo CPU at a terminal (live view), median of ${TTY_RUNS}`, `${terminalCpu.toFixed(2)} s`, `≤ 1.2 × piped = ${(1.2 * pipedCpu).toFixed(2)} s`, verdict(terminalCpu <= 1.2 * pipedCpu)],
  ['  demo CPU piped, median', `${pipedCpu.toFixed(2)} s`, '', ''],
  ['  verdicts, terminal and piped runs', verdicts.size === 1 ? 'identical' : `${verdicts.size} different sets`, 'identical', verdict(verdicts.size === 1)],
);

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) process.stdout.write(`${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd()}\n`);
