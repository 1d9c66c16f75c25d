import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config/errors.js';
import { describeFileError } from './failure.js';

/**
 * `--out <dir>` is made and proven writable before the run, so a run of minutes is not lost to a directory that
 * cannot take its reports: the directory is created, a scratch file is written into it and removed, and report
 * files already there must be writable files.
 */
export async function prepareOutDir(dir: string, fileNames: readonly string[]): Promise<void> {
  const refuse = (what: string, error: unknown) => new UsageError(`--out ${dir}: ${what}: ${describeFileError(error)}; choose another directory`);
  try {
    await makeDirectories(dir);
  } catch (error) {
    throw refuse('cannot create the directory', error);
  }
  const info = await stat(dir).catch((error: unknown) => {
    throw refuse('cannot use the directory', error);
  });
  if (!info.isDirectory()) throw new UsageError(`--out ${dir}: not a directory; choose a directory for the report files`);
  const scratch = path.join(dir, `.readiness-write-test-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(scratch, 'wx');
    await handle.close();
    await unlink(scratch);
  } catch (error) {
    throw refuse('cannot write into the directory', error);
  }
  for (const name of fileNames) {
    const file = path.join(dir, name);
    const existing = await stat(file).catch(() => undefined);
    if (!existing) continue;
    if (!existing.isFile()) throw new UsageError(`--out ${dir}: ${file} exists and is not a regular file; remove it or choose another directory`);
    try {
      await access(file, constants.W_OK);
    } catch (error) {
      throw refuse(`cannot overwrite ${file}`, error);
    }
  }
}

/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir spins forever on some paths (under /proc, for one),
 * and a usage error must not become a hang.
 */
async function makeDirectories(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info) break;
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directory of missing.reverse()) {
    await mkdir(directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
