import { readFileSync } from 'node:fs';
import { registerSecret } from '../core/redact.js';
import { SSL_MODES, parseDatabaseUrl as parseUrl, type DatabaseUrlFacts, type PrismaUrlParams, type SslMode } from '../config/database-url.js';

export { SSL_MODES, type PrismaUrlParams, type SslMode };

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
  /** Traffic never leaves the machine (core/hosts.ts: loopback, a Unix socket, localhost, …). */
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
 * Parses the URL with config/database-url.ts (pg-connection-string, the parser node-postgres itself uses),
 * registers the password as a secret at once and reads the PEM files the URL names. SSL follows libpq's
 * meaning of sslmode — the one Prisma and psql give it — rather than node-postgres's stricter reading, so the
 * tool negotiates what the application negotiates.
 */
export function parseDatabaseUrl(text: string): ParsedDatabaseUrl {
  if (!/^postgres(ql)?:\/\//i.test(text)) throw new DatabaseUrlError('expected a postgres:// or postgresql:// URL');
  const parsed = parseUrl(text);
  if (!parsed.ok) throw new DatabaseUrlError('not a valid URL');
  const facts = parsed.facts;
  registerSecret(facts.password);
  const tlsFiles = readTlsFiles(facts);
  const { mode } = facts.ssl;
  if (mode === 'verify-ca' && tlsFiles.ca === undefined) throw new DatabaseUrlError('sslmode=verify-ca needs sslrootcert=<CA file> in the URL');
  if (mode === undefined) throw new DatabaseUrlError(`sslmode=${facts.params.sslmode ?? ''} is not one of ${SSL_MODES.join(', ')}`);
  const port = facts.port ? Number(facts.port) : 5432;
  const database = facts.database || facts.user;
  return {
    url: {
      host: facts.host,
      port,
      database,
      user: facts.user,
      sslmode: mode,
      sslmodeExplicit: facts.ssl.source !== 'default',
      tlsFiles,
      schema: facts.schema,
      prisma: facts.prisma,
      local: facts.local,
      display: `${facts.host.startsWith('/') ? facts.host : `${facts.host}:${port}`}/${database}`,
    },
    ...(facts.password ? { password: facts.password } : {}),
  };
}

/** sslcert, sslkey and sslrootcert, read in pg-connection-string's order so the first missing file is the one named. */
function readTlsFiles(facts: DatabaseUrlFacts): DatabaseUrl['tlsFiles'] {
  const read = (path: string | undefined): string | undefined => {
    if (!path) return undefined;
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DatabaseUrlError(`a file named in the URL does not exist: ${path}`);
      throw new DatabaseUrlError('not a valid URL');
    }
  };
  const cert = read(facts.params.sslcert);
  const key = read(facts.params.sslkey);
  const ca = read(facts.params.sslrootcert);
  return { ...(ca !== undefined ? { ca } : {}), ...(cert !== undefined ? { cert } : {}), ...(key !== undefined ? { key } : {}) };
}
