import { Chalk, type ChalkInstance } from 'chalk';
import { safeLine } from '../core/safe-text.js';
import type { Status } from '../core/types.js';
import type { Report, ReportResult } from '../report/schema.js';
import { formatDuration, groupBySection } from './grouping.js';
import { STATUS_LABEL, STATUS_SYMBOL } from './symbols.js';
import type { Reporter } from './types.js';

const DETAIL_STATUSES: readonly Status[] = ['fail', 'error', 'warn'];

/**
 * The terminal summary: grouped by checklist section, problems first, then the gate and go-live verdicts. Every
 * field from the report passes through `safeLine` before it is coloured: a newline or an escape sequence in a
 * message, a waiver reason or an attestation cannot forge a line ("✔ PASS …") or recolour one.
 */
export const textReporter: Reporter = {
  format: 'text',
  render(report, options) {
    const c = new Chalk({ level: options.colorLevel });
    const out: string[] = [];
    out.push(c.bold(`readiness · environment ${safeLine(report.environment)} · ${report.summary.total} lines in ${formatDuration(report.durationMs)}`));
    for (const { title, results } of groupBySection(report)) {
      out.push('', c.bold.underline(title));
      const ordered = [...results].sort((a, b) => rank(a.status) - rank(b.status));
      const manual = ordered.filter((r) => r.status === 'manual');
      for (const result of ordered) {
        if (result.status === 'manual' && !options.showManual) continue;
        out.push(...renderResult(result, c));
      }
      if (manual.length > 0 && !options.showManual) {
        out.push(c.dim(`  ${STATUS_SYMBOL.manual} ${manual.length} line${manual.length > 1 ? 's' : ''} awaiting a person's attestation (--show-manual lists them)`));
      }
    }
    out.push('', summaryLine(report, c));
    out.push(gateLine(report, c));
    for (const reason of report.gate.reasons.slice(0, 20)) out.push(c.red(`    - ${safeLine(reason)}`));
    if (report.gate.reasons.length > 20) out.push(c.red(`    … and ${report.gate.reasons.length - 20} more`));
    out.push(
      report.goLive.approved
        ? c.green.bold('Production Go-Live Approved: YES')
        : `${c.bold('Production Go-Live Approved: NO')} ${c.dim(`(${report.goLive.blockers.map(safeLine).join('; ')})`)}`,
    );
    return `${out.join('\n')}\n`;
  },
};

function renderResult(result: ReportResult, c: ChalkInstance): string[] {
  const colour = statusColour(result.status, c);
  const waived = result.override?.kind === 'waiver' ? c.yellow(' [waived]') : '';
  const attested = result.override?.kind === 'attestation' ? c.cyan(' [attested]') : '';
  const head = `  ${colour(`${STATUS_SYMBOL[result.status]} ${STATUS_LABEL[result.status].padEnd(6)}`)} ${safeLine(result.item)}${waived}${attested} ${c.dim(`(${safeLine(result.id)})`)}`;
  const lines = [head];
  const showDetail = DETAIL_STATUSES.includes(result.status) || result.status === 'skip' || result.status === 'manual' || result.override;
  if (showDetail || result.status === 'pass') lines.push(c.dim(`           ${safeLine(result.message)}`));
  if (result.override?.kind === 'waiver') {
    const { by, expires, reason } = result.override;
    lines.push(c.yellow(`           waived by ${safeLine(by)} until ${safeLine(expires)}: ${safeLine(reason)}`));
  }
  if (DETAIL_STATUSES.includes(result.status) && result.remediation) {
    for (const [index, line] of result.remediation.split('\n').entries()) {
      lines.push(`           ${index === 0 ? c.bold('fix:') : '    '} ${safeLine(line)}`);
    }
  }
  return lines;
}

function summaryLine(report: Report, c: ChalkInstance): string {
  const s = report.summary;
  const parts: [Status, number][] = [
    ['pass', s.pass],
    ['fail', s.fail],
    ['warn', s.warn],
    ['manual', s.manual],
    ['skip', s.skip],
    ['error', s.error],
  ];
  const extra = [s.attested ? `${s.attested} attested` : '', s.waived ? `${s.waived} waived` : ''].filter(Boolean).join(', ');
  return `${c.bold('Summary:')} ${parts.map(([status, n]) => statusColour(status, c)(`${n} ${status}`)).join(' · ')}${extra ? c.dim(` (${extra})`) : ''}`;
}

function gateLine(report: Report, c: ChalkInstance): string {
  const g = report.gate;
  const mode = [`fail on ${g.failOn}`, g.strict ? 'strict' : '', g.requireAttestations ? 'attestations required' : ''].filter(Boolean).join(', ');
  return g.passed
    ? c.green.bold(`Gate (${mode}): PASSED`)
    : c.red.bold(`Gate (${mode}): FAILED — ${g.reasons.length} reason${g.reasons.length > 1 ? 's' : ''}`);
}

function statusColour(status: Status, c: ChalkInstance): ChalkInstance {
  switch (status) {
    case 'pass':
      return c.green;
    case 'fail':
      return c.red;
    case 'error':
      return c.magenta;
    case 'warn':
      return c.yellow;
    case 'manual':
      return c.cyan;
    case 'skip':
      return c.gray;
  }
}

const ORDER: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'skip', 'manual'];
function rank(status: Status): number {
  return ORDER.indexOf(status);
}
