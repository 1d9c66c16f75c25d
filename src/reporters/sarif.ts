import { createHash } from 'node:crypto';
import type { Severity, Status } from '../core/types.js';
import type { Report, ReportResult, ResultLocation } from '../report/schema.js';
import type { Reporter } from './types.js';

/** The OASIS SARIF 2.1.0 schema, errata 01: the version GitHub code scanning and the validators read. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The partialFingerprints key; bump its version when what is hashed changes, so old alerts close cleanly. */
export const FINGERPRINT_KEY = 'readinessFinding/v1';

/**
 * SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps). Every checklist line is a rule with its help (what
 * it verifies, how, the fix); a result is emitted only for lines that need attention (fail, error, warn), because
 * GitHub turns every result into an alert whatever its `kind`. Each result points at the configuration line it
 * concerns and carries a fingerprint that survives reruns. Waivers become accepted external suppressions.
 */
export const sarifReporter: Reporter = {
  format: 'sarif',
  fileName: 'report.sarif',
  render(report) {
    const fallback = fallbackLocation(report);
    const log = {
      $schema: SARIF_SCHEMA_URI,
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: report.tool.name,
              version: report.tool.version,
              informationUri: 'https://github.com/readiness/readiness',
              rules: report.results.map(toRule),
            },
          },
          automationDetails: { id: `readiness/${report.environment}/` },
          invocations: [{ executionSuccessful: !report.interrupted, startTimeUtc: report.startedAt }],
          results: report.results.flatMap((r, ruleIndex) => (needsAttention(r.status) ? [toResult(r, ruleIndex, fallback)] : [])),
          properties: { environment: report.environment, gate: report.gate, goLive: report.goLive, summary: report.summary },
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

function toRule(r: ReportResult) {
  const fix = r.remediation || 'No fix recorded for this line.';
  return {
    id: r.id,
    name: r.id,
    shortDescription: { text: r.item },
    fullDescription: { text: r.verifies },
    help: {
      text: `Verifies: ${r.verifies}\nHow: ${r.how}\nFix: ${fix}`,
      markdown: `**Verifies:** ${r.verifies}\n\n**How:** ${r.how}\n\n**Fix:** ${fix}`,
    },
    defaultConfiguration: { level: levelFor(r.severity, 'fail') },
    properties: {
      section: r.section,
      severity: r.severity,
      automation: r.automation,
      tags: [...new Set(['readiness', 'security', r.section])],
      precision: r.automation === 'automated' ? 'high' : 'medium',
      // GitHub ranks alerts tagged `security` by this CVSS-like score; the checklist's severity is the closest match.
      'security-severity': SECURITY_SEVERITY[r.severity],
    },
  };
}

const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

function toResult(r: ReportResult, ruleIndex: number, fallback: ResultLocation) {
  const at = r.location ?? fallback;
  return {
    ruleId: r.id,
    ruleIndex,
    kind: 'fail',
    level: levelFor(r.severity, r.status),
    message: { text: `${r.status}: ${r.message}${r.remediation ? ` — fix: ${r.remediation}` : ''}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(at.file), ...(isAbsolute(at.file) ? {} : { uriBaseId: '%SRCROOT%' }) },
          region: { startLine: at.line, startColumn: at.column },
        },
        logicalLocations: [{ name: at.key, kind: 'member', fullyQualifiedName: at.key }],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(r, at) },
    properties: { status: r.status, severity: r.severity, evidence: r.evidence, durationMs: r.durationMs, configKey: at.key },
    ...(r.override?.kind === 'waiver'
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${r.override.reason} (owner ${r.override.by}, until ${r.override.expires})` }] }
      : {}),
  };
}

/**
 * The same finding on the same key hashes the same across runs: the check, the key it concerns, its status and its
 * message with every number masked — ports, timings, counts and dates change between runs, the finding does not.
 */
export function fingerprint(r: Pick<ReportResult, 'id' | 'status' | 'message'>, at: Pick<ResultLocation, 'key'>): string {
  const stable = r.message.replace(/\d+/g, '0');
  return createHash('sha256').update(JSON.stringify([r.id, at.key, r.status, stable])).digest('hex').slice(0, 32);
}

/** A report built without a configuration file (a quick scan) still needs a location: its environment at line 1. */
function fallbackLocation(report: Report): ResultLocation {
  const located = report.results.find((r) => r.location)?.location;
  return located
    ? { ...located, key: `environments.${report.environment}`, line: 1, column: 1 }
    : { file: 'readiness.config.yaml', key: `environments.${report.environment}`, line: 1, column: 1 };
}

function isAbsolute(file: string): boolean {
  return file.startsWith('/');
}

function encodeUri(file: string): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return isAbsolute(file) ? `file://${encoded}` : encoded;
}

function needsAttention(status: Status): boolean {
  return status === 'fail' || status === 'error' || status === 'warn';
}

function levelFor(severity: Severity, status: Status): 'error' | 'warning' | 'note' {
  if (status === 'warn') return 'warning';
  if (severity === 'critical' || severity === 'high') return 'error';
  return severity === 'medium' ? 'warning' : 'note';
}
