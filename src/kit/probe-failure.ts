import { isProbeError, type ProbeErrorCode } from '../core/errors.js';
import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';

/** Reasons that speak of readiness's own traffic, never of what a line verifies: always `error`, whatever `failOn` says. */
const NEVER_THE_VERDICT: readonly ProbeErrorCode[] = ['rate-limited', 'request-cap', 'aborted'];

/** What to do about a reason, whichever check met it (a family's own remediation wins). */
const DEFAULT_REMEDIATIONS: Partial<Record<ProbeErrorCode, string>> = {
  'rate-limited':
    "The target's rate limiter answered 429 to readiness's own requests, so this line could not be judged. Lower requestsPerOrigin " +
    'in the config (requests in flight per origin, default 4), let the address readiness runs from through the limiter, or run again once its window resets.',
};

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
  const remediation = remediations[error.code] ?? DEFAULT_REMEDIATIONS[error.code];
  const verdict = failOn.includes(error.code) && !NEVER_THE_VERDICT.includes(error.code) ? 'fail' : 'error';
  return outcome(verdict, error.message, { evidence, ...(remediation ? { remediation } : {}) });
}
