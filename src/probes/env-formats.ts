import { parse as parseDotenv } from 'dotenv';

/**
 * Parsers for the formats env sources come in. Problems name the line or key, never the content: a broken
 * line may well be a secret.
 */
export type ParsedVariables = { ok: true; variables: Map<string, string> } | { ok: false; problem: string };

const DOTENV_ASSIGNMENT = /^\s*(?:export\s+)?[\w.-]+(?:\s*=|:\s)/;

/** A dotenv file, parsed by the `dotenv` package itself; lines it would silently skip are reported instead. */
export function parseDotenvText(text: string): ParsedVariables {
  const malformed = malformedDotenvLines(text);
  if (malformed.length > 0) {
    const lines = malformed.slice(0, 5).join(', ') + (malformed.length > 5 ? ` and ${malformed.length - 5} more` : '');
    return { ok: false, problem: `line${malformed.length > 1 ? 's' : ''} ${lines} ${malformed.length > 1 ? 'are' : 'is'} not NAME=value (expected NAME=value, a # comment or a blank line)` };
  }
  return { ok: true, variables: new Map(Object.entries(parseDotenv(text))) };
}

/**
 * Line numbers dotenv would ignore: not blank, not a comment, not an assignment, and not inside a quoted
 * value that spans lines.
 */
export function malformedDotenvLines(text: string): number[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const bad: number[] = [];
  let openQuote: string | undefined;
  lines.forEach((line, index) => {
    if (openQuote) {
      if (closesQuote(line, openQuote)) openQuote = undefined;
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const assignment = DOTENV_ASSIGNMENT.exec(line);
    if (!assignment) {
      bad.push(index + 1);
      return;
    }
    const rest = line.slice(assignment[0].length).trimStart();
    const quote = rest[0];
    if ((quote === '"' || quote === "'" || quote === '`') && !closesQuote(rest.slice(1), quote)) openQuote = quote;
  });
  return bad;
}

function closesQuote(text: string, quote: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === quote) return true;
  }
  return false;
}

/** A flat JSON object of strings (numbers and booleans are taken as their text; null as unset). */
export function parseJsonVariables(text: string): ParsedVariables {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse quotes the offending input in its message: say only that it is not JSON.
    return { ok: false, problem: 'is not valid JSON (expected a flat object of NAME: "value")' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, problem: `is JSON ${Array.isArray(parsed) ? 'list' : typeof parsed}, expected a flat object of NAME: "value"` };
  }
  const variables = new Map<string, string>();
  for (const [name, value] of Object.entries(parsed)) {
    if (value === null) continue;
    if (typeof value === 'string') variables.set(name, value);
    else if (typeof value === 'number' || typeof value === 'boolean') variables.set(name, String(value));
    else return { ok: false, problem: `key "${name}" holds ${Array.isArray(value) ? 'a list' : 'an object'}, expected a string` };
  }
  return { ok: true, variables };
}

const KV_LINE = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/;

/**
 * `NAME=value` per line, unquoted, as `railway variables --kv` and `env` print. A line that is not an
 * assignment continues the previous value (multi-line values such as PEM keys).
 */
export function parseKvVariables(text: string): ParsedVariables {
  const variables = new Map<string, string>();
  let current: string | undefined;
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  for (const [index, line] of lines.entries()) {
    const assignment = KV_LINE.exec(line);
    if (assignment) {
      current = assignment[1]!;
      variables.set(current, assignment[2]!);
    } else if (current !== undefined) {
      variables.set(current, `${variables.get(current)}\n${line}`);
    } else if (line.trim() !== '') {
      return { ok: false, problem: `line ${index + 1} is not NAME=value and continues no variable` };
    }
  }
  return { ok: true, variables };
}
