/** The vocabulary every check, reporter and gate shares. Extend, never rename: reports depend on these strings. */

export const STATUSES = ['pass', 'fail', 'warn', 'manual', 'skip', 'error'] as const;
export type Status = (typeof STATUSES)[number];

/** Ordered from most to least severe; the gate compares positions in this list. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AUTOMATIONS = ['automated', 'partial', 'manual'] as const;
export type Automation = (typeof AUTOMATIONS)[number];

export type Evidence = Record<string, unknown>;

/** What a check's run() returns. The runner adds identity, timing and overrides. */
export interface CheckOutcome {
  status: Status;
  message: string;
  evidence?: Evidence;
  remediation?: string;
}

/** Set on a result when an attestation or waiver changed what the check itself said. */
export interface Override {
  kind: 'attestation' | 'waiver';
  /** The status the check reported before the override applied. */
  originalStatus: Status;
  by: string;
  reason: string;
  evidence?: string;
  expires: string;
}

export interface CheckResult {
  id: string;
  section: string;
  item: string;
  /** What a pass means, so a report explains a line without the catalog. */
  verifies: string;
  /** How the verdict is reached: probes, rules, thresholds. */
  how: string;
  severity: Severity;
  automation: Automation;
  status: Status;
  message: string;
  evidence: Evidence;
  remediation: string;
  durationMs: number;
  override?: Override;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is as severe as `threshold` or more. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}
