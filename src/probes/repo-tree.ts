import { constants } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ProbeError } from '../core/errors.js';
import { defineProbe } from './registry.js';
import { isInside, repoRootOf } from './repo.js';

export interface TreeLimits {
  /** The walk stops after this many files read. */
  maxFiles: number;
  /** The walk stops once this many bytes of text were read in all. */
  maxTotalBytes: number;
  /** A file larger than this is not read (it is listed as not scanned). */
  maxFileBytes: number;
}

export const DEFAULT_TREE_LIMITS: TreeLimits = { maxFiles: 10_000, maxTotalBytes: 64 * 1024 * 1024, maxFileBytes: 4 * 1024 * 1024 };

/**
 * Folders of installed, generated or cached code and version control, never the project's own: walking them would
 * spend the caps on other people's code. The list is documented in docs/repository.md.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', '.pnpm-store', '.yarn', '.npm',
  '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache', '.cache', '.vercel', '.netlify', '.serverless',
  'coverage', '.nyc_output', '__pycache__', '.venv', 'venv', '.tox', '.terraform', '.gradle',
]);

export interface TreeFile {
  /** Relative to the repository root, `/`-separated. */
  path: string;
  text: string;
}

/** What a walk saw: the text files it read, and everything it did not scan with why. */
export interface TreeWalk {
  files: TreeFile[];
  bytes: number;
  /** Set when a cap ended the walk before every file was read: the result is then incomplete. */
  cutShort?: { cap: 'files' | 'bytes'; limit: number };
  /** Files larger than the per-file cap (first 20), and how many there were. */
  tooLarge: { paths: string[]; count: number; limit: number };
  /** Files holding a NUL byte in their first 8 KiB: images, archives, compiled code. */
  binaries: number;
  /** Symlinks are never followed; these lead out of the repository (first 20), the rest point inside and are walked there. */
  symlinksOut: string[];
  /** FIFOs, sockets, devices and entries that could not be read (first 20). */
  unreadable: string[];
  skippedFolders: string[];
}

const MAX_LISTED = 20;
const BINARY_SNIFF_BYTES = 8 * 1024;

/**
 * Walks the working tree of the repository (`repo:`) once per run, bounded: version-control, dependency and build
 * cache folders are skipped, symlinks are never followed (those leading out of the repository are listed), FIFOs and
 * devices are not opened for reading without O_NONBLOCK, binaries are left out, and caps on file count, total bytes
 * and bytes per file end the walk — saying so, so a clean result over part of the tree is never taken for a whole one.
 */
export class RepoTreeProbe {
  private walked: Promise<TreeWalk> | undefined;

  constructor(
    private readonly root: string | undefined,
    private readonly limits: TreeLimits = DEFAULT_TREE_LIMITS,
  ) {}

  walk(): Promise<TreeWalk> {
    this.walked ??= this.run();
    return this.walked;
  }

  private async run(): Promise<TreeWalk> {
    if (this.root === undefined) throw new ProbeError('unavailable', 'no repository configured (set `repo:` to its path)');
    const rootPath = this.root;
    const root = await realpath(rootPath).catch((error: NodeJS.ErrnoException) => {
      throw new ProbeError('unavailable', `repository ${rootPath} cannot be read (${error.code === 'ENOENT' ? 'no such directory' : (error.code ?? 'unknown error')})`);
    });
    const walk: TreeWalk = { files: [], bytes: 0, tooLarge: { paths: [], count: 0, limit: this.limits.maxFileBytes }, binaries: 0, symlinksOut: [], unreadable: [], skippedFolders: [] };
    // Depth-first in sorted order, so the same tree is cut at the same place every time.
    const pending: string[] = [''];
    while (pending.length > 0 && walk.cutShort === undefined) {
      const folder = pending.pop()!;
      let entries;
      try {
        entries = await readdir(path.join(root, folder), { withFileTypes: true });
      } catch (error) {
        if (folder === '') throw new ProbeError('unavailable', `repository ${rootPath} cannot be listed (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
        listed(walk.unreadable, `${folder}/`);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subfolders: string[] = [];
      for (const entry of entries) {
        const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) {
          if (SKIPPED_FOLDERS.has(entry.name)) walk.skippedFolders.push(relative);
          else subfolders.push(relative);
        } else if (entry.isSymbolicLink()) {
          if (!(await pointsInside(root, path.join(root, relative)))) listed(walk.symlinksOut, relative);
        } else if (entry.isFile()) {
          await this.readInto(walk, root, relative);
          if (walk.cutShort) break;
        } else {
          listed(walk.unreadable, relative);
        }
      }
      for (const sub of subfolders.reverse()) pending.push(sub);
    }
    return walk;
  }

  private async readInto(walk: TreeWalk, root: string, relative: string): Promise<void> {
    if (walk.files.length >= this.limits.maxFiles) {
      walk.cutShort = { cap: 'files', limit: this.limits.maxFiles };
      return;
    }
    let handle;
    try {
      // Non-blocking, and the type is checked on the open handle: an entry swapped for a FIFO since readdir cannot hang the walk.
      handle = await open(path.join(root, relative), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    } catch {
      listed(walk.unreadable, relative);
      return;
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) {
        listed(walk.unreadable, relative);
        return;
      }
      if (stats.size > this.limits.maxFileBytes) {
        walk.tooLarge.count += 1;
        listed(walk.tooLarge.paths, relative);
        return;
      }
      if (walk.bytes + stats.size > this.limits.maxTotalBytes) {
        walk.cutShort = { cap: 'bytes', limit: this.limits.maxTotalBytes };
        return;
      }
      const buffer = Buffer.alloc(Math.min(stats.size, this.limits.maxFileBytes));
      let total = 0;
      while (total < buffer.length) {
        const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
        if (bytesRead === 0) break;
        total += bytesRead;
      }
      const bytes = buffer.subarray(0, total);
      if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
        walk.binaries += 1;
        return;
      }
      walk.bytes += total;
      walk.files.push({ path: relative, text: bytes.toString('utf8') });
    } finally {
      await handle.close();
    }
  }
}

function listed(list: string[], item: string): void {
  if (list.length < MAX_LISTED) list.push(item);
}

async function pointsInside(root: string, link: string): Promise<boolean> {
  try {
    return isInside(root, await realpath(link));
  } catch {
    // A dangling link reads nothing; it is not a way out either.
    return true;
  }
}

export const repoTreeProbe = defineProbe<RepoTreeProbe>({
  name: 'repo-tree',
  describes:
    "The working tree of the application's repository (`repo:`), walked once per run: .git, node_modules and build caches skipped, symlinks never followed, binaries left out, at most 10,000 files, 64 MiB in all and 4 MiB per file (a lockfile fits); a cap that ends the walk is reported",
  create: (run) => new RepoTreeProbe(repoRootOf(run)),
});
