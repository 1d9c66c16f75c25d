import type { CheckOutcome, Evidence, Status } from './types.js';

export interface OutcomeExtras {
  evidence?: Evidence;
  remediation?: string;
}

export function outcome(status: Status, message: string, extras: OutcomeExtras = {}): CheckOutcome {
  return { status, message, ...extras };
}

/**
 * The one status order: which status a line reports when its parts disagree (e.g. one service of three failed).
 * A verified failure outranks an unknown, an unknown outranks a caveat, and a line is `pass` only when every part passed.
 */
export const STATUS_PRECEDENCE: readonly Status[] = ['fail', 'error', 'warn', 'manual', 'pass', 'skip'];

export function worstStatus(statuses: readonly Status[]): Status {
  if (statuses.length === 0) return 'error';
  return STATUS_PRECEDENCE.find((status) => statuses.includes(status)) ?? 'error';
}

function byPrecedence<T>(items: readonly T[], statusOf: (item: T) => Status): T[] {
  return [...items].sort((a, b) => STATUS_PRECEDENCE.indexOf(statusOf(a)) - STATUS_PRECEDENCE.indexOf(statusOf(b)));
}

/** Each distinct remediation once, in the order given; undefined when there is none. */
function remediationOf(remediations: readonly (string | undefined)[]): string | undefined {
  const distinct = [...new Set(remediations.filter((r): r is string => !!r))];
  return distinct.length > 0 ? distinct.join('\n') : undefined;
}

/*
 * Three shapes of the same merge — worst status wins, what went wrong leads the message, each distinct remediation
 * once — for the three kinds of parts a line is made of: labelled outcomes (one per service, say), judgements of
 * one part (a header, a redirect), and findings of a rule (an unindexed foreign key).
 */

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
  const ordered = byPrecedence(
    parts.filter((p) => p.outcome.status !== 'pass' && p.outcome.status !== 'skip'),
    (p) => p.outcome.status,
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
  const remediation = remediationOf(ordered.map((p) => p.outcome.remediation));
  return { status, message, evidence, ...(remediation ? { remediation } : {}) };
}

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
  const remediation = remediationOf(problems.map((j) => j.remediation));
  return outcome(status, message, {
    evidence: { ...evidence, judgements: judgements.map((j) => `${j.status} ${j.subject}: ${j.message}`) },
    ...(remediation ? { remediation } : {}),
  });
}

/** One thing wrong with a line, found by a rule; a line's verdict is the worst of its findings. */
export interface Finding {
  status: 'fail' | 'warn';
  text: string;
  remediation: string;
}

/**
 * The outcome for a set of findings, failures first: the message joins every finding, the remediation each
 * distinct one. Undefined when nothing was found, so the caller states what a pass verified.
 */
export function fromFindings(findings: readonly Finding[], evidence: Evidence): CheckOutcome | undefined {
  if (findings.length === 0) return undefined;
  const ordered = byPrecedence(findings, (f) => f.status);
  return outcome(ordered[0]!.status, ordered.map((f) => f.text).join('; '), {
    evidence,
    remediation: remediationOf(ordered.map((f) => f.remediation)) ?? '',
  });
}
