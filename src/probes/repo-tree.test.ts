import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RepoTreeProbe } from './repo-tree.js';

const dir = mkdtempSync(path.join(tmpdir(), 'readiness-repo-tree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string | Buffer>): string {
  const root = path.join(dir, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

describe('repository tree probe', () => {
  const root = tree('repo', {
    'src/server.ts': 'export {};\n',
    'src/db/pool.js': 'module.exports = {};\n',
    '.env.example': 'PORT=\n',
    'node_modules/dep/index.js': 'secret\n',
    '.git/config': '[core]\n',
    'dist/.cache/x.js': 'cached\n',
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    'big.sql': 'x'.repeat(3000),
  });
  writeFileSync(path.join(dir, 'outside.txt'), 'not yours');
  symlinkSync('../outside.txt', path.join(root, 'escape.txt'));
  symlinkSync(dir, path.join(root, 'escape-dir'));
  symlinkSync('src/server.ts', path.join(root, 'inside-link.ts'));
  execFileSync('mkfifo', [path.join(root, 'pipe')]);
  const limits = { maxFiles: 100, maxTotalBytes: 1024 * 1024, maxFileBytes: 2048 };

  it("reads the text files, each folder's files before its subfolders, skipping version control, dependencies and caches", async () => {
    const walk = await new RepoTreeProbe(root, limits).walk();
    expect(walk.files.map((f) => f.path)).toEqual(['.env.example', 'src/server.ts', 'src/db/pool.js']);
    expect(walk.files[1]).toEqual({ path: 'src/server.ts', text: 'export {};\n' });
    expect(walk.skippedFolders.sort()).toEqual(['.git', 'dist/.cache', 'node_modules']);
    expect(walk.cutShort).toBeUndefined();
  });

  it('leaves binaries out and lists files over the per-file cap as not scanned', async () => {
    const walk = await new RepoTreeProbe(root, limits).walk();
    expect(walk.binaries).toBe(1);
    expect(walk.tooLarge).toEqual({ paths: ['big.sql'], count: 1, limit: 2048 });
  });

  it('never follows a symlink; those leading out of the repository are listed as refused', async () => {
    const walk = await new RepoTreeProbe(root, limits).walk();
    expect(walk.symlinksOut.sort()).toEqual(['escape-dir', 'escape.txt']);
    expect(walk.files.map((f) => f.text).join('')).not.toContain('not yours');
  });

  it('does not hang on a FIFO: it is listed as unreadable', async () => {
    expect((await new RepoTreeProbe(root, limits).walk()).unreadable).toEqual(['pipe']);
  });

  it('stops at the file-count cap and says so', async () => {
    const walk = await new RepoTreeProbe(root, { ...limits, maxFiles: 2 }).walk();
    expect(walk.files).toHaveLength(2);
    expect(walk.cutShort).toEqual({ cap: 'files', limit: 2 });
  });

  it('stops at the total-bytes cap and says so', async () => {
    const walk = await new RepoTreeProbe(root, { ...limits, maxTotalBytes: 20 }).walk();
    expect(walk.cutShort).toEqual({ cap: 'bytes', limit: 20 });
    expect(walk.bytes).toBeLessThanOrEqual(20);
  });

  it('memoises the walk', () => {
    const probe = new RepoTreeProbe(root, limits);
    expect(probe.walk()).toBe(probe.walk());
  });

  it('is a probe error when the repository is missing or not configured', async () => {
    await expect(new RepoTreeProbe(path.join(dir, 'nope')).walk()).rejects.toThrow(/no such directory/);
    await expect(new RepoTreeProbe(undefined).walk()).rejects.toThrow(/no repository configured/);
  });
});
