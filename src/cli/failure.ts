import { UsageError } from '../config/errors.js';
import { err } from './output.js';

/** Turns anything thrown out of a command into one readable paragraph on stderr and an exit code. */
export function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    err(`readiness: ${error.message}\n`);
    return error.exitCode;
  }
  // A file the user pointed us at (a report under --out, the attestations file) that the system refused: their
  // environment, not our bug, so it is named with the reason and exit 2.
  if (isFileSystemError(error)) {
    err(`readiness: cannot write or read ${error.path}: ${describeFileError(error)}\n`);
    return 2;
  }
  // A bug in readiness itself: say so plainly; the stack only with READINESS_DEBUG, since it helps us, not the user.
  const message = error instanceof Error ? error.message : String(error);
  err(`readiness: internal error: ${message}\nThis is a bug in readiness; rerun with READINESS_DEBUG=1 and report it.\n`);
  if (process.env.READINESS_DEBUG && error instanceof Error && error.stack) err(`${error.stack}\n`);
  return 3;
}

const FILE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'no such file or directory',
  EEXIST: 'already exists',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EFBIG: 'file too large',
};

/** "permission denied (EACCES)" for a system error; the error's message otherwise. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') return `${FILE_ERRORS[code] ?? 'system error'} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  if (!(error instanceof Error)) return false;
  const e = error as NodeJS.ErrnoException;
  return typeof e.code === 'string' && typeof e.syscall === 'string' && typeof e.path === 'string';
}
