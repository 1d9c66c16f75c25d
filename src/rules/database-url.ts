import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { NOT_A_DATABASE_URL, parseDatabaseUrl as parseUrl, type DatabaseUrlFacts, type ParsedDatabaseUrl } from '../config/database-url.js';

export type { DatabaseUrlFacts, ParsedDatabaseUrl };

/** The parsed URL, when it names a host to judge: one that leaves the host to the client's environment (PGHOST) does not. */
export function parseDatabaseUrl(text: string): ParsedDatabaseUrl {
  const parsed = parseUrl(text);
  if (parsed.ok && parsed.facts.host === '') return { ok: false, problem: NOT_A_DATABASE_URL };
  return parsed;
}

/** The URL for evidence: password and secret-looking parameters replaced. */
export function maskedDatabaseUrl(facts: DatabaseUrlFacts): string {
  const auth = facts.user ? `${encodeURIComponent(facts.user)}${facts.password !== undefined ? ':****' : ''}@` : '';
  const port = facts.port ? `:${facts.port}` : '';
  const query = Object.keys(facts.params).length > 0 ? `?${Object.keys(facts.params).map((k) => `${k}=${/pass|secret|key|token/i.test(k) ? '****' : facts.params[k]}`).join('&')}` : '';
  return `${facts.scheme}://${auth}${facts.host}${port}/${facts.database}${query}`;
}

/**
 * Transport of a PostgreSQL URL: a non-local host without `sslmode` of at least `require` may talk in clear
 * text (libpq's default, prefer, silently falls back). Prisma's pool parameters are reported as evidence.
 */
export function judgeDatabaseTransport(facts: DatabaseUrlFacts): CheckOutcome {
  const evidence: Record<string, unknown> = {
    host: facts.host,
    sslmode: facts.params.sslmode ?? null,
    ...(facts.params.ssl !== undefined ? { ssl: facts.params.ssl } : {}),
    ...(facts.prisma.connectionLimit !== undefined ? { prismaConnectionLimit: facts.prisma.connectionLimit } : {}),
    ...(facts.prisma.poolTimeout !== undefined ? { prismaPoolTimeoutSeconds: facts.prisma.poolTimeout } : {}),
    ...(facts.params.pgbouncer !== undefined ? { pgbouncer: facts.prisma.pgbouncer } : {}),
  };
  if (!/^postgres(ql)?$/.test(facts.scheme)) {
    return outcome('skip', `transport rules cover PostgreSQL URLs; this one is ${facts.scheme}://`, { evidence });
  }
  if (facts.local) return outcome('pass', `local host ${facts.host}: transport encryption does not apply`, { evidence });
  const { mode, source, encrypted } = facts.ssl;
  const remediation = 'Append sslmode=require (or verify-full with the provider\'s CA) to the connection URL.';
  if (source === 'default') {
    return outcome('warn', `no sslmode for ${facts.host}: the client may connect without TLS (libpq's default "prefer" falls back to clear text)`, { evidence, remediation });
  }
  if (source !== 'sslmode') return outcome('pass', `${source}: node-postgres requires TLS`, { evidence });
  if (mode === undefined) return outcome('warn', `unknown sslmode "${facts.params.sslmode}" for ${facts.host}`, { evidence, remediation });
  if (!encrypted) return outcome('warn', `sslmode=${mode} for ${facts.host} allows an unencrypted connection`, { evidence, remediation });
  return outcome('pass', `sslmode=${mode} for ${facts.host}`, { evidence });
}

/** Role names every scanner tries first. */
export const DEFAULT_USERS = ['postgres', 'root', 'admin', 'sa'];

/** User/password pairs shipped as defaults by images, tutorials and ORMs' examples. */
const DEFAULT_PAIRS: Readonly<Record<string, readonly string[]>> = {
  postgres: ['postgres', 'password', 'admin', 'root', 'secret', 'changeme', '123456', 'pass', 'mysecretpassword', 'example'],
  root: ['root', 'password', 'toor', 'admin', 'secret', 'changeme', '123456'],
  admin: ['admin', 'password', 'secret', 'changeme', '123456'],
  user: ['user', 'password', 'pass'],
  prisma: ['prisma'],
  docker: ['docker'],
  test: ['test'],
  dev: ['dev'],
  app: ['app', 'password'],
  sa: ['sa', 'password', 'Password123', 'yourStrong(!)Password'],
};

/** True for a well-known default pair, or a password equal to the user name. */
export function isDefaultPair(user: string, password: string): boolean {
  if (user !== '' && password === user) return true;
  return DEFAULT_PAIRS[user.toLowerCase()]?.includes(password) === true;
}

/** A password some image, tutorial or ORM example ships as its default, whoever the user: for a password set without a user. */
export function isDefaultPassword(password: string): boolean {
  return Object.values(DEFAULT_PAIRS).some((passwords) => passwords.includes(password)) || DEFAULT_USERS.includes(password.toLowerCase());
}
