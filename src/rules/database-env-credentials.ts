/**
 * Database credentials spelled as separate variables — libpq's PGUSER/PGPASSWORD, DB_USER/DB_PASSWORD,
 * POSTGRES_USER/POSTGRES_PASSWORD, SPRING_DATASOURCE_USERNAME/…_PASSWORD, ANALYTICS_DB_PASS and the like —
 * grouped by the prefix they share, so the pair can be judged the way a URL's user and password are.
 */

export type CredentialPart = 'password' | 'user' | 'host' | 'port' | 'database' | 'sslmode' | 'ssl';

/** The last word of the name says which part of a connection it holds. */
const SUFFIXES: readonly [RegExp, CredentialPart][] = [
  [/^(PASSWORD|PASSWD|PASS|PWD|PW|SECRET)$/, 'password'],
  [/^(USER|USERNAME|USR|LOGIN|ROLE)$/, 'user'],
  [/^(HOST|HOSTNAME|SERVER|ADDR|ADDRESS)$/, 'host'],
  [/^PORT$/, 'port'],
  [/^(NAME|DATABASE|DB|DBNAME)$/, 'database'],
];

/** Words of a prefix that make it a relational database's: pg, postgres, db, database, datasource, rds, mysql, … */
const DATABASE_WORDS = /^(PG|POSTGRES|POSTGRESQL|PSQL|DB|DATABASE|DATASOURCE|RDS|MYSQL|MARIADB|MSSQL|SQL|TYPEORM)$/;

/** `dbPassword`, `db-password`, `db.password` → `DB_PASSWORD`. */
export function normaliseName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[-.\s]+/g, '_')
    .toUpperCase();
}

/** The group and part a variable name belongs to, or undefined when it names no database credential. */
export function credentialName(name: string): { prefix: string; part: CredentialPart } | undefined {
  const normal = normaliseName(name);
  // libpq's own variables run the words together: PGPASSWORD, PGUSER, PGHOST, PGPORT, PGDATABASE.
  const libpq = /^PG(PASSWORD|USER|HOST|PORT|DATABASE)$/.exec(normal);
  if (libpq) return { prefix: 'PG', part: libpq[1] === 'PASSWORD' ? 'password' : libpq[1] === 'USER' ? 'user' : libpq[1] === 'HOST' ? 'host' : libpq[1] === 'PORT' ? 'port' : 'database' };
  // PGSSLMODE, DB_SSLMODE, DB_SSL_MODE: libpq's transport setting; DB_SSL=true: node-postgres's `ssl` switch.
  const transport = /^(.+?)_?SSL_?MODE$/.exec(normal) ?? /^(.+)_SSL$/.exec(normal);
  if (transport) {
    const prefix = transport[1]!.replace(/_$/, '');
    const part: CredentialPart = /MODE$/.test(normal) ? 'sslmode' : 'ssl';
    const prefixWords = prefix.split('_');
    return prefixWords.some((w) => DATABASE_WORDS.test(w)) ? { prefix, part } : undefined;
  }
  const words = normal.split('_').filter((w) => w !== '');
  if (words.length < 2) return undefined;
  const last = words[words.length - 1]!;
  const part = SUFFIXES.find(([pattern]) => pattern.test(last))?.[1];
  if (!part) return undefined;
  const prefixWords = words.slice(0, -1);
  // DB_NAME names a database; DB_DB or POSTGRES_DB likewise — but the prefix itself must name a database.
  if (!prefixWords.some((w) => DATABASE_WORDS.test(w)) && !DATABASE_WORDS.test(prefixWords.join('_'))) return undefined;
  return { prefix: prefixWords.join('_'), part };
}

export interface CredentialVariable {
  name: string;
  value: string;
}

export interface CredentialGroup {
  /** The shared prefix: DB, PG, POSTGRES, SPRING_DATASOURCE, … */
  prefix: string;
  password?: CredentialVariable;
  user?: CredentialVariable;
  host?: CredentialVariable;
  port?: CredentialVariable;
  database?: CredentialVariable;
  sslmode?: CredentialVariable;
  ssl?: CredentialVariable;
}

/**
 * The group as a connection URL without its credentials, so its transport is judged by the same parser and rule as a
 * DATABASE_URL's; undefined when it names no host (the client's own default then decides).
 */
export function transportUrl(group: CredentialGroup): string | undefined {
  if (!group.host) return undefined;
  const host = group.host.value.includes(':') && !group.host.value.startsWith('[') ? `[${group.host.value}]` : group.host.value;
  let url: URL;
  try {
    url = new URL(`postgres://${host}`);
  } catch {
    return undefined;
  }
  if (group.port && /^\d+$/.test(group.port.value)) url.port = group.port.value;
  if (group.database) url.pathname = `/${encodeURIComponent(group.database.value)}`;
  if (group.sslmode) url.searchParams.set('sslmode', group.sslmode.value);
  if (group.ssl) url.searchParams.set('ssl', group.ssl.value);
  return url.href;
}

/**
 * Groups one env source's variables into credential sets by shared prefix. Empty values count as unset; a value
 * that is itself a URL (DB_HOST=postgres://…) is left to the URL rules. The first variable of each part wins.
 */
export function credentialGroups(values: Iterable<readonly [string, string]>): CredentialGroup[] {
  const groups = new Map<string, CredentialGroup>();
  for (const [name, value] of values) {
    if (value.trim() === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
    const found = credentialName(name);
    if (!found) continue;
    const group = groups.get(found.prefix) ?? { prefix: found.prefix };
    if (group[found.part] === undefined) group[found.part] = { name, value };
    groups.set(found.prefix, group);
  }
  return [...groups.values()];
}
