import type { Reporter } from './types.js';

export const jsonReporter: Reporter = {
  format: 'json',
  fileName: 'report.json',
  render: (report) => `${JSON.stringify(report, null, 2)}\n`,
};
