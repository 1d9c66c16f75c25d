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
  {
    name: 'not a database URL',
    environments: prodUrl('postgres://shop_app:x@:bad/shop'),
    options: urlOnly,
    status: 'fail',
    message: 'database.url: database.url cannot be parsed as a connection string',
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
  // Last: the loader registers these passwords ("postgres") for redaction, which masks that word in later messages.
  {
    name: 'a well-known default pair',
    environments: prodUrl('postgres://postgres:postgres@db.prod.internal/shop?sslmode=require'),
    options: urlOnly,
    status: 'fail',
    message: 'database.url password: the URL for db.prod.internal uses a well-known default user/password pair (the password is the user name)',
  },
]);
