import { z } from 'zod';
import { parseDatabaseUrl, SSL_MODES } from '../database-url.js';
import { age, duration, nonEmpty } from './common.js';
import { withCredentials } from './secret.js';

/**
 * A PostgreSQL URL, checked as the client will read it (pg-connection-string) without echoing it, since it holds a
 * password: scheme, port 1-65535, a known sslmode. `emptySkips`: an empty value is how a config opts out.
 */
function postgresUrl(emptySkips: boolean) {
  return z.string().superRefine((value, ctx) => {
    if (emptySkips && value === '') return;
    const problem = postgresUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem + (emptySkips ? ' (an empty value makes the database checks skip)' : '') });
  });
}

export function postgresUrlProblem(value: string): string | undefined {
  if (!/^postgres(ql)?:\/\/./i.test(value)) return 'expected a postgres:// or postgresql:// URL';
  const parsed = parseDatabaseUrl(value);
  if (!parsed.ok) {
    return 'expected a postgres:// connection URL that can be parsed; this one cannot (is the port a number from 1 to 65535? are special characters in the password percent-encoded?)';
  }
  const { port, params } = parsed.facts;
  if (port !== '' && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65_535)) {
    return `the port in this URL is not a port number from 1 to 65535`;
  }
  if (params.sslmode !== undefined && !(SSL_MODES as readonly string[]).includes(params.sslmode)) {
    return `sslmode=${params.sslmode.slice(0, 20)} is not one of ${SSL_MODES.join(', ')}`;
  }
  return undefined;
}

/** Who opens connections: replicas × pool size per service, for the connection-pooling arithmetic. */
export const poolSchema = z.strictObject({
  replicas: z.number().int().min(1).max(10_000).default(1).describe('Instances of the service running at once'),
  size: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe("Connections each instance's pool may open (Prisma connection_limit); default: connection_limit from database.url"),
});

export const backupsSchema = z.strictObject({
  location: nonEmpty.describe('Directory holding the backups (relative to the config file), or s3://bucket/prefix'),
  maxAge: age.default(26 * 3_600_000).describe('The newest backup must be younger than this (default 26h: daily plus slack)'),
  minSize: z.number().int().min(1).default(1).describe('A backup smaller than this many bytes counts as empty'),
  restoredUrl: withCredentials(postgresUrl(false))
    .optional()
    .describe('URL of a scratch database restored from a backup; when set, the restore is verified against production'),
});

export const databaseSchema = z.strictObject({
  url: withCredentials(postgresUrl(true))
    .describe('PostgreSQL connection URL, usually "${DATABASE_URL}"; empty (e.g. "${DATABASE_URL:-}") skips the database checks'),
  migrations: nonEmpty
    .optional()
    .describe('Prisma migrations folder, relative to the config file (default prisma/migrations; without the key and the folder, database.migrations-applied skips unless the database has Prisma migrations)'),
  connectTimeout: duration.default(5_000).describe('Connect + TLS + authentication budget (default 5s)'),
  statementTimeout: duration.default(5_000).describe('statement_timeout of every query the tool sends (default 5s)'),
  lockTimeout: duration.default(2_000).describe('lock_timeout: how long a query may wait for a table another session locked (default 2s)'),
  appRole: nonEmpty.optional().describe('Role the application connects as, when database.url uses another (e.g. a read-only monitoring role)'),
  pools: z
    .record(z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: 'expected a lower-case service name' }), poolSchema)
    .optional()
    .describe('Services that connect to this database, with replicas and pool size'),
  backups: backupsSchema.optional().describe('Where backups of this database land, for the backup checks'),
}).describe('PostgreSQL, read-only: every query runs in a READ ONLY transaction');

export type DatabaseConfig = z.infer<typeof databaseSchema>;
export type PoolConfig = z.infer<typeof poolSchema>;
export type BackupsConfig = z.infer<typeof backupsSchema>;
