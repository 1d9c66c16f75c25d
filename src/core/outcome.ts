import type { CheckOutcome, Evidence, Status } from './types.js';

export interface OutcomeExtras {
  evidence?: Evidence;
  remediation?: string;
}

export function outcome(status: Status, message: string, extras: OutcomeExtras = {}): CheckOutcome {
  return { status, message, ...extras };
}

/**
 * Which status a line reports when its parts disagree (e.g. one service of three failed). A verified
 * failure outranks an unknown, an unknown outranks a caveat, and a line is `pass` only when every part passed.
 */
const PRECEDENCE: readonly Status[] = ['fail', 'error', 'warn', 'manual', 'pass', 'skip'];

export function worstStatus(statuses: readonly Status[]): Status {
  if (statuses.length === 0) return 'error';
  return PRECEDENCE.find((status) => statuses.includes(status)) ?? 'error';
}

export interface Part {
  /** What the part is about, e.g. a service name. */
  label: string;
  outcome: CheckOutcome;
}

/**
 * One line's verdict from several parts. The message leads with what went wrong, the evidence keeps every
 * part's own verdict, and the remediation is that of the parts that did not pass.
 */
export function combine(parts: readonly Part[], summary?: { pass?: string }): CheckOutcome {
  if (parts.length === 0) return outcome('error', 'nothing to verify: no parts were checked');
  const status = worstStatus(parts.map((p) => p.outcome.status));
  const notPassing = parts.filter((p) => p.outcome.status !== 'pass' && p.outcome.status !== 'skip');
  const ordered = [...notPassing].sort(
    (a, b) => PRECEDENCE.indexOf(a.outcome.status) - PRECEDENCE.indexOf(b.outcome.status),
  );
  const headline = parts.filter((p) => p.outcome.status === status);
  const others = ordered.filter((p) => p.outcome.status !== status);
  const message =
    status === 'pass' && summary?.pass
      ? summary.pass
      : [
          headline.map((p) => `${p.label}: ${p.outcome.message}`).join('; '),
          others.length > 0 ? `(also ${others.map((p) => `${p.label}: ${p.outcome.status}`).join(', ')})` : '',
        ]
          .filter(Boolean)
          .join(' ');
  const evidence: Evidence = {};
  for (const part of parts) {
    // The part's verdict and message win over same-named evidence keys (an HTTP `status`, say).
    evidence[part.label] = { ...(part.outcome.evidence ?? {}), verdict: part.outcome.status, message: part.outcome.message };
  }
  const remediations = [...new Set(ordered.map((p) => p.outcome.remediation).filter((r): r is string => !!r))];
  return { status, message, evidence, ...(remediations.length > 0 ? { remediation: remediations.join('\n') } : {}) };
}
