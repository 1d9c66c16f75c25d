import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN } from './cli.js';

export interface MeasuredRun {
  code: number;
  /** Under a terminal: everything the command wrote to it. Piped: stdout then stderr. */
  screen: string;
  stdout: string;
  stderr: string;
  /** CPU seconds (user + system) of the command and everything it started, as the shell's `times` counts them. */
  cpuSeconds: number;
}

let serial = 0;

/**
 * Runs the built CLI through `sh`, with `shellTail` appended to the command line (e.g. `> report.json`), and counts the
 * CPU it used. With `terminal`, under a pseudo-terminal (util-linux `script`), as a person at a terminal would run it;
 * otherwise with pipes, as CI does. CI is unset either way, so only the terminal decides which view is drawn.
 */
export function runCliMeasured(args: string[], dir: string, options: { terminal: boolean; shellTail?: string }): Promise<MeasuredRun> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const base = path.join(dir, `run-${process.pid}-${serial++}`);
  writeFileSync(`${base}.sh`, `${quoted} ${options.shellTail ?? ''}\necho $? > '${base}.rc'\ntimes > '${base}.cpu'\n`);
  const [command, commandArgs] = options.terminal ? ['script', ['-q', '-e', '-c', `sh '${base}.sh'`, '/dev/null']] : ['sh', [`${base}.sh`]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, {
      env: { ...process.env, CI: '', NO_COLOR: '', FORCE_COLOR: '', TERM: 'xterm-256color', COLUMNS: '120', LINES: '40' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        const code = Number(readFileSync(`${base}.rc`, 'utf8').trim());
        resolve({ code, stdout, stderr, screen: stdout + stderr, cpuSeconds: childCpuSeconds(readFileSync(`${base}.cpu`, 'utf8')) });
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

/** The second line of `times` is the children's user and system time: "0m1.234s 0m0.120s". */
function childCpuSeconds(times: string): number {
  const line = times.trim().split('\n')[1] ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)];
  if (parts.length !== 2) throw new Error(`unexpected output of times: ${JSON.stringify(times)}`);
  return parts.reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}
