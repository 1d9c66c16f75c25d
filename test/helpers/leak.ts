import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, type CliRun } from './cli.js';

/**
 * A secret-looking canary: generated, so nothing can be mistaken for it by chance. The digit and the tag make it
 * look like a token to every recogniser (a user name of letters only would pass for a name).
 */
export function canary(tag: string): string {
  return `${tag}7${randomBytes(18).toString('base64url')}`;
}

/** Every form in which a canary could slip out: raw, and as encoders and escapers would write it. */
export function leakForms(secret: string): string[] {
  const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    Buffer.from(secret).toString('hex'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    html,
    // The distinctive part alone, in case only a prefix or suffix of a canary was cut off and printed.
    secret.slice(2, 20),
  ];
}

/** Each canary (by name) found in any of the texts, in any form, with where: empty when nothing leaked. */
export function leaksIn(outputs: readonly (readonly [where: string, text: string])[], canaries: Readonly<Record<string, string>>): string[] {
  const found: string[] = [];
  for (const [where, text] of outputs) {
    for (const [name, secret] of Object.entries(canaries)) {
      for (const form of leakForms(secret)) {
        if (text.includes(form)) found.push(`${name} (${form === secret ? 'raw' : `as ${JSON.stringify(form)}`}) in ${where}`);
      }
    }
  }
  return found;
}

/** A run's stdout and stderr, and every file it wrote under `outDir`. */
export function outputsOf(label: string, run: Pick<CliRun, 'stdout' | 'stderr'>, outDir?: string): [string, string][] {
  const outputs: [string, string][] = [
    [`${label} stdout`, run.stdout],
    [`${label} stderr`, run.stderr],
  ];
  if (outDir) for (const file of readdirSync(outDir)) outputs.push([`${label} ${file}`, readFileSync(path.join(outDir, file), 'utf8')]);
  return outputs;
}

let serial = 0;

/**
 * Runs the built CLI under a pseudo-terminal (util-linux `script`), as a person at a terminal would: stderr is the
 * terminal (the live view draws there), stdout goes to a file. Returns what the terminal showed and the file.
 */
export function runCliInTerminal(args: string[], dir: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  const quote = (a: string) => `'${a.replaceAll("'", `'\\''`)}'`;
  const base = path.join(dir, `pty-${process.pid}-${serial++}`);
  writeFileSync(`${base}.sh`, `${[process.execPath, BIN, ...args].map(quote).join(' ')} > ${quote(`${base}.out`)}\necho $? > ${quote(`${base}.rc`)}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', `sh ${quote(`${base}.sh`)}`, '/dev/null'], {
      env: { ...process.env, CI: '', NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color', COLUMNS: '160', LINES: '50', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (screen += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      try {
        resolve({ code: Number(readFileSync(`${base}.rc`, 'utf8').trim()), signal, stdout: readFileSync(`${base}.out`, 'utf8'), stderr: screen });
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
