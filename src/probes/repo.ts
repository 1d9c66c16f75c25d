import { constants } from 'node:fs';
import { open, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ProbeError } from '../core/errors.js';
import { repoSettings } from '../config/schema/repo.js';
import { defineProbe, type ProbeRun } from './registry.js';

/** Platform and build config is small: a file past this is read up to it and marked truncated. */
export const DEFAULT_REPO_FILE_BYTES = 256 * 1024;
/** A folder such as .github/workflows holds a handful of files; past this many names the listing stops. */
export const MAX_REPO_LISTING = 200;

export type RepoFile =
  /** modifiedMs: the file's mtime (ms since the epoch); a fresh checkout sets it to the checkout's time. */
  | { path: string; kind: 'file'; text: string; bytes: number; truncated: boolean; modifiedMs: number }
  | { path: string; kind: 'missing' };

/**
 * Reads the application's repository (config `repo`): bounded, read-only, memoised by path. A path that leaves the
 * repository — by `..` or through a symlink whose target lies outside it — is refused, so a hostile tree cannot make
 * readiness read /etc/passwd or a FIFO that never ends.
 */
export class RepoProbe {
  private readonly files = new Map<string, Promise<RepoFile>>();
  private readonly listings = new Map<string, Promise<string[]>>();
  private realRoot: Promise<string> | undefined;

  constructor(private readonly root: string | undefined) {}

  /** The repository's directory, or a ProbeError when the environment names none or it is not there. */
  private async rootDir(): Promise<string> {
    if (this.root === undefined) throw new ProbeError('unavailable', 'no repository configured (set `repo:` to its path)');
    const root = this.root;
    this.realRoot ??= realpath(root).catch((error: NodeJS.ErrnoException) => {
      throw new ProbeError('unavailable', `repository ${root} cannot be read (${error.code === 'ENOENT' ? 'no such directory' : (error.code ?? 'unknown error')})`);
    });
    return this.realRoot;
  }

  /** The file's real location inside the repository, or undefined when it does not exist. */
  private async locate(relative: string): Promise<string | undefined> {
    const root = await this.rootDir();
    const lexical = path.resolve(root, relative);
    if (!isInside(root, lexical)) throw new ProbeError('unavailable', `${relative} lies outside the repository`);
    let real: string;
    try {
      real = await realpath(lexical);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new ProbeError('unavailable', `${relative} cannot be read (${code ?? 'unknown error'})`);
    }
    if (!isInside(root, real)) throw new ProbeError('unavailable', `${relative} is a symlink to a place outside the repository; not followed`);
    return real;
  }

  /** A file of the repository by its path relative to the root (`missing` when absent), at most `maxBytes`. */
  file(relative: string, maxBytes = DEFAULT_REPO_FILE_BYTES): Promise<RepoFile> {
    const key = `${path.posix.normalize(relative)}\0${maxBytes}`;
    let read = this.files.get(key);
    if (!read) {
      read = this.readFile(relative, maxBytes);
      this.files.set(key, read);
    }
    return read;
  }

  /** Names of the regular files directly inside a folder of the repository (empty when it does not exist), sorted. */
  list(relativeDir: string): Promise<string[]> {
    const key = path.posix.normalize(relativeDir);
    let listing = this.listings.get(key);
    if (!listing) {
      listing = this.readListing(relativeDir);
      this.listings.set(key, listing);
    }
    return listing;
  }

  private async readFile(relative: string, maxBytes: number): Promise<RepoFile> {
    const real = await this.locate(relative);
    if (real === undefined) return { path: relative, kind: 'missing' };
    let handle;
    try {
      // Non-blocking, so a FIFO planted in the tree cannot hang the run; the type is checked on the open handle.
      handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      throw new ProbeError('unavailable', `${relative} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) return { path: relative, kind: 'missing' };
      if (!stats.isFile()) throw new ProbeError('unavailable', `${relative} is not a regular file (a FIFO, socket or device)`);
      const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stats.size + 1, 1)));
      let total = 0;
      while (total < buffer.length) {
        const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
        if (bytesRead === 0) break;
        total += bytesRead;
      }
      const truncated = total > maxBytes;
      const bytes = buffer.subarray(0, Math.min(total, maxBytes));
      return { path: relative, kind: 'file', text: bytes.toString('utf8'), bytes: bytes.length, truncated, modifiedMs: Math.round(stats.mtimeMs) };
    } finally {
      await handle.close();
    }
  }

  private async readListing(relativeDir: string): Promise<string[]> {
    const real = await this.locate(relativeDir);
    if (real === undefined) return [];
    try {
      const entries = await readdir(real, { withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() || entry.isSymbolicLink())
        .map((entry) => entry.name)
        .sort()
        .slice(0, MAX_REPO_LISTING);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') return [];
      throw new ProbeError('unavailable', `${relativeDir} cannot be listed (${code ?? 'unknown error'})`);
    }
  }
}

/** True when `candidate` is the root or lies below it (both already resolved). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The repository's folder as the config names it (relative to the config file), or undefined without `repo:`. */
export function repoRootOf(run: ProbeRun): string | undefined {
  const repo = run.target.environment.repo;
  return repo === undefined ? undefined : run.target.resolvePath(repoSettings(repo).path);
}

export const repoProbe = defineProbe<RepoProbe>({
  name: 'repo',
  describes:
    "Files of the application's repository (`repo:`): regular files only, at most 256 KiB each, memoised; paths and symlinks leading out of the repository are refused",
  create: (run) => new RepoProbe(repoRootOf(run)),
});
