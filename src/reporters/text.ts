import { Chalk, type ChalkInstance } from 'chalk';
import { safeLine } from '../core/safe-text.js';
import type { Status } from '../core/types.js';
import type { Report, ReportResult } from '../report/schema.js';
import { formatDuration, groupBySection } from './grouping.js';
import { ATTENTION_ORDER, STATUS_LABEL, STATUS_SYMBOL, statusColour } from './symbols.js';
import type { Reporter } from './types.js';

const DETAIL_STATUSES: readonly Status[] = ['fail', 'error', 'warn'];
/** Where a result's message, fix and waiver start: under its checklist line, past the status and severity columns. */
const INDENT = ' '.repeat(20);
const SEVERITY_WIDTH = 8;
/** Narrower than this, wrapping would leave a word per line; the text is left to the terminal. */
const MIN_WRAP_WIDTH = 40;

/**
 * The terminal summary: grouped by checklist section, problems first, each line with its status symbol, its own
 * colour and its severity, then the gate (reasons named by id: their messages are shown above) and go-live verdicts.
 * Wrapped to `width` when given. Every field from the report passes through `safeLine` before it is coloured: a
 * newline or an escape sequence in a message, a waiver reason or an attestation cannot forge a line ("✔ PASS …")
 * or recolour one.
 */
export const textReporter: Reporter = {
  format: 'text',
  render(report, options) {
    const c = new Chalk({ level: options.colorLevel });
    const width = options.width !== undefined && options.width >= MIN_WRAP_WIDTH ? options.width - 1 : undefined;
    const wrap = (text: string, indent: string, colour?: ChalkInstance) => wrapLine(text, indent, width).map((l) => (colour ? colour(l) : l));
    const out: string[] = [];
    out.push(...wrap(`readiness · environment ${safeLine(report.environment)} · ${report.summary.total} lines in ${formatDuration(report.durationMs)}`, '', c.bold));
    const shown = new Set<string>();
    for (const { title, results } of groupBySection(report)) {
      const ordered = [...results].sort((a, b) => ATTENTION_ORDER.indexOf(a.status) - ATTENTION_ORDER.indexOf(b.status));
      const visible = ordered.filter((r) => (options.quiet ? needsAttention(r) : r.status !== 'manual' || options.showManual));
      const manual = ordered.filter((r) => r.status === 'manual');
      const countManual = manual.length > 0 && !options.showManual && !options.quiet;
      if (visible.length === 0 && !countManual) continue;
      out.push('', c.bold.underline(title));
      for (const result of visible) {
        out.push(...renderResult(result, c, width));
        if (DETAIL_STATUSES.includes(result.status)) shown.add(result.id);
      }
      if (countManual) {
        out.push(...wrap(`  ${STATUS_SYMBOL.manual} ${manual.length} line${manual.length > 1 ? 's' : ''} awaiting a person's attestation (--show-manual lists them)`, '    ', c.dim));
      }
    }
    out.push('', ...wrap(summaryLine(report, c), '  '));
    out.push(...wrap(gateLine(report, c), '  '));
    out.push(...gateReasons(report, shown, c, width));
    const goLive = report.goLive.approved
      ? c.green.bold('Production Go-Live Approved: YES')
      : `${c.bold('Production Go-Live Approved: NO')} ${c.dim(`(${report.goLive.blockers.map(safeLine).join('; ')})`)}`;
    out.push(...wrap(goLive, '  '));
    return `${out.join('\n')}\n`;
  },
};

function needsAttention(result: ReportResult): boolean {
  return DETAIL_STATUSES.includes(result.status) && result.override?.kind !== 'waiver';
}

function renderResult(result: ReportResult, c: ChalkInstance, width: number | undefined): string[] {
  const colour = statusColour(result.status, c);
  const tags = [result.override?.kind === 'waiver' ? c.yellow('[waived]') : '', result.override?.kind === 'attestation' ? c.cyan('[attested]') : '']
    .filter(Boolean)
    .join(' ');
  const head = `  ${colour(`${STATUS_SYMBOL[result.status]} ${STATUS_LABEL[result.status].padEnd(6)}`)} ${c.dim(result.severity.padEnd(SEVERITY_WIDTH))} ${safeLine(result.item)}${tags ? ` ${tags}` : ''} ${c.dim(`(${safeLine(result.id)})`)}`;
  const lines = wrapLine(head, INDENT, width);
  const showDetail = DETAIL_STATUSES.includes(result.status) || result.status === 'skip' || result.status === 'manual' || result.override || result.status === 'pass';
  if (showDetail) lines.push(...wrapLine(`${INDENT}${safeLine(result.message)}`, INDENT, width).map((l) => c.dim(l)));
  if (result.override?.kind === 'waiver') {
    const { by, expires, reason } = result.override;
    lines.push(...wrapLine(`${INDENT}waived by ${safeLine(by)} until ${safeLine(expires)}: ${safeLine(reason)}`, INDENT, width).map((l) => c.yellow(l)));
  }
  if (DETAIL_STATUSES.includes(result.status) && result.remediation) {
    for (const [index, line] of result.remediation.split('\n').entries()) {
      lines.push(...wrapLine(`${INDENT}${index === 0 ? c.bold('fix:') : '    '} ${safeLine(line)}`, `${INDENT}     `, width));
    }
  }
  return lines;
}

/** The gate's reasons: a line already shown above is named by id, status and severity; any other reason in full. */
function gateReasons(report: Report, shown: ReadonlySet<string>, c: ChalkInstance, width: number | undefined): string[] {
  const named: string[] = [];
  const others: string[] = [];
  for (const reason of report.gate.reasons) {
    const match = /^(\S+) \[(\w+)\] (\w+): /.exec(reason);
    if (match && shown.has(match[1]!)) named.push(`${match[1]} (${match[3]}, ${match[2]})`);
    else others.push(reason);
  }
  const lines: string[] = [];
  for (const name of named) lines.push(c.red(`    - ${safeLine(name)}`));
  for (const reason of others.slice(0, 20)) lines.push(...wrapLine(`    - ${safeLine(reason)}`, '      ', width).map((l) => c.red(l)));
  if (others.length > 20) lines.push(c.red(`    … and ${others.length - 20} more`));
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
  return `${c.bold('Summary:')} ${parts.map(([status, n]) => statusColour(status, c)(`${STATUS_SYMBOL[status]} ${n} ${status}`)).join(' · ')}${extra ? c.dim(` (${extra})`) : ''}`;
}

function gateLine(report: Report, c: ChalkInstance): string {
  const g = report.gate;
  const mode = [`fail on ${g.failOn}`, g.strict ? 'strict' : '', g.requireAttestations ? 'attestations required' : ''].filter(Boolean).join(', ');
  return g.passed
    ? c.green.bold(`Gate (${mode}): PASSED`)
    : c.red.bold(`Gate (${mode}): FAILED — ${g.reasons.length} reason${g.reasons.length > 1 ? 's' : ''}`);
}

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

/**
 * Wraps one line at spaces to `width` visible characters, continuation lines starting with `indent`. Colour codes
 * take no room; a word longer than the room is cut. Text reaching here is already one safe line.
 */
export function wrapLine(line: string, indent: string, width: number | undefined): string[] {
  if (width === undefined || visibleLength(line) <= width) return [line];
  const words = line.split(/(?<= )/);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && current.trim() !== '' && visibleLength(current + word.trimEnd()) > width) {
      lines.push(current.trimEnd());
      current = indent;
    }
    current += word;
    while (visibleLength(current.trimEnd()) > width && [...current.replace(SGR, '')].length > indent.length + 1) {
      const cut = cutVisible(current, width);
      lines.push(cut.head);
      current = indent + cut.rest;
    }
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  return lines;
}

function visibleLength(text: string): number {
  return [...text.replace(SGR, '')].length;
}

/** Splits after `width` visible characters, keeping colour codes with the characters they precede. */
function cutVisible(text: string, width: number): { head: string; rest: string } {
  let count = 0;
  let index = 0;
  while (index < text.length && count < width) {
    const code = /^\x1b\[[0-9;]*m/.exec(text.slice(index));
    if (code) {
      index += code[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index)!);
    index += char.length;
    count++;
  }
  return { head: text.slice(0, index), rest: text.slice(index) };
}
