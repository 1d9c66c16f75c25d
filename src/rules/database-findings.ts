import { outcome } from '../core/outcome.js';
import type { CheckOutcome, Evidence } from '../core/types.js';

/** One thing wrong with a line, found by a rule; a line's verdict is the worst of its findings. */
export interface DatabaseFinding {
  status: 'fail' | 'warn';
  text: string;
  remediation: string;
}

/**
 * The outcome for a set of findings, failures first: the message joins every finding, the remediation each
 * distinct one. Undefined when nothing was found, so the caller states what a pass verified.
 */
export function fromFindings(findings: readonly DatabaseFinding[], evidence: Evidence): CheckOutcome | undefined {
  if (findings.length === 0) return undefined;
  const ordered = [...findings.filter((f) => f.status === 'fail'), ...findings.filter((f) => f.status === 'warn')];
  return outcome(ordered[0]!.status, ordered.map((f) => f.text).join('; '), {
    evidence,
    remediation: [...new Set(ordered.map((f) => f.remediation))].join('\n'),
  });
}

/** "a, b, c, … (7 more)": names in a message, capped. */
export function listNames(names: readonly string[], cap = 10): string {
  return `${names.slice(0, cap).join(', ')}${names.length > cap ? `, … (${names.length - cap} more)` : ''}`;
}
