import { STATUS_PRECEDENCE } from '../core/outcome.js';
import type { Status } from '../core/types.js';
import type { Report, ReportResult } from '../report/schema.js';
import { escapeMarkdownCell as cell } from './escape.js';
import { formatDuration, groupBySection, summaryParts } from './grouping.js';
import type { Reporter } from './types.js';

/**
 * Messages and fixes longer than these are cut in a PR comment (GitHub's limit is 65,536 characters and a comment
 * is read, not searched); the JSON and HTML reports keep them whole. A fix is worth more room than a message.
 */
const MAX_MESSAGE = 170;
const MAX_FIX = 280;
const MAX_PASS = 80;
/** A report that renders within this many bytes with only runaways cut (past ROOMY_MAX) stays whole; else the tighter cuts apply. */
const ROOMY_BYTES = 19_000;
const ROOMY_MAX = 2_000;
/**
 * When many lines need attention even the tight cuts overflow the comment: the tightest apply — a fix still gets the
 * most room, and passing lines are named without their messages (the JSON and HTML reports keep them).
 */
const TIGHTEST: Limits = { message: 110, fix: 150, pass: 0 };

interface Limits {
  message: number;
  fix: number;
  pass: number;
}

/** Column order of the count table: what needs attention first. */
const COLUMNS: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'manual', 'skip'];

/**
 * A report sized for a pull-request comment or a step summary: the verdict, a count table per section, then the lines
 * that need attention (fail, error, warn — worst first) with their fixes; passing, skipped and manual lines are folded
 * in `<details>`. Everything but the catalog's own words goes through `cell`: what a target or a config says cannot
 * become a link, an image, HTML or a line of its own. Code spans are kept verbatim (no `&lt;` inside backticks).
 */
export const markdownReporter: Reporter = {
  format: 'markdown',
  fileName: 'report.md',
  render(report, options) {
    const showManual = options.showManual === true;
    const roomy = renderWith(report, showManual, { message: ROOMY_MAX, fix: ROOMY_MAX, pass: ROOMY_MAX });
    // --show-manual asks for every line with its guidance: the comment-size budget gives way to that.
    if (showManual || Buffer.byteLength(roomy) <= ROOMY_BYTES) return roomy;
    const tight = renderWith(report, showManual, { message: MAX_MESSAGE, fix: MAX_FIX, pass: MAX_PASS });
    if (Buffer.byteLength(tight) <= ROOMY_BYTES) return tight;
    return renderWith(report, showManual, TIGHTEST);
  },
};

function renderWith(report: Report, showManual: boolean, limits: Limits): string {
  const groups = groupBySection(report);
  const attention = report.results
    .filter((r) => r.status === 'fail' || r.status === 'error' || r.status === 'warn')
    .sort((a, b) => STATUS_PRECEDENCE.indexOf(a.status) - STATUS_PRECEDENCE.indexOf(b.status));
  const passed = report.results.filter((r) => r.status === 'pass');
  const out: string[] = [
    `# Production readiness: ${cell(report.environment)}`,
    '',
    `Checked by ${report.tool.name} ${report.tool.version} at ${report.startedAt} in ${formatDuration(report.durationMs)}` +
      (report.selection.complete ? '.' : ` — **partial run** (filters: ${cell(JSON.stringify(report.selection.filters))}).`),
    '',
    `**Production Go-Live Approved:** ${report.goLive.approved ? '☒ YES ☐ NO' : '☐ YES ☒ NO'}`,
    ...report.goLive.blockers.map((b) => `- ${cell(clip(b))}`),
    '',
    `**Gate** (fail on ${report.gate.failOn}${report.gate.strict ? ', strict' : ''}${report.gate.requireAttestations ? ', attestations required' : ''}): ${report.gate.passed ? 'PASSED' : 'FAILED'}`,
    ...gateReasons(report),
    '',
    `**Summary:** ${summaryParts(report).join(' · ')}${report.summary.attested ? ` (${report.summary.attested} attested)` : ''}${report.summary.waived ? ` (${report.summary.waived} waived)` : ''}`,
    '',
    `| Section | ${COLUMNS.join(' | ')} |`,
    `| --- | ${COLUMNS.map(() => '---:').join(' | ')} |`,
    ...groups.map((g) => `| ${cell(g.title)} | ${COLUMNS.map((s) => countCell(g.results, s)).join(' | ')} |`),
    '',
    `## Needs attention (${attention.length})`,
    '',
    ...(attention.length > 0 ? attention.flatMap((r) => attentionLine(r, limits)) : ['Nothing failed, errored or warned.']),
  ];
  out.push(
    ...folded('Passed', passed, (r) => `- [x] ${cell(r.item)} — pass (\`${r.id}\`)${limits.pass > 0 ? `: ${cell(clip(r.message, limits.pass))}` : ''}${attested(r)}`),
  );
  out.push(
    ...folded("Awaiting a person's attestation", report.results.filter((r) => r.status === 'manual'), (r) =>
      // The guidance for 80-odd manual lines would not fit a comment; --show-manual asks for it.
      showManual && r.remediation ? `- ${cell(r.item)} (\`${r.id}\`)\n  - Fix: ${cell(clip(r.remediation, limits.fix))}` : `- ${cell(r.item)} (\`${r.id}\`)`,
    ),
  );
  out.push(...skipped(report.results.filter((r) => r.status === 'skip')));
  return `${out.join('\n')}\n`;
}

/**
 * Gate reasons about a line are named by its id only: the line itself is listed under "Needs attention" or folded
 * below, and repeating its message would double the comment. Other reasons (an interrupted run, say) are shown whole.
 */
function gateReasons(report: Report): string[] {
  const ids = new Set(report.results.map((r) => r.id));
  const named: string[] = [];
  const other: string[] = [];
  for (const reason of report.gate.reasons) {
    const id = /^(\S+) /.exec(reason)?.[1];
    if (id && ids.has(id)) named.push(`\`${id}\``);
    else other.push(`- ${cell(clip(reason))}`);
  }
  return [...(named.length > 0 ? [`- ${named.length} line(s): ${[...new Set(named)].join(', ')}`] : []), ...other];
}

function attentionLine(r: ReportResult, limits: Limits): string[] {
  const waived = r.override?.kind === 'waiver' ? ` _(waived by ${cell(r.override.by)} until ${cell(r.override.expires)}: ${cell(clip(r.override.reason))})_` : '';
  const out = [`- [ ] ${cell(r.item)} — **${r.status.toUpperCase()}** (${r.severity}, \`${r.id}\`): ${cell(clip(r.message, limits.message))}${waived}`];
  if (r.remediation) out.push(`  - Fix: ${cell(clip(r.remediation, limits.fix))}`);
  return out;
}

function attested(r: ReportResult): string {
  return r.override?.kind === 'attestation' ? ` _(attested by ${cell(r.override.by)})_` : '';
}

/** A `<details>` block; the blank lines around the list are what makes GitHub render Markdown inside HTML. */
function folded(title: string, results: readonly ReportResult[], line: (r: ReportResult) => string): string[] {
  if (results.length === 0) return [];
  return ['', `<details><summary>${title} (${results.length})</summary>`, '', ...results.map(line), '', '</details>'];
}

/** Skipped lines share a handful of reasons ("not configured: repo"): each reason once, with the lines it covers. */
function skipped(results: readonly ReportResult[]): string[] {
  if (results.length === 0) return [];
  const byReason = new Map<string, ReportResult[]>();
  for (const r of results) byReason.set(r.message, [...(byReason.get(r.message) ?? []), r]);
  const lines = [...byReason].map(([reason, rs]) => `- ${cell(clip(reason))}: ${rs.map((r) => `${cell(r.item)} (\`${r.id}\`)`).join('; ')}`);
  return ['', `<details><summary>Skipped (${results.length})</summary>`, '', ...lines, '', '</details>'];
}

function countCell(results: readonly ReportResult[], status: Status): string {
  const n = results.filter((r) => r.status === status).length;
  return n === 0 ? '·' : (status === 'fail' || status === 'error') ? `**${n}**` : String(n);
}

function clip(text: string, max = MAX_MESSAGE): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
