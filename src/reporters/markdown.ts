import type { ReportResult } from '../report/schema.js';
import { escapeMarkdownCell as cell } from './escape.js';
import { formatDuration, groupBySection, summaryParts } from './grouping.js';
import type { Reporter } from './types.js';

/**
 * The checklist, ticked by the machine: the same sections and lines the team keeps in Markdown, each with its
 * verdict, evidence summary and fix, ending in the sign-off block and the go-live verdict. Everything but the
 * checklist's own lines goes through `cell`: what a target or a config says cannot become a link, an image or a line.
 */
export const markdownReporter: Reporter = {
  format: 'markdown',
  fileName: 'report.md',
  render(report) {
    const out: string[] = [
      `# Production readiness: ${cell(report.environment)}`,
      '',
      `Checked by ${report.tool.name} ${report.tool.version} at ${report.startedAt} in ${formatDuration(report.durationMs)}` +
        (report.selection.complete ? '.' : ` — **partial run** (filters: ${cell(JSON.stringify(report.selection.filters))}).`),
      '',
      `**Production Go-Live Approved:** ${report.goLive.approved ? '☒ YES ☐ NO' : '☐ YES ☒ NO'}`,
      ...report.goLive.blockers.map((b) => `- ${cell(b)}`),
      '',
      `**Gate** (fail on ${report.gate.failOn}${report.gate.strict ? ', strict' : ''}${report.gate.requireAttestations ? ', attestations required' : ''}): ${report.gate.passed ? 'PASSED' : 'FAILED'}`,
      ...report.gate.reasons.map((r) => `- ${cell(r)}`),
      '',
      `**Summary:** ${summaryParts(report).join(' · ')}${report.summary.attested ? ` (${report.summary.attested} attested)` : ''}${report.summary.waived ? ` (${report.summary.waived} waived)` : ''}`,
    ];
    for (const group of groupBySection(report)) {
      out.push('', `## ${group.title}`, '');
      for (const r of group.results) out.push(...line(r));
    }
    return `${out.join('\n')}\n`;
  },
};

function line(r: ReportResult): string[] {
  const tick = r.status === 'pass' ? 'x' : ' ';
  const label = r.status === 'pass' || r.status === 'skip' || r.status === 'manual' ? r.status : `**${r.status.toUpperCase()}**`;
  const waived = r.override?.kind === 'waiver' ? ` _(waived by ${cell(r.override.by)} until ${cell(r.override.expires)}: ${cell(r.override.reason)})_` : '';
  const out = [`- [${tick}] ${r.item} — ${label} (${r.severity}, \`${r.id}\`): ${cell(r.message)}${waived}`];
  if (r.remediation && r.status !== 'pass' && r.status !== 'skip') out.push(`  - Fix: ${cell(r.remediation)}`);
  return out;
}
