import { judged, type Judgement } from '../core/outcome.js';

const DAY_MS = 86_400_000;

/** A heading (Markdown `#`, or a setext underline's title line) that names this version, as release tools write it. */
function headingFor(lines: readonly string[], version: string): { line: number; text: string } | undefined {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = new RegExp(`(^|[\\s\\[(v@])${escaped}(?![\\w.-]*\\d)([\\])\\s:]|$)`);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const isHeading = /^#{1,6}\s/.test(line) || /^(=+|-+)\s*$/.test(lines[i + 1] ?? '');
    if (isHeading && names.test(line)) return { line: i + 1, text: line };
  }
  return undefined;
}

/** Words that mark unfinished text; a changelog entry holding them was not written yet. */
const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i;

/**
 * A changelog judged for the release being deployed: it has an entry headed by package.json's version, dated
 * (YYYY-MM-DD in the heading) no longer ago than `maxAgeDays`, with real text under it and no placeholders.
 */
export function judgeChangelog(file: string, text: string, version: string, now: Date, maxAgeDays: number): Judgement[] {
  const lines = text.split(/\r?\n/);
  const heading = headingFor(lines, version);
  if (!heading) {
    return [judged(file, 'fail', `has no entry for ${version}, the version package.json says is being released`, `Add a "## [${version}] - YYYY-MM-DD" entry to ${file} listing what changed.`)];
  }
  const judgements: Judgement[] = [judged('entry', 'pass', `line ${heading.line}: ${heading.text.slice(0, 80)}`)];
  const date = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(heading.text);
  const when = date ? Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) : NaN;
  if (!date || Number.isNaN(when)) {
    judgements.push(judged('date', 'warn', `the ${version} entry carries no YYYY-MM-DD date`, `Date the entry: "## [${version}] - YYYY-MM-DD".`));
  } else {
    const ageDays = Math.floor((now.getTime() - when) / DAY_MS);
    if (ageDays > maxAgeDays) judgements.push(judged('date', 'fail', `the ${version} entry is dated ${date[0]}, ${ageDays} days ago (limit ${maxAgeDays})`, 'Write the entry for the release being deployed and bump the version.'));
    else if (ageDays < -1) judgements.push(judged('date', 'warn', `the ${version} entry is dated ${date[0]}, in the future`, 'Fix the date of the entry.'));
    else judgements.push(judged('date', 'pass', `${date[0]} (${Math.max(ageDays, 0)} days ago)`));
  }
  const body: string[] = [];
  for (const line of lines.slice(heading.line)) {
    if (/^#{1,2}\s/.test(line) || /^(=+|-+)\s*$/.test(line)) break;
    if (line.trim() !== '' && !/^#{3,6}\s/.test(line)) body.push(line);
  }
  const words = body.join(' ').split(/\s+/).filter((w) => /\w/.test(w)).length;
  if (body.some((line) => PLACEHOLDER.test(line))) judgements.push(judged('content', 'fail', `the ${version} entry holds a placeholder (TODO/TBD)`, 'Finish the entry: list the changes users will see.'));
  else if (words < 5) judgements.push(judged('content', 'fail', `the ${version} entry is empty or a stub (${words} words)`, 'List the changes users will see under the entry.'));
  else judgements.push(judged('content', 'pass', `${body.length} line(s), ${words} words`));
  return judgements;
}
