import { parse } from 'pg-connection-string';
import { isLocalHost } from '../core/hosts.js';

/** libpq's sslmode values, plus node-postgres's `no-verify` (encrypted, certificate not checked). */
export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** The modes under which the client refuses to talk in clear text; disable, allow and prefer all may. */
const ENCRYPTING_MODES: ReadonlySet<SslMode> = new Set(['require', 'no-verify', 'verify-ca', 'verify-full']);

/** What the URL asks of transport encryption, as the client will apply it. */
export interface SslRequest {
  /** The mode applied; undefined when `sslmode` names one no client knows (`params.sslmode` holds it). */
  mode: SslMode | undefined;
  /**
   * Where the mode comes from: `sslmode=`; node-postgres's `ssl=true` or `sslnegotiation=direct`, both meaning
   * require; or nothing, where libpq (and Prisma) default to prefer.
   */
  source: 'sslmode' | 'ssl=true' | 'sslnegotiation=direct' | 'default';
  /** The client refuses a connection without TLS. */
  encrypted: boolean;
}

/** The query parameters Prisma reads from DATABASE_URL that matter to these checks. */
export interface PrismaUrlParams {
  /** `connection_limit`: pool size of one PrismaClient. */
  connectionLimit?: number;
  /** `pool_timeout` in seconds. */
  poolTimeout?: number;
  /** `pgbouncer=true`: Prisma talks to PgBouncer in transaction mode. */
  pgbouncer: boolean;
}

/** Everything a check or probe learns from a database URL without connecting or reading a file. */
export interface DatabaseUrlFacts {
  /** Lower-case: postgres, postgresql, mysql, … */
  scheme: string;
  user: string;
  /** Decoded; undefined when the URL carries none. Never printed. */
  password: string | undefined;
  /** As pg-connection-string reads it (`?host=` wins, IPv6 brackets dropped); '' when the URL names none. */
  host: string;
  /** `host` split at its commas (libpq's multi-host form); empty when the URL names none. */
  hosts: readonly string[];
  /** As written; '' when absent. */
  port: string;
  /** As written; '' when absent. */
  database: string;
  /** The query parameters as written, sslcert/sslkey/sslrootcert included (their files are not read). */
  params: Readonly<Record<string, string>>;
  ssl: SslRequest;
  prisma: PrismaUrlParams;
  /** Prisma's `?schema=` (default public): where `_prisma_migrations` lives. */
  schema: string;
  /**
   * Traffic never leaves this machine: every host is local by core/hosts.ts, or the URL names none, so the
   * client falls back to its default (node-postgres: PGHOST, else localhost; libpq: the Unix socket).
   */
  local: boolean;
}

export type ParsedDatabaseUrl = { ok: true; facts: DatabaseUrlFacts } | { ok: false; problem: string };

export const NOT_A_DATABASE_URL = 'is not a scheme://user:password@host/database URL';

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
/** Parameters pg-connection-string would act on by reading files, printing warnings or throwing; read from the query instead. */
const SIDE_EFFECT_PARAMS = ['sslcert', 'sslkey', 'sslrootcert', 'sslmode', 'uselibpqcompat'];

/**
 * A PostgreSQL (or other scheme://user:pass@host/db) connection URL, parsed by pg-connection-string — the parser
 * node-postgres itself uses — with the parameters that would make it touch the file system left out.
 */
export function parseDatabaseUrl(text: string): ParsedDatabaseUrl {
  const trimmed = text.trim();
  const scheme = SCHEME.exec(trimmed)?.[1];
  if (!scheme) return { ok: false, problem: NOT_A_DATABASE_URL };
  const { base, query } = splitQuery(trimmed);
  const params = Object.fromEntries(query);
  for (const key of SIDE_EFFECT_PARAMS) query.delete(key);
  const rest = query.toString();
  let raw: ReturnType<typeof parse>;
  try {
    raw = parse(rest === '' ? base : `${base}?${rest}`);
  } catch {
    return { ok: false, problem: 'cannot be parsed as a connection string' };
  }
  const host = raw.host ?? '';
  const hosts = host === '' ? [] : host.startsWith('/') ? [host] : host.split(',').filter((h) => h !== '');
  return {
    ok: true,
    facts: {
      scheme: scheme.toLowerCase(),
      user: raw.user ?? '',
      password: raw.password ? raw.password : undefined,
      host,
      hosts,
      port: raw.port ?? '',
      database: raw.database ?? '',
      params,
      ssl: sslRequest(params, raw.ssl),
      prisma: {
        ...wholeNumber('connectionLimit', params.connection_limit),
        ...wholeNumber('poolTimeout', params.pool_timeout),
        pgbouncer: params.pgbouncer === 'true',
      },
      schema: params.schema ? params.schema : 'public',
      local: hosts.every(isLocalHost),
    },
  };
}

/** The URL without its fragment (pg-connection-string ignores it), and its query: the first `?` ends the authority and path. */
function splitQuery(url: string): { base: string; query: URLSearchParams } {
  const withoutFragment = url.split('#', 1)[0] ?? '';
  const at = withoutFragment.indexOf('?');
  if (at === -1) return { base: withoutFragment, query: new URLSearchParams() };
  return { base: withoutFragment.slice(0, at), query: new URLSearchParams(withoutFragment.slice(at + 1)) };
}

/** `ssl` as pg-connection-string left it: true for ssl=true/1 and for sslnegotiation=direct (which libpq allows only with TLS). */
function sslRequest(params: Readonly<Record<string, string>>, ssl: unknown): SslRequest {
  const written = params.sslmode;
  if (written !== undefined) {
    const mode = SSL_MODES.find((m) => m === written);
    return { mode, source: 'sslmode', encrypted: mode !== undefined && ENCRYPTING_MODES.has(mode) };
  }
  if (ssl === true) return { mode: 'require', source: params.ssl === 'true' || params.ssl === '1' ? 'ssl=true' : 'sslnegotiation=direct', encrypted: true };
  return { mode: 'prefer', source: 'default', encrypted: false };
}

function wholeNumber<K extends string>(key: K, value: string | undefined): Partial<Record<K, number>> {
  if (value === undefined || !/^\d+$/.test(value)) return {};
  return { [key]: Number(value) } as Partial<Record<K, number>>;
}
