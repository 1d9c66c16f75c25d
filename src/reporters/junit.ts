import { groupBySection } from './grouping.js';
import type { ReportResult } from '../report/schema.js';
import { escapeXml as x } from './escape.js';
import type { Reporter } from './types.js';

/**
 * JUnit XML for CI dashboards: a suite per checklist section, a case per line. fail → <failure>, error → <error>,
 * warn → <failure type="warn"> (JUnit has no warning; a caveat kept in system-out is one nobody opens), manual, skip
 * and waived lines → <skipped> with the reason, so nothing unverified reads as a green test. Attributes are those the
 * Jenkins/Ant schema allows (test/fixtures/junit-10.xsd): `<testsuites>` takes no `skipped` or `timestamp`.
 */
export const junitReporter: Reporter = {
  format: 'junit',
  fileName: 'report.junit.xml',
  render(report) {
    const suites = groupBySection(report);
    const count = (results: readonly ReportResult[], kind: Kind) => results.filter((r) => kindOf(r) === kind).length;
    const seconds = (ms: number) => (ms / 1000).toFixed(3);
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="readiness ${x(report.environment)}" tests="${report.results.length}" failures="${count(report.results, 'failure')}" errors="${count(report.results, 'error')}" time="${seconds(report.durationMs)}">`,
    ];
    for (const { title, results } of suites) {
      const time = results.reduce((sum, r) => sum + r.durationMs, 0);
      lines.push(
        `  <testsuite name="${x(title)}" tests="${results.length}" failures="${count(results, 'failure')}" errors="${count(results, 'error')}" skipped="${count(results, 'skipped')}" time="${seconds(time)}" timestamp="${x(report.startedAt.slice(0, 19))}">`,
      );
      for (const r of results) {
        const open = `    <testcase classname="readiness.${x(r.section)}" name="${x(`${r.item} [${r.id}]`)}" time="${seconds(r.durationMs)}"`;
        const kind = kindOf(r);
        if (kind === 'passed') {
          lines.push(`${open}/>`);
          continue;
        }
        const detail = [r.message, r.remediation ? `Fix: ${r.remediation}` : '', `Severity: ${r.severity}`].filter(Boolean).join('\n');
        const reason = r.override?.kind === 'waiver' ? `waived by ${r.override.by} until ${r.override.expires}: ${r.message}` : `${r.status}: ${r.message}`;
        lines.push(`${open}>`);
        if (kind === 'skipped') lines.push(`      <skipped message="${x(reason)}"/>`);
        else lines.push(`      <${kind} message="${x(reason)}" type="${x(r.status)}">${x(detail)}</${kind}>`);
        lines.push('    </testcase>');
      }
      lines.push('  </testsuite>');
    }
    lines.push('</testsuites>');
    return `${lines.join('\n')}\n`;
  },
};

type Kind = 'passed' | 'failure' | 'error' | 'skipped';

function kindOf(r: ReportResult): Kind {
  if (r.override?.kind === 'waiver') return 'skipped';
  switch (r.status) {
    case 'pass':
      return 'passed';
    case 'fail':
    case 'warn':
      return 'failure';
    case 'error':
      return 'error';
    case 'manual':
    case 'skip':
      return 'skipped';
  }
}
