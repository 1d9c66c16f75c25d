import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProbeError } from '../core/errors.js';
import { RepoProbe } from './repo.js';

const dir = mkdtempSync(path.join(tmpdir(), 'readiness-repo-probe-'));
const root = path.join(dir, 'repo');
mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
writeFileSync(path.join(root, 'railway.json'), '{"deploy":{}}');
writeFileSync(path.join(root, 'big.txt'), 'x'.repeat(5000));
writeFileSync(path.join(root, 'results.json'), '{}');
utimesSync(path.join(root, 'results.json'), new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
writeFileSync(path.join(root, '.github/workflows/ci.yml'), 'on: push\n');
writeFileSync(path.join(root, '.github/workflows/b.yaml'), 'on: push\n');
writeFileSync(path.join(dir, 'outside.txt'), 'not yours');
symlinkSync('../outside.txt', path.join(root, 'escape.txt'));
symlinkSync('railway.json', path.join(root, 'inside-link.json'));
symlinkSync(dir, path.join(root, 'escape-dir'));
execFileSync('mkfifo', [path.join(root, 'pipe')]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('repository probe', () => {
  const probe = new RepoProbe(root);

  it('reads a file, and says missing for one that is not there', async () => {
    expect(await probe.file('railway.json')).toEqual({ path: 'railway.json', kind: 'file', text: '{"deploy":{}}', bytes: 13, truncated: false, modifiedMs: expect.any(Number) });
    expect(await probe.file('railway.toml')).toEqual({ path: 'railway.toml', kind: 'missing' });
    expect(await probe.file('no/such/dir/file')).toEqual({ path: 'no/such/dir/file', kind: 'missing' });
  });

  it("reports a file's modification time (the age of benchmark and load-test results)", async () => {
    expect(await probe.file('results.json')).toMatchObject({ kind: 'file', modifiedMs: Date.parse('2026-01-02T03:04:05Z') });
  });

  it('stops at the size cap and says so', async () => {
    const file = await probe.file('big.txt', 1000);
    expect(file).toMatchObject({ kind: 'file', bytes: 1000, truncated: true });
  });

  it('memoises: the same read twice is one observation', async () => {
    expect(probe.file('railway.json')).toBe(probe.file('railway.json'));
    expect(probe.file('./railway.json')).toBe(probe.file('railway.json'));
  });

  it('follows a symlink inside the repository', async () => {
    expect(await probe.file('inside-link.json')).toMatchObject({ kind: 'file', text: '{"deploy":{}}' });
  });

  it('refuses symlinks and paths that lead out of the repository', async () => {
    await expect(probe.file('escape.txt')).rejects.toThrow(/symlink to a place outside the repository/);
    await expect(probe.file('escape-dir/outside.txt')).rejects.toThrow(/symlink to a place outside the repository/);
    await expect(probe.file('../outside.txt')).rejects.toThrow(/lies outside the repository/);
    await expect(probe.file('/etc/hostname')).rejects.toBeInstanceOf(ProbeError);
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    await expect(probe.file('pipe')).rejects.toThrow(/not a regular file/);
  });

  it('lists the files of a folder, sorted, and nothing for a missing one', async () => {
    expect(await probe.list('.github/workflows')).toEqual(['b.yaml', 'ci.yml']);
    expect(await probe.list('no-such-folder')).toEqual([]);
  });

  it('says why when no repository is configured or it is absent', async () => {
    await expect(new RepoProbe(undefined).file('railway.json')).rejects.toThrow(/no repository configured/);
    await expect(new RepoProbe(path.join(dir, 'gone')).file('railway.json')).rejects.toThrow(/no such directory/);
  });
});
