import type { Severity, Status } from '../core/types.js';
import type { Report, ReportResult } from '../report/schema.js';
import type { Reporter } from './types.js';

/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps). Every line is a rule; every result is
 * reported with a SARIF `kind` (fail, review for manual, notApplicable for skip, pass) so nothing is silently
 * dropped. Waivers become external suppressions with their justification.
 */
export const sarifReporter: Reporter = {
  format: 'sarif',
  fileName: 'report.sarif',
  render(report) {
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: report.tool.name,
              version: report.tool.version,
              informationUri: 'https://github.com/readiness/readiness',
              rules: report.results.map((r) => ({
                id: r.id,
                name: r.id,
                shortDescription: { text: r.item },
                fullDescription: { text: `${r.verifies} How: ${r.how}` },
                help: { text: r.remediation || r.item },
                defaultConfiguration: { level: levelFor(r.severity, 'fail') },
                properties: { section: r.section, severity: r.severity, automation: r.automation, tags: ['readiness', r.section] },
              })),
            },
          },
          automationDetails: { id: `readiness/${report.environment}/` },
          invocations: [{ executionSuccessful: !report.interrupted, startTimeUtc: report.startedAt }],
          results: report.results.map((r, ruleIndex) => toResult(report, r, ruleIndex)),
          properties: { environment: report.environment, gate: report.gate, goLive: report.goLive },
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

function toResult(report: Report, r: ReportResult, ruleIndex: number) {
  return {
    ruleId: r.id,
    ruleIndex,
    kind: kindFor(r.status),
    level: kindFor(r.status) === 'fail' ? levelFor(r.severity, r.status) : 'none',
    message: { text: `${r.status}: ${r.message}${r.remediation && r.status !== 'pass' ? ` — fix: ${r.remediation}` : ''}` },
    // Findings are about the deployed environment, not a source line; the environment stands in as the location.
    locations: [{ logicalLocations: [{ name: report.environment, kind: 'module', fullyQualifiedName: `${report.environment}/${r.id}` }] }],
    properties: { status: r.status, severity: r.severity, evidence: r.evidence, durationMs: r.durationMs },
    ...(r.override?.kind === 'waiver'
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${r.override.reason} (owner ${r.override.by}, until ${r.override.expires})` }] }
      : {}),
  };
}

function kindFor(status: Status): 'fail' | 'pass' | 'review' | 'notApplicable' {
  switch (status) {
    case 'fail':
    case 'error':
    case 'warn':
      return 'fail';
    case 'manual':
      return 'review';
    case 'skip':
      return 'notApplicable';
    case 'pass':
      return 'pass';
  }
}

function levelFor(severity: Severity, status: Status): 'error' | 'warning' | 'note' {
  if (status === 'warn') return 'warning';
  if (severity === 'critical' || severity === 'high') return 'error';
  return severity === 'medium' ? 'warning' : 'note';
}
