import type { GateConfig } from '../config/schema/index.js';
import { atLeast, type CheckResult, type Severity } from '../core/types.js';

export interface GateVerdict {
  passed: boolean;
  failOn: Severity;
  strict: boolean;
  requireAttestations: boolean;
  reasons: string[];
}

/** Whether CI may deploy: no fail or error at or above `failOn` (warn with strict, manual with requireAttestations). */
export function evaluateGate(results: readonly CheckResult[], gate: GateConfig, interrupted = false): GateVerdict {
  const reasons: string[] = [];
  if (interrupted) reasons.push('the run was interrupted before every check finished');
  for (const result of results) {
    if (result.override?.kind === 'waiver') continue;
    if (!atLeast(result.severity, gate.failOn)) continue;
    const gating =
      result.status === 'fail' ||
      result.status === 'error' ||
      (gate.strict && result.status === 'warn') ||
      (gate.requireAttestations && result.status === 'manual');
    if (gating) reasons.push(`${result.id} [${result.severity}] ${result.status}: ${result.message}`);
  }
  return {
    passed: reasons.length === 0,
    failOn: gate.failOn,
    strict: gate.strict,
    requireAttestations: gate.requireAttestations,
    reasons,
  };
}

export interface GoLiveVerdict {
  approved: boolean;
  blockers: string[];
}

export const SIGNOFF_IDS = ['signoff.technical-lead', 'signoff.product-owner', 'signoff.devops-lead'] as const;

/**
 * The checklist's "Production Go-Live Approved: YES / NO". YES needs the whole catalog run, nothing failing or
 * unknown at or above the gate's severity, every manual line attested, and the three sign-offs recorded.
 */
export function evaluateGoLive(
  results: readonly CheckResult[],
  gate: GateConfig,
  complete: boolean,
  interrupted = false,
): GoLiveVerdict {
  const strictGate = evaluateGate(results, { ...gate, requireAttestations: true }, interrupted);
  const blockers: string[] = [];
  if (!complete) blockers.push('only part of the checklist was run (--only/--skip/--section/--severity or disabled checks)');
  const count = (predicate: (r: CheckResult) => boolean) => results.filter(predicate).length;
  const failing = count((r) => (r.status === 'fail' || r.status === 'error') && r.override?.kind !== 'waiver' && atLeast(r.severity, gate.failOn));
  const manual = count((r) => r.status === 'manual' && atLeast(r.severity, gate.failOn));
  if (failing > 0) blockers.push(`${failing} line(s) failing or unverified at ${gate.failOn} severity or above`);
  if (manual > 0) blockers.push(`${manual} manual line(s) at ${gate.failOn} severity or above without a valid attestation`);
  if (interrupted) blockers.push('the run was interrupted');
  const unsigned = SIGNOFF_IDS.filter((id) => results.find((r) => r.id === id)?.status !== 'pass');
  if (unsigned.length > 0) blockers.push(`sign-off missing: ${unsigned.join(', ')}`);
  return { approved: strictGate.passed && blockers.length === 0, blockers };
}
