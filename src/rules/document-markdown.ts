import { Lexer, type Token, type Tokens } from 'marked';

/** A top-level block of a Markdown document, with the 1-based line it starts on. */
export interface MarkdownBlock {
  kind: 'heading' | 'code' | 'prose';
  line: number;
  /** Headings: 1–6. */
  depth?: number;
  /** The text a reader sees (headings, prose), without markup, link targets or inline code. */
  text: string;
  /** The source lines of the block, for placeholders (inline code removed; empty for code blocks). */
  lines: readonly { line: number; text: string }[];
}

/** A heading and everything under it, up to the next heading of the same or a higher level. */
export interface MarkdownSection {
  heading: MarkdownBlock | undefined;
  blocks: readonly MarkdownBlock[];
}

/** Text of inline tokens as rendered: link text kept, link targets, images, inline code and HTML dropped. */
function plainText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  const parts: string[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'codespan':
      case 'image':
      case 'html':
      case 'space':
      case 'hr':
      case 'def':
        break;
      case 'br':
        parts.push(' ');
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) parts.push(plainText(item.tokens));
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of table.header) parts.push(plainText(cell.tokens));
        for (const row of table.rows) for (const cell of row) parts.push(plainText(cell.tokens));
        break;
      }
      default: {
        const nested = (token as { tokens?: Token[] }).tokens;
        if (nested && nested.length > 0) parts.push(plainText(nested));
        else if (token.type === 'text' || token.type === 'escape') parts.push((token as Tokens.Text).text);
      }
    }
  }
  return parts.join(' ');
}

/** YAML front matter (Jekyll, Docusaurus) blanked line for line: the lexer would read its closing `---` as a setext heading. */
function withoutFrontMatter(text: string): string {
  const match = /^---\n[\s\S]*?\n---(\n|$)/.exec(text);
  return match ? match[0].replace(/[^\n]/g, '') + text.slice(match[0].length) : text;
}

/**
 * The document's blocks, lexed by `marked` (CommonMark/GFM: ATX and setext headings, fenced and indented code, lists,
 * tables), so a `#` inside a code block or a list is never taken for a heading.
 */
export function markdownBlocks(source: string): MarkdownBlock[] {
  const text = withoutFrontMatter(source.replace(/\r\n?/g, '\n'));
  const blocks: MarkdownBlock[] = [];
  let line = 1;
  for (const token of Lexer.lex(text, { gfm: true })) {
    const start = line;
    line += (token.raw.match(/\n/g) ?? []).length;
    if (token.type === 'space' || token.type === 'def' || token.type === 'hr') continue;
    if (token.type === 'code') {
      blocks.push({ kind: 'code', line: start, text: '', lines: [] });
      continue;
    }
    const lines = token.raw
      .split('\n')
      .map((raw, i) => ({ line: start + i, text: raw.replace(/`[^`\n]*`/g, ' ') }))
      .filter((entry) => entry.text.trim() !== '');
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      blocks.push({ kind: 'heading', line: start, depth: heading.depth, text: plainText(heading.tokens).replace(/\s+/g, ' ').trim(), lines });
    } else {
      blocks.push({ kind: 'prose', line: start, text: plainText([token]), lines });
    }
  }
  return blocks;
}

/** The section under `blocks[index]` (a heading): that heading and what follows until a heading at its level or above. */
export function sectionAt(blocks: readonly MarkdownBlock[], index: number): MarkdownSection {
  const heading = blocks[index]!;
  let end = index + 1;
  while (end < blocks.length && !(blocks[end]!.kind === 'heading' && blocks[end]!.depth! <= heading.depth!)) end++;
  return { heading, blocks: blocks.slice(index, end) };
}

/** The whole document as one section; its heading is the title: the first heading, when no later one is at its level or above. */
export function wholeDocument(blocks: readonly MarkdownBlock[]): MarkdownSection {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const first = headings[0];
  const title = first && !headings.slice(1).some((b) => b.depth! <= first.depth!) ? first : undefined;
  return { heading: title, blocks };
}

/** Words a reader reads: runs holding a letter or digit. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Lower-case words without accents or punctuation: "Post-Mortem" → ["post", "mortem"]. */
export function normalWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether a heading names a phrase: the phrase's words appear in a row in the heading, each as the start of a
 * heading word, so "escalat" matches "Escalation matrix" and "post mortem" matches "Post-mortems".
 */
export function namesPhrase(heading: string, phrase: string): boolean {
  const words = normalWords(heading);
  const wanted = normalWords(phrase);
  if (wanted.length === 0) return false;
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((w, j) => words[i + j]!.startsWith(w))) return true;
  }
  return false;
}

export function namesAny(heading: string, phrases: readonly string[]): string | undefined {
  return phrases.find((phrase) => namesPhrase(heading, phrase));
}
