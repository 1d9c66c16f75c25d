import { isProbeError, type ProbeErrorCode } from '../core/errors.js';
import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';

/**
 * The one way a probe error becomes a line's outcome: `fail` when its code is itself the verdict (refused for "is it
 * up?"), else `error` — never a pass. The reason and low-level detail go to the evidence, and a family may say what to
 * do per reason. Anything that is not a probe error is a bug and is rethrown (the runner reports it as a crash).
 */
export function probeFailure(
  error: unknown,
  failOn: readonly ProbeErrorCode[] = [],
  remediations: Partial<Record<ProbeErrorCode, string>> = {},
): CheckOutcome {
  if (!isProbeError(error)) throw error;
  const evidence = { reason: error.code, ...(error.detail ? { detail: error.detail } : {}) };
  const remediation = remediations[error.code];
  return outcome(failOn.includes(error.code) ? 'fail' : 'error', error.message, { evidence, ...(remediation ? { remediation } : {}) });
}
