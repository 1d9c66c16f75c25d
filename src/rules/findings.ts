import { outcome, worstStatus } from '../core/outcome.js';
import type { CheckOutcome, Evidence, Status } from '../core/types.js';

/** One judged aspect of a line (a header, an origin, the chain, …) with its own verdict. */
export interface Finding {
  /** What the finding is about. */
  subject: string;
  status: Status;
  message: string;
  remediation?: string;
}

export function finding(subject: string, status: Status, message: string, remediation?: string): Finding {
  return { subject, status, message, ...(remediation ? { remediation } : {}) };
}

/**
 * The line's outcome from its findings: the worst status wins, the message names the findings with that
 * status, the remediation is that of every finding that did not pass, and the evidence keeps them all.
 */
export function outcomeOf(findings: readonly Finding[], passMessage: string, evidence: Evidence = {}): CheckOutcome {
  if (findings.length === 0) return outcome('error', 'nothing was judged (a bug in the check)', { evidence });
  const status = worstStatus(findings.map((f) => f.status));
  const notPassing = findings.filter((f) => f.status !== 'pass' && f.status !== 'skip');
  const message = status === 'pass' ? passMessage : findings.filter((f) => f.status === status).map((f) => `${f.subject}: ${f.message}`).join('; ');
  const remediation = [...new Set(notPassing.map((f) => f.remediation).filter((r): r is string => !!r))].join('\n');
  return outcome(status, message, {
    evidence: { ...evidence, findings: findings.map((f) => ({ subject: f.subject, status: f.status, message: f.message })) },
    ...(remediation ? { remediation } : {}),
  });
}
