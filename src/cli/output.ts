import { redactText } from '../core/redact.js';

/** Every byte the CLI prints goes through here, so a registered secret can never reach a terminal or CI log. */
export function out(text: string): void {
  process.stdout.write(redactText(text));
}

export function err(text: string): void {
  process.stderr.write(redactText(text));
}

export function colorLevelFor(stream: NodeJS.WriteStream, colorFlag: boolean | undefined): 0 | 1 | 2 | 3 {
  if (colorFlag === false || process.env.NO_COLOR) return 0;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return 1;
  if (!stream.isTTY) return 0;
  const depth = stream.getColorDepth?.() ?? 1;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : 1;
}
