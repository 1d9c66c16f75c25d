import { safeLine, safeLines } from '../core/safe-text.js';

/**
 * XML and HTML text/attribute escaping. Control characters from a hostile target become visible escapes (`\x00`)
 * rather than bytes (XML 1.0 forbids most of them; a bidirectional override would reorder what is read).
 */
export function escapeXml(text: string): string {
  return safeLines(text)
    .replace(/[\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A single-backtick code span: nothing inside one is a link, an image or HTML, so it is kept as written. */
const CODE_SPAN = /(`[^`\n]+`)/;

/**
 * Data (a message, a name, a reason, a fix) inside a Markdown list item or table cell: one line, no cell separators,
 * no HTML, and no link, image or autolink syntax — a Location or a header a target sent stays text, never a live
 * link or a loaded image. Balanced code spans are kept (the catalog writes commands in them).
 */
export function escapeMarkdownCell(text: string): string {
  return safeLine(text)
    .split(CODE_SPAN)
    .map((part, index) => (index % 2 === 1 ? part : escapeMarkdownText(part)))
    .join('');
}

function escapeMarkdownText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      // Brackets make links, images and references; a stray backtick would open a code span over what follows.
      .replace(/([[\]`|])/g, '\\$1')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Bare URLs and www. names become links on GitHub and GitLab (extended autolinks): an escape breaks them.
      .replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, '$1\\://')
      .replace(/\bwww\./gi, 'www\\.')
  );
}
