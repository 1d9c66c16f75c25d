import { redactText } from '../core/redact.js';
import { safeLines } from '../core/safe-text.js';
import { write } from './streams.js';

/**
 * Every message the CLI prints goes through here, so a registered secret can never reach a terminal or CI log; and
 * since messages quote config keys, file names and command output, no control character in them is obeyed.
 */
export function out(text: string): void {
  write(process.stdout, safeLines(redactText(text)));
}

export function err(text: string): void {
  write(process.stderr, safeLines(redactText(text)));
}

/**
 * A rendered report. Its model was redacted field by field (data only, see report/build.ts) and its reporter
 * neutralises what it prints; redacting the rendered text again would mask the catalog's own words too.
 */
export function outReport(text: string): void {
  write(process.stdout, text);
}

export function colorLevelFor(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): 0 | 1 | 2 | 3 {
  if (colorFlag === false || process.env.NO_COLOR) return 0;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return 1;
  if (!stream.isTTY) return 0;
  const depth = stream.getColorDepth?.() ?? 1;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : 1;
}
