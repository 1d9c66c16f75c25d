import { judged, type Judgement } from '../core/outcome.js';
import { namesAny, sectionAt, type MarkdownSection } from './document-markdown.js';

const DAY_MS = 86_400_000;

/** Where a runbook records that it was rehearsed: a dated log section, or a "Last tested: YYYY-MM-DD" line. */
export interface RecordSpec {
  /** What was rehearsed, as messages name it: "restore", "rollback rehearsal". */
  what: string;
  /** Headings of a log section whose dates are records: "restore log", "drill". */
  headings: readonly string[];
}

/** Headings under which dated entries are drill records, whatever the runbook is about. */
export const RECORD_HEADINGS = [
  'restore log', 'recovery log', 'rollback log', 'drill', 'rehears', 'test log', 'test history', 'testing history',
  'test record', 'exercise', 'game day', 'last tested', 'restore test', 'recovery test', 'rollback test',
] as const;

/**
 * "Last tested: 2026-11-02", "Last restore drill — 2026-11-02", "Last rehearsed on 2026-11-02"; not "last run" or
 * "last verified", which a backup job's own log says of itself.
 */
const LAST_LINE = /\blast\b[^\n]{0,40}?\b(tested|test|restored?|rehears(?:ed|al)|drill(?:ed)?|exercised?)\b[^\n]{0,40}?\b(\d{4}-\d{2}-\d{2})\b/i;
const DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function dayOf(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const when = Date.UTC(year, month - 1, day);
  const back = new Date(when);
  // 2026-02-30 is not a day: Date.UTC would roll it into March.
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? when : undefined;
}

export interface RecordDate {
  date: string;
  line: number;
  when: number;
}

/** Every real date the section records a drill on: those in log sections (their headings too) and on "Last tested" lines. */
export function recordDates(section: MarkdownSection, spec: RecordSpec): RecordDate[] {
  const dates: RecordDate[] = [];
  const seen = new Set<number>();
  const collect = (lines: readonly { line: number; text: string }[], all: boolean) => {
    for (const entry of lines) {
      if (seen.has(entry.line)) continue;
      const candidates = all ? [...entry.text.matchAll(DATE)].map((m) => m[0]) : [LAST_LINE.exec(entry.text)?.[2]].filter((d): d is string => d !== undefined);
      for (const date of candidates) {
        const when = dayOf(date);
        if (when !== undefined) {
          dates.push({ date, line: entry.line, when });
          seen.add(entry.line);
        }
      }
    }
  };
  section.blocks.forEach((block, index) => {
    if (block.kind === 'heading' && namesAny(block.text, spec.headings) !== undefined) {
      for (const inLog of sectionAt(section.blocks, index).blocks) collect(inLog.lines, true);
    }
  });
  for (const block of section.blocks) collect(block.lines, false);
  return dates;
}

/**
 * The runbook's latest drill record judged against the window: within `maxAgeDays` passes, older fails (the
 * procedure has not been rehearsed since), none is manual (the drill may be recorded elsewhere: attest it), and a
 * record only in the future warns.
 */
export function judgeRecord(section: MarkdownSection, spec: RecordSpec, now: Date, maxAgeDays: number): Judgement {
  const dates = recordDates(section, spec);
  const tomorrow = now.getTime() + DAY_MS;
  const past = dates.filter((d) => d.when <= tomorrow).sort((a, b) => b.when - a.when);
  const latest = past[0];
  const how = `a "${spec.headings[0]}" section listing YYYY-MM-DD entries, or a "Last tested: YYYY-MM-DD" line`;
  if (!latest) {
    if (dates.length > 0) return judged('record', 'warn', `the only ${spec.what} record is dated ${dates[0]!.date} (line ${dates[0]!.line}), in the future`, 'Fix the date of the drill record.');
    return judged('record', 'manual', `no dated ${spec.what} record (${how}): attest the last drill, or record it in the runbook`, `After each ${spec.what} drill, add its date, what was done and how long it took to the runbook.`);
  }
  const ageDays = Math.max(0, Math.floor((now.getTime() - latest.when) / DAY_MS));
  if (ageDays > maxAgeDays) {
    return judged('record', 'fail', `the last ${spec.what} recorded is dated ${latest.date} (line ${latest.line}), ${ageDays} days ago (limit ${maxAgeDays})`, `Rehearse the ${spec.what} again and add the dated record to the runbook.`);
  }
  return judged('record', 'pass', `${spec.what} recorded on ${latest.date} (line ${latest.line}, ${ageDays} days ago)`);
}
