import { SECTIONS } from '../core/sections.js';
import type { Report, ReportResult } from '../report/schema.js';

export interface SectionGroup {
  id: string;
  title: string;
  results: ReportResult[];
}

/** Results grouped by checklist section, in the checklist's order (the order the tech lead knows). */
export function groupBySection(report: Report): SectionGroup[] {
  return SECTIONS.map((s) => ({ id: s.id, title: s.title, results: report.results.filter((r) => r.section === s.id) })).filter(
    (g) => g.results.length > 0,
  );
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One line per status that occurred, for headers: "3 pass · 1 fail · …". */
export function summaryParts(report: Report): string[] {
  const s = report.summary;
  return (['pass', 'fail', 'warn', 'manual', 'skip', 'error'] as const).map((k) => `${s[k]} ${k}`);
}
