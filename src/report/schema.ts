import { z } from 'zod';
import { AUTOMATIONS, SEVERITIES, STATUSES } from '../core/types.js';

/** The JSON report's contract (`--format json`). Published as schema/report.schema.json; extend, never rename. */
export const REPORT_SCHEMA_VERSION = 1;

const overrideSchema = z.object({
  kind: z.enum(['attestation', 'waiver']),
  originalStatus: z.enum(STATUSES),
  by: z.string(),
  reason: z.string(),
  evidence: z.string().optional(),
  expires: z.string(),
});

export const locationSchema = z.object({
  file: z.string().describe('The configuration file, relative to the working directory (forward slashes)'),
  key: z.string().describe('The config key the line concerns, e.g. environments.prod.services.api'),
  line: z.number().int().positive().describe('1-based line of that key in the file'),
  column: z.number().int().positive(),
});

export const resultSchema = z.object({
  id: z.string().describe('Stable check id, <section>.<slug>'),
  section: z.string(),
  item: z.string().describe('The checklist line, exactly as written'),
  verifies: z.string().describe('What a pass means'),
  how: z.string().describe('How the tool reaches its verdict: probes, rules and thresholds'),
  severity: z.enum(SEVERITIES),
  automation: z.enum(AUTOMATIONS),
  status: z.enum(STATUSES),
  message: z.string(),
  evidence: z.record(z.string(), z.unknown()).describe('Observations behind the verdict; never a secret value'),
  remediation: z.string(),
  durationMs: z.number().int().nonnegative(),
  override: overrideSchema.optional().describe('Set when an attestation or a waiver applies'),
  location: locationSchema.optional().describe('Where in the configuration the line points (code scanning, CI annotations)'),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  environment: z.string(),
  startedAt: z.string().describe('ISO 8601'),
  durationMs: z.number().int().nonnegative(),
  interrupted: z.boolean(),
  summary: z.object({
    total: z.number().int(),
    pass: z.number().int(),
    fail: z.number().int(),
    warn: z.number().int(),
    manual: z.number().int(),
    skip: z.number().int(),
    error: z.number().int(),
    waived: z.number().int().describe('Results whose failure is covered by a valid waiver (counted in their status too)'),
    attested: z.number().int().describe('Manual lines passing on a valid attestation (counted as pass too)'),
  }),
  gate: z.object({
    passed: z.boolean(),
    failOn: z.enum(SEVERITIES),
    strict: z.boolean(),
    requireAttestations: z.boolean(),
    reasons: z.array(z.string()),
  }),
  goLive: z.object({
    approved: z.boolean().describe('"Production Go-Live Approved: YES / NO"'),
    blockers: z.array(z.string()),
  }),
  selection: z.object({
    complete: z.boolean().describe('True when every line of the checklist was run'),
    catalogSize: z.number().int(),
    filters: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  }),
  results: z.array(resultSchema),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportResult = z.infer<typeof resultSchema>;
export type ResultLocation = z.infer<typeof locationSchema>;
