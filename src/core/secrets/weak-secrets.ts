import weak from './data/weak-secrets.json' with { type: 'json' };
import type { StrengthEstimate } from './entropy.js';

/** The bundled known-weak list (src/core/secrets/data/weak-secrets.json). */
export const WEAK_SECRETS: readonly string[] = weak.values;
const WEAK = new Set(WEAK_SECRETS.map((value) => value.toLowerCase()));

export function isKnownWeak(value: string): boolean {
  return WEAK.has(value.trim().toLowerCase());
}

/** Templating left unexpanded: the deploy never substituted the real value. */
const TEMPLATES: readonly { pattern: RegExp; marker: string }[] = [
  { pattern: /\$\{[^}]*\}/, marker: '${…}' },
  { pattern: /\{\{[^}]*\}\}/, marker: '{{…}}' },
  { pattern: /<[^<>\n]{1,80}>/, marker: '<…>' },
  { pattern: /^\$[A-Z_][A-Z0-9_]*$/, marker: '$NAME' },
  { pattern: /^%[A-Z_][A-Z0-9_]*%$/, marker: '%NAME%' },
];

export function templateMarker(value: string): string | undefined {
  return TEMPLATES.find((t) => t.pattern.test(value))?.marker;
}

/** Words that mark a value someone meant to replace. */
const PLACEHOLDER_WORDS = ['change', 'changeme', 'changeit', 'changethis', 'example', 'placeholder', 'secret', 'password', 'passwd', 'todo', 'fixme', 'replaceme', 'dummy'];

/**
 * The placeholder word in the value, if any. Generated values are only split at punctuation (a random
 * base64 key contains "todo" somewhere about once in 25,000 draws, but never as a whole token); values the
 * estimator found human-made are searched for the words anywhere.
 */
export function placeholderWord(value: string, estimate: Pick<StrengthEstimate, 'model'>): string | undefined {
  const lower = value.toLowerCase();
  if (estimate.model === 'pattern') {
    if (/^your[-_ ]/.test(lower) || /^your[A-Z]/.test(value)) return 'your-';
    if (/x{3,}/.test(lower)) return 'xxx';
    return PLACEHOLDER_WORDS.find((word) => lower.includes(word));
  }
  // A generated value starts with "yourI…" or "xxX_" now and then (about once in a few thousand draws across the
  // measured encodings): for values the estimator found random, only a delimited "your-" prefix or a delimited
  // same-case run of four or more x's marks a placeholder.
  if (/^your[-_ ]/.test(lower)) return 'your-';
  if (/(^|[^A-Za-z0-9])(x{4,}|X{4,})([^A-Za-z0-9]|$)/.test(value)) return 'xxx';
  const tokens = lower.split(/[^a-z0-9]+/);
  return PLACEHOLDER_WORDS.find((word) => tokens.includes(word));
}
