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

/** Schemes whose URLs carry database or broker credentials; other schemes are reported as "URL" leaks. */
const DATA_SCHEMES = /^(postgres|postgresql|mysql|mysql2|mariadb|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|mssql|sqlserver|cockroachdb|clickhouse|oracle|db2|jdbc:[a-z]+)$/i;
const URL_WITH_PASSWORD = /\b((?:jdbc:)?[a-z][a-z0-9+.-]*):\/\/([^\s:@/'"]*):([^\s@/'"]+)@([^\s/'"?#,;]+)/gi;
const PASSWORD_PAIR = /(["']?)\b(password|passwd|pwd|db_pass|db_password|pgpassword)\1\s*([=:])\s*("([^"\n]*)"|'([^'\n]*)'|([^\s,;&}'"]+))/gi;
/** Values that show the logger already masked the secret, or a reference rather than a value. */
const MASKED = /^(\*+|x{3,}|•+|<[^>]*>|\[[^\]]*\]|\(?redacted\)?|\(?filtered\)?|hidden|secret|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%2A+|null|undefined|none|true|false)$/i;

/**
 * Credentials a log line exposes: URLs with an inline password (scheme://user:pass@host), `password=…`
 * pairs (key=value, JSON "password": "…"), and any of the known passwords appearing verbatim.
 */
export function findCredentialLeaks(line: string, knownPasswords: readonly string[] = []): LogLeak[] {
  const leaks: LogLeak[] = [];
  for (const match of line.matchAll(URL_WITH_PASSWORD)) {
    const [, scheme = '', user = '', password = '', host = ''] = match;
    if (MASKED.test(password) || MASKED.test(safeDecode(password))) continue;
    leaks.push({ kind: 'url-password', masked: `${scheme}://${user}:****@${host}`, secret: safeDecode(password), database: DATA_SCHEMES.test(scheme) });
  }
  for (const match of line.matchAll(PASSWORD_PAIR)) {
    const [, keyQuote = '', key = '', separator = '', , doubleQuoted, singleQuoted, bare] = match;
    const value = doubleQuoted ?? singleQuoted ?? bare ?? '';
    // "password: required" is prose; a colon counts only in JSON/YAML-like pairs with a quoted key or value.
    if (separator === ':' && keyQuote === '' && doubleQuoted === undefined && singleQuoted === undefined) continue;
    if (value === '' || MASKED.test(value) || leaks.some((l) => l.secret === value)) continue;
    leaks.push({ kind: 'password-pair', masked: `${key}${separator}****`, secret: value });
  }
  for (const known of knownPasswords) {
    if (known.length >= 8 && line.includes(known) && !leaks.some((l) => l.secret.includes(known))) {
      leaks.push({ kind: 'known-password', masked: 'the configured database password, verbatim', secret: known });
    }
  }
  return leaks;
}
