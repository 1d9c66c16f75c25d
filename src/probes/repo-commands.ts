import { repoSettings } from '../config/schema/repo.js';
import { ProbeError } from '../core/errors.js';
import { scrubForeignText } from '../core/secrets/scrub.js';
import { CommandError, runBoundedCommand } from './command.js';
import { defineProbe } from './registry.js';

/** A suite printing more than this is ended there: its verdict is then unknown, never a pass. */
export const MAX_SUITE_OUTPUT_BYTES = 4 * 1024 * 1024;
/** The end of the output is where runners print their summary; only this much of it is kept (scrubbed). */
const TAIL_CHARS = 8_000;

export interface SuiteRun {
  command: string;
  exitCode: number | null;
  signal: string | null;
  /** The last characters of standard output and standard error, with secrets masked. */
  outputTail: string;
  durationMs: number;
}

/**
 * Runs the test-suite commands the config names (`repo.commands.*`, or `npm test` with `repo.run: true`) in the
 * repository: each once per run, in its own process group with no stdin, the config's time limit (the group is
 * killed on timeout) and an output cap. Nothing but configured commands is ever run.
 */
export class RepoCommandsProbe {
  private readonly runs = new Map<string, Promise<SuiteRun>>();
  /** Aborted with the run or by close(), so no suite outlives the run that started it (a check's timeout included). */
  private readonly stop = new AbortController();
  private readonly signal: AbortSignal;

  constructor(
    private readonly cwd: string | undefined,
    private readonly timeoutMs: number,
    runSignal: AbortSignal,
  ) {
    this.signal = AbortSignal.any([runSignal, this.stop.signal]);
  }

  /** Ends every suite still running (its whole process group). */
  async close(): Promise<void> {
    this.stop.abort();
    await Promise.allSettled([...this.runs.values()]);
  }

  run(command: string): Promise<SuiteRun> {
    let pending = this.runs.get(command);
    if (!pending) {
      pending = this.execute(command);
      this.runs.set(command, pending);
    }
    return pending;
  }

  private async execute(command: string): Promise<SuiteRun> {
    if (this.cwd === undefined) throw new ProbeError('unavailable', 'no repository configured (set `repo:` to its path)');
    const started = performance.now();
    try {
      const result = await runBoundedCommand(command, { cwd: this.cwd, signal: this.signal, timeoutMs: this.timeoutMs, maxStdoutBytes: MAX_SUITE_OUTPUT_BYTES });
      if (result.truncated) throw new ProbeError('unavailable', `printed more than ${MAX_SUITE_OUTPUT_BYTES / 1024 / 1024} MiB and was ended there`);
      const tail = `${result.stdout.slice(-TAIL_CHARS)}\n${result.stderrTail}`;
      return { command, exitCode: result.exitCode, signal: result.signal, outputTail: scrubLines(tail), durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      if (error instanceof CommandError) throw new ProbeError(error.code, `\`${command}\` ${error.message}`);
      throw error;
    }
  }
}

/** scrubForeignText keeps one line; summaries span several, so each line is scrubbed on its own. */
function scrubLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '' : scrubForeignText(line)))
    .filter((line) => line !== '')
    .join('\n');
}

export const repoCommandsProbe = defineProbe<RepoCommandsProbe>({
  name: 'repo-commands',
  describes:
    'The commands configured under `repo.commands` (test suites, or `npm test` with `repo.run: true`; the Docker build), run in the repository once each: own process group killed on timeout (repo.timeout, default 10 min), no stdin, 4 MiB output cap, output scrubbed',
  create: (run) => {
    const repo = run.target.environment.repo;
    const settings = repo === undefined ? undefined : repoSettings(repo);
    return new RepoCommandsProbe(settings ? run.target.resolvePath(settings.path) : undefined, settings?.timeout ?? 600_000, run.signal);
  },
  close: (probe) => probe.close(),
});
