/**
 * One registry of secret values per process. Everything the tool writes (reports, logs, errors) passes
 * through `redactText`, and report objects through `redactDeep` before serialisation, so a secret that
 * slipped into evidence or an error message is masked whatever the output format escapes.
 */

export const REDACTED = '[REDACTED]';
const MIN_SECRET_LENGTH = 6;

const secrets = new Set<string>();
let ordered: string[] = [];

export function registerSecret(value: string | undefined | null): void {
  if (!value) return;
  const candidates = [value, ...value.split(/\r?\n/)].map((s) => s.trim()).filter((s) => s.length >= MIN_SECRET_LENGTH);
  let added = false;
  for (const candidate of candidates) {
    for (const form of [candidate, JSON.stringify(candidate).slice(1, -1), encodeURIComponent(candidate)]) {
      if (!secrets.has(form)) {
        secrets.add(form);
        added = true;
      }
    }
  }
  // Longest first, so a secret that contains another is masked whole.
  if (added) ordered = [...secrets].sort((a, b) => b.length - a.length);
}

/** Masks the password of any `scheme://user:password@host` URL, whether or not it was registered. */
export function maskUrlPasswords(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/'"]*):([^\s@/'"]+)@/gi, (_m, head: string, pass: string) =>
    /^(\*+|\[REDACTED\]|<redacted>)$/i.test(pass) ? `${head}:${pass}@` : `${head}:****@`,
  );
}

export function redactText(text: string): string {
  let out = text;
  for (const secret of ordered) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return maskUrlPasswords(out);
}

export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}

/** Names that mark a variable's value as secret. */
export const SECRET_NAME = /(secret|passw(or)?d|pwd|token|api[_-]?key|private|credential|auth|dsn|signing|salt|session|cookie|access[_-]?key|database_url|connection)/i;
