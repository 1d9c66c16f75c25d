import path from 'node:path';
import { z } from 'zod';
import { isProbeError } from '../core/errors.js';
import { outcome, verdictOf, type Judgement } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { repoProbe, type RepoProbe } from '../probes/repo.js';
import { judgeDocument, needsNamed, proseWords, topicSection, type DocumentSpec } from '../rules/document.js';
import { markdownBlocks, namesAny, wholeDocument, type MarkdownSection } from '../rules/document-markdown.js';
import type { CheckContext } from './check.js';
import { probeFailure } from './probe-failure.js';

/** Folders where runbooks and guides conventionally live, in the order they are looked in ('' is the root). */
export const DOCUMENT_FOLDERS = ['', 'docs', 'doc', 'docs/runbooks', 'runbooks', 'docs/ops', 'docs/operations', 'ops', 'ops/runbooks', '.github'] as const;
export const MARKDOWN_FILE = /\.(md|markdown|mdx)$/i;
/** Markdown files read to find a document by its headings, at most, across the folders: the repository probe memoises them for every check. */
export const MAX_DOCUMENTS_READ = 60;

/** One kind of document a check looks for in the repository. */
export interface RepoDocumentTopic {
  spec: DocumentSpec;
  /** File-name words: a Markdown file whose name holds one (at a word start) is judged first: "incident" → INCIDENT_RESPONSE.md. */
  fileNames: readonly string[];
  /** Heading phrases that name the topic: any other Markdown file is judged from the first heading naming one. */
  headingNames: readonly string[];
  /** Words of a neighbouring topic: a file or heading naming one is not this document (a migration rollback plan is no deployment rollback runbook). */
  unlike?: readonly string[];
}

/** The options every document check takes; `minWords` defaults to the topic's own minimum. */
export function documentOptionFields(topic: RepoDocumentTopic) {
  return {
    path: z.string().min(1).optional().describe(`The ${topic.spec.topic}, a Markdown file relative to the repository (default: looked for in ${DOCUMENT_FOLDERS.map((f) => (f === '' ? 'the root' : `${f}/`)).join(', ')} by file name, then by headings)`),
    minWords: z.number().int().positive().default(topic.spec.minWords).describe('Words of prose (headings and code excluded) below which the document is a stub'),
  };
}

interface Candidate {
  file: string;
  section: MarkdownSection;
  truncated: boolean;
  /** Set when the document is a section of a larger file: its heading and line, for the message. */
  within?: string;
}

interface Judged {
  file: string;
  verdict: CheckOutcome;
  closeness: number;
}

function folderLabel(folder: string): string {
  return folder === '' ? 'the root' : `${folder}/`;
}

function describeFound(found: 'name' | 'headings' | 'configured'): string {
  return found === 'configured' ? 'the configured path' : found === 'name' ? 'its file name' : 'its headings';
}

/** Judges one candidate: the spec's judgements plus the check's own (a dated drill record, say). */
function judgeCandidate(candidate: Candidate, spec: DocumentSpec, found: 'name' | 'headings' | 'configured', extra: (section: MarkdownSection) => Judgement[]): Judged {
  const judgements = [...judgeDocument(candidate.section, spec), ...extra(candidate.section)];
  const words = proseWords(candidate.section.blocks);
  const extraPasses = judgements.filter((j) => j.status === 'pass' && !['content', 'placeholders', 'headings', 'code'].includes(j.subject)).map((j) => `; ${j.message}`).join('');
  const at = candidate.within ? ` (${candidate.within})` : '';
  let verdict = verdictOf(judgements, `${candidate.file}${at}: a complete ${spec.topic}, ${words} words with a section for each of ${spec.headings.map((g) => g.need).join(', ')}${extraPasses}`, {
    file: candidate.file,
    foundBy: describeFound(found),
    words,
  });
  if (verdict.status !== 'pass') verdict = { ...verdict, message: `${candidate.file}${at}: ${verdict.message}` };
  // A document cut at the read limit may hold its missing parts past the cut: unknown, not a verified failure.
  if (candidate.truncated && verdict.status !== 'pass') verdict = { ...verdict, status: 'error', message: `${candidate.file} is larger than the 256 KiB read limit; judged on its start: ${verdict.message}` };
  return { file: candidate.file, verdict, closeness: needsNamed(candidate.section, spec) * 100_000 + words };
}

const RANK: readonly string[] = ['pass', 'manual', 'warn', 'fail', 'error', 'skip'];

/**
 * The check of a document that belongs in the repository (a runbook, a guide): `options.path` when configured, else
 * Markdown files in the conventional folders — those whose file name names the topic first, then any whose
 * headings do (judged from that heading down). The first complete one passes; otherwise the closest candidate's
 * verdict says exactly what is missing, an unreadable candidate makes the line `error` (it may be the one), and
 * nothing found fails with the places looked at.
 */
export async function judgeRepoDocument(
  ctx: CheckContext<{ path?: string | undefined; minWords: number }>,
  topic: RepoDocumentTopic,
  extra: (section: MarkdownSection) => Judgement[] = () => [],
): Promise<CheckOutcome> {
  const repo = ctx.probe(repoProbe);
  const spec: DocumentSpec = { ...topic.spec, minWords: ctx.options.minWords };
  const optionKey = `checks.${ctx.meta.id}.options.path`;
  if (ctx.options.path !== undefined) {
    try {
      const file = await repo.file(ctx.options.path);
      if (file.kind === 'missing') {
        return outcome('fail', `${ctx.options.path}, the configured ${spec.topic}, does not exist in the repository`, { evidence: { file: ctx.options.path }, remediation: `Fix ${optionKey}, or write the ${spec.topic} there.` });
      }
      return judgeCandidate({ file: ctx.options.path, section: wholeDocument(markdownBlocks(file.text)), truncated: file.truncated }, spec, 'configured', extra).verdict;
    } catch (error) {
      return probeFailure(error);
    }
  }
  return discover(repo, topic, spec, optionKey, extra);
}

async function discover(
  repo: RepoProbe,
  topic: RepoDocumentTopic,
  spec: DocumentSpec,
  optionKey: string,
  extra: (section: MarkdownSection) => Judgement[],
): Promise<CheckOutcome> {
  const unlike = topic.unlike ?? [];
  const unreadable: string[] = [];
  const byName: string[] = [];
  const others: string[] = [];
  for (const folder of DOCUMENT_FOLDERS) {
    let names: string[];
    try {
      names = await repo.list(folder === '' ? '.' : folder);
    } catch (error) {
      if (!isProbeError(error)) throw error;
      unreadable.push(error.message);
      continue;
    }
    for (const name of names.filter((n) => MARKDOWN_FILE.test(n))) {
      const file = folder === '' ? name : path.posix.join(folder, name);
      const base = name.replace(MARKDOWN_FILE, '');
      if (namesAny(base, unlike) !== undefined) continue;
      (namesAny(base, topic.fileNames) !== undefined ? byName : others).push(file);
    }
  }
  const toRead = [...byName, ...others];
  const judged: Judged[] = [];
  let read = 0;
  for (const file of toRead.slice(0, MAX_DOCUMENTS_READ)) {
    read++;
    let text: string;
    let truncated: boolean;
    try {
      const content = await repo.file(file);
      if (content.kind === 'missing') continue;
      ({ text, truncated } = content);
    } catch (error) {
      if (!isProbeError(error)) throw error;
      unreadable.push(error.message);
      continue;
    }
    const blocks = markdownBlocks(text);
    const named = byName.includes(file);
    const whole = wholeDocument(blocks);
    const section = named ? whole : topicSection(blocks, topic.headingNames, unlike);
    if (!section) continue;
    const isTitle = section.heading !== undefined && section.heading === whole.heading;
    const within = isTitle || named ? undefined : `section "${section.heading!.text}", line ${section.heading!.line}`;
    const candidate = judgeCandidate({ file, section: isTitle ? whole : section, truncated, ...(within ? { within } : {}) }, spec, named ? 'name' : 'headings', extra);
    if (candidate.verdict.status === 'pass') return candidate.verdict;
    judged.push(candidate);
  }
  const unread = toRead.length - read;
  const looked = DOCUMENT_FOLDERS.map(folderLabel);
  const where = `Markdown files named ${topic.fileNames.map((n) => `${n.replace(/ /g, '-')}*`).join(', ')} in ${looked.join(', ')}, then a heading naming ${topic.headingNames.map((n) => `"${n}"`).join(', ')} in every Markdown file there`;
  const candidates = judged.map((j) => `${j.verdict.status} ${j.file}`);
  const best = [...judged].sort((a, b) => RANK.indexOf(a.verdict.status) - RANK.indexOf(b.verdict.status) || b.closeness - a.closeness)[0];
  if (unread > 0) unreadable.push(`${unread} more Markdown file(s) past the first ${MAX_DOCUMENTS_READ} were not read`);
  if (unreadable.length > 0) {
    // The document may be the file that could not be read: unknown, not a verified absence or stub.
    return outcome('error', `could not read every candidate for the ${spec.topic}: ${unreadable.join('; ')}${best ? ` (best of the rest: ${best.verdict.message})` : ''}`, {
      evidence: { unreadable, candidates },
      remediation: `Point ${optionKey} at the ${spec.topic}, or make the files above readable inside the repository.`,
    });
  }
  if (best) {
    return { ...best.verdict, evidence: { ...(best.verdict.evidence ?? {}), ...(judged.length > 1 ? { candidates } : {}) } };
  }
  return outcome('fail', `no ${spec.topic} in the repository (looked for ${where})`, {
    evidence: { looked },
    remediation: `Write the ${spec.topic} as Markdown in docs/ or docs/runbooks/ with a section for each of: ${spec.headings.map((g) => g.need).join(', ')} — or point ${optionKey} at yours.`,
  });
}
