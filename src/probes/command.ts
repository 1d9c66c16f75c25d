import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { commandEnvironment } from '../config/interpolate.js';
import { ProbeError } from '../core/errors.js';

export interface CommandOptions {
  /** Working directory: the config file's directory, so relative paths in the command mean what they say. */
  cwd: string;
  signal: AbortSignal;
  timeoutMs: number;
  /** Reading stops (and the command is ended) past this many bytes of standard output. */
  maxStdoutBytes: number;
  /** Called with each chunk of standard output instead of collecting it. */
  onStdout?: (chunk: Buffer) => void;
}

export interface CommandResult {
  /** Collected standard output (empty when `onStdout` consumed it). */
  stdout: string;
  stdoutBytes: number;
  /** True when output went past maxStdoutBytes and the command was ended there. */
  truncated: boolean;
  /** The last bytes of standard error, unredacted: callers must scrub it before it goes anywhere. */
  stderrTail: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

const MAX_STDERR_BYTES = 4_096;

/** A command that ended abnormally, with the tail of what it said on standard error (unscrubbed). */
export class CommandError extends ProbeError {
  constructor(
    code: ProbeError['code'],
    message: string,
    readonly stderrTail: string,
  ) {
    super(code, message);
    this.name = 'CommandError';
  }
}

/**
 * Runs one shell command from the config, bounded: its own process group (so a timeout ends the children of
 * the shell too), no standard input, a time limit, an output cap. Rejects with a ProbeError on timeout or abort.
 * The values of the config's `${VAR}`s reach it only as environment variables (see config/interpolate.ts), never
 * as part of the text the shell parses.
 */
export function runBoundedCommand(command: string, options: CommandOptions): Promise<CommandResult> {
  return runBounded(
    () => spawn(command, { shell: true, cwd: options.cwd, env: { ...process.env, ...commandEnvironment(command) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true }),
    options,
  );
}

/**
 * The same bounds for a program of readiness's own choosing (git), started without a shell from an argument vector:
 * a path or ref in `args` is only ever one argument. `env` is the child's whole environment (nothing is inherited).
 */
export function runBoundedArgv(file: string, args: readonly string[], options: CommandOptions & { env: NodeJS.ProcessEnv }): Promise<CommandResult> {
  return runBounded(() => spawn(file, [...args], { shell: false, cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }), options);
}

function runBounded(start: () => ChildProcessByStdio<null, Readable, Readable>, options: CommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(new CommandError('aborted', 'not started: the run was stopped', ''));
      return;
    }
    let child: ChildProcessByStdio<null, Readable, Readable>;
    try {
      child = start();
    } catch (error) {
      // Node's message quotes the offending value (a NUL inside a ${VAR}): only its code is kept.
      reject(new CommandError('unavailable', `could not be started (${(error as NodeJS.ErrnoException).code ?? 'invalid command or environment'})`, ''));
      return;
    }
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = Buffer.alloc(0);
    let truncated = false;
    let ended: { code: ProbeError['code']; message: string } | undefined;

    const stop = (reason?: { code: ProbeError['code']; message: string }) => {
      ended ??= reason;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => stop({ code: 'timeout', message: `did not finish within ${options.timeoutMs} ms` }), options.timeoutMs);
    const onAbort = () => stop({ code: 'aborted', message: 'stopped before it finished' });
    options.signal.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return;
      const room = options.maxStdoutBytes - stdoutBytes;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      stdoutBytes += part.length;
      if (options.onStdout) options.onStdout(part);
      else stdout.push(part);
      if (chunk.length > room) {
        truncated = true;
        stop();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = Buffer.concat([stderr, chunk]);
      if (stderr.length > MAX_STDERR_BYTES) stderr = stderr.subarray(stderr.length - MAX_STDERR_BYTES);
    });
    child.on('error', (error: NodeJS.ErrnoException) => stop({ code: 'unavailable', message: `could not be started (${error.code ?? 'error'})` }));
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      if (ended) {
        reject(new CommandError(ended.code, ended.message, stderr.toString('utf8')));
        return;
      }
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stdoutBytes,
        truncated,
        stderrTail: stderr.toString('utf8'),
        exitCode,
        signal,
      });
    });
  });
}
