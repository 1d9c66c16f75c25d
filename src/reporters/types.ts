import type { Report } from '../report/schema.js';

export interface RenderOptions {
  /** Colour depth for terminal output: 0 = none. */
  colorLevel: 0 | 1 | 2 | 3;
  /** List every manual line with its guidance instead of a count per section. */
  showManual?: boolean;
  /** Terminal width to wrap lines to; unset: no wrapping (a file, a pipe). */
  width?: number;
  /** Only what needs attention: problems, the totals and the verdicts. */
  quiet?: boolean;
}

export interface Reporter {
  format: string;
  /** File name written under --out; absent for a format that only goes to standard output (text). */
  fileName?: string;
  render(report: Report, options: RenderOptions): string;
}
