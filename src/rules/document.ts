import { judged, type Judgement } from '../core/outcome.js';
import { namesAny, sectionAt, wordsOf, type MarkdownBlock, type MarkdownSection } from './document-markdown.js';

/** One thing a reader of the document needs, found by a heading naming any of the phrases (word starts, any case). */
export interface HeadingGroup {
  /** What the section is for, as messages name it: "severity levels". */
  need: string;
  /** Alternative heading phrases: "severity", "sev", "priority"; "escalat" matches "Escalation". */
  any: readonly string[];
}

/** What makes a document of one kind complete: enough prose, no placeholders, a heading for each need. */
export interface DocumentSpec {
  /** What the document is, as messages name it: "incident response plan". */
  topic: string;
  /** Words of prose (headings and code excluded) below which the document is a stub. */
  minWords: number;
  headings: readonly HeadingGroup[];
  /** When set, the document must hold a code block: what it is for ("the embed snippet"). */
  codeBlock?: string;
}

/** Below this many words (or a code block) a required section is empty: a heading with nothing under it. */
export const MIN_SECTION_WORDS = 3;
/** Placeholders named in a message, at most; the evidence keeps the count. */
const MAX_LISTED = 5;

/** Unfinished-text markers: the acronyms as writers type them, the phrases in any case. */
const PLACEHOLDER_ACRONYM = /\b(TODO|TBD|TBC|FIXME|XXX)\b/;
const PLACEHOLDER_PHRASE = /\b(lorem ipsum|coming soon|to be (written|completed|defined|determined|decided|added|confirmed))\b/i;

export function placeholderIn(line: string): string | undefined {
  return PLACEHOLDER_ACRONYM.exec(line)?.[1] ?? PLACEHOLDER_PHRASE.exec(line)?.[1]?.toLowerCase();
}

export function proseWords(blocks: readonly MarkdownBlock[]): number {
  return blocks.filter((b) => b.kind === 'prose').reduce((sum, b) => sum + wordsOf(b.text).length, 0);
}

/** Headings of the section below its own, with their index in the section's blocks. */
function subHeadings(section: MarkdownSection): { block: MarkdownBlock; index: number }[] {
  return section.blocks.flatMap((block, index) => (block.kind === 'heading' && block !== section.heading ? [{ block, index }] : []));
}

/** Whether a heading has something under it: prose of a few words or a code block, in it or its subsections. */
function hasContent(blocks: readonly MarkdownBlock[], index: number): boolean {
  const under = sectionAt(blocks, index).blocks.slice(1);
  return under.some((b) => b.kind === 'code') || proseWords(under) >= MIN_SECTION_WORDS;
}

function quoted(phrases: readonly string[]): string {
  return phrases.slice(0, 3).map((p) => `"${p}"`).join(', ');
}

/**
 * A Markdown document (or the section of one that is about the topic) judged against its spec: at least
 * `minWords` of prose, no TODO/TBD/FIXME/lorem placeholder, a heading with content for each required need, and a
 * code block where the spec wants one. Each judgement names exactly what is missing, by need and line.
 */
export function judgeDocument(section: MarkdownSection, spec: DocumentSpec): Judgement[] {
  const judgements: Judgement[] = [];
  const words = proseWords(section.blocks);
  judgements.push(
    words >= spec.minWords
      ? judged('content', 'pass', `${words} words of prose`)
      : judged('content', 'fail', `a stub: ${words} words of prose (at least ${spec.minWords} expected)`, `Write the ${spec.topic} out: what a reader must know and do, not an outline.`),
  );

  const placeholders = section.blocks.flatMap((block) =>
    block.lines.flatMap((entry) => {
      const marker = placeholderIn(entry.text);
      return marker ? [`${marker} on line ${entry.line}`] : [];
    }),
  );
  if (placeholders.length > 0) {
    const listed = placeholders.slice(0, MAX_LISTED).join(', ') + (placeholders.length > MAX_LISTED ? `, and ${placeholders.length - MAX_LISTED} more` : '');
    judgements.push(judged('placeholders', 'fail', `unfinished: ${listed}`, `Replace every placeholder in the ${spec.topic} with the real text.`));
  } else {
    judgements.push(judged('placeholders', 'pass', 'none'));
  }

  const headings = subHeadings(section);
  const missing: HeadingGroup[] = [];
  const empty: string[] = [];
  const found: string[] = [];
  for (const group of spec.headings) {
    const matches = headings.filter(({ block }) => namesAny(block.text, group.any) !== undefined);
    if (matches.length === 0) missing.push(group);
    else if (!matches.some(({ index }) => hasContent(section.blocks, index))) empty.push(`${group.need} ("${matches[0]!.block.text}", line ${matches[0]!.block.line})`);
    else found.push(`${group.need}: "${matches[0]!.block.text}"`);
  }
  if (missing.length > 0) {
    judgements.push(
      judged(
        'headings',
        'fail',
        `missing ${missing.map((g) => `${g.need} (a heading naming ${quoted(g.any)})`).join('; ')}`,
        `Add a section to the ${spec.topic} for each of: ${missing.map((g) => g.need).join(', ')}.`,
      ),
    );
  }
  if (empty.length > 0) judgements.push(judged('sections', 'fail', `nothing under ${empty.join('; ')}`, `Fill in the empty sections of the ${spec.topic}.`));
  if (missing.length === 0 && empty.length === 0) judgements.push(judged('headings', 'pass', found.join('; ')));

  if (spec.codeBlock !== undefined) {
    judgements.push(
      section.blocks.some((b) => b.kind === 'code')
        ? judged('code', 'pass', `holds a code block (${spec.codeBlock})`)
        : judged('code', 'fail', `no code block: ${spec.codeBlock} should be there to copy`, `Add ${spec.codeBlock} to the ${spec.topic} as a fenced code block.`),
    );
  }
  return judgements;
}

/** How many of the spec's needs the section's headings name: how close a candidate document comes. */
export function needsNamed(section: MarkdownSection, spec: DocumentSpec): number {
  const headings = subHeadings(section);
  return spec.headings.filter((group) => headings.some(({ block }) => namesAny(block.text, group.any) !== undefined)).length;
}

/**
 * The section of a document that is about the topic: under the first heading naming one of the topic's phrases and
 * none of `unlike` (phrases of a neighbouring topic: "Migration rollback" is not a deployment rollback).
 */
export function topicSection(blocks: readonly MarkdownBlock[], topicPhrases: readonly string[], unlike: readonly string[] = []): MarkdownSection | undefined {
  const index = blocks.findIndex((b) => b.kind === 'heading' && namesAny(b.text, topicPhrases) !== undefined && namesAny(b.text, unlike) === undefined);
  return index === -1 ? undefined : sectionAt(blocks, index);
}
