import { STATUSES, type Status } from '../core/types.js';
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

/** Count columns and filters, in the order a reader triages: what needs attention first. */
const ORDER: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'manual', 'skip'];

/** Evidence past this is cut in the page (report.json keeps it whole): one line's evidence must not bury the rest. */
const MAX_EVIDENCE = 8000;

/**
 * One self-contained page a tech lead can open, archive or attach to the go-live ticket: the go-live banner, a table
 * of contents with counts per section, a status filter, and per line its verdict, evidence and fix; manual lines are
 * collapsed until asked for. No script and no external asset: the filter is CSS over radio buttons, and a
 * Content-Security-Policy of `default-src 'none'` forbids the page any fetch even if a reader's browser would try.
 */
export const htmlReporter: Reporter = {
  format: 'html',
  fileName: 'report.html',
  render(report, options) {
    const groups = groupBySection(report);
    const approved = report.goLive.approved;
    const filters = [
      ['all', 'All'],
      ['attention', 'Needs attention'],
      ...ORDER.map((s) => [s, `${s} (${report.summary[s]})`]),
    ] as const;
    const sections = groups
      .map((g) => {
        const manual = g.results.filter((r) => r.status === 'manual').length;
        const note = manual > 0 ? `<tr class="manual-note"><td colspan="3"><label for="show-manual">${manual} manual line${manual === 1 ? '' : 's'} awaiting a person's attestation — show</label></td></tr>` : '';
        return `<section id="section-${h(g.id)}" class="${sectionClasses(g.results)}"><h2>${h(g.title)} <small>${h(counts(g.results))}</small></h2>
<table><colgroup><col class="c-status"><col class="c-line"><col class="c-result"></colgroup><thead><tr><th>Status</th><th>Checklist line</th><th>Result, evidence and fix</th></tr></thead><tbody>${g.results
          .map(row)
          .join('')}${note}</tbody></table></section>`;
      })
      .join('\n');
    const toc = groups
      .map(
        (g) =>
          `<tr><td><a href="#section-${h(g.id)}">${h(g.title)}</a></td>${ORDER.map((s) => {
            const n = g.results.filter((r) => r.status === s).length;
            return `<td class="num">${n === 0 ? '<span class="zero">·</span>' : `<span class="count" style="color:${COLOURS[s]}">${n}</span>`}</td>`;
          }).join('')}</tr>`,
      )
      .join('');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Production readiness: ${h(report.environment)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:1180px;padding:1.5rem 1rem;color:#1f2328}
h1{margin:0 0 .2rem}h2{margin:1.6rem 0 .4rem;font-size:18px}h2 small{font-weight:400;color:#59636e;font-size:13px;margin-left:.5rem}
a{color:#0969da}.meta{color:#59636e;margin:0 0 1rem}
.banner{border-radius:8px;padding:1rem 1.25rem;margin:0 0 1rem;color:#fff}.banner.yes{background:#1a7f37}.banner.no{background:#cf222e}
.banner .verdict{font-size:24px;font-weight:700;margin:0}.banner ul{margin:.4rem 0 0;padding-left:1.2rem}.banner p{margin:.3rem 0 0}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border-bottom:1px solid #d0d7de;padding:.45rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f6f8fa;font-weight:600}col.c-status{width:7.5rem}col.c-line{width:34%}
.toc{width:auto;min-width:60%;table-layout:auto;margin:.5rem 0 1rem}.toc td,.toc th{padding:.25rem .6rem}.num{text-align:right;font-variant-numeric:tabular-nums}.zero{color:#afb8c1}.count{font-weight:700}
.badge{display:inline-block;min-width:5.2em;text-align:center;border-radius:1em;padding:.05em .6em;color:#fff;font-weight:600;font-size:12px;text-transform:uppercase}
.id{color:#59636e;font-family:ui-monospace,SFMono-Regular,monospace;font-size:12px}.fix{margin-top:.35rem;padding:.35rem .5rem;background:#fff8c5;border-radius:4px;white-space:pre-wrap}
.override{margin-top:.3rem;color:#59636e}details.evidence{margin-top:.35rem}details.evidence summary{cursor:pointer;color:#59636e}
pre{margin:.3rem 0 0;padding:.5rem;background:#f6f8fa;border-radius:4px;font-size:12px;white-space:pre-wrap;max-height:24rem;overflow:auto}
.filters{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #d0d7de;z-index:1}
.filters label{display:inline-block;border:1px solid #d0d7de;border-radius:1em;padding:.1em .8em;margin:.15rem .2rem .15rem 0;cursor:pointer;user-select:none}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.manual-note label{color:#0969da;cursor:pointer;text-decoration:underline}
tr.s-manual{display:none}
#show-manual:checked~main tr.s-manual,#f-manual:checked~main tr.s-manual{display:table-row}
#show-manual:checked~main tr.manual-note,#f-manual:checked~main tr.manual-note{display:none}
${filterCss()}
</style></head><body>
${filters.map(([id], i) => `<input type="radio" name="status-filter" id="f-${id}" class="visually-hidden"${i === 0 ? ' checked' : ''}>`).join('')}<input type="checkbox" id="show-manual" class="visually-hidden"${options.showManual ? ' checked' : ''}>
<main>
<h1>Production readiness: ${h(report.environment)}</h1>
<p class="meta">Checked by ${h(report.tool.name)} ${h(report.tool.version)} at ${h(report.startedAt)} in ${h(formatDuration(report.durationMs))}${
      report.selection.complete ? '' : ' — <strong>partial run</strong>'
    }</p>
<div class="banner ${approved ? 'yes' : 'no'}"><p class="verdict">Production Go-Live Approved: ${approved ? 'YES' : 'NO'}</p>${list(report.goLive.blockers)}
<p><strong>Gate</strong> (fail on ${h(report.gate.failOn)}${report.gate.strict ? ', strict' : ''}${report.gate.requireAttestations ? ', attestations required' : ''}): ${
      report.gate.passed ? 'PASSED' : `FAILED — ${report.gate.reasons.length} reason${report.gate.reasons.length === 1 ? '' : 's'}`
    }</p>
<p><strong>Summary:</strong> ${h(summaryParts(report).join(' · '))}${report.summary.attested ? ` (${report.summary.attested} attested)` : ''}${report.summary.waived ? ` (${report.summary.waived} waived)` : ''}</p></div>
<nav aria-label="Sections"><table class="toc"><thead><tr><th>Section</th>${ORDER.map((s) => `<th class="num">${s}</th>`).join('')}</tr></thead><tbody>${toc}</tbody></table></nav>
<div class="filters" role="group" aria-label="Filter by status">Show: ${filters.map(([id, label]) => `<label for="f-${id}">${h(label)}</label>`).join('')}<label for="show-manual">manual lines</label></div>
${sections}
</main>
</body></html>
`;
  },
};

/** Per filter: hide the rows of other statuses and the sections left without a row to show. */
function filterCss(): string {
  const rules: string[] = [];
  const hide = (filter: string, keep: readonly Status[]) => {
    const rows = keep.map((s) => `:not(.s-${s})`).join('');
    rules.push(`#f-${filter}:checked~main tr.line${rows}{display:none}`);
    rules.push(`#f-${filter}:checked~main section${keep.map((s) => `:not(.has-${s})`).join('')}{display:none}`);
    rules.push(`#f-${filter}:checked~main tr.manual-note{display:none}`);
    rules.push(`#f-${filter}:checked~main .filters label[for="f-${filter}"]{background:#0969da;color:#fff;border-color:#0969da}`);
  };
  hide('attention', ['fail', 'error', 'warn']);
  for (const s of STATUSES) hide(s, [s]);
  rules.push('#f-all:checked~main .filters label[for="f-all"],#show-manual:checked~main .filters label[for="show-manual"]{background:#0969da;color:#fff;border-color:#0969da}');
  return rules.join('\n');
}

function sectionClasses(results: readonly ReportResult[]): string {
  return [...new Set(results.map((r) => `has-${r.status}`))].join(' ');
}

function counts(results: readonly ReportResult[]): string {
  return ORDER.flatMap((s) => {
    const n = results.filter((r) => r.status === s).length;
    return n > 0 ? [`${n} ${s}`] : [];
  }).join(' · ');
}

function row(r: ReportResult): string {
  const override =
    r.override?.kind === 'waiver'
      ? `<div class="override">Waived by ${h(r.override.by)} until ${h(r.override.expires)}: ${h(r.override.reason)}</div>`
      : r.override?.kind === 'attestation'
        ? `<div class="override">Attested by ${h(r.override.by)} (valid until ${h(r.override.expires)}): ${h(r.override.reason)}</div>`
        : '';
  const fix = r.remediation && r.status !== 'pass' && r.status !== 'skip' ? `<div class="fix"><strong>Fix:</strong> ${h(r.remediation)}</div>` : '';
  const location = r.location ? ` · ${h(r.location.file)}:${r.location.line}` : '';
  return `<tr class="line s-${r.status}" id="line-${h(r.id)}"><td><span class="badge" style="background:${COLOURS[r.status]}">${h(r.status)}</span></td><td>${h(r.item)}<div class="id">${h(r.id)} · ${h(
    r.severity,
  )} · ${h(r.automation)}${location}</div></td><td>${h(r.message)}${override}${fix}${evidence(r)}</td></tr>`;
}

function evidence(r: ReportResult): string {
  if (Object.keys(r.evidence).length === 0) return '';
  const text = JSON.stringify(r.evidence, null, 2);
  const shown = text.length > MAX_EVIDENCE ? `${text.slice(0, MAX_EVIDENCE)}\n… (${text.length - MAX_EVIDENCE} more characters in report.json)` : text;
  return `<details class="evidence"><summary>Evidence</summary><pre>${h(shown)}</pre></details>`;
}

function list(items: readonly string[]): string {
  return items.length > 0 ? `<ul>${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>` : '';
}
