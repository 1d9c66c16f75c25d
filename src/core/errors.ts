/** Why a probe could not observe the target. Checks turn these into `error` (or `fail` where the reason is the verdict). */
export type ProbeErrorCode =
  | 'timeout'
  | 'refused'
  | 'dns'
  | 'reset'
  | 'tls'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'request-cap'
  | 'protocol'
  | 'aborted'
  | 'unavailable'
  /** The server rejected the credentials (e.g. a wrong database password). */
  | 'auth'
  /** Connected, but the role may not read what the check needs (a missing GRANT). */
  | 'permission'
  /**
   * The target kept answering 429 Too Many Requests to our own requests (after honouring Retry-After within the time
   * budget): it limited readiness, which says nothing about what the line verifies. Never a check's `fail`.
   */
  | 'rate-limited'
  | 'unknown';

export class ProbeError extends Error {
  constructor(
    readonly code: ProbeErrorCode,
    message: string,
    /** Low-level code (ECONNREFUSED, CERT_HAS_EXPIRED, …) for evidence. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ProbeError';
  }
}

export function isProbeError(error: unknown): error is ProbeError {
  return error instanceof ProbeError;
}

/** Thrown into a check when its own time budget ran out. */
export class CheckTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'CheckTimeoutError';
  }
}

export class InterruptedError extends Error {
  constructor() {
    super('interrupted before it finished (the run was stopped: Ctrl-C, SIGTERM or SIGHUP)');
    this.name = 'InterruptedError';
  }
}
