import { outcome, worstStatus } from '../core/outcome.js';
import type { CheckOutcome, Evidence, Status } from '../core/types.js';

/**
 * One judged aspect of a part (a header, a redirect, a certificate property) with its own verdict, passes included,
 * so the evidence shows everything that was looked at and not only what went wrong.
 */
export interface Judgement {
  subject: string;
  status: Extract<Status, 'pass' | 'warn' | 'fail' | 'error' | 'manual'>;
  message: string;
  remediation?: string;
}

export function judged(subject: string, status: Judgement['status'], message: string, remediation?: string): Judgement {
  return { subject, status, message, ...(remediation ? { remediation } : {}) };
}

/**
 * The verdict of a part from its judgements: the worst status wins, the message names what is wrong (or the pass
 * message when nothing is), every judgement stays in the evidence, and the remediations are those that did not pass.
 */
export function verdictOf(judgements: readonly Judgement[], passMessage: string, evidence: Evidence = {}): CheckOutcome {
  const status = worstStatus(judgements.map((j) => j.status));
  const problems = judgements.filter((j) => j.status !== 'pass');
  const worst = problems.filter((j) => j.status === status);
  const message = status === 'pass' ? passMessage : worst.map((j) => `${j.subject}: ${j.message}`).join('; ');
  const remediation = [...new Set(problems.map((j) => j.remediation).filter((r): r is string => !!r))].join('\n');
  return outcome(status, message, {
    evidence: { ...evidence, judgements: judgements.map((j) => `${j.status} ${j.subject}: ${j.message}`) },
    ...(remediation ? { remediation } : {}),
  });
}
