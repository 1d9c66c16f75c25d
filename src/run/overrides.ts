import type { Attestation } from '../config/attestations.js';
import type { Waiver } from '../config/schema/index.js';
import type { CheckResult } from '../core/types.js';

export interface OverrideSources {
  environment: string;
  attestations: readonly Attestation[];
  waivers: readonly Waiver[];
  /** Today as YYYY-MM-DD (UTC); dates are compared as text. */
  today: string;
}

/**
 * Attestations turn a `manual` line into `pass` while they are valid; waivers stop a failing line from gating
 * until they expire. Neither hides anything: the result keeps the override, and expired ones are called out.
 */
export function applyOverrides(results: readonly CheckResult[], sources: OverrideSources): CheckResult[] {
  return results.map((result) => {
    if (result.status === 'manual') return applyAttestation(result, sources);
    if (result.status === 'fail' || result.status === 'error' || result.status === 'warn') return applyWaiver(result, sources);
    return result;
  });
}

function applyAttestation(result: CheckResult, sources: OverrideSources): CheckResult {
  const mine = sources.attestations
    .filter((a) => a.check === result.id && a.environment === sources.environment && a.at <= sources.today)
    .sort((a, b) => b.at.localeCompare(a.at));
  const valid = mine.find((a) => a.expires >= sources.today);
  if (!valid) {
    const expired = mine[0];
    return expired
      ? { ...result, message: `${result.message} (the attestation by ${expired.by} expired on ${expired.expires}; attest again)` }
      : result;
  }
  return {
    ...result,
    status: 'pass',
    message: `attested by ${valid.by} on ${valid.at}, valid until ${valid.expires}: ${valid.evidence}`,
    remediation: '',
    override: {
      kind: 'attestation',
      originalStatus: result.status,
      by: valid.by,
      reason: valid.note ?? 'attested',
      evidence: valid.evidence,
      expires: valid.expires,
    },
  };
}

function applyWaiver(result: CheckResult, sources: OverrideSources): CheckResult {
  const mine = sources.waivers.filter(
    (w) => w.check === result.id && (w.environment === undefined || w.environment === sources.environment),
  );
  const valid = mine.find((w) => w.expires >= sources.today);
  if (!valid) {
    const expired = mine[0];
    return expired ? { ...result, message: `${result.message} (waiver by ${expired.owner} expired on ${expired.expires})` } : result;
  }
  return {
    ...result,
    override: { kind: 'waiver', originalStatus: result.status, by: valid.owner, reason: valid.reason, expires: valid.expires },
  };
}
