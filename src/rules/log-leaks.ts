import { safeDecode } from '../core/secrets/secret-like.js';

export interface LogLeak {
  kind: 'url-password' | 'password-pair' | 'known-password';
  /** What was found with the secret masked, safe to print (e.g. `postgres://app:****@db.internal:5432`). */
  masked: string;
  /** The exposed secret itself, for redaction registration only — never printed. */
  secret: string;
  /** A database or message-broker URL (postgres, mysql, mongodb, redis, amqp, mssql, …) rather than another URL. */
  database?: boolean;
}

/**
 * The environment's own secrets, known only by keyed fingerprint: `lookup` answers what a candidate string is
 * ("the configured database password", "the value of JWT_SECRET") when its fingerprint is one of theirs.
 */
export interface KnownSecrets {
  /** Lengths of the known secrets: only candidates of these lengths are fingerprinted. */
  lengths: ReadonlySet<number>;
  lookup(candidate: string): string | undefined;
}

export const NO_KNOWN_SECRETS: KnownSecrets = { lengths: new Set(), lookup: () => undefined };

/** Schemes whose URLs carry database or broker credentials; other schemes are reported as "URL" leaks. */
const DATA_SCHEMES = /^(postgres|postgresql|mysql|mysql2|mariadb|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|mssql|sqlserver|cockroachdb|clickhouse|oracle|db2|jdbc:[a-z]+)$/i;
const URL_WITH_PASSWORD = /\b((?:jdbc:)?[a-z][a-z0-9+.-]*):\/\/([^\s:@/'"]*):([^\s@/'"]+)@([^\s/'"?#,;]+)/gi;
/** `key=value`, `key: value`, `"key": "value"`, `key => value`; the key is judged by credentialKey. */
const PAIR = /(["']?)\b([A-Za-z][A-Za-z0-9_.-]{0,80})\1\s*(=>|[=:])\s*("([^"\n]*)"|'([^'\n]*)'|([^\s,;&}'"]+))/g;
/**
 * Values that show the logger already masked the secret, or a reference rather than a value. "secret" is not one
 * of them: `postgres://app:secret@db` is a real (and weak) password far more often than a mask.
 */
const MASKED = /^(\*+|x{3,}|•+|<[^>]*>|\[[^\]]*\]|\(?redacted\)?|\(?filtered\)?|\(?masked\)?|\(?hidden\)?|\(?removed\)?|\(?omitted\)?|\(?sensitive\)?|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%2A+|null|undefined|none|nil|true|false)$/i;

/** Credential words a key's last part may be: the password family, secrets, keys and tokens that authenticate. */
const CREDENTIAL_TAIL = /(^|_)(PASSWORD|PASSWD|PASSPHRASE|PASS|PWD|PW|SECRET|SECRET_KEY|CLIENT_SECRET|API_?KEY|PRIVATE_KEY|ACCESS_KEY|AUTH_TOKEN|ACCESS_TOKEN|REFRESH_TOKEN|BEARER_TOKEN|CREDENTIALS?)$/;
/** The password family anywhere in the key, as a part or glued to another (PGPASSWORD, DBPASS_PRIMARY). */
const PASSWORD_PART = /(^|_)[A-Z0-9]*(PASSWORD|PASSWD|PASSPHRASE)[A-Z0-9]*(_|$)|(^|_)(DB|PG|MYSQL|REDIS|MONGO|SQL|SMTP|MAIL|ROOT|ADMIN)?PASS(_|$)|(^|_)PWD(_|$)/;

/**
 * Whether a key names a credential, in any casing and separator style: POSTGRES_PASSWORD, spring.datasource.password,
 * dbPassword, DB-PASS, PGPASSWORD, "client_secret", api-key.
 */
export function credentialKey(key: string): boolean {
  const normal = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
  return CREDENTIAL_TAIL.test(normal) || PASSWORD_PART.test(normal);
}

/**
 * Credentials a log line exposes: URLs with an inline password (scheme://user:pass@host), credential pairs
 * (key=value, JSON "password": "…", YAML-ish POSTGRES_PASSWORD: …) under any credential key name, and any of the
 * environment's known secrets appearing in the line (by keyed fingerprint).
 */
export function findCredentialLeaks(line: string, known: KnownSecrets = NO_KNOWN_SECRETS): LogLeak[] {
  const leaks: LogLeak[] = [];
  for (const match of line.matchAll(URL_WITH_PASSWORD)) {
    const [, scheme = '', user = '', password = '', host = ''] = match;
    if (MASKED.test(password) || MASKED.test(safeDecode(password))) continue;
    leaks.push({ kind: 'url-password', masked: `${scheme}://${user}:****@${host}`, secret: safeDecode(password), database: DATA_SCHEMES.test(scheme) });
  }
  for (const match of line.matchAll(PAIR)) {
    const [whole, keyQuote = '', key = '', separator = '', , doubleQuoted, singleQuoted, bare] = match;
    if (!credentialKey(key)) continue;
    // A URL's scheme is no key (`postgres://…` is the URL rule's), nor is a `:` in prose ("password: required"):
    // a colon counts with a quoted key or value, or a key shaped like a variable name (POSTGRES_PASSWORD: …).
    if (separator === ':' && whole.includes('://')) continue;
    if (separator === ':' && keyQuote === '' && doubleQuoted === undefined && singleQuoted === undefined && !/[_.-]|^[A-Z0-9]+$/.test(key)) continue;
    const value = doubleQuoted ?? singleQuoted ?? bare ?? '';
    if (value === '' || MASKED.test(value) || leaks.some((l) => l.secret === value || l.secret === safeDecode(value))) continue;
    leaks.push({ kind: 'password-pair', masked: `${key}${separator}****`, secret: value });
  }
  if (known.lengths.size > 0) {
    for (const candidate of candidates(line)) {
      if (!known.lengths.has(candidate.length) || leaks.some((l) => l.secret.includes(candidate) || candidate.includes(l.secret))) continue;
      const what = known.lookup(candidate);
      if (what) leaks.push({ kind: 'known-password', masked: `${what}, verbatim`, secret: candidate });
    }
  }
  return leaks;
}

/**
 * The strings of a line a secret could be: its words between white space, quotes and brackets, and their parts
 * after `=` or `:` and between `&`, `?`, `#`, `|`, `@` — so a secret is found whether it stands alone, as a value
 * or as a URL's password. Secrets may hold `/`, `+` and `=` (base64), so words are never split there.
 */
function candidates(line: string): Set<string> {
  const out = new Set<string>();
  const withValues = (text: string) => {
    out.add(text);
    const equals = text.indexOf('=');
    if (equals >= 0) out.add(text.slice(equals + 1));
    const colon = text.lastIndexOf(':');
    if (colon >= 0) out.add(text.slice(colon + 1));
  };
  for (const word of line.split(/[\s"'`<>()[\]{},;]+/)) {
    if (word === '') continue;
    withValues(word);
    for (const part of word.split(/[&?#|@]/)) withValues(part);
  }
  for (const value of [...out]) {
    const trimmed = value.replace(/[.!]+$/, '');
    if (trimmed !== value) out.add(trimmed);
    if (/%[0-9a-f]{2}/i.test(value)) out.add(safeDecode(value));
  }
  return out;
}
