import { UsageError } from '../config/errors.js';
import { jsonReporter } from './json.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export const REPORTERS: readonly Reporter[] = [textReporter, jsonReporter];

export function reporterFor(format: string): Reporter {
  const reporter = REPORTERS.find((r) => r.format === format);
  if (!reporter) {
    throw new UsageError(`--format ${format}: unknown format; choose from ${REPORTERS.map((r) => r.format).join(', ')}`);
  }
  return reporter;
}
