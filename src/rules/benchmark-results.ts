import { judged, type Judgement } from '../core/outcome.js';

const DAY_MS = 86_400_000;
/** Keys under which result files carry when they ran (Lighthouse fetchTime, autocannon start/finish, pytest-benchmark datetime, Artillery lastMetricAt, …). */
const DATE_KEY = /^(date|datetime|timestamp|time|created(_?at)?|generated(_?at)?|recorded(_?at)?|fetch_?time|start(ed)?(_?at)?|finish(ed)?(_?at)?|end(ed)?(_?at)?|run_?at|ran_?at|last_?update|(first|last)_?metric_?at)$/i;
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/;
/** Nested deep enough for `{ files: [{ groups: [{ benchmarks: [{ mean }] }] }] }` (vitest bench) without walking a huge file whole. */
const MAX_DEPTH = 8;
const MAX_NODES = 50_000;

/** A results file's date, from inside it (a date key, a YYYY-MM-DD in a Markdown record or the file name) or its mtime. */
export interface BenchmarkDate {
  whenMs: number;
  source: 'content' | 'file name' | 'file time';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A valid YYYY-MM-DD (2026-02-30 is not one), as ms since the epoch. */
function dayMs(match: RegExpExecArray | null): number | undefined {
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const when = Date.UTC(year, month - 1, day);
  const back = new Date(when);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? when : undefined;
}

/** A date value: an ISO string, or epoch seconds / milliseconds in a plausible range (2000..2100). */
function dateValue(value: Json): number | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? dayMs(ISO_DAY.exec(value)) : parsed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value > 1e11 ? value : value * 1000;
    if (ms >= Date.UTC(2000, 0, 1) && ms < Date.UTC(2100, 0, 1)) return ms;
  }
  return undefined;
}

interface JsonFacts {
  measurements: number;
  latestDateMs?: number;
}

/** Numbers that are measurements (not dates, ids or ranks) and the latest date key, walked breadth-first within bounds. */
function jsonFacts(root: Json): JsonFacts {
  let measurements = 0;
  let latestDateMs: number | undefined;
  const queue: Array<{ value: Json; key: string; depth: number }> = [{ value: root, key: '', depth: 0 }];
  // An index instead of shift(): shifting a queue of tens of thousands of samples is quadratic.
  for (let head = 0; head < queue.length && head < MAX_NODES; head++) {
    const { value, key, depth } = queue[head]!;
    if (DATE_KEY.test(key)) {
      const when = dateValue(value);
      if (when !== undefined) {
        latestDateMs = Math.max(latestDateMs ?? when, when);
        continue;
      }
    }
    if (typeof value === 'number') {
      if (Number.isFinite(value) && !/^(id|rank|index|version|port|pid|df|critical)$/i.test(key)) measurements++;
    } else if (value !== null && typeof value === 'object' && depth < MAX_DEPTH) {
      const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((item) => [key, item]) : Object.entries(value);
      for (const [childKey, child] of entries) queue.push({ value: child, key: childKey, depth: depth + 1 });
    }
  }
  return { measurements, ...(latestDateMs !== undefined ? { latestDateMs } : {}) };
}

/** Markdown: measurements are numbers with units (120 ms, 1.2 s, 850 req/s, 42 KB, score 97); the record's date the latest YYYY-MM-DD. */
function markdownFacts(text: string): JsonFacts & { words: number; placeholder: boolean } {
  const measurements = [...text.matchAll(/\b\d+(?:[.,]\d+)?\s?(?:ms|µs|us|s|sec|seconds|req\/s|rps|ops\/s|%|kb|kib|mb|mib|gb|b)(?!\w)/gi)].length;
  let latestDateMs: number | undefined;
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    const when = dayMs(match as unknown as RegExpExecArray);
    if (when !== undefined) latestDateMs = Math.max(latestDateMs ?? when, when);
  }
  return {
    measurements,
    words: text.split(/\s+/).filter((word) => /\w/.test(word)).length,
    placeholder: /\b(TODO|TBD|FIXME)\b/.test(text),
    ...(latestDateMs !== undefined ? { latestDateMs } : {}),
  };
}

function isMarkdown(file: string): boolean {
  return /\.(md|markdown)$/i.test(file);
}

/** When the results were recorded: a date inside the file, else one in its name (bench/2026-11-20.json), else its mtime. */
export function benchmarkDate(file: string, text: string, modifiedMs: number): BenchmarkDate {
  let inside: number | undefined;
  if (isMarkdown(file)) inside = markdownFacts(text).latestDateMs;
  else {
    try {
      inside = jsonFacts(JSON.parse(text) as Json).latestDateMs;
    } catch {
      inside = undefined;
    }
  }
  if (inside !== undefined) return { whenMs: inside, source: 'content' };
  const named = dayMs(ISO_DAY.exec(file.split('/').pop() ?? ''));
  if (named !== undefined) return { whenMs: named, source: 'file name' };
  return { whenMs: modifiedMs, source: 'file time' };
}

/**
 * A benchmark results file judged as the baseline later runs are compared with: it parses (JSON, or a Markdown
 * record), holds measurements, and was recorded no longer than `maxAgeDays` ago. A baseline older than that is
 * not the baseline of the release being launched: fail.
 */
export function judgeBenchmark(file: string, text: string, modifiedMs: number, now: Date, maxAgeDays: number): Judgement[] {
  const judgements: Judgement[] = [];
  if (isMarkdown(file)) {
    const facts = markdownFacts(text);
    if (facts.placeholder) judgements.push(judged('content', 'fail', 'holds a placeholder (TODO/TBD/FIXME)', `Write the measured figures into ${file}.`));
    else if (facts.measurements === 0) judgements.push(judged('content', 'fail', `holds no measurement (no number with a unit such as ms, req/s, KB) in ${facts.words} words`, `Record the measured figures (p50/p95/p99 in ms, requests/s, sizes) in ${file}.`));
    else judgements.push(judged('content', 'pass', `${facts.measurements} measurement(s)`));
  } else {
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch (error) {
      return [judged('content', 'fail', `does not parse as JSON (${(error as Error).message.slice(0, 80)})`, `Write the benchmark tool's JSON output to ${file} unchanged.`)];
    }
    const facts = jsonFacts(parsed);
    if (facts.measurements === 0) judgements.push(judged('content', 'fail', 'holds no measurement (no number in it)', `Save the benchmark run's results (vitest bench --outputJson, k6 --summary-export, autocannon --json, …) as ${file}.`));
    else judgements.push(judged('content', 'pass', `${facts.measurements} measurement(s)`));
  }
  const date = benchmarkDate(file, text, modifiedMs);
  const source = date.source === 'content' ? 'recorded' : date.source === 'file name' ? 'named for' : 'file modified (no date inside, and a checkout resets file times)';
  const day = new Date(date.whenMs).toISOString().slice(0, 10);
  const ageDays = Math.floor((now.getTime() - date.whenMs) / DAY_MS);
  if (ageDays > maxAgeDays) judgements.push(judged('age', 'fail', `${source} ${day}, ${ageDays} days ago (limit ${maxAgeDays})`, 'Run the benchmarks on the release build and save the results as the new baseline.'));
  else if (ageDays < -1) judgements.push(judged('age', 'warn', `${source} ${day}, in the future`, `Fix the date in ${file}.`));
  else judgements.push(judged('age', 'pass', `${source} ${day} (${Math.max(ageDays, 0)} days ago)`));
  return judgements;
}
