import { isKnownWeak } from './secrets/weak-secrets.js';

/**
 * One registry of secret values per process, and the one place that masks them. Reports, progress, errors and
 * logs are built from data (messages and evidence drawn from observations and config) that passes through
 * `redactText` / `redactDeep` before it is written; the tool's own static text (a check's item, how, remediation,
 * attestation guidance, registered with `registerStaticText`) is left as written, even where it is embedded in a
 * message, so a password that happens to be a common word cannot garble the catalog.
 *
 * Three masks apply to data:
 * - registered secrets, wherever they occur (with their JSON-escaped and URL-encoded forms);
 * - credentials inside any URL, registered or not, whoever supplied the URL: the password of `scheme://user:pass@`,
 *   a token-like user name, and the values of secret-named query, fragment and matrix parameters (`?token=`,
 *   `&X-Amz-Signature=`, `#access_token=`, `;jsessionid=`, also percent-encoded inside another URL);
 * - registered secrets anyone could guess (on the known-weak list, or too short to mask as words: `postgres`,
 *   `admin`) where they stand as a credential (`password=postgres`, `"secret": "admin"`), since masking such a word
 *   everywhere would hide role names and prose while protecting nothing.
 */

export const REDACTED = '[REDACTED]';
/** What a masked URL credential or secret-named pair reads as. */
export const MASK = '****';
const MIN_SECRET_LENGTH = 6;
/** Shorter static text is not worth keeping apart (and would keep ordinary words unmasked). */
const MIN_STATIC_TEXT_LENGTH = 16;

/** Secrets masked wherever they occur, longest first so a secret that contains another is masked whole. */
const secrets = new Set<string>();
let ordered: string[] = [];
/** Secrets masked where they stand as a credential. */
const guessable = new Set<string>();
/** The tool's own text: never masked. */
const staticTexts = new Set<string>();
let staticOrdered: string[] = [];

export function registerSecret(value: string | undefined | null): void {
  if (!value) return;
  const candidates = new Set([value, ...value.split(/\r?\n/)].map((s) => s.trim()).filter((s) => s.length > 0));
  let added = false;
  for (const candidate of candidates) {
    const forms = [candidate, JSON.stringify(candidate).slice(1, -1), encodeURIComponent(candidate)];
    if (candidate.length < MIN_SECRET_LENGTH || isKnownWeak(candidate)) {
      for (const form of forms) guessable.add(form);
      continue;
    }
    for (const form of forms) {
      if (!secrets.has(form)) {
        secrets.add(form);
        added = true;
      }
    }
  }
  if (added) ordered = [...secrets].sort((a, b) => b.length - a.length);
}

/**
 * Marks text as the tool's own (catalog prose: items, how, remediation, attestation guidance), which holds no secret:
 * redaction leaves it as written wherever it occurs whole, unless a registered secret runs across its edge.
 */
export function registerStaticText(...texts: readonly (string | undefined)[]): void {
  let added = false;
  for (const text of texts) {
    if (text === undefined || text.length < MIN_STATIC_TEXT_LENGTH || staticTexts.has(text)) continue;
    staticTexts.add(text);
    added = true;
  }
  if (added) staticOrdered = [...staticTexts].sort((a, b) => b.length - a.length);
}

/** Redacts data: registered secrets, URL credentials and guessable secrets in credential positions; static text stays. */
export function redactText(text: string): string {
  if (text === '') return text;
  let out = '';
  let at = 0;
  for (const [start, end] of staticSpans(text)) {
    out += redactData(text.slice(at, start)) + text.slice(start, end);
    at = end;
  }
  return out + redactData(text.slice(at));
}

/** Walks objects and arrays; keys are data too (an evidence key may be a URL or a header a target sent). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const redacted = redactText(key);
      let name = redacted;
      // Two keys that differ only in a secret must not overwrite each other's evidence.
      for (let n = 2; Object.hasOwn(out, name); n++) name = `${redacted} (${n})`;
      // defineProperty, so a key such as "__proto__" stays a key instead of replacing the prototype.
      Object.defineProperty(out, name, { value: redactDeep(item), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}

/**
 * Masks credentials inside URLs whether or not anyone registered them: the password of `scheme://user:pass@`,
 * a user name that is a token (`https://ghp_…@github.com`), and secret-named parameters (`?token=`, `&sig=`, …).
 */
export function maskUrlCredentials(text: string): string {
  const masked = text.replace(USERINFO, (match: string, head: string, user: string, password: string | undefined) => {
    if (password !== undefined) return `${head}${user}:${isMask(password) ? password : MASK}@`;
    return tokenLikeUser(user) ? `${head}${MASK}@` : match;
  });
  let out = '';
  let at = 0;
  for (const parameter of secretParameters(masked)) {
    out += `${masked.slice(at, parameter.start)}${MASK}`;
    at = parameter.end;
  }
  return out + masked.slice(at);
}

/** The credentials `maskUrlCredentials` would mask in a text, for registering them (config values, before any probe). */
export function urlCredentials(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(USERINFO)) {
    const [, , user = '', password] = match;
    if (password !== undefined && !isMask(password)) found.push(password, safeDecode(password));
    else if (password === undefined && tokenLikeUser(user)) found.push(user, safeDecode(user));
  }
  for (const { start, end } of secretParameters(text)) found.push(text.slice(start, end), safeDecode(text.slice(start, end)));
  return [...new Set(found)];
}

/** Names that mark a variable's value as secret. */
export const SECRET_NAME = /(secret|passw(or)?d|pwd|token|api[_-]?key|private|credential|auth|dsn|signing|salt|session|cookie|access[_-]?key|database_url|connection)/i;

/** `scheme://user[:password]@`; the password may hold characters a URL should have escaped (people write them). */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/?#'"<>]*)(?::([^\s@/'"<>]*))?@/gi;
/** The start of a parameter after `?`, `&`, `#` or `;`, also percent-encoded (a URL inside another URL's parameter). */
const PARAMETER = /(?:[?&#;]|%3F|%26|%23|%3B)([A-Za-z0-9_.[\]-]+)(?:=|%3D)/gi;
/**
 * Where a parameter's value ends: at the next separator, raw or percent-encoded, or at the bracket closing the prose
 * around the URL; a matrix parameter also at `?` or `/`.
 */
const VALUE_END = /[&#;\s'"<>)\]}]|%26|%23|%3B/gi;
const MATRIX_VALUE_END = /[&#;?/\s'"<>)\]}]|%26|%23|%3B|%3F/gi;

/**
 * The values of secret-named parameters in a text, as offsets. A parameter that is not secret is looked into, so
 * `?next=%2Fcb%3Ftoken%3D…` still finds the token of the URL inside its value.
 */
function secretParameters(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  PARAMETER.lastIndex = 0;
  for (let match = PARAMETER.exec(text); match; match = PARAMETER.exec(text)) {
    const start = PARAMETER.lastIndex;
    // Already masked by a registered secret: "[REDACTED]" holds the bracket a value ends at.
    if (text.startsWith(REDACTED, start)) continue;
    const ending = match[0].startsWith(';') || match[0].toUpperCase().startsWith('%3B') ? MATRIX_VALUE_END : VALUE_END;
    ending.lastIndex = start;
    const end = ending.exec(text)?.index ?? text.length;
    const value = text.slice(start, end);
    if (value === '' || isMask(value) || !isSecretParameterName(match[1] ?? '')) continue;
    found.push({ start, end });
    PARAMETER.lastIndex = end;
  }
  return found;
}
/** Words of a parameter name that make its value a credential (case-insensitive; also as parts of a longer name). */
const SECRET_PARAMETER_WORDS = new Set([
  'token', 'key', 'apikey', 'secret', 'password', 'passwd', 'passphrase', 'pass', 'pwd', 'pw', 'auth', 'authorization',
  'sig', 'signature', 'code', 'session', 'sessionid', 'sessid', 'jsessionid', 'phpsessid', 'sid', 'credential',
  'jwt', 'otp', 'hmac', 'salt', 'cookie', 'bearer', 'assertion', 'ticket', 'private', 'privatekey',
]);
const SECRET_PARAMETER_PART = /(token|secret|passw|apikey|accesskey|session|credential|signature|private)/;

/** Whether a URL parameter's value is a credential: `token`, `access_token`, `X-Amz-Signature`, `apiKey`, `client_secret`, … */
export function isSecretParameterName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  const joined = words.join('');
  return words.some((word) => SECRET_PARAMETER_WORDS.has(word) || SECRET_PARAMETER_WORDS.has(word.replace(/s$/, ''))) || SECRET_PARAMETER_WORDS.has(joined) || SECRET_PARAMETER_PART.test(joined);
}

/** A `name=value`, `name: value` or `"name": "value"` pair whose value may be a guessable secret. */
const PAIR = /([A-Za-z0-9_.-]+)(["']?\s*[=:]\s*["']?)([^\s"'&;,)]+)/g;

function redactData(text: string): string {
  if (text === '') return text;
  let out = text;
  for (const secret of ordered) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  out = maskUrlCredentials(out);
  if (guessable.size > 0) {
    out = out.replace(PAIR, (match: string, name: string, separator: string, value: string) =>
      // Word-wise, not SECRET_NAME's substring test: `connection_limit=5` names a pool size, not a credential.
      guessable.has(value) && isSecretParameterName(name) ? `${name}${separator}${MASK}` : match,
    );
  }
  return out;
}

/** Where registered static text occurs whole in `text`, in order and not overlapping. */
function staticSpans(text: string): [number, number][] {
  if (staticOrdered.length === 0 || text.length < MIN_STATIC_TEXT_LENGTH) return [];
  const spans: [number, number][] = [];
  for (const known of staticOrdered) {
    if (known.length > text.length) continue;
    for (let index = text.indexOf(known); index !== -1; index = text.indexOf(known, index + 1)) {
      const end = index + known.length;
      if (!spans.some(([s, e]) => index < e && end > s)) spans.push([index, end]);
    }
  }
  // A secret that starts inside the tool's text and runs on into data is data: that span is redacted like the rest.
  return spans.filter(([start, end]) => !ordered.some((secret) => straddles(text, secret, start, end))).sort((a, b) => a[0] - b[0]);
}

function straddles(text: string, secret: string, start: number, end: number): boolean {
  for (let index = text.indexOf(secret, Math.max(0, start - secret.length + 1)); index !== -1 && index < end; index = text.indexOf(secret, index + 1)) {
    if (index < start || index + secret.length > end) return true;
  }
  return false;
}

function isMask(value: string): boolean {
  return /^(\*+|\[REDACTED\]|<redacted>|%5BREDACTED%5D)$/i.test(value);
}

/** User names are short words; a long run of token characters in that place is a credential (GitHub, GitLab, npm tokens). */
function tokenLikeUser(user: string): boolean {
  return user.length >= 20 && /^[A-Za-z0-9_.~%+=-]+$/.test(user) && /[0-9]/.test(user) && /[A-Za-z]/.test(user);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
