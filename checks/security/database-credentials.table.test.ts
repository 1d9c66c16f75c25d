import { createHash } from 'node:crypto';
import { inputTable } from '../../test/helpers/input-table.js';
import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './database-credentials.js';

// The live-session part, from the sessions recorded against a real PostgreSQL. First in the file: the input rows
// below register default passwords such as "postgres" for redaction, which would mask the role names here.
judgementTable(check, [
  {
    scenario: 'application role on loopback',
    status: 'pass',
    message:
      /^database\.url password: the password for shop_app@127\.0\.0\.1: \d+ estimated bits, 24 bytes \(\w+\); database\.url transport: local host 127\.0\.0\.1: transport encryption does not apply; live session: not encrypted, but 127\.0\.0\.1 is local: traffic never leaves the machine; role shop_app is not a superuser and has no CREATEROLE or BYPASSRLS$/,
    evidence: { 'live session': { verdict: 'pass' } },
  },
  {
    scenario: 'app role is superuser',
    status: 'fail',
    message:
      'live session: role: role postgres has SUPERUSER, CREATEROLE, BYPASSRLS: a leaked DATABASE_URL (or an SQL injection) owns the whole server; role postgres has REPLICATION and CREATEDB, which an application does not need',
  },
  // The same observations without the live session: only the URL's own parts remain, and they pass.
  {
    scenario: 'app role is superuser',
    options: { session: false },
    status: 'pass',
    message: /^database\.url password: the password for shop_app@127\.0\.0\.1: .*; database\.url transport: local host 127\.0\.0\.1: transport encryption does not apply$/,
  },
  // Predefined roles as good as superuser, and the file functions revoked from PUBLIC.
  {
    scenario: 'app role member of pg_execute_server_program',
    status: 'fail',
    message:
      'live session: role: role program_runner is a member of pg_execute_server_program (runs programs on the database server as the postgres OS user (COPY … TO PROGRAM)): as good as superuser to whoever holds the URL',
    evidence: { 'live session': { verdict: 'fail' } },
  },
  {
    scenario: 'app role inherits pg_write_server_files',
    status: 'fail',
    message:
      'live session: role: role file_writer is a member of pg_write_server_files (writes any file the postgres OS user can (COPY … TO a file), including the configuration): as good as superuser to whoever holds the URL',
  },
  {
    scenario: 'app role member of pg_read_all_data',
    status: 'warn',
    message:
      'live session: role: role data_reader is a member of pg_read_all_data (reads every table, view and sequence of every schema whatever their grants), which an application does not need',
  },
  {
    scenario: 'app role may execute lo_export',
    status: 'fail',
    message: 'live session: role: role exporter may EXECUTE lo_export(oid,text), which read or write files on the database server',
  },
  {
    scenario: "env's DB_USER is a member of pg_read_server_files",
    status: 'fail',
    message:
      'live session: role legacy_app (DB_USER): role legacy_app is a member of pg_read_server_files (reads any file the postgres OS user can (COPY … FROM a file, pg_read_file): keys, configuration, other databases): as good as superuser to whoever holds the URL',
  },
  // Without the live session, the same env's split credentials are still judged: a strong DB_PASSWORD passes.
  {
    scenario: "env's DB_USER is a member of pg_read_server_files",
    options: { session: false },
    status: 'pass',
    message:
      /^database\.url password: the password for readiness_reader@127\.0\.0\.1: .*; database\.url transport: local host 127\.0\.0\.1: transport encryption does not apply; DB_PASSWORD password: the password for legacy_app@127\.0\.0\.1: \d+ estimated bits, 32 bytes \(alphanumeric\); DB_PASSWORD transport: local host 127\.0\.0\.1: transport encryption does not apply$/,
  },
  { scenario: 'database unreachable', status: 'error', message: /^live session: PostgreSQL at 127\.0\.0\.1:1\/\w+ refused the connection: server down or wrong port$/ },
  {
    scenario: 'database unreachable',
    options: { session: false },
    status: 'pass',
    message: /^database\.url password: .*; database\.url transport: local host 127\.0\.0\.1: transport encryption does not apply$/,
  },
]);

/** A random-looking password of 32 base64url characters, the same on every run (so each estimate is exact). */
const strong = (label: string) => createHash('sha256').update(`database-credentials table: ${label}`).digest('base64url').slice(0, 32);
const prodUrl = (url: string, more = '') => `  prod:\n    database: { url: "${url}" }\n${more}`;
/** The URL-side rules: the hosts are made up, so the live session is off (it is judged from recordings above). */
const urlOnly = { session: false };

inputTable(check, [
  {
    name: 'a random password for an application role over sslmode=require',
    environments: prodUrl(`postgresql://shop_app:${strong('app')}@db.prod.internal:5432/shop?sslmode=require&connection_limit=5`),
    options: urlOnly,
    status: 'pass',
    message: 'database.url password: the password for shop_app@db.prod.internal: 190 estimated bits, 32 bytes (alphanumeric); database.url transport: sslmode=require for db.prod.internal',
    evidence: { 'database.url transport': { verdict: 'pass', prismaConnectionLimit: 5 } },
  },
  {
    name: 'a local host without sslmode',
    environments: prodUrl(`postgres://shop_app:${strong('local')}@127.0.0.1:5432/shop`),
    options: urlOnly,
    status: 'pass',
    message: 'database.url password: the password for shop_app@127.0.0.1: 192 estimated bits, 32 bytes (base64url); database.url transport: local host 127.0.0.1: transport encryption does not apply',
  },
  {
    name: 'a remote host without sslmode',
    environments: prodUrl(`postgres://shop_app:${strong('nossl')}@db.prod.internal/shop`),
    options: urlOnly,
    status: 'warn',
    message: "database.url transport: no sslmode for db.prod.internal: the client may connect without TLS (libpq's default \"prefer\" falls back to clear text)",
  },
  {
    name: 'a remote host with sslmode=disable',
    environments: prodUrl(`postgres://shop_app:${strong('disable')}@db.prod.internal/shop?sslmode=disable`),
    options: urlOnly,
    status: 'warn',
    message: 'database.url transport: sslmode=disable for db.prod.internal allows an unencrypted connection',
  },
  {
    name: 'a strong password for a default user name',
    environments: prodUrl(`postgres://admin:${strong('admin')}@db.prod.internal/shop?sslmode=require`),
    options: urlOnly,
    status: 'warn',
    message: 'database.url password: strong password (190 estimated bits), but "admin" is a default user name that every scanner tries; use an application role',
  },
  {
    name: 'a weak password',
    environments: prodUrl('postgres://shop_app:Summer2024@db.prod.internal/shop?sslmode=require'),
    options: urlOnly,
    status: 'fail',
    message: 'database.url password: the password for shop_app@db.prod.internal has about 18 estimated bits of entropy; at least 128 are needed',
  },
  {
    name: 'no password in the URL',
    environments: prodUrl('postgres://iam_user@db.prod.internal/shop?sslmode=require'),
    options: urlOnly,
    status: 'manual',
    message: 'database.url password: no password in the URL for iam_user@db.prod.internal: if the role authenticates by certificate, IAM or peer auth, attest it',
  },
  // An unparsable database.url is refused when the config loads (exit 2, test/hostile-input.test.ts); one in an env
  // source is the check's to judge.
  {
    name: 'not a database URL in an env source',
    files: { 'api.env': 'DATABASE_URL=postgres://shop_app:x@:bad/shop\n' },
    environments: '  prod:\n    env: [{ dotenv: api.env, service: api }]\n',
    options: urlOnly,
    status: 'fail',
    message: 'api: DATABASE_URL: the value cannot be parsed as a connection string',
  },
  {
    name: 'DATABASE_URL from an env source, per service',
    files: { 'api.env': `DATABASE_URL=postgres://shop_app:${strong('api')}@db.prod.internal/shop?sslmode=verify-full\n` },
    environments: '  prod:\n    env: [{ dotenv: api.env, service: api }]\n',
    options: urlOnly,
    status: 'pass',
    message: 'api: DATABASE_URL password: the password for shop_app@db.prod.internal: 192 estimated bits, 32 bytes (base64url); api: DATABASE_URL transport: sslmode=verify-full for db.prod.internal',
  },
  {
    name: 'the same password in another environment',
    files: { 'staging.env': `DATABASE_URL=postgres://app:${strong('reused')}@db.staging.internal/shop\n` },
    environments: prodUrl(`postgres://shop_app:${strong('reused')}@db.prod.internal/shop?sslmode=require`, '  staging:\n    env: [{ dotenv: staging.env }]\n'),
    options: urlOnly,
    status: 'fail',
    message: 'database.url reuse: the same password is used in staging (DATABASE_URL (inside the value))',
  },
  {
    name: 'another environment that cannot be read',
    environments: prodUrl(`postgres://shop_app:${strong('unread')}@db.prod.internal/shop?sslmode=require`, '  staging:\n    env: [{ command: "exit 4" }]\n'),
    options: urlOnly,
    status: 'error',
    message: 'database.url reuse: could not compare with staging: environments.staging.env[0] (command exit) exited with code 4',
  },
  {
    name: 'only the environments in compareWith',
    files: { 'dev.env': `DB_PASSWORD=${strong('dev')}\n` },
    environments: prodUrl(`postgres://shop_app:${strong('dev')}@db.prod.internal/shop?sslmode=require`, '  dev:\n    env: [{ dotenv: dev.env }]\n  staging:\n    env: [{ command: "exit 1" }]\n'),
    options: { ...urlOnly, compareWith: ['dev'] },
    status: 'fail',
    message: 'database.url reuse: the same password is used in dev (DB_PASSWORD)',
  },
  // The application's own credentials, spelled as separate variables (PG*, DB_*, POSTGRES_*, SPRING_DATASOURCE_*).
  {
    name: 'split SPRING_DATASOURCE_USERNAME/PASSWORD with a random password',
    files: { 'spring.env': `SPRING_DATASOURCE_USERNAME=shop_app\nSPRING_DATASOURCE_PASSWORD=${strong('spring')}\nSPRING_DATASOURCE_HOST=db.prod.internal\n` },
    environments: '  prod:\n    env: [{ dotenv: spring.env }]\n',
    options: urlOnly,
    // Split variables naming a remote host and no sslmode reach it as a URL without sslmode would: possibly in clear text.
    status: 'warn',
    message:
      'SPRING_DATASOURCE_PASSWORD transport: no sslmode for db.prod.internal: the client may connect without TLS (libpq\'s default "prefer" falls back to clear text)',
    evidence: { 'SPRING_DATASOURCE_PASSWORD password': { variables: ['SPRING_DATASOURCE_USERNAME', 'SPRING_DATASOURCE_PASSWORD', 'SPRING_DATASOURCE_HOST'] } },
  },
  {
    name: 'split SPRING_DATASOURCE_* with SPRING_DATASOURCE_SSLMODE=verify-full',
    files: { 'spring.env': `SPRING_DATASOURCE_USERNAME=shop_app\nSPRING_DATASOURCE_PASSWORD=${strong('spring')}\nSPRING_DATASOURCE_HOST=db.prod.internal\nSPRING_DATASOURCE_SSLMODE=verify-full\n` },
    environments: '  prod:\n    env: [{ dotenv: spring.env }]\n',
    options: urlOnly,
    status: 'pass',
    message: /^SPRING_DATASOURCE_PASSWORD password: the password for shop_app@db\.prod\.internal: \d+ estimated bits, 32 bytes \(\w+\); SPRING_DATASOURCE_PASSWORD transport: sslmode=verify-full for db\.prod\.internal$/,
  },
  {
    name: 'libpq PGHOST/PGPASSWORD with PGSSLMODE=disable',
    files: { 'libpq.env': `PGHOST=db.prod.internal\nPGUSER=shop_app\nPGPASSWORD=${strong('libpq')}\nPGSSLMODE=disable\n` },
    environments: '  prod:\n    env: [{ dotenv: libpq.env }]\n',
    options: urlOnly,
    status: 'warn',
    message: 'PGPASSWORD transport: sslmode=disable for db.prod.internal allows an unencrypted connection',
    evidence: { 'PGPASSWORD password': { variables: ['PGUSER', 'PGPASSWORD', 'PGHOST', 'PGSSLMODE'] } },
  },
  {
    name: 'DB_HOST/DB_PASSWORD with node-postgres DB_SSL=true',
    files: { 'pg.env': `DB_HOST=db.prod.internal\nDB_USER=shop_app\nDB_PASSWORD=${strong('db-ssl')}\nDB_SSL=true\n` },
    environments: '  prod:\n    env: [{ dotenv: pg.env }]\n',
    options: urlOnly,
    status: 'pass',
    message: /^DB_PASSWORD password: .*; DB_PASSWORD transport: ssl=true: node-postgres requires TLS$/,
  },
  {
    name: 'a weak PGPASSWORD beside a strong database.url',
    files: { 'libpq.env': 'PGHOST=db.prod.internal\nPGUSER=shop_app\nPGPASSWORD=Summer2024\n' },
    environments: prodUrl(`postgres://readiness:${strong('monitor')}@db.prod.internal/shop?sslmode=require`, '    env: [{ dotenv: libpq.env }]\n'),
    options: urlOnly,
    status: 'fail',
    message: 'PGPASSWORD password: the password for shop_app@db.prod.internal has about 18 estimated bits of entropy; at least 128 are needed (also PGPASSWORD transport: warn)',
  },
  {
    name: 'a weak password in a JDBC URL (?user=&password=)',
    files: { 'jdbc.env': 'JDBC_URL=jdbc:postgresql://db.prod.internal:5432/shop?user=shop_app&password=Summer2024&sslmode=require\n' },
    environments: '  prod:\n    env: [{ dotenv: jdbc.env }]\n',
    options: urlOnly,
    status: 'fail',
    message: 'JDBC_URL password: the password for shop_app@db.prod.internal has about 18 estimated bits of entropy; at least 128 are needed',
  },
  {
    name: 'a split DB_PASSWORD reused in another environment',
    files: { 'app.env': `DB_USER=shop_app\nDB_PASSWORD=${strong('split-reused')}\n`, 'stage.env': `DATABASE_URL=postgres://app:${strong('split-reused')}@db.staging.internal/shop\n` },
    environments: '  prod:\n    env: [{ dotenv: app.env }]\n  staging:\n    env: [{ dotenv: stage.env }]\n',
    options: urlOnly,
    status: 'fail',
    message: 'DB_PASSWORD reuse: the same password is used in staging (DATABASE_URL (inside the value))',
  },
  {
    name: 'a default DB_USER without a password variable',
    files: { 'user.env': 'DB_HOST=db.prod.internal\nDB_USER=root\n' },
    environments: '  prod:\n    env: [{ dotenv: user.env }]\n',
    options: urlOnly,
    status: 'warn',
    message: 'DB_USER user: DB_USER is "root", a default user name that every scanner tries; use an application role',
  },
  // Last: the loader registers these passwords ("postgres") for redaction, which masks that word in later messages.
  {
    name: 'a well-known default pair',
    environments: prodUrl('postgres://postgres:postgres@db.prod.internal/shop?sslmode=require'),
    options: urlOnly,
    status: 'fail',
    message: 'database.url password: the URL for db.prod.internal uses a well-known default user/password pair (the password is the user name)',
  },
  {
    name: 'DB_USER=postgres / DB_PASSWORD=postgres while database.url is a strong monitoring URL',
    files: { 'legacy.env': 'DB_HOST=db.prod.internal\nDB_USER=postgres\nDB_PASSWORD=postgres\n' },
    environments: prodUrl(`postgres://readiness:${strong('strong-monitor')}@db.prod.internal/shop?sslmode=require`, '    env: [{ dotenv: legacy.env }]\n'),
    options: urlOnly,
    status: 'fail',
    message: 'DB_PASSWORD password: DB_USER/DB_PASSWORD use a well-known default user/password pair (the password is the user name) (also DB_PASSWORD transport: warn)',
    evidence: { 'DB_PASSWORD password': { variables: ['DB_USER', 'DB_PASSWORD', 'DB_HOST'] } },
  },
  {
    name: 'POSTGRES_PASSWORD=postgres with no user variable',
    files: { 'compose.env': 'POSTGRES_PASSWORD=postgres\nPOSTGRES_DB=shop\n' },
    environments: '  prod:\n    env: [{ dotenv: compose.env }]\n',
    options: urlOnly,
    status: 'fail',
    message: 'POSTGRES_PASSWORD password: POSTGRES_PASSWORD uses a well-known default password',
  },
]);
