import { parse } from 'pg-connection-string';
import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { judgeHost } from './hosts.js';
import { safeUrl } from './secret-like.js';

export interface DatabaseUrlFacts {
  scheme: string;
  user: string;
  /** Decoded; undefined when the URL carries none. Never printed. */
  password: string | undefined;
  host: string;
  port: string;
  database: string;
  /** Loopback, a unix socket, or a reserved local name: transport security does not apply. */
  local: boolean;
  params: Readonly<Record<string, string>>;
}

export type ParsedDatabaseUrl = { ok: true; facts: DatabaseUrlFacts } | { ok: false; problem: string };

/** Parameters pg-connection-string would act on by reading files or printing warnings; read from the URL instead. */
const SIDE_EFFECT_PARAMS = ['sslcert', 'sslkey', 'sslrootcert', 'sslmode', 'uselibpqcompat'];

/** A PostgreSQL (or other scheme://user:pass@host/db) connection URL, parsed by pg-connection-string. */
export function parseDatabaseUrl(text: string): ParsedDatabaseUrl {
  const url = safeUrl(text.trim());
  if (!url || (url.host === '' && !url.searchParams.has('host'))) {
    return { ok: false, problem: 'is not a scheme://user:password@host/database URL' };
  }
  const params = Object.fromEntries(url.searchParams);
  const forParser = new URL(url.href);
  for (const key of SIDE_EFFECT_PARAMS) forParser.searchParams.delete(key);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(forParser.href);
  } catch {
    return { ok: false, problem: 'cannot be parsed as a connection string' };
  }
  const host = parsed.host ?? '';
  return {
    ok: true,
    facts: {
      scheme: url.protocol.slice(0, -1),
      user: parsed.user ?? '',
      password: parsed.password ? parsed.password : undefined,
      host,
      port: parsed.port ?? '',
      database: parsed.database ?? '',
      local: host.startsWith('/') || judgeHost(host)?.problem.includes('local address') === true,
      params,
    },
  };
}

/** The URL for evidence: password and secret-looking parameters replaced. */
export function maskedDatabaseUrl(facts: DatabaseUrlFacts): string {
  const auth = facts.user ? `${encodeURIComponent(facts.user)}${facts.password !== undefined ? ':****' : ''}@` : '';
  const port = facts.port ? `:${facts.port}` : '';
  const query = Object.keys(facts.params).length > 0 ? `?${Object.keys(facts.params).map((k) => `${k}=${/pass|secret|key|token/i.test(k) ? '****' : facts.params[k]}`).join('&')}` : '';
  return `${facts.scheme}://${auth}${facts.host}${port}/${facts.database}${query}`;
}

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

/**
 * Transport of a PostgreSQL URL: a non-local host without `sslmode` of at least `require` may talk in clear
 * text (libpq's default, prefer, silently falls back). Prisma's pool parameters are reported as evidence.
 */
export function judgeDatabaseTransport(facts: DatabaseUrlFacts): CheckOutcome {
  const evidence: Record<string, unknown> = {
    host: facts.host,
    sslmode: facts.params.sslmode ?? null,
    ...(facts.params.ssl !== undefined ? { ssl: facts.params.ssl } : {}),
    ...(facts.params.connection_limit !== undefined ? { prismaConnectionLimit: Number(facts.params.connection_limit) } : {}),
    ...(facts.params.pool_timeout !== undefined ? { prismaPoolTimeoutSeconds: Number(facts.params.pool_timeout) } : {}),
    ...(facts.params.pgbouncer !== undefined ? { pgbouncer: facts.params.pgbouncer === 'true' } : {}),
  };
  if (!/^postgres(ql)?$/.test(facts.scheme)) {
    return outcome('skip', `transport rules cover PostgreSQL URLs; this one is ${facts.scheme}://`, { evidence });
  }
  if (facts.local) return outcome('pass', `local host ${facts.host}: transport encryption does not apply`, { evidence });
  const mode = facts.params.sslmode;
  const rank = mode === undefined ? -1 : SSL_MODES.indexOf(mode as (typeof SSL_MODES)[number]);
  const remediation = 'Append sslmode=require (or verify-full with the provider\'s CA) to the connection URL.';
  if (mode === undefined) {
    if (facts.params.ssl === 'true' || facts.params.ssl === '1') return outcome('pass', 'ssl=true: node-postgres requires TLS', { evidence });
    return outcome('warn', `no sslmode for ${facts.host}: the client may connect without TLS (libpq's default "prefer" falls back to clear text)`, { evidence, remediation });
  }
  if (rank === -1) return outcome('warn', `unknown sslmode "${mode}" for ${facts.host}`, { evidence, remediation });
  if (rank < SSL_MODES.indexOf('require')) {
    return outcome('warn', `sslmode=${mode} for ${facts.host} allows an unencrypted connection`, { evidence, remediation });
  }
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
