import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitHistoryProbe, parsePatches } from './git-history.js';

const dir = mkdtempSync(path.join(tmpdir(), 'readiness-git-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, env: gitEnv, encoding: 'utf8' });
}
function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}
const signal = new AbortController().signal;
// Built at run time, so this file holds no key-shaped literal.
const planted = `${'AKIA'}QYL7MN5HRT2WX3ZD`;

/** A repository where a secret was committed, then deleted: only the history still has it. */
function plantedRepo(): { root: string; secretCommit: string } {
  const root = path.join(dir, 'planted');
  mkdirSync(root);
  git(root, 'init', '-q');
  write(root, 'README.md', '# shop\n');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'first');
  write(root, 'config/aws.js', `export const region = 'eu-west-1';\nexport const keyId = '${planted}';\n`);
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'aws');
  const secretCommit = git(root, 'rev-parse', 'HEAD').trim();
  rmSync(path.join(root, 'config/aws.js'));
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'oops, remove the key');
  write(root, 'notes.txt', 'local only\n');
  return { root, secretCommit };
}

describe('git history probe', () => {
  const { root, secretCommit } = plantedRepo();

  it('finds a line added by an old commit whose file was deleted since, by commit, path and line', async () => {
    const history = await new GitHistoryProbe(root, signal).history();
    expect(history).toMatchObject({ kind: 'history', totalCommits: 3, commitsRead: 3, shallow: false });
    if (history.kind !== 'history') return;
    expect(history.cutShort).toBeUndefined();
    expect(history.added).toContainEqual({ commit: secretCommit, path: 'config/aws.js', line: 2, text: `export const keyId = '${planted}';` });
  });

  it('says which files git tracks and which are untracked', async () => {
    const files = await new GitHistoryProbe(root, signal).files();
    expect(files.kind).toBe('files');
    if (files.kind !== 'files') return;
    expect([...files.tracked]).toEqual(['README.md']);
    expect([...files.untracked]).toEqual(['notes.txt']);
  });

  it('stops at the commit cap and says so', async () => {
    const history = await new GitHistoryProbe(root, signal).history({ maxCommits: 1, maxPatchBytes: 1024 * 1024, timeoutMs: 30_000 });
    expect(history).toMatchObject({ kind: 'history', totalCommits: 3, commitsRead: 1, cutShort: { cap: 'commits', limit: 1 } });
  });

  it('stops at the byte cap and says so', async () => {
    const history = await new GitHistoryProbe(root, signal).history({ maxCommits: 100, maxPatchBytes: 120, timeoutMs: 30_000 });
    expect(history).toMatchObject({ kind: 'history', cutShort: { cap: 'bytes', limit: 120 } });
  });

  it('memoises: the same question twice is one observation', () => {
    const probe = new GitHistoryProbe(root, signal);
    expect(probe.history()).toBe(probe.history());
    expect(probe.files()).toBe(probe.files());
  });

  it('reports a folder that is no git repository as an observation, not an error', async () => {
    const plain = path.join(dir, 'plain');
    mkdirSync(plain);
    // Outside every work tree: tmpdir is not inside one on CI or here.
    expect(await new GitHistoryProbe(plain, signal).history()).toMatchObject({ kind: 'not-a-repository', reason: expect.stringMatching(/not a git repository/) });
    expect(await new GitHistoryProbe(plain, signal).files()).toMatchObject({ kind: 'not-a-repository' });
  });

  it('reads an empty repository as a history of no commits', async () => {
    const empty = path.join(dir, 'empty');
    mkdirSync(empty);
    git(empty, 'init', '-q');
    expect(await new GitHistoryProbe(empty, signal).history()).toMatchObject({ kind: 'history', totalCommits: 0, added: [] });
  });

  it('reads a package inside a larger work tree for its own paths only, relative to it', async () => {
    const mono = path.join(dir, 'mono');
    mkdirSync(mono);
    git(mono, 'init', '-q');
    write(mono, 'apps/api/server.js', 'const a = 1;\n');
    write(mono, 'apps/web/index.js', 'const b = 2;\n');
    git(mono, 'add', '.');
    git(mono, 'commit', '-q', '-m', 'both');
    const history = await new GitHistoryProbe(path.join(mono, 'apps/api'), signal).history();
    expect(history).toMatchObject({ kind: 'history', totalCommits: 1 });
    if (history.kind === 'history') expect(history.added.map((a) => a.path)).toEqual(['server.js']);
  });

  it('runs nothing the repository configures: no external diff, textconv, fsmonitor or hook', async () => {
    const hostile = path.join(dir, 'hostile');
    mkdirSync(hostile);
    git(hostile, 'init', '-q');
    const marker = path.join(dir, 'hostile-ran');
    const script = path.join(dir, 'evil.sh');
    writeFileSync(script, `#!/bin/sh\ntouch ${marker}\ncat "$1" 2>/dev/null\n`);
    chmodSync(script, 0o755);
    for (const [key, value] of [['diff.external', script], ['diff.evil.textconv', script], ['core.fsmonitor', script], ['core.pager', script], ['log.showSignature', 'true'], ['gpg.program', script]]) {
      git(hostile, 'config', key!, value!);
    }
    write(hostile, '.gitattributes', '* diff=evil\n');
    write(hostile, 'a.txt', 'hello\n');
    git(hostile, '-c', 'core.fsmonitor=false', 'add', '.');
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'core.fsmonitor=false', 'commit', '-q', '--no-verify', '-m', 'x'], { cwd: hostile, env: gitEnv });
    rmSync(marker, { force: true });
    const probe = new GitHistoryProbe(hostile, signal);
    const history = await probe.history();
    await probe.files();
    expect(existsSync(marker)).toBe(false);
    if (history.kind === 'history') expect(history.added).toContainEqual(expect.objectContaining({ path: 'a.txt', line: 1, text: 'hello' }));
  });

  it('is an error, not a crash, when git is not there or the folder is missing', async () => {
    await expect(new GitHistoryProbe(root, signal, 'readiness-no-such-git').history()).rejects.toThrow(/is git installed/);
    await expect(new GitHistoryProbe(path.join(dir, 'no-such-folder'), signal).history()).rejects.toThrow(/no such directory/);
    await expect(new GitHistoryProbe(undefined, signal).history()).rejects.toThrow(/no repository configured/);
  });
});

describe('patch parsing', () => {
  it('counts hunk lines by their header: an added line reading like a header is content', () => {
    const text = ['\u0001abc', '', 'diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,0 +5,2 @@', '+++ b/evil', '+diff --git a/y b/y', '@@ -9 +10 @@', '-old', '+new'].join('\n');
    expect(parsePatches(text)).toEqual({
      commits: 1,
      added: [
        { commit: 'abc', path: 'x', line: 5, text: '++ b/evil' },
        { commit: 'abc', path: 'x', line: 6, text: 'diff --git a/y b/y' },
        { commit: 'abc', path: 'x', line: 10, text: 'new' },
      ],
    });
  });

  it('unquotes C-style quoted paths', () => {
    const text = ['\u0001abc', 'diff --git "a/a\\tb" "b/a\\tb"', '+++ "b/a\\tb"', '@@ -0,0 +1 @@', '+x'].join('\n');
    expect(parsePatches(text).added[0]?.path).toBe('a\tb');
  });
});
