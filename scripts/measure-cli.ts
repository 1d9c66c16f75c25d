import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface MeasuredRun {
  code: number;
  /** Under a terminal: everything the command wrote to it. Piped: stdout then stderr. */
  screen: string;
  stdout: string;
  stderr: string;
  /** CPU seconds (user + system) of the command and everything it started, as the shell's `times` counts them. */
  cpuSeconds: number;
}

export interface MeasureOptions {
  /** Under a pseudo-terminal (util-linux `script`), as a person at a terminal runs it; otherwise with pipes, as CI does. */
  terminal: boolean;
  /** Appended to the command line, e.g. `> report.json`. */
  shellTail?: string;
  /** Added to the environment, after the defaults that make only the terminal decide which view is drawn. */
  env?: NodeJS.ProcessEnv;
}

let serial = 0;

/**
 * Runs `node <bin> <args>` through `sh` and counts the CPU it used. CI is unset and colours left to the terminal
 * either way (unless `env` says otherwise), so a piped and a terminal run differ only in the terminal.
 */
export function runCliMeasured(bin: string, args: string[], dir: string, options: MeasureOptions): Promise<MeasuredRun> {
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const base = path.join(dir, `run-${process.pid}-${serial++}`);
  writeFileSync(`${base}.sh`, `${quoted} ${options.shellTail ?? ''}\necho $? > '${base}.rc'\ntimes > '${base}.cpu'\n`);
  const [command, commandArgs] = options.terminal ? ['script', ['-q', '-e', '-c', `sh '${base}.sh'`, '/dev/null']] : ['sh', [`${base}.sh`]];
  return new Promise((resolve, reject) => {
    // Unset rather than empty: Node warns when NO_COLOR and FORCE_COLOR are both present, even empty.
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', COLUMNS: '120', LINES: '40' };
    for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY']) delete env[name];
    const child = spawn(command, commandArgs, {
      env: { ...env, ...options.env },
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
