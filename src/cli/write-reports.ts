import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config/errors.js';
import type { Report } from '../report/schema.js';
import { reporterFor } from '../reporters/index.js';
import type { Reporter } from '../reporters/types.js';
import { describeFileError } from './failure.js';
import { colorLevelFor, err, outReport, terminalWidth } from './output.js';

export interface WriteOptions {
  out?: string;
  color?: boolean;
  showManual?: boolean;
  quiet?: boolean;
}

/**
 * The text report to standard output, and one file per other format under `--out` (or that one format to standard
 * output). Each file is written to a new temporary file inside `--out` and renamed over its destination, so a reader
 * never sees half a report, and a destination that is a symbolic link is refused rather than followed: nothing
 * outside `--out` changes.
 */
export async function writeReports(report: Report, formats: readonly Reporter[], options: WriteOptions): Promise<void> {
  const wantsText = formats.some((r) => r.format === 'text');
  const files = formats.filter((r): r is Reporter & { fileName: string } => r.fileName !== undefined);
  if (options.out && files.length > 0) await checkReportDestinations(options.out, files.map((r) => r.fileName));
  if (wantsText) {
    const width = terminalWidth(process.stdout);
    const rendering = { colorLevel: colorLevelFor(process.stdout, options.color), showManual: options.showManual === true, quiet: options.quiet === true };
    outReport(reporterFor('text').render(report, width ? { ...rendering, width } : rendering));
  }
  if (files.length === 0) return;
  if (!options.out) {
    outReport(files[0]!.render(report, { colorLevel: 0, showManual: options.showManual === true }));
    return;
  }
  for (const reporter of files) {
    const file = path.join(options.out, reporter.fileName);
    await replaceFile(options.out, file, reporter.render(report, { colorLevel: 0, showManual: options.showManual === true }));
    err(`wrote ${file}\n`);
  }
}

/**
 * Refuses report destinations that are symbolic links (writing through one would change a file outside `--out`) or
 * anything but regular files; creates `--out` when it is missing. Exit 2, naming the file.
 */
export async function checkReportDestinations(dir: string, fileNames: readonly string[]): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out ${dir}: cannot create the directory (${describeFileError(error)})`);
  }
  for (const name of fileNames) {
    const file = path.join(dir, name);
    const existing = await lstat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new UsageError(`--out ${dir}: cannot inspect ${file} (${describeFileError(error)})`);
    });
    if (!existing) continue;
    if (existing.isSymbolicLink()) {
      throw new UsageError(`--out ${dir}: ${file} is a symbolic link; readiness does not write through links (it would change a file outside --out). Remove the link or choose another directory`);
    }
    if (!existing.isFile()) throw new UsageError(`--out ${dir}: ${file} exists and is not a regular file; remove it or choose another directory`);
  }
}

/**
 * Writes `content` to a fresh file beside `file` (created exclusively, so a link planted under the temporary name
 * is not followed either) and renames it over `file`: rename replaces a link placed there meanwhile instead of
 * writing through it.
 */
async function replaceFile(dir: string, file: string, content: string): Promise<void> {
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new UsageError(`--out ${dir}: cannot write ${file} (${describeFileError(error)})`);
  }
}
