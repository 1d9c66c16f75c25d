import type { PostgresProbe } from './postgres.js';

/** Server settings, connections and roles. */

export interface SettingFact {
  setting: string;
  /** pg_settings.source: default, configuration file, database, user, client, … */
  source: string;
}

export interface RoleSetting {
  /** Role the override applies to; null for every role (ALTER DATABASE … SET). */
  role: string | null;
  /** True when it applies to this database only (ALTER DATABASE, or ALTER ROLE … IN DATABASE). */
  thisDatabase: boolean;
  name: string;
  value: string;
}

export interface SettingsFacts {
  /** Settings this role can see, by name (superuser-only ones are absent). */
  settings: Record<string, SettingFact>;
  /** ALTER DATABASE / ALTER ROLE overrides that apply in this database (null when the catalog is not readable). */
  overrides: RoleSetting[] | null;
}

const SETTING_NAMES = [
  'TimeZone',
  'log_timezone',
  'max_connections',
  'superuser_reserved_connections',
  'reserved_connections',
  'session_replication_role',
  'default_transaction_read_only',
];

export function settings(probe: PostgresProbe): Promise<SettingsFacts> {
  return probe.memo.get('settings', async () => {
    const rows = await probe.read<{ name: string; setting: string; source: string }>(
      'SELECT name, setting, source FROM pg_settings WHERE name = ANY ($1)',
      [SETTING_NAMES],
    );
    let overrides: RoleSetting[] | null = null;
    try {
      const raw = await probe.read<{ role: string | null; this_database: boolean; config: string }>(
        `SELECT r.rolname AS role, s.setdatabase <> 0 AS this_database, unnest(s.setconfig) AS config
           FROM pg_db_role_setting s LEFT JOIN pg_roles r ON r.oid = s.setrole
          WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))`,
      );
      overrides = raw.map((r) => {
        const eq = r.config.indexOf('=');
        return { role: r.role, thisDatabase: r.this_database, name: r.config.slice(0, eq), value: r.config.slice(eq + 1) };
      });
    } catch {
      // Some managed services hide pg_db_role_setting; the session's own values still tell the story.
    }
    return { settings: Object.fromEntries(rows.map((r) => [r.name, { setting: r.setting, source: r.source }])), overrides };
  });
}

export interface ConnectionFacts {
  maxConnections: number;
  /** superuser_reserved_connections + reserved_connections (PG16+). */
  reserved: number;
  /** Client backends on the whole server, by state. */
  byState: Record<string, number>;
  clients: number;
  /** Client backends of this database. */
  thisDatabase: number;
  /** Client backends of this role. */
  thisRole: number;
  /** rolconnlimit of the role (-1 = none). */
  roleLimit: number;
  /** datconnlimit of the database (-1 = none). */
  databaseLimit: number;
}

/** Connection counts and limits; `roleName` (default the session's role) is the role whose limit and count apply. */
export function connections(probe: PostgresProbe, roleName?: string): Promise<ConnectionFacts> {
  return probe.memo.get(`connections:${roleName ?? ''}`, async () => {
    const [row] = await probe.read<{
      max: number;
      reserved: number;
      by_state: Record<string, number> | null;
      clients: number;
      this_db: number;
      this_role: number;
      role_limit: number;
      db_limit: number;
    }>(
      `SELECT current_setting('max_connections')::int AS max,
              current_setting('superuser_reserved_connections')::int
                + coalesce(current_setting('reserved_connections', true)::int, 0) AS reserved,
              (SELECT json_object_agg(state, n) FROM (SELECT coalesce(state, 'unknown') AS state, count(*)::int AS n FROM pg_stat_activity
                 WHERE backend_type = 'client backend' GROUP BY 1) s) AS by_state,
              (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS clients,
              (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = current_database()) AS this_db,
              (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend' AND usename = coalesce($1, current_user)) AS this_role,
              coalesce((SELECT rolconnlimit FROM pg_roles WHERE rolname = coalesce($1, current_user)), -1) AS role_limit,
              (SELECT datconnlimit FROM pg_database WHERE datname = current_database()) AS db_limit`,
      [roleName ?? null],
    );
    return {
      maxConnections: row!.max,
      reserved: row!.reserved,
      byState: row!.by_state ?? {},
      clients: row!.clients,
      thisDatabase: row!.this_db,
      thisRole: row!.this_role,
      roleLimit: row!.role_limit,
      databaseLimit: row!.db_limit,
    };
  });
}

export interface RoleFacts {
  name: string;
  superuser: boolean;
  createRole: boolean;
  createDb: boolean;
  bypassRls: boolean;
  replication: boolean;
  /** rolcanlogin: the role may open sessions at all. */
  canLogin: boolean;
  /** rolvaliduntil as text ('infinity' possible); null when the password never expires. */
  validUntil: string | null;
  /** True when rolvaliduntil lies in the past, by the server's clock: password logins are refused. */
  passwordExpired: boolean;
  /** Seconds until rolvaliduntil, by the server's clock; null when it never expires. */
  expiresInSeconds: number | null;
  /** rolconnlimit (-1 = none). */
  connectionLimit: number;
  /** Client backends of this role now. */
  connections: number;
  /** CONNECT privilege on the current database (through PUBLIC or a grant). */
  canConnect: boolean;
  /** Roles with superuser/createrole/bypassrls this role is a member of (it can SET ROLE to them). */
  privilegedMemberships: { name: string; superuser: boolean; createRole: boolean; bypassRls: boolean }[];
  /** Predefined roles (pg_*) this role is a member of, directly or through other roles. */
  predefinedMemberships: string[];
  /** Functions from SERVER_FILE_FUNCTIONS that this role may EXECUTE (read or write files on the server). */
  serverFileFunctions: string[];
}

/**
 * Functions revoked from PUBLIC because they read or write the server's files as the postgres OS user: EXECUTE
 * on any of them gives a role what pg_read_server_files / pg_write_server_files would.
 */
export const SERVER_FILE_FUNCTIONS = [
  'lo_import(text)',
  'lo_import(text,oid)',
  'lo_export(oid,text)',
  'pg_read_file(text)',
  'pg_read_file(text,bigint,bigint)',
  'pg_read_binary_file(text)',
  'pg_ls_dir(text)',
  'pg_file_write(text,text,boolean)',
];

export function role(probe: PostgresProbe, name?: string): Promise<RoleFacts | undefined> {
  return probe.memo.get(`role:${name ?? ''}`, async () => {
    const [row] = await probe.read<
      Omit<RoleFacts, 'privilegedMemberships' | 'predefinedMemberships' | 'serverFileFunctions'> & {
        memberships: RoleFacts['privilegedMemberships'] | null;
        predefined: string[] | null;
        functions: string[] | null;
      }
    >(
      `SELECT r.rolname AS name, r.rolsuper AS superuser, r.rolcreaterole AS "createRole", r.rolcreatedb AS "createDb",
              r.rolbypassrls AS "bypassRls", r.rolreplication AS replication, r.rolcanlogin AS "canLogin",
              r.rolvaliduntil::text AS "validUntil", coalesce(r.rolvaliduntil < now(), false) AS "passwordExpired",
              CASE WHEN r.rolvaliduntil IS NULL OR r.rolvaliduntil = 'infinity' THEN NULL
                   ELSE floor(extract(epoch FROM r.rolvaliduntil - now()))::float8 END AS "expiresInSeconds",
              r.rolconnlimit AS "connectionLimit",
              (SELECT count(*)::int FROM pg_stat_activity a WHERE a.backend_type = 'client backend' AND a.usesysid = r.oid) AS connections,
              has_database_privilege(r.oid, current_database(), 'CONNECT') AS "canConnect",
              (SELECT json_agg(json_build_object('name', p.rolname, 'superuser', p.rolsuper, 'createRole', p.rolcreaterole, 'bypassRls', p.rolbypassrls))
                 FROM pg_roles p WHERE p.oid <> r.oid AND (p.rolsuper OR p.rolcreaterole OR p.rolbypassrls)
                  AND pg_has_role(r.oid, p.oid, 'MEMBER')) AS memberships,
              (SELECT array_agg(p.rolname::text ORDER BY p.rolname) FROM pg_roles p
                WHERE p.oid <> r.oid AND p.rolname LIKE 'pg\_%' AND pg_has_role(r.oid, p.oid, 'MEMBER')) AS predefined,
              (SELECT array_agg(f ORDER BY f) FROM unnest($2::text[]) f
                WHERE to_regprocedure(f) IS NOT NULL AND has_function_privilege(r.oid, to_regprocedure(f), 'EXECUTE')) AS functions
         FROM pg_roles r WHERE r.rolname = coalesce($1, current_user)`,
      [name ?? null, SERVER_FILE_FUNCTIONS],
    );
    if (!row) return undefined;
    const { memberships, predefined, functions, ...facts } = row;
    return { ...facts, privilegedMemberships: memberships ?? [], predefinedMemberships: predefined ?? [], serverFileFunctions: functions ?? [] };
  });
}

/** What tells one database apart from another, whatever URL reached it (a proxy, another host name for the same server). */
export interface ServerIdentity {
  /** pg_postmaster_start_time(), as text to the microsecond: two servers started at the same microsecond are not met in practice. */
  startedAt: string;
  database: string;
  /** pg_database.oid of the current database. */
  databaseOid: string;
  /** pg_control_system().system_identifier when this role may read it (PostgreSQL restricts it on some services). */
  systemIdentifier: string | null;
}

export function serverIdentity(probe: PostgresProbe): Promise<ServerIdentity> {
  return probe.memo.get('server-identity', async () => {
    const [row] = await probe.read<{ started: string; database: string; oid: string }>(
      `SELECT pg_postmaster_start_time()::text AS started, current_database() AS database,
              (SELECT oid::text FROM pg_database WHERE datname = current_database()) AS oid`,
    );
    let systemIdentifier: string | null = null;
    try {
      const [control] = await probe.read<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()');
      systemIdentifier = control?.id ?? null;
    } catch {
      // Not granted here: the start time and database oid still tell the databases apart.
    }
    return { startedAt: row!.started, database: row!.database, databaseOid: row!.oid, systemIdentifier };
  });
}
