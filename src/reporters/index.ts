import { UsageError } from '../config/errors.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export const REPORTERS: readonly Reporter[] = [textReporter, jsonReporter, junitReporter, sarifReporter, markdownReporter, htmlReporter];

export function reporterFor(format: string): Reporter {
  const reporter = REPORTERS.find((r) => r.format === format);
  if (!reporter) {
    throw new UsageError(`--format ${format}: unknown format; choose from ${REPORTERS.map((r) => r.format).join(', ')}`);
  }
  return reporter;
}
