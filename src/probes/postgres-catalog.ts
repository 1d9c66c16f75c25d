import { ProbeError } from '../core/errors.js';
import { absentObjects, migrationTable, type ExpectedObject, type MigrationTableFacts } from './postgres-migrations-table.js';
import { relations, tableStats, type RelationFacts, type TableStatsFacts } from './postgres-relations.js';
import { connections, role, serverIdentity, settings, type ConnectionFacts, type RoleFacts, type ServerIdentity, type SettingsFacts } from './postgres-server.js';
import { databaseSize, tableRows, type DatabaseSize, type TableRows } from './postgres-size.js';
import { localTimestampDefaults, statementStats, type DefaultedTimestampColumn, type StatementStatsFacts } from './postgres-statements.js';
import { PostgresProbe, type SessionInfo } from './postgres.js';
import type { DatabaseUrl } from './postgres-url.js';
import { defineProbe } from './registry.js';

export type * from './postgres-migrations-table.js';
export type * from './postgres-relations.js';
export type * from './postgres-server.js';
export type * from './postgres-size.js';
export type * from './postgres-statements.js';
export { CATALOG_ROW_CAP, quoteIdent } from './postgres-sql.js';
export { PRISMA_ADVISORY_LOCK } from './postgres-migrations-table.js';

/**
 * The observations the database checks judge, each one catalog query (or two) through one read-only session and
 * memoised, so checks that need the same fact share one query. Only catalogs and statistics views are read — never
 * application tables — so the role needs no grant beyond pg_read_all_stats and SELECT on `_prisma_migrations`
 * (see docs/database.md).
 */
export class DatabaseCatalog {
  constructor(private readonly session_: PostgresProbe) {}

  /** The URL's parts as the session connects with them (the password is never kept here). */
  get target(): DatabaseUrl {
    return this.session_.target;
  }

  /** Queries sent so far on this session (each one read-only transaction). */
  get queryCount(): number {
    return this.session_.queryCount;
  }

  /** Connects (once) and describes the session; a connection failure is memoised and shared by every caller. */
  session(): Promise<SessionInfo> {
    return this.session_.session();
  }

  migrationTable(): Promise<MigrationTableFacts> {
    return migrationTable(this.session_);
  }

  /** Which of the objects (created by a migration) the catalog does not hold. */
  absentObjects(objects: readonly ExpectedObject[]): Promise<ExpectedObject[]> {
    return absentObjects(this.session_, objects);
  }

  relations(): Promise<RelationFacts> {
    return relations(this.session_);
  }

  tableStats(): Promise<TableStatsFacts> {
    return tableStats(this.session_);
  }

  settings(): Promise<SettingsFacts> {
    return settings(this.session_);
  }

  /** Connection counts and limits; `roleName` (default the session's role) is the role whose limit and count apply. */
  connections(roleName?: string): Promise<ConnectionFacts> {
    return connections(this.session_, roleName);
  }

  /** Server start time, database oid and system identifier: whether two URLs reach the same database. */
  serverIdentity(): Promise<ServerIdentity> {
    return serverIdentity(this.session_);
  }

  role(name?: string): Promise<RoleFacts | undefined> {
    return role(this.session_, name);
  }

  localTimestampDefaults(): Promise<DefaultedTimestampColumn[]> {
    return localTimestampDefaults(this.session_);
  }

  statementStats(limit?: number): Promise<StatementStatsFacts> {
    return statementStats(this.session_, limit);
  }

  tableRows(): Promise<TableRows[]> {
    return tableRows(this.session_);
  }

  databaseSize(): Promise<DatabaseSize> {
    return databaseSize(this.session_);
  }

  close(): Promise<void> {
    return this.session_.close();
  }
}

/** The run's database sessions: the environment's own, and any other (a restored backup) by URL; one per URL. */
export class Databases {
  private readonly sessions = new Map<string, DatabaseCatalog>();

  constructor(
    private readonly options: {
      url: string | undefined;
      signal: AbortSignal;
      extraCa?: string;
      limits?: { connectTimeoutMs: number; statementTimeoutMs: number; lockTimeoutMs: number };
    },
  ) {}

  /** The read-only session on the environment's database.url, opened on first use and shared by every check. */
  main(): DatabaseCatalog {
    if (!this.options.url) throw new ProbeError('unavailable', 'no database.url configured for this environment');
    return this.at(this.options.url);
  }

  /** A read-only session on another database (e.g. a restored backup), with the same limits. */
  at(url: string): DatabaseCatalog {
    let catalog = this.sessions.get(url);
    if (!catalog) {
      const { signal, extraCa, limits } = this.options;
      catalog = new DatabaseCatalog(new PostgresProbe({ url, signal, ...(extraCa ? { extraCa } : {}), ...(limits ? { limits } : {}) }));
      this.sessions.set(url, catalog);
    }
    return catalog;
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((catalog) => catalog.close()));
  }
}

export const postgresProbe = defineProbe<Databases>({
  name: 'postgres',
  describes:
    'One pg session per database URL; every query runs alone in BEGIN TRANSACTION READ ONLY with statement and lock timeouts on a READ ONLY session, ' +
    'and reads catalogs and statistics views only (never application tables), each capped in rows.',
  create: (run) => {
    const database = run.target.environment.database;
    return new Databases({
      url: database?.url,
      signal: run.signal,
      ...(run.extraCa ? { extraCa: run.extraCa } : {}),
      ...(database
        ? { limits: { connectTimeoutMs: database.connectTimeout, statementTimeoutMs: database.statementTimeout, lockTimeoutMs: database.lockTimeout } }
        : {}),
    });
  },
  close: (databases) => databases.close(),
});
