import type { Status } from '../core/types.js';
import type { ReportResult } from '../report/schema.js';
import { escapeXml as h } from './escape.js';
import { formatDuration, groupBySection, summaryParts } from './grouping.js';
import type { Reporter } from './types.js';

const COLOURS: Record<Status, string> = {
  pass: '#1a7f37',
  fail: '#cf222e',
  error: '#8250df',
  warn: '#9a6700',
  manual: '#0969da',
  skip: '#6e7781',
};

/** A self-contained page (no scripts, no external assets) a tech lead can open, archive or attach to the go-live ticket. */
export const htmlReporter: Reporter = {
  format: 'html',
  fileName: 'report.html',
  render(report) {
    const sections = groupBySection(report)
      .map(
        (g) =>
          `<section><h2>${h(g.title)}</h2><table><thead><tr><th>Status</th><th>Checklist line</th><th>Result</th></tr></thead><tbody>${g.results
            .map(row)
            .join('')}</tbody></table></section>`,
      )
      .join('\n');
    const verdict = report.goLive.approved ? 'YES' : 'NO';
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Production readiness: ${h(report.environment)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1f2328}
h1{margin-bottom:.2rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border-bottom:1px solid #d0d7de;padding:.4rem .5rem;text-align:left;vertical-align:top}
.badge{display:inline-block;min-width:4.5em;text-align:center;border-radius:1em;padding:0 .6em;color:#fff;font-weight:600;font-size:12px}
.meta{color:#59636e}.fix{margin-top:.3rem}.id{color:#59636e;font-family:ui-monospace,monospace;font-size:12px}
.verdict{font-size:18px;font-weight:700;padding:.6rem 1rem;border-radius:6px;border:2px solid}
.yes{border-color:#1a7f37;color:#1a7f37}.no{border-color:#cf222e;color:#cf222e}
</style></head><body>
<h1>Production readiness: ${h(report.environment)}</h1>
<p class="meta">Checked by ${h(report.tool.name)} ${h(report.tool.version)} at ${h(report.startedAt)} in ${h(formatDuration(report.durationMs))}${
      report.selection.complete ? '' : ' — <strong>partial run</strong>'
    }</p>
<p class="verdict ${verdict.toLowerCase()}">Production Go-Live Approved: ${verdict}</p>
${list(report.goLive.blockers)}
<p><strong>Gate</strong> (fail on ${h(report.gate.failOn)}): ${report.gate.passed ? 'PASSED' : 'FAILED'}</p>
${list(report.gate.reasons)}
<p><strong>Summary:</strong> ${h(summaryParts(report).join(' · '))}</p>
${sections}
</body></html>
`;
  },
};

function row(r: ReportResult): string {
  const waived = r.override?.kind === 'waiver' ? `<div>Waived by ${h(r.override.by)} until ${h(r.override.expires)}: ${h(r.override.reason)}</div>` : '';
  const fix = r.remediation && r.status !== 'pass' && r.status !== 'skip' ? `<div class="fix"><strong>Fix:</strong> ${h(r.remediation)}</div>` : '';
  return `<tr><td><span class="badge" style="background:${COLOURS[r.status]}">${h(r.status)}</span></td><td>${h(r.item)}<div class="id">${h(r.id)} · ${h(
    r.severity,
  )} · ${h(r.automation)}</div></td><td>${h(r.message)}${waived}${fix}</td></tr>`;
}

function list(items: readonly string[]): string {
  return items.length > 0 ? `<ul>${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>` : '';
}
