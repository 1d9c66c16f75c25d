import { realpath } from 'node:fs/promises';
import { ProbeError } from '../core/errors.js';
import { scrubForeignText } from '../core/secrets/scrub.js';
import { CommandError, runBoundedArgv, type CommandResult } from './command.js';
import { defineProbe } from './registry.js';
import { repoRootOf } from './repo.js';

export interface HistoryLimits {
  /** At most this many commits (newest first, over every ref) are read. */
  maxCommits: number;
  /** Reading stops past this many bytes of patch text. */
  maxPatchBytes: number;
  timeoutMs: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxCommits: 1_000, maxPatchBytes: 32 * 1024 * 1024, timeoutMs: 60_000 };

/** A line some commit added: where it was added (path relative to the repository, line in that commit's version). */
export interface AddedLine {
  commit: string;
  path: string;
  line: number;
  text: string;
}

export type GitHistory =
  | { kind: 'not-a-repository'; reason: string }
  | {
      kind: 'history';
      /** Commits that touch the repository's folder, over every ref (branches, tags, remotes, the stash). */
      totalCommits: number;
      commitsRead: number;
      added: AddedLine[];
      /** Set when a cap ended the reading: older commits were not scanned. */
      cutShort?: { cap: 'commits' | 'bytes'; limit: number };
      /** A shallow clone (CI's usual depth-1 checkout) holds only the latest commits of its history. */
      shallow: boolean;
    };

export type GitFiles = { kind: 'not-a-repository'; reason: string } | { kind: 'files'; tracked: ReadonlySet<string>; untracked: ReadonlySet<string> };

const MAX_LISTING_BYTES = 16 * 1024 * 1024;
const SMALL_OUTPUT = 64 * 1024;
const COMMIT_MARK = '\u0001';

/**
 * Settings that make git run nothing but itself and read nothing but the repository: no system or global config,
 * no pager, no hooks, no fsmonitor, no external diff or textconv driver, no signature verification (gpg), no prompt.
 * A config file inside the repository cannot undo them: `-c` outranks every file.
 */
const SAFE_CONFIG = [
  '-c', 'core.pager=cat',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.quotePath=false',
  '-c', 'log.showSignature=false',
  '-c', 'diff.external=',
  '-c', 'color.ui=false',
];

/** The child's whole environment: this process's, less git's own variables (a GIT_DIR set by a hook would redirect every command). */
function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_') && value !== undefined) env[key] = value;
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };
}

/**
 * The repository's git history and which of its files git tracks, read with `git` run from an argument vector (never
 * a shell), bounded (commits, bytes, a timeout, the process group killed at the limit) and memoised. A folder that is
 * no git work tree is an observation (`not-a-repository`), not an error. A folder inside a larger work tree (a monorepo
 * package) is read for its own paths only.
 */
export class GitHistoryProbe {
  private readonly histories = new Map<string, Promise<GitHistory>>();
  private listing: Promise<GitFiles> | undefined;
  private checked: Promise<{ ok: true } | { ok: false; reason: string }> | undefined;
  private readonly stop = new AbortController();
  private readonly signal: AbortSignal;

  constructor(
    private readonly root: string | undefined,
    runSignal: AbortSignal,
    private readonly git = 'git',
  ) {
    this.signal = AbortSignal.any([runSignal, this.stop.signal]);
  }

  async close(): Promise<void> {
    this.stop.abort();
    await Promise.allSettled([...this.histories.values(), this.listing]);
  }

  history(limits: HistoryLimits = DEFAULT_HISTORY_LIMITS): Promise<GitHistory> {
    const key = `${limits.maxCommits}/${limits.maxPatchBytes}/${limits.timeoutMs}`;
    let pending = this.histories.get(key);
    if (!pending) {
      pending = this.readHistory(limits);
      this.histories.set(key, pending);
    }
    return pending;
  }

  files(): Promise<GitFiles> {
    this.listing ??= this.readFiles();
    return this.listing;
  }

  private async cwd(): Promise<string> {
    if (this.root === undefined) throw new ProbeError('unavailable', 'no repository configured (set `repo:` to its path)');
    const root = this.root;
    return realpath(root).catch((error: NodeJS.ErrnoException) => {
      throw new ProbeError('unavailable', `repository ${root} cannot be read (${error.code === 'ENOENT' ? 'no such directory' : (error.code ?? 'unknown error')})`);
    });
  }

  private async repository(): Promise<{ ok: true } | { ok: false; reason: string }> {
    this.checked ??= (async () => {
      const result = await this.run(['rev-parse', '--is-inside-work-tree'], SMALL_OUTPUT, 15_000);
      if (result.exitCode === 0 && result.stdout.trim() === 'true') return { ok: true as const };
      if (/not a git repository/i.test(result.stderrTail)) return { ok: false as const, reason: 'not a git repository (no .git here or above)' };
      if (result.exitCode === 0) return { ok: false as const, reason: 'not inside a git work tree (a bare repository or a .git folder)' };
      throw new ProbeError('unavailable', `git could not read the repository: ${scrubForeignText(result.stderrTail) || `exit code ${result.exitCode}`}`);
    })();
    return this.checked;
  }

  private async readHistory(limits: HistoryLimits): Promise<GitHistory> {
    const repository = await this.repository();
    if (!repository.ok) return { kind: 'not-a-repository', reason: repository.reason };
    const count = await this.run(['rev-list', '--all', '--count', '--', '.'], SMALL_OUTPUT, limits.timeoutMs);
    const shallow = await this.run(['rev-parse', '--is-shallow-repository'], SMALL_OUTPUT, 15_000);
    // An empty repository (git init, no commit) has no refs: rev-list then counts nothing.
    const totalCommits = count.exitCode === 0 ? Number.parseInt(count.stdout.trim(), 10) || 0 : 0;
    if (totalCommits === 0) return { kind: 'history', totalCommits: 0, commitsRead: 0, added: [], shallow: shallow.stdout.trim() === 'true' };
    const log = await this.run(
      [
        'log', '--all', '-p', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--relative', '--src-prefix=a/', '--dst-prefix=b/',
        `--format=${COMMIT_MARK}%H`, `--max-count=${limits.maxCommits}`, '--', '.',
      ],
      limits.maxPatchBytes,
      limits.timeoutMs,
    );
    if (!log.truncated && log.exitCode !== 0) throw new ProbeError('unavailable', `git log failed: ${scrubForeignText(log.stderrTail) || `exit code ${log.exitCode}`}`);
    const parsed = parsePatches(log.truncated ? log.stdout.slice(0, log.stdout.lastIndexOf('\n') + 1) : log.stdout);
    const cutShort = log.truncated
      ? { cap: 'bytes' as const, limit: limits.maxPatchBytes }
      : totalCommits > limits.maxCommits
        ? { cap: 'commits' as const, limit: limits.maxCommits }
        : undefined;
    return { kind: 'history', totalCommits, commitsRead: parsed.commits, added: parsed.added, ...(cutShort ? { cutShort } : {}), shallow: shallow.stdout.trim() === 'true' };
  }

  private async readFiles(): Promise<GitFiles> {
    const repository = await this.repository();
    if (!repository.ok) return { kind: 'not-a-repository', reason: repository.reason };
    const tracked = await this.run(['ls-files', '-z', '--cached', '--', '.'], MAX_LISTING_BYTES, 60_000);
    const untracked = await this.run(['ls-files', '-z', '--others', '--exclude-standard', '--', '.'], MAX_LISTING_BYTES, 60_000);
    for (const result of [tracked, untracked]) {
      if (result.truncated) throw new ProbeError('unavailable', `git ls-files listed more than ${MAX_LISTING_BYTES / 1024 / 1024} MiB of names`);
      if (result.exitCode !== 0) throw new ProbeError('unavailable', `git ls-files failed: ${scrubForeignText(result.stderrTail) || `exit code ${result.exitCode}`}`);
    }
    const names = (text: string) => new Set(text.split('\0').filter((name) => name !== ''));
    return { kind: 'files', tracked: names(tracked.stdout), untracked: names(untracked.stdout) };
  }

  private async run(args: readonly string[], maxStdoutBytes: number, timeoutMs: number): Promise<CommandResult> {
    const cwd = await this.cwd();
    try {
      return await runBoundedArgv(this.git, [...SAFE_CONFIG, ...args], { cwd, env: gitEnvironment(), signal: this.signal, timeoutMs, maxStdoutBytes });
    } catch (error) {
      if (error instanceof CommandError) {
        if (error.code === 'unavailable') throw new ProbeError('unavailable', `git could not be started (${error.message}): is git installed?`);
        throw new ProbeError(error.code, `git ${args[0]} ${error.message}`);
      }
      throw error;
    }
  }
}

/**
 * The lines each commit added, with their line numbers in that commit's version of the file, from `git log -p -U0`.
 * Hunk lines are counted by their header, so an added line that itself reads `+++ b/x` or `diff --git` is content.
 */
export function parsePatches(text: string): { commits: number; added: AddedLine[] } {
  const added: AddedLine[] = [];
  let commits = 0;
  let commit = '';
  let file: string | undefined;
  let line = 0;
  let addedLeft = 0;
  let removedLeft = 0;
  for (const raw of text.split('\n')) {
    if (addedLeft > 0 || removedLeft > 0) {
      if (raw.startsWith('+')) {
        addedLeft -= 1;
        if (file !== undefined) added.push({ commit, path: file, line, text: raw.slice(1) });
        line += 1;
        continue;
      }
      if (raw.startsWith('-')) {
        removedLeft -= 1;
        continue;
      }
      if (raw.startsWith('\\')) continue;
      // Anything else ends the hunk early (a cut-off stream): read it as a header below.
      addedLeft = removedLeft = 0;
    }
    if (raw.startsWith(COMMIT_MARK)) {
      commit = raw.slice(1).trim();
      commits += 1;
      file = undefined;
    } else if (raw.startsWith('diff --git ')) {
      file = undefined;
    } else if (raw.startsWith('+++ ')) {
      const target = raw.slice(4);
      file = target === '/dev/null' ? undefined : stripPrefix(unquote(target));
    } else {
      const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(raw);
      if (hunk) {
        removedLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
        line = Number(hunk[2]);
        addedLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
      }
    }
  }
  return { commits, added };
}

function stripPrefix(target: string): string {
  return target.startsWith('b/') ? target.slice(2) : target;
}

/** git quotes a path holding a quote, a backslash or a control character C-style: `"b/a\tb"`. */
function unquote(target: string): string {
  if (!target.startsWith('"') || !target.endsWith('"')) return target;
  const bytes: number[] = [];
  const body = target.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 3;
    } else {
      const next = body[i + 1] ?? '';
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export const gitHistoryProbe = defineProbe<GitHistoryProbe>({
  name: 'git-history',
  describes:
    "The repository's git history and tracked files, read with `git log --all -p -U0 --max-count=1000 -- .`, `git rev-list --all --count`, `git rev-parse` and `git ls-files` run without a shell, " +
    'with no system/global config, hooks, pager, fsmonitor, external diff or textconv; at most 1,000 commits, 32 MiB of patch text and 60 s (the process group is killed at the limit)',
  create: (run) => new GitHistoryProbe(repoRootOf(run), run.signal),
  close: (probe) => probe.close(),
});
