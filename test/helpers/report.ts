import type { CheckResult } from '../../src/core/types.js';
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/report/schema.js';

export function result(overrides: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status'>): CheckResult {
  return {
    section: overrides.id.split('.')[0]!,
    item: `Item of ${overrides.id}`,
    verifies: `What ${overrides.id} verifies`,
    how: `How ${overrides.id} is judged`,
    severity: 'high',
    automation: 'automated',
    message: `message of ${overrides.id}`,
    evidence: {},
    remediation: overrides.status === 'pass' ? '' : 'do the fix',
    durationMs: 12,
    ...overrides,
  };
}

/** A report as the CLI would build it, from hand-made results. */
export function reportOf(results: CheckResult[], catalogSize = results.length): Report {
  return buildReport({
    tool: { name: 'readiness', version: '0.0.0-test' },
    environment: 'prod',
    run: { results, startedAt: '2026-11-28T00:00:00.000Z', durationMs: 1234, interrupted: false },
    results,
    gate: { failOn: 'high', strict: false, requireAttestations: false },
    catalogSize,
    filters: {},
  });
}
