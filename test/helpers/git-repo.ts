import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One commit of a test repository: files written (path → text) and paths removed, then everything staged. */
export interface TestCommit {
  files?: Record<string, string>;
  remove?: string[];
  message?: string;
}

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Readiness Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgSign=false', ...args], {
    cwd,
    env: ENV,
    encoding: 'utf8',
  });
}

/**
 * A real git repository made at test time in `root`: optionally a copy of a folder (a fixture) as the first commit,
 * then the commits given, in order. Returns each commit's hash.
 */
export function gitRepo(root: string, commits: readonly TestCommit[], copyOf?: string): string[] {
  mkdirSync(root, { recursive: true });
  if (copyOf) cpSync(copyOf, root, { recursive: true });
  git(root, 'init', '-q');
  const hashes: string[] = [];
  if (copyOf) {
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', `copy of ${path.basename(copyOf)}`);
    hashes.push(git(root, 'rev-parse', 'HEAD').trim());
  }
  for (const commit of commits) {
    for (const [file, text] of Object.entries(commit.files ?? {})) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    for (const file of commit.remove ?? []) rmSync(path.join(root, file), { force: true });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--allow-empty', '-m', commit.message ?? 'change');
    hashes.push(git(root, 'rev-parse', 'HEAD').trim());
  }
  return hashes;
}
