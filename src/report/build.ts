import type { GateConfig } from '../config/schema/index.js';
import { evaluateGate, evaluateGoLive } from '../run/gate.js';
import { redactDeep, redactText } from '../core/redact.js';
import { safeDeep, safeLine, safeLines } from '../core/safe-text.js';
import type { RunOutcome } from '../run/runner.js';
import { STATUSES, type CheckResult } from '../core/types.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportResult, type ResultLocation } from './schema.js';

export interface ReportInput {
  tool: { name: string; version: string };
  environment: string;
  run: RunOutcome;
  /** Results after attestations and waivers. */
  results: readonly CheckResult[];
  gate: GateConfig;
  catalogSize: number;
  filters: Record<string, string | string[]>;
  /** Where in the configuration each result points; the CLI knows the file and its lines, the model does not. */
  locate?: (result: CheckResult) => ResultLocation | undefined;
}

/**
 * The report model. Its data (messages, evidence, fixes built from observations, overrides, the environment's
 * name) is redacted here once more with every secret the run registered, and stripped of control characters;
 * the catalog's own text (item, verifies, how) is passed on as written. Reporters render only this model.
 */
export function buildReport(input: ReportInput): Report {
  const results = input.results.map((result) => withLocation(dataOf(result), input.locate?.(result)));
  const counts = Object.fromEntries(STATUSES.map((s) => [s, results.filter((r) => r.status === s).length])) as Record<
    (typeof STATUSES)[number],
    number
  >;
  const complete = results.length === input.catalogSize && Object.keys(input.filters).length === 0;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: input.tool,
    environment: safeLine(redactText(input.environment)),
    startedAt: input.run.startedAt,
    durationMs: input.run.durationMs,
    interrupted: input.run.interrupted,
    summary: {
      total: results.length,
      ...counts,
      waived: results.filter((r) => r.override?.kind === 'waiver').length,
      attested: results.filter((r) => r.override?.kind === 'attestation').length,
    },
    gate: evaluateGate(results, input.gate, input.run.interrupted),
    goLive: evaluateGoLive(results, input.gate, complete, input.run.interrupted),
    selection: { complete, catalogSize: input.catalogSize, filters: safeDeep(redactDeep(input.filters)) },
    results,
  };
}

function withLocation(result: CheckResult, location: ResultLocation | undefined): ReportResult {
  return location ? { ...result, location: { ...location, file: safeLine(location.file), key: safeLine(location.key) } } : result;
}

function dataOf(result: CheckResult): CheckResult {
  const { override, ...rest } = result;
  const line = (text: string) => safeLine(redactText(text));
  return {
    ...rest,
    message: line(result.message),
    evidence: safeDeep(redactDeep(result.evidence)),
    remediation: safeLines(redactText(result.remediation)),
    ...(override
      ? {
          override: {
            ...override,
            by: line(override.by),
            reason: line(override.reason),
            ...(override.evidence !== undefined ? { evidence: line(override.evidence) } : {}),
            expires: line(override.expires),
          },
        }
      : {}),
  };
}
