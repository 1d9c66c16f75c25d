import weak from './data/weak-secrets.json' with { type: 'json' };
import { estimateStrength, type StrengthEstimate } from './entropy.js';

/** The bundled known-weak list (src/core/secrets/data/weak-secrets.json). */
export const WEAK_SECRETS: readonly string[] = weak.values;
const WEAK = new Set(WEAK_SECRETS.map((value) => value.toLowerCase()));

export function isKnownWeak(value: string): boolean {
  return WEAK.has(value.trim().toLowerCase());
}

/**
 * Templating left unexpanded: the deploy never substituted the real value. Each marker needs a name inside
 * (`${JWT_SECRET}`, `{{ secrets.KEY }}`, `<your-key>`), and counts only when it is the whole value or what is
 * left around it is worth little: a random key over the printable alphabet holds `<…>` or `${…}` by chance in a few
 * draws in a hundred, and must not fail for it.
 */
const TEMPLATES: readonly { pattern: RegExp; marker: string }[] = [
  // ${VAR}, ${VAR:-default}, ${env.VAR}; {{ secrets.KEY }}, {{ .Values.key | quote }}
  { pattern: /\$\{\s*[A-Za-z_][A-Za-z0-9_.]*(?::[-=?+][^{}]{0,60})?\s*\}/g, marker: '${…}' },
  { pattern: /\{\{\s*[A-Za-z_.$][\w.]*(?:\s*\|\s*[\w.]+(?:\s+[\w.'"]+)*)?\s*\}\}/g, marker: '{{…}}' },
  { pattern: /#\{\s*[A-Za-z_][A-Za-z0-9_.:-]{2,}\s*\}/g, marker: '#{…}' },
  { pattern: /<\s*[A-Za-z][A-Za-z0-9 _.:/-]{0,78}>/g, marker: '<…>' },
  { pattern: /^\$[A-Z_][A-Z0-9_]*$/g, marker: '$NAME' },
  { pattern: /^%[A-Z_][A-Z0-9_]*%$/g, marker: '%NAME%' },
  { pattern: /^__[A-Z][A-Z0-9_]*__$/g, marker: '__NAME__' },
];
/**
 * What is left beside a template must be worth less than this for the value to be a template: `https://${HOST}/v1`
 * is one, a 32-character random key holding `${AB}` by chance is not (its 27 other characters are worth ~177 bits).
 * `<…>` also appears in ordinary text, so beside it only a little may be left.
 */
const TEMPLATE_REST_BITS: Readonly<Record<string, number>> = { '<…>': 64 };
const DEFAULT_REST_BITS = 128;

export function templateMarker(value: string): string | undefined {
  const trimmed = value.trim();
  let rest = trimmed;
  let marker: string | undefined;
  for (const template of TEMPLATES) {
    if (template.pattern.test(rest)) {
      marker ??= template.marker;
      rest = rest.replace(template.pattern, ' ');
    }
    template.pattern.lastIndex = 0;
  }
  if (marker === undefined) return undefined;
  return estimateStrength(rest.trim()).bits < (TEMPLATE_REST_BITS[marker] ?? DEFAULT_REST_BITS) ? marker : undefined;
}

/** Words that mark a value someone meant to replace. */
const PLACEHOLDER_WORDS = ['change', 'changeme', 'changeit', 'changethis', 'example', 'placeholder', 'secret', 'password', 'passwd', 'todo', 'fixme', 'replaceme', 'dummy'];
/**
 * Words that name what a value is rather than ask for it to be replaced: a label in front of a generated key
 * (`jwt-secret-<256 random bits>`, `secret:<key>`) is no placeholder.
 */
const LABEL_WORDS: ReadonlySet<string> = new Set(['secret', 'password', 'passwd']);

/**
 * The placeholder word in the value, if any. Generated values are only split at punctuation (a random
 * base64 key contains "todo" somewhere about once in 25,000 draws, but never as a whole token), and there only
 * words that ask for replacement count; values the estimator found human-made are searched for the words anywhere.
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
  return PLACEHOLDER_WORDS.find((word) => !LABEL_WORDS.has(word) && tokens.includes(word));
}

/**
 * Filler anywhere in a value: `your-api-key`/`YOUR_TOKEN`/`yourApiKey` tokens, runs of x's (`sk_live_xxxx…`),
 * replace-me words and `<…>` markers, for values that are not secrets of their own (URLs, connection strings,
 * settings). Returns what was found, safe to print; undefined when nothing was.
 */
export function placeholderIn(value: string): string | undefined {
  if (/(^|[^A-Za-z0-9])(your|my)[-_ ]?(own[-_ ]?)?(api|app|secret|access|auth|private|public|webhook|account|client|project|bucket|db|database|domain|company|site|store|shop|org|organi[sz]ation|team|user|username|password|pass|token|key|id|name|email|host|server|region|dsn|url|endpoint|tenant)(?=[^a-z]|$)/i.test(value)) {
    return 'a your-… placeholder';
  }
  if (/(^|[^A-Za-z0-9])your[-_][a-z]/i.test(value) || /(^|[^A-Za-z])your[A-Z][a-z]/.test(value)) return 'a your-… placeholder';
  if (/(^|[^A-Za-z0-9])(x{4,}|X{4,})([^A-Za-z0-9]|$)/.test(value) || /x{8,}|X{8,}/.test(value)) return 'a run of x’s';
  if (/<\s*(your|my|the)?[-_ ]?(api|app|secret|access|auth|private|db|database|user|username|password|pass|token|key|id|name|host|domain|project|account|region|webhook|value)[-_ a-z]*>/i.test(value)) {
    return 'a <…> placeholder';
  }
  if (/(^|[^A-Za-z])(change[-_]?me|change[-_]?it|change[-_]?this|replace[-_]?me|replace[-_]?with[-_]|insert[-_][a-z-_]*[-_]here|put[-_][a-z-_]*[-_]here|placeholder|todo|fixme|tbd)([^A-Za-z]|$)/i.test(value)) {
    return 'a replace-me word';
  }
  if (/(^|[^A-Za-z])[a-z]+[-_](key|token|secret|password|id)[-_]here([^A-Za-z]|$)/i.test(value)) return 'a …-here placeholder';
  return undefined;
}
