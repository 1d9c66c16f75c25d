import { redactText } from '../core/redact.js';
import { looksSecret } from '../core/secrets/secret-like.js';
import type { KeyPath } from './interpolate.js';

export interface ConfigProblem {
  path: KeyPath;
  message: string;
  line?: number;
  column?: number;
}

/** Bad input from the user: reported as one paragraph and exit code 2, never a stack trace. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class ConfigError extends UsageError {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
    headline = 'invalid configuration',
  ) {
    super(
      [
        `${headline} in ${file}:`,
        ...problems.map((p) => {
          const where = p.line !== undefined ? ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''})` : '';
          const key = p.path.length > 0 ? formatPath(p.path) : '(top level)';
          return `  - ${key}${where}: ${quoteNames(p.message)}`;
        }),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parts of a key path shown before the rest is elided: a path through thousands of nested lists is not read. */
const SHOWN_PATH_PARTS = 12;

export function formatPath(path: KeyPath): string {
  const shown = path
    .slice(0, SHOWN_PATH_PARTS)
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? quoteKey(part) : `.${quoteKey(part)}`))
    .join('');
  return path.length > SHOWN_PATH_PARTS ? `${shown}… (${path.length - SHOWN_PATH_PARTS} levels deeper)` : shown;
}

/** Longer keys are cut even when they look like names: a key is a word, not a value. */
const MAX_KEY_SHOWN = 64;
const PLAIN_KEY = /^[A-Za-z0-9_$][A-Za-z0-9_.$*-]*$/;
const LEADING_WORD = /^([A-Za-z_][A-Za-z0-9_-]{0,23})\s/;
/** What quoteKey makes of a key it does not show, so quoting twice changes nothing. */
const SHORTENED = /^(?:[A-Za-z_][A-Za-z0-9_-]* )?… \(\d+ characters\)$/;

/**
 * Names a problem quotes ("no check has the id \"…\"", "unknown key \"…\"") come from the config: each quoted part
 * goes through quoteKey, so no message of a ConfigError echoes a mistyped value raw.
 */
function quoteNames(message: string): string {
  return message.replace(/"([^"\n]*)"/g, (_match, quoted: string) => `"${quoteKey(quoted)}"`);
}

/**
 * A key as messages quote it. Keys come from the user's YAML, where one missing colon turns a value into a key
 * (`{ url: …, secret s3cr3t }` holds the key "secret s3cr3t"): a short plain name is quoted as written; anything
 * else only by the name before its first space (when that is a plain word) and its length; a key that is or holds
 * a secret (registered, or random-looking) not at all.
 */
export function quoteKey(key: string): string {
  if (key.length <= 3 || SHORTENED.test(key)) return key;
  const registered = redactText(key) !== key;
  if (!registered && PLAIN_KEY.test(key) && key.length <= MAX_KEY_SHOWN && !looksSecret('', key)) return key;
  const word = registered ? undefined : LEADING_WORD.exec(key)?.[1];
  const prefix = word !== undefined && !looksSecret('', word) ? `${word} ` : '';
  return `${prefix}… (${key.length} characters)`;
}
