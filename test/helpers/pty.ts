import { runCliMeasured as measure, type MeasuredRun, type MeasureOptions } from '../../scripts/measure-cli.js';
import { BIN } from './cli.js';

export type { MeasuredRun };

/**
 * Runs the built CLI through `sh`, with `shellTail` appended to the command line (e.g. `> report.json`), and counts the
 * CPU it used; under a pseudo-terminal with `terminal` (scripts/measure-cli.ts, shared with `npm run bench`).
 */
export function runCliMeasured(args: string[], dir: string, options: MeasureOptions): Promise<MeasuredRun> {
  return measure(BIN, args, dir, options);
}
