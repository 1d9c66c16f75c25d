import type { Report } from '../report/schema.js';
import { STATUSES } from '../core/types.js';

/**
 * One plain line for standard error when standard output does not carry the text report (machine formats, --out):
 * the gate's verdict and the counts behind it, so a CI log says what happened without opening a report.
 */
export function gateVerdictLine(report: Report): string {
  const g = report.gate;
  const mode = [`fail on ${g.failOn}`, g.strict ? 'strict' : '', g.requireAttestations ? 'attestations required' : ''].filter(Boolean).join(', ');
  const counts = STATUSES.filter((status) => report.summary[status] > 0).map((status) => `${report.summary[status]} ${status}`);
  const verdict = g.passed ? 'PASSED' : `FAILED (${g.reasons.length} reason${g.reasons.length === 1 ? '' : 's'})`;
  return (
    `Gate (${mode}): ${verdict} — ${counts.join(' · ') || 'no results'}` +
    `${report.interrupted ? ' — interrupted, partial results' : ''}; Production Go-Live Approved: ${report.goLive.approved ? 'YES' : 'NO'}\n`
  );
}
