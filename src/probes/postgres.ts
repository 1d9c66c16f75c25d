import { rootCertificates, type ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { Memo } from '../core/memo.js';
import { registerSecret } from '../core/redact.js';
import { ProbeError } from '../core/errors.js';
import { DatabaseUrlError, parseDatabaseUrl, type DatabaseUrl } from './postgres-url.js';

export interface PostgresLimits {
  /** TCP connect + TLS + authentication. */
  connectTimeoutMs: number;
  /** Server-side `statement_timeout` of every query. */
  statementTimeoutMs: number;
  /** Server-side `lock_timeout`: how long a query may wait for a table another session has locked. */
  lockTimeoutMs: number;
}

/** How long close() lets a connected session say goodbye before its socket is destroyed. */
const END_GRACE_MS = 500;

export const DEFAULT_POSTGRES_LIMITS: PostgresLimits = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 5_000,
  lockTimeoutMs: 2_000,
};

export interface PostgresProbeOptions {
  url: string;
  limits?: Partial<PostgresLimits>;
  /** Extra trusted CA certificates (PEM) for sslmode=verify-ca/verify-full. */
  extraCa?: string;
  /** Aborts the run (Ctrl-C): the connection is closed. */
  signal?: AbortSignal;
}

/** What every check learns from connecting once. */
export interface SessionInfo {
  serverVersion: string;
  serverVersionNum: number;
  user: string;
  database: string;
  /** From pg_stat_ssl for this very backend: what was negotiated, not what was asked for. */
  ssl: { used: boolean; version: string | null; cipher: string | null };
  /** Round trip of `SELECT 1`-like work right after connecting. */
  connectMs: number;
}

const SQLSTATE_MESSAGES: Record<string, [ProbeError['code'], string]> = {
  '28P01': ['auth', 'password authentication failed (wrong password in the URL?)'],
  '28000': ['auth', 'the server refused this role or client (pg_hba.conf, or SSL required)'],
  '3D000': ['unavailable', 'the database named in the URL does not exist'],
  '53300': ['unavailable', 'too many connections: the server has no free connection slot'],
  '57P03': ['unavailable', 'the server is starting up or shutting down'],
  '42501': ['permission', 'permission denied'],
};

/**
 * One read-only PostgreSQL session shared by every check of a run. Each query runs alone in its own
 * `BEGIN TRANSACTION READ ONLY` with `SET LOCAL statement_timeout/lock_timeout`, then ROLLBACK — so it holds
 * even through PgBouncer in transaction mode — and the session itself is set READ ONLY as a second fence.
 * Queries are serialised (one connection), observations memoised in `memo`.
 */
export class PostgresProbe {
  readonly memo = new Memo();
  readonly target: DatabaseUrl;
  readonly limits: PostgresLimits;
  private readonly password: string | undefined;
  private client?: Promise<pg.Client>;
  /** Every pg client not yet ended, connecting ones included: close() must reach a socket still waiting for a SYN-ACK. */
  private readonly live = new Set<pg.Client>();
  private readonly connected = new WeakSet<pg.Client>();
  private closed = false;
  private broken?: ProbeError;
  private queue: Promise<unknown> = Promise.resolve();
  private statements = 0;
  private sessionInfo?: Promise<SessionInfo>;

  constructor(private readonly options: PostgresProbeOptions) {
    let parsed;
    try {
      parsed = parseDatabaseUrl(options.url);
    } catch (error) {
      if (error instanceof DatabaseUrlError) throw new ProbeError('protocol', `database.url: ${error.message}`);
      throw error;
    }
    this.target = parsed.url;
    this.password = parsed.password;
    this.limits = { ...DEFAULT_POSTGRES_LIMITS, ...options.limits };
    options.signal?.addEventListener('abort', () => void this.close(), { once: true });
  }

  /** Queries sent so far (each is one read-only transaction): lets tests prove a check's cost is bounded. */
  get queryCount(): number {
    return this.statements;
  }

  /** Connects (once) and describes the session; a connection failure is memoised and shared by every caller. */
  session(): Promise<SessionInfo> {
    this.sessionInfo ??= (async () => {
      const started = performance.now();
      const rows = await this.read<{
        version: string;
        version_num: number;
        user: string;
        database: string;
        ssl: boolean | null;
        tls_version: string | null;
        cipher: string | null;
      }>(
        `SELECT current_setting('server_version') AS version, current_setting('server_version_num')::int AS version_num,
                current_user AS user, current_database() AS database, s.ssl, s.version AS tls_version, s.cipher
           FROM (SELECT 1) one LEFT JOIN pg_stat_ssl s ON s.pid = pg_backend_pid()`,
      );
      const row = rows[0]!;
      return {
        // "15.18 (Debian 15.18-0+deb12u1)" → "15.18": the packager's suffix says nothing about the server.
        serverVersion: row.version.split(' ')[0] ?? row.version,
        serverVersionNum: row.version_num,
        user: row.user,
        database: row.database,
        ssl: { used: row.ssl === true, version: row.tls_version, cipher: row.cipher },
        connectMs: Math.round(performance.now() - started),
      };
    })();
    return this.sessionInfo;
  }

  /** Runs one statement in its own read-only transaction and returns its rows. */
  read<Row extends object = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const run = async (): Promise<Row[]> => {
      const client = await this.connect();
      this.statements++;
      const { statementTimeoutMs: statement, lockTimeoutMs: lock } = this.limits;
      try {
        await client.query(
          `BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = ${statement}; SET LOCAL lock_timeout = ${Math.min(lock, statement)}`,
        );
        // Always the extended protocol: one statement, never a multi-statement string.
        const result = await client.query<Row>({ text: sql, values: [...params] });
        return result.rows;
      } catch (error) {
        const failure = await this.describeFailure(error, client);
        if (failure.detail === 'READ_TIMEOUT') {
          // The session is stuck behind an unanswered query: later queries must not queue behind it.
          this.broken = failure;
          this.client = undefined;
          void this.retire(client);
        }
        throw failure;
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Ends every session at once, including one still connecting (its socket is destroyed rather than waited for), so
   * a run against a server that drops SYNs or stops answering ends when its report is written.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.client = undefined;
    this.broken ??= new ProbeError('aborted', 'the database session was closed');
    await Promise.all([...this.live].map((client) => this.retire(client)));
  }

  /** A polite Terminate to a session that is up, with a short grace; the socket is destroyed either way. */
  private async retire(client: pg.Client): Promise<void> {
    this.live.delete(client);
    const socket = client.connection.stream;
    if (this.connected.has(client)) {
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        client.end().catch(() => undefined),
        new Promise<void>((resolve) => {
          grace = setTimeout(resolve, END_GRACE_MS);
          grace.unref();
        }),
      ]);
      clearTimeout(grace);
    }
    socket.destroy();
  }

  private connect(): Promise<pg.Client> {
    if (this.broken) return Promise.reject(this.broken);
    this.client ??= this.open();
    return this.client;
  }

  private async open(): Promise<pg.Client> {
    const mode = this.target.sslmode;
    try {
      try {
        return await this.openWith(mode === 'disable' ? false : this.tlsOptions());
      } catch (error) {
        // libpq's prefer/allow: try TLS first, and fall back to plain only when the server has no TLS at all.
        if ((mode === 'prefer' || mode === 'allow') && /does not support SSL/i.test((error as Error).message)) {
          return await this.openWith(false);
        }
        throw error;
      }
    } catch (error) {
      // Remembered, so every later query (and check) reports the same reason without retrying.
      this.broken = toProbeError(error, this.target, this.limits);
      throw this.broken;
    }
  }

  private async openWith(ssl: ConnectionOptions | false): Promise<pg.Client> {
    const { target, limits } = this;
    const client = new pg.Client({
      host: target.host,
      port: target.port,
      database: target.database,
      user: target.user,
      ...(this.password !== undefined ? { password: this.password } : {}),
      ssl,
      application_name: 'readiness',
      connectionTimeoutMillis: limits.connectTimeoutMs,
      // A client-side backstop for a server that stops answering altogether.
      query_timeout: limits.statementTimeoutMs + 3_000,
    });
    // Without a listener, a connection dropped by the server would crash the whole run.
    client.on('error', (error) => {
      this.broken = toProbeError(error, this.target, this.limits);
      this.client = undefined;
    });
    this.live.add(client);
    try {
      await client.connect();
    } catch (error) {
      await this.retire(client);
      // Closed while connecting (Ctrl-C, or the run ended): that is the reason, not the destroyed socket.
      if (this.closed) throw new ProbeError('aborted', `the connection to PostgreSQL at ${target.display} was closed before it was up`);
      throw toProbeError(error, target, limits);
    }
    this.connected.add(client);
    // A password found in ~/.pgpass or PGPASSWORD is as secret as one in the URL.
    if (typeof (client as unknown as { password?: unknown }).password === 'string') {
      registerSecret((client as unknown as { password: string }).password);
    }
    await client.query(
      `SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY; SET statement_timeout = ${limits.statementTimeoutMs}; ` +
        `SET lock_timeout = ${Math.min(limits.lockTimeoutMs, limits.statementTimeoutMs)}; SET idle_in_transaction_session_timeout = 60000`,
    );
    return client;
  }

  private tlsOptions(): ConnectionOptions {
    const { sslmode, tlsFiles } = this.target;
    const identity = { ...(tlsFiles.cert ? { cert: tlsFiles.cert } : {}), ...(tlsFiles.key ? { key: tlsFiles.key } : {}) };
    const verifyChain = sslmode === 'verify-ca' || sslmode === 'verify-full' || (sslmode === 'require' && tlsFiles.ca !== undefined);
    if (!verifyChain) return { ...identity, rejectUnauthorized: false };
    const ca = tlsFiles.ca ?? (this.options.extraCa ? [...rootCertificates, this.options.extraCa] : undefined);
    return {
      ...identity,
      ...(ca ? { ca } : {}),
      rejectUnauthorized: true,
      ...(sslmode === 'verify-full' ? {} : { checkServerIdentity: () => undefined }),
    };
  }

  /** Turns a failed query into a ProbeError; a lock wait names the session holding the lock. */
  private async describeFailure(error: unknown, client: pg.Client): Promise<ProbeError> {
    const probeError = toProbeError(error, this.target, this.limits);
    if ((error as { code?: string }).code !== '55P03') return probeError;
    try {
      await client.query('ROLLBACK');
      await client.query(`BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = ${this.limits.statementTimeoutMs}`);
      const { rows } = await client.query<{ relation: string; mode: string; pid: number; application: string | null; seconds: number | null }>(
        `SELECT c.relname AS relation, l.mode, l.pid, a.application_name AS application,
                round(extract(epoch FROM now() - a.xact_start))::int AS seconds
           FROM pg_locks l JOIN pg_class c ON c.oid = l.relation LEFT JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.granted AND l.pid <> pg_backend_pid() AND l.mode IN ('AccessExclusiveLock', 'ExclusiveLock')
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          ORDER BY a.xact_start NULLS LAST LIMIT 3`,
      );
      if (rows.length === 0) return probeError;
      const holders = rows.map(
        (r) => `"${r.relation}" (${r.mode} by pid ${r.pid}${r.application ? `, ${r.application}` : ''}${r.seconds !== null ? `, for ${r.seconds} s` : ''})`,
      );
      return new ProbeError(probeError.code, `${probeError.message}; locked: ${holders.join(', ')}`, probeError.detail);
    } catch {
      return probeError;
    }
  }
}

/** Maps node-postgres and socket errors to the reasons a user can act on. */
export function toProbeError(error: unknown, target: DatabaseUrl, limits: PostgresLimits): ProbeError {
  if (error instanceof ProbeError) return error;
  const where = `PostgreSQL at ${target.display}`;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === '55P03') {
    return new ProbeError('timeout', `a query waited more than ${Math.min(limits.lockTimeoutMs, limits.statementTimeoutMs)} ms for a table lock held by another session`, code);
  }
  if (code === '57014') return new ProbeError('timeout', `a query ran longer than the ${limits.statementTimeoutMs} ms statement timeout`, code);
  if (typeof code === 'string' && SQLSTATE_MESSAGES[code]) {
    const [probeCode, text] = SQLSTATE_MESSAGES[code];
    const detail = code === '42501' ? `: ${message}` : '';
    return new ProbeError(probeCode, `${where}: ${text}${detail}`, code);
  }
  if (code === 'ECONNREFUSED') return new ProbeError('refused', `${where} refused the connection: server down or wrong port`, code);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ProbeError('dns', `${where}: host does not resolve (${code})`, code);
  if (code === 'ECONNRESET' || code === 'EPIPE') return new ProbeError('reset', `${where} closed the connection`, code);
  if (/timeout expired|connection timeout|Connection terminated due to connection timeout/i.test(message)) {
    return new ProbeError('timeout', `${where}: no connection within ${limits.connectTimeoutMs} ms`, 'CONNECT_TIMEOUT');
  }
  if (/Query read timeout/i.test(message)) {
    return new ProbeError('timeout', `${where} stopped answering (no reply within ${limits.statementTimeoutMs + 3_000} ms)`, 'READ_TIMEOUT');
  }
  if (/does not support SSL|certificate|self[- ]signed|SSL|TLS/i.test(message) || (typeof code === 'string' && /^(CERT_|ERR_TLS|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code))) {
    return new ProbeError('tls', `${where}: TLS failed (${typeof code === 'string' ? code : message})`, typeof code === 'string' ? code : undefined);
  }
  if (/Connection terminated/i.test(message)) return new ProbeError('reset', `${where} closed the connection`, 'TERMINATED');
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    return new ProbeError('unknown', `${where}: ${message} (SQLSTATE ${code})`, code);
  }
  return new ProbeError('unknown', `${where}: ${message}`, typeof code === 'string' ? code : undefined);
}
