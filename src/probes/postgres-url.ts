import { parse } from 'pg-connection-string';
import { registerSecret } from '../core/redact.js';

/** libpq's sslmode values, plus node-postgres's `no-verify`. */
export const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** The query parameters Prisma reads from DATABASE_URL that matter to these checks. */
export interface PrismaUrlParams {
  /** `connection_limit`: pool size of one PrismaClient. */
  connectionLimit?: number;
  /** `pool_timeout` in seconds. */
  poolTimeout?: number;
  /** `pgbouncer=true`: Prisma talks to PgBouncer in transaction mode. */
  pgbouncer: boolean;
}

/** A parsed postgres:// URL, without its password (which is registered as a secret and kept apart). */
export interface DatabaseUrl {
  host: string;
  port: number;
  database: string;
  user: string;
  sslmode: SslMode;
  /** False when the URL does not say, in which case libpq (and Prisma) behave as `prefer`. */
  sslmodeExplicit: boolean;
  /** PEM files named by sslrootcert / sslcert / sslkey, already read. */
  tlsFiles: { ca?: string; cert?: string; key?: string };
  /** Prisma's `?schema=` (default public): where `_prisma_migrations` lives. */
  schema: string;
  prisma: PrismaUrlParams;
  /** Loopback or a Unix socket: traffic never leaves the machine. */
  local: boolean;
  /** `host:port/database` for messages. */
  display: string;
}

export interface ParsedDatabaseUrl {
  url: DatabaseUrl;
  password?: string;
}

export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

/**
 * Parses the URL with pg-connection-string (the parser node-postgres itself uses) and registers the password
 * as a secret at once. SSL follows libpq's meaning of sslmode — the one Prisma and psql give it — rather
 * than node-postgres's stricter reading, so the tool negotiates what the application negotiates.
 */
export function parseDatabaseUrl(text: string): ParsedDatabaseUrl {
  if (!/^postgres(ql)?:\/\//i.test(text)) throw new DatabaseUrlError('expected a postgres:// or postgresql:// URL');
  let raw: ReturnType<typeof parse>;
  try {
    // libpq-compatible parsing only keeps node-postgres from printing its sslmode deprecation warning; the
    // TLS options are rebuilt from sslmode by the probe either way.
    raw = parse(text, /[?&]uselibpqcompat=/i.test(text) ? {} : { useLibpqCompat: true });
  } catch (error) {
    const { code, path, message } = error as NodeJS.ErrnoException;
    // pg-connection-string reads sslrootcert/sslcert/sslkey itself; a missing file is the likely failure.
    if (code === 'ENOENT') throw new DatabaseUrlError(`a file named in the URL does not exist: ${path ?? ''}`);
    if (/verify-ca/.test(message)) throw new DatabaseUrlError('sslmode=verify-ca needs sslrootcert=<CA file> in the URL');
    throw new DatabaseUrlError('not a valid URL');
  }
  const password = typeof raw.password === 'string' && raw.password !== '' ? raw.password : undefined;
  registerSecret(password);
  const params = raw as unknown as Record<string, unknown>;
  const mode = typeof params.sslmode === 'string' ? params.sslmode : undefined;
  if (mode !== undefined && !(SSL_MODES as readonly string[]).includes(mode)) {
    throw new DatabaseUrlError(`sslmode=${mode} is not one of ${SSL_MODES.join(', ')}`);
  }
  const ssl = typeof raw.ssl === 'object' && raw.ssl !== null ? (raw.ssl as { ca?: unknown; cert?: unknown; key?: unknown }) : {};
  const host = raw.host ?? '';
  const port = raw.port ? Number(raw.port) : 5432;
  const database = raw.database ?? raw.user ?? '';
  return {
    url: {
      host,
      port,
      database,
      user: raw.user ?? '',
      sslmode: (mode as SslMode | undefined) ?? (raw.ssl === true ? 'require' : 'prefer'),
      sslmodeExplicit: mode !== undefined || raw.ssl === true,
      tlsFiles: {
        ...(typeof ssl.ca === 'string' ? { ca: ssl.ca } : {}),
        ...(typeof ssl.cert === 'string' ? { cert: ssl.cert } : {}),
        ...(typeof ssl.key === 'string' ? { key: ssl.key } : {}),
      },
      schema: typeof params.schema === 'string' && params.schema !== '' ? params.schema : 'public',
      prisma: {
        ...positiveNumber('connectionLimit', params.connection_limit),
        ...positiveNumber('poolTimeout', params.pool_timeout),
        pgbouncer: params.pgbouncer === 'true',
      },
      local: isLocalHost(host),
      display: `${host.startsWith('/') ? host : `${host}:${port}`}/${database}`,
    },
    ...(password ? { password } : {}),
  };
}

/** True for loopback addresses, `localhost` and Unix socket directories. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === '' || h.startsWith('/') || h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '::1';
}

function positiveNumber<K extends string>(key: K, value: unknown): Partial<Record<K, number>> {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return {};
  return { [key]: Number(value) } as Partial<Record<K, number>>;
}
