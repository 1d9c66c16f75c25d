import { redactText } from '../core/redact.js';
import { safeLines } from '../core/safe-text.js';
import { write } from './streams.js';

/**
 * Every message the CLI prints goes through here, so a registered secret can never reach a terminal or CI log; and
 * since messages quote config keys, file names and command output, no control character in them is obeyed.
 */
export function out(text: string): void {
  write(process.stdout, inert(safeLines(redactText(text))));
}

export function err(text: string): void {
  write(process.stderr, inert(safeLines(redactText(text))));
}

/**
 * The GitHub Actions runner obeys any line of the log that starts, after spaces, with `::` (`::add-mask::`,
 * `::stop-commands::`, a forged `::error`). Under Actions no line we print from a report or a message is one; the
 * tool's own annotations are written apart (github.ts).
 */
export function inert(text: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_ACTIONS === 'true' ? text.replace(/^([ \t]*):(?=:)/gm, '$1: ') : text;
}

/**
 * A rendered report. Its model was redacted field by field (data only, see report/build.ts) and its reporter
 * neutralises what it prints; redacting the rendered text again would mask the catalog's own words too.
 */
export function outReport(text: string): void {
  write(process.stdout, inert(text));
}

/** A terminal that can move its cursor: not a pipe, not CI's log, not TERM=dumb (Emacs shell, some IDE consoles). */
export function canRedraw(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.CI && process.env.TERM !== 'dumb';
}

/** The width to wrap a report to on a terminal: its own size, or COLUMNS when it reports none; none off a terminal. */
export function terminalWidth(stream: NodeJS.WriteStream): number | undefined {
  if (!stream.isTTY) return undefined;
  const columns = stream.columns || Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

export function colorLevelFor(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): 0 | 1 | 2 | 3 {
  if (colorFlag === false || process.env.NO_COLOR || process.env.TERM === 'dumb') return 0;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return 1;
  if (!stream.isTTY) return 0;
  const depth = stream.getColorDepth?.() ?? 1;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : 1;
}
