import type { GateConfig } from '../config/schema/index.js';
import { evaluateGate, evaluateGoLive } from '../run/gate.js';
import { redactDeep } from '../core/redact.js';
import type { RunOutcome } from '../run/runner.js';
import { STATUSES, type CheckResult } from '../core/types.js';
import { REPORT_SCHEMA_VERSION, type Report } from './schema.js';

export interface ReportInput {
  tool: { name: string; version: string };
  environment: string;
  run: RunOutcome;
  /** Results after attestations and waivers. */
  results: readonly CheckResult[];
  gate: GateConfig;
  catalogSize: number;
  filters: Record<string, string | string[]>;
}

export function buildReport(input: ReportInput): Report {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, input.results.filter((r) => r.status === s).length])) as Record<
    (typeof STATUSES)[number],
    number
  >;
  const complete = input.results.length === input.catalogSize && Object.keys(input.filters).length === 0;
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    environment: input.environment,
    startedAt: input.run.startedAt,
    durationMs: input.run.durationMs,
    interrupted: input.run.interrupted,
    summary: {
      total: input.results.length,
      ...counts,
      waived: input.results.filter((r) => r.override?.kind === 'waiver').length,
      attested: input.results.filter((r) => r.override?.kind === 'attestation').length,
    },
    gate: evaluateGate(input.results, input.gate, input.run.interrupted),
    goLive: evaluateGoLive(input.results, input.gate, complete, input.run.interrupted),
    selection: { complete, catalogSize: input.catalogSize, filters: input.filters },
    results: input.results.map((r) => ({ ...r })),
  };
  return redactDeep(report);
}
