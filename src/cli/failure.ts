import { UsageError } from '../config/errors.js';
import { err } from './output.js';

/** Turns anything thrown out of a command into one readable paragraph on stderr and an exit code. */
export function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    err(`readiness: ${error.message}\n`);
    return error.exitCode;
  }
  // A bug in readiness itself: say so plainly; the stack only with READINESS_DEBUG, since it helps us, not the user.
  const message = error instanceof Error ? error.message : String(error);
  err(`readiness: internal error: ${message}\nThis is a bug in readiness; rerun with READINESS_DEBUG=1 and report it.\n`);
  if (process.env.READINESS_DEBUG && error instanceof Error && error.stack) err(`${error.stack}\n`);
  return 3;
}
