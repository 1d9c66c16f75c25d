import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES } from '../src/config/load.js';
import { reportSchema } from '../src/report/schema.js';
import { runCli, type CliRun } from './helpers/cli.js';

/**
 * Bad input, as a user or an attacker writes it, through the built CLI: every row ends in exit 2 with one
 * paragraph naming the file and the key path (never exit 3, never a stack trace), and inputs that look odd but
 * are legitimate (reused anchors, a BOM, an environment called "constructor") still load.
 */

const root = mkdtempSync(path.join(tmpdir(), 'readiness-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let workspaces = 0;
function workspace(): string {
  const dir = path.join(root, `w${++workspaces}`);
  mkdirSync(dir);
  return dir;
}

type FileContent = string | Buffer | 'fifo' | 'directory';

function place(dir: string, name: string, content: FileContent): string {
  const file = path.join(dir, name);
  if (content === 'fifo') execFileSync('mkfifo', [file]);
  else if (content === 'directory') mkdirSync(file);
  else writeFileSync(file, content);
  return file;
}

/** Exit 2, one paragraph: no stack frames, no "internal error". */
function expectUsageError(run: CliRun, ...patterns: (RegExp | string)[]): void {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/internal error/);
  for (const pattern of patterns) {
    if (typeof pattern === 'string') expect(run.stderr).toContain(pattern);
    else expect(run.stderr).toMatch(pattern);
  }
  expect(run.code).toBe(2);
}

const SERVICES = 'version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "http://127.0.0.1:9" }\n';
/** The valid base config plus lines under `prod:` (indented by four spaces by the caller). */
const prod = (lines: string) => `${SERVICES}${lines}`;
/** The valid base config plus top-level lines. */
const top = (lines: string) => `${SERVICES}${lines}`;

const ATTESTATION = '{ check: operational.status-page, environment: prod, by: Jane Doe, at: 2026-01-02, evidence: "https://wiki.example.com/status", expires: 2099-01-01 }';
const attestations = (entries: string) => `version: 1\nattestations:\n${entries}`;

/** Nine levels of nine aliases: 9^9 values once expanded, from a few hundred bytes. */
function billionLaughs(prefix = ''): string {
  const lines = [`${prefix}x0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < 10; i++) lines.push(`${prefix}x${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

interface BadConfig {
  name: string;
  /** The config file's content, or a non-regular file in its place. */
  config: FileContent | { path: string };
  /** Other files beside the config (attestations, CA bundles), by name. */
  files?: Record<string, FileContent>;
  /** The file the message must name, beside the config (default: the config itself). */
  names?: string;
  /** The key path the message must name, as printed: `environments.prod.services.api.url`, or `(top level)`. */
  path: string;
  message: RegExp;
}

const BAD_CONFIGS: BadConfig[] = [
  // The file itself
  { name: 'an empty file', config: '', path: '(top level)', message: /the file is empty; expected a mapping with `version: 1`/ },
  { name: 'only comments', config: '# nothing yet\n', path: '(top level)', message: /expected a mapping with `version: 1`/ },
  { name: 'a list at the top', config: '- prod\n- staging\n', path: '(top level)', message: /expected a mapping/ },
  { name: 'a bare scalar', config: 'prod\n', path: '(top level)', message: /expected a mapping/ },
  { name: 'a FIFO instead of a file', config: 'fifo', path: '(top level)', message: /is a FIFO \(named pipe\), not a regular file/ },
  { name: '/dev/zero', config: { path: '/dev/zero' }, path: '(top level)', message: /is a character device, not a regular file/ },
  { name: 'a directory', config: 'directory', path: '(top level)', message: /is a directory, not a regular file/ },
  {
    name: 'a file past the size cap',
    config: `${SERVICES}${'#'.repeat(MAX_CONFIG_BYTES)}\n`,
    path: '(top level)',
    message: /is larger than 1 MiB \(\d+ bytes\)/,
  },
  { name: 'Latin-1 bytes (not UTF-8)', config: Buffer.concat([Buffer.from(prod('    repo: "caf')), Buffer.from([0xe9]), Buffer.from('"\n')]), path: '(top level) (line 6)', message: /is not valid UTF-8 text/ },
  { name: 'UTF-16 with its byte-order mark', config: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SERVICES, 'utf16le')]), path: '(top level)', message: /is UTF-16 encoded/ },
  { name: 'a NUL byte', config: `${SERVICES}\u0000\n`, path: '(top level) (line 6)', message: /holds NUL bytes/ },
  { name: 'a binary file', config: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xd8]), path: '(top level)', message: /is not valid UTF-8 text/ },

  // YAML syntax and structure
  { name: 'an unclosed flow collection', config: 'version: 1\nenvironments:\n  prod: {services: [\n', path: 'environments.prod.services', message: /YAML syntax error/ },
  { name: 'a duplicate top-level key', config: `version: 1\n${SERVICES}`, path: 'version', message: /YAML syntax error \(duplicate key\)/ },
  { name: 'a duplicate service name', config: prod('      api: { url: "http://127.0.0.1:8" }\n'), path: 'environments.prod.services.api', message: /duplicate key/ },
  { name: 'a duplicate environment', config: `${SERVICES}  prod: {}\n`, path: 'environments.prod', message: /duplicate key/ },
  { name: 'a tab as indentation', config: 'version: 1\nenvironments:\n  prod:\n\tservices: {}\n', path: '(top level)', message: /YAML syntax error \(tab as indent\)/ },
  { name: 'two YAML documents', config: `${SERVICES}---\nversion: 1\n`, path: '(top level)', message: /multiple docs/ },
  { name: 'a bad indentation', config: 'version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "http://x.example.com" }\n     repo: .\n', path: 'environments.prod', message: /YAML syntax error \(bad indent\)/ },
  { name: 'an unterminated string', config: prod('    repo: "unterminated\n'), path: 'environments.prod.repo', message: /YAML syntax error/ },
  { name: 'a billion-laughs alias bomb', config: `${billionLaughs()}${SERVICES}`, path: 'x4[0]', message: /YAML aliases expand to more than 10000 values/ },
  { name: 'an alias bomb inside an environment', config: prod(`    urls:\n${billionLaughs('      ')}`), path: 'environments.prod.urls.x4[0]', message: /as in a billion-laughs bomb/ },
  { name: 'an alias of its own anchor', config: prod('    logs: &loop [ *loop ]\n'), path: 'environments.prod.logs[0]', message: /alias \*loop refers to its own anchor/ },
  { name: 'an alias with no anchor', config: prod('    repo: *nowhere\n'), path: 'environments.prod.repo', message: /alias \*nowhere has no anchor &nowhere before it/ },
  { name: 'an alias used before its anchor', config: prod('    repo: *later\n    urls: { privacy: &later "https://example.com/privacy" }\n'), path: 'environments.prod.repo', message: /has no anchor &later before it/ },
  { name: 'a merge of a scalar', config: prod('      web: { <<: 5, url: "http://127.0.0.1:8" }\n'), path: 'environments.prod.services.web', message: /`<<` merges mappings only/ },
  { name: 'a !!binary tag', config: prod('    repo: !!binary aGVsbG8=\n'), path: 'environments.prod.repo', message: /YAML tag !!binary is not supported here/ },
  { name: 'a !!set tag', config: prod('    urls: !!set { a }\n'), path: 'environments.prod.urls', message: /YAML tag !!set is not supported/ },
  { name: 'a !!timestamp tag', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: !!timestamp 2027-01-01 }\n'), path: 'waivers[0].expires', message: /YAML tag !!timestamp/ },
  { name: 'a custom tag', config: prod('    repo: !include ../secrets.yaml\n'), path: 'environments.prod.repo', message: /YAML tag !include is not supported/ },
  { name: 'a list as a mapping key', config: prod('    urls: { ? [a, b] : "https://x.example.com" }\n'), path: 'environments.prod.urls', message: /a mapping key must be a plain name/ },
  { name: 'nesting ten thousand lists deep', config: `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, path: '[0][0][0][0][0][0][0][0][0][0][0][0]…', message: /YAML syntax error/ },

  // Names that are not names
  { name: '__proto__ as an environment', config: 'version: 1\nenvironments:\n  __proto__:\n    repo: .\n', path: 'environments.__proto__', message: /"__proto__" cannot be used as a name/ },
  { name: '__proto__ as a top-level key', config: `${SERVICES}__proto__: { gate: { failOn: low } }\n`, path: '__proto__', message: /cannot be used as a name/ },
  { name: '__proto__ as a service', config: prod('      __proto__: { url: "http://127.0.0.1:8" }\n'), path: 'environments.prod.services.__proto__', message: /cannot be used as a name/ },
  { name: '__proto__ as a page name', config: prod('    urls: { __proto__: "https://x.example.com" }\n'), path: 'environments.prod.urls.__proto__', message: /cannot be used as a name/ },
  { name: '__proto__ in check options', config: top('checks:\n  deployment.health-checks: { options: { __proto__: { maxResponseMs: 1 } } }\n'), path: 'checks.deployment.health-checks.options.__proto__', message: /cannot be used as a name/ },
  { name: '__proto__ as a pool', config: prod('    database: { url: "postgres://u@127.0.0.1/db", pools: { __proto__: { replicas: 2 } } }\n'), path: 'environments.prod.database.pools.__proto__', message: /cannot be used as a name/ },
  { name: 'constructor as a check override', config: top('checks:\n  constructor: { severity: low }\n'), path: 'checks.constructor', message: /no check has this id/ },
  { name: 'toString as a check override', config: top('checks:\n  toString: { enabled: false }\n'), path: 'checks.toString', message: /no check has this id/ },
  { name: 'an environment name with a space', config: 'version: 1\nenvironments:\n  "pro d": { repo: . }\n', path: 'environments.pro … (5 characters)', message: /expected a simple environment name/ },

  // Top level
  { name: 'no version', config: 'environments:\n  prod: { repo: . }\n', path: 'version', message: /expected version: 1/ },
  { name: 'version 2', config: SERVICES.replace('version: 1', 'version: 2'), path: 'version', message: /expected version: 1/ },
  { name: 'version as a string', config: SERVICES.replace('version: 1', 'version: "1"'), path: 'version', message: /expected version: 1/ },
  { name: 'no environments', config: 'version: 1\n', path: 'environments', message: /is required \(expected a mapping\)/ },
  { name: 'environments as a list', config: 'version: 1\nenvironments: [prod]\n', path: 'environments', message: /expected a mapping, got a list/ },
  { name: 'no environment at all', config: 'version: 1\nenvironments: {}\n', path: 'environments', message: /expected at least one environment/ },
  { name: 'a misspelt top-level key', config: `${SERVICES}gates: { failOn: low }\n`, path: '(top level)', message: /unknown key "gates" \(did you mean "gate"\?\)/ },
  { name: 'an environment that is a string', config: 'version: 1\nenvironments:\n  prod: production\n', path: 'environments.prod', message: /expected a mapping, got a string/ },
  { name: 'a misspelt environment key', config: prod('    servcies: {}\n'), path: 'environments.prod', message: /unknown key "servcies" \(did you mean "services"\?\)/ },
  { name: 'concurrency 0', config: top('concurrency: 0\n'), path: 'concurrency', message: /expected at least 1/ },
  { name: 'concurrency 65', config: top('concurrency: 65\n'), path: 'concurrency', message: /expected at most 64/ },
  { name: 'concurrency 1.5', config: top('concurrency: 1.5\n'), path: 'concurrency', message: /expected an int/ },
  { name: 'concurrency as a string', config: top('concurrency: "8"\n'), path: 'concurrency', message: /expected a number, got a string/ },
  { name: 'concurrency NaN', config: top('concurrency: .nan\n'), path: 'concurrency', message: /expected a number/ },
  { name: 'a timeout as text without unit', config: top('timeout: "20"\n'), path: 'timeout', message: /"20" has no unit; write 20s for seconds or 20ms/ },
  { name: 'a timeout of 2^31 ms as a number', config: top('timeout: 2147483648\n'), path: 'timeout', message: /2147483648 ms is longer than the 1h/ },
  { name: 'a timeout of 0.4 ms as a number', config: top('timeout: 0.4\n'), path: 'timeout', message: /0.4 ms is shorter than the 1ms/ },
  { name: 'a timeout of two hours', config: top('timeout: 2h\n'), path: 'timeout', message: /2h is longer than the 1h this takes at most/ },
  { name: 'a timeout of 600h', config: top('timeout: 600h\n'), path: 'timeout', message: /600h is longer than the 1h/ },
  { name: 'a timeout of 1e300', config: top('timeout: 1e300\n'), path: 'timeout', message: /1e\+300 ms is longer than the 1h/ },
  { name: 'a timeout of "1e300s"', config: top('timeout: "1e300s"\n'), path: 'timeout', message: /expected a duration such as 500ms, 10s or 2m/ },
  { name: 'an infinite timeout', config: top('timeout: .inf\n'), path: 'timeout', message: /expected a duration such as 500ms, 10s or 2m/ },
  { name: 'a zero timeout', config: top('timeout: 0s\n'), path: 'timeout', message: /0s is shorter than the 1ms/ },
  { name: 'a negative timeout', config: top('timeout: -5s\n'), path: 'timeout', message: /expected a duration/ },
  { name: 'a timeout in words', config: top('timeout: ten seconds\n'), path: 'timeout', message: /expected a duration/ },
  { name: 'a timeout as a list', config: top('timeout: [10s]\n'), path: 'timeout', message: /expected a duration/ },
  { name: 'an empty attestations path', config: top('attestations: ""\n'), path: 'attestations', message: /expected a non-empty string/ },
  { name: 'an unset variable in the attestations path', config: top('attestations: "${READINESS_HOSTILE_UNSET}"\n'), path: 'attestations', message: /\$\{READINESS_HOSTILE_UNSET\} is not set/ },

  // Interpolation
  { name: 'an unclosed ${', config: prod('    repo: "${REPO"\n'), path: 'environments.prod.repo', message: /malformed \$\{…\} reference/ },
  { name: 'a variable name starting with a digit', config: prod('    repo: "${1REPO}"\n'), path: 'environments.prod.repo', message: /malformed/ },
  { name: '${constructor}, which the environment object inherits', config: prod('    repo: "${constructor}"\n'), path: 'environments.prod.repo', message: /\$\{constructor\} is not set/ },
  { name: '${__proto__}', config: prod('    repo: "${__proto__}"\n'), path: 'environments.prod.repo', message: /\$\{__proto__\} is not set/ },
  { name: 'an unset variable of the selected environment', config: prod('    repo: "${READINESS_HOSTILE_REPO}"\n'), path: 'environments.prod.repo', message: /\$\{READINESS_HOSTILE_REPO\} is not set/ },

  // services
  { name: 'services as a list', config: 'version: 1\nenvironments:\n  prod:\n    services: [api]\n', path: 'environments.prod.services', message: /expected a mapping, got a list/ },
  { name: 'no service', config: 'version: 1\nenvironments:\n  prod:\n    services: {}\n', path: 'environments.prod.services', message: /expected at least one service/ },
  { name: 'an upper-case service name', config: 'version: 1\nenvironments:\n  prod:\n    services:\n      API: { url: "https://api.example.com" }\n', path: 'environments.prod.services.API', message: /expected a lower-case service name/ },
  { name: 'a service without url', config: prod('      web: { health: /health }\n'), path: 'environments.prod.services.web.url', message: /is required \(expected a string\)/ },
  { name: 'a service url without scheme', config: prod('      web: { url: "web.example.com" }\n'), path: 'environments.prod.services.web.url', message: /expected an absolute http:\/\/ or https:\/\/ URL/ },
  { name: 'an ftp service url', config: prod('      web: { url: "ftp://web.example.com" }\n'), path: 'environments.prod.services.web.url', message: /expected an absolute http/ },
  { name: 'a service url on port 99999', config: prod('      web: { url: "https://web.example.com:99999" }\n'), path: 'environments.prod.services.web.url', message: /expected an absolute http/ },
  { name: 'a service url as a number', config: prod('      web: { url: 8080 }\n'), path: 'environments.prod.services.web.url', message: /expected a string, got a number/ },
  { name: 'a service that is null', config: prod('      web:\n'), path: 'environments.prod.services.web', message: /expected a mapping, got null/ },
  { name: 'a health path without slash', config: prod('      web: { url: "https://web.example.com", health: healthz }\n'), path: 'environments.prod.services.web.health', message: /expected a path starting with "\/"/ },
  { name: 'an unknown service kind', config: prod('      web: { url: "https://web.example.com", kind: frontend }\n'), path: 'environments.prod.services.web.kind', message: /expected one of "api", "dashboard", "widget", "web"/ },
  { name: 'origins as a string', config: prod('      web: { url: "https://web.example.com", origins: "https://a.example.com" }\n'), path: 'environments.prod.services.web.origins', message: /expected a list, got a string/ },
  { name: 'an origin with a path', config: prod('      web: { url: "https://web.example.com", origins: ["https://a.example.com/app"] }\n'), path: 'environments.prod.services.web.origins[0]', message: /expected an origin such as/ },
  { name: 'a login route', config: prod('      web: { url: "https://web.example.com", route: /login }\n'), path: 'environments.prod.services.web.route', message: /looks like a login\/auth route/ },
  { name: 'a relative asset', config: prod('      web: { url: "https://web.example.com", asset: widget.js }\n'), path: 'environments.prod.services.web.asset', message: /expected a path starting with "\/" or an absolute http\(s\) URL/ },
  { name: 'an https plainUrl', config: prod('      web: { url: "https://web.example.com", plainUrl: "https://web.example.com" }\n'), path: 'environments.prod.services.web.plainUrl', message: /expected a plain http:\/\/ URL/ },
  { name: 'a misspelt service key', config: prod('      web: { url: "https://web.example.com", heatlh: /health }\n'), path: 'environments.prod.services.web', message: /unknown key "heatlh" \(did you mean "health"\?\)/ },

  // env sources
  { name: 'env as a mapping', config: prod('    env: { dotenv: .env }\n'), path: 'environments.prod.env', message: /expected a list, got a mapping/ },
  { name: 'an env source of no known shape', config: prod('    env: [{ file: .env }]\n'), path: 'environments.prod.env[0]', message: /expected one env source: \{ dotenv: <file> \}/ },
  { name: 'an env source of two shapes', config: prod('    env: [{ dotenv: .env, json: env.json }]\n'), path: 'environments.prod.env[0]', message: /expected one env source/ },
  { name: 'an empty dotenv path', config: prod('    env: [{ dotenv: "" }]\n'), path: 'environments.prod.env[0].dotenv', message: /expected a non-empty string/ },
  { name: 'an env command of an unknown format', config: prod('    env: [{ command: "railway variables", format: xml }]\n'), path: 'environments.prod.env[0].format', message: /expected one of "json", "dotenv", "kv"/ },
  { name: 'an env command timeout without unit', config: prod('    env: [{ command: "railway variables", timeout: "10" }]\n'), path: 'environments.prod.env[0].timeout', message: /"10" has no unit; write 10s/ },
  { name: 'an env command timeout of a day', config: prod('    env: [{ command: "railway variables", timeout: 1d }]\n'), path: 'environments.prod.env[0].timeout', message: /1d is longer than the 1h/ },
  { name: 'process: false', config: prod('    env: [{ process: false }]\n'), path: 'environments.prod.env[0].process', message: /expected one of true/ },
  { name: 'only as a string', config: prod('    env: [{ process: true, only: "APP_*" }]\n'), path: 'environments.prod.env[0].only', message: /expected a list, got a string/ },
  { name: 'an upper-case env service', config: prod('    env: [{ dotenv: .env, service: API }]\n'), path: 'environments.prod.env[0].service', message: /expected a lower-case service name/ },

  // database
  { name: 'database as a string', config: prod('    database: "postgres://u@127.0.0.1/db"\n'), path: 'environments.prod.database', message: /expected a mapping, got a string/ },
  { name: 'database without url', config: prod('    database: { migrations: prisma/migrations }\n'), path: 'environments.prod.database.url', message: /is required/ },
  { name: 'a mysql database url', config: prod('    database: { url: "mysql://u:p@127.0.0.1/db" }\n'), path: 'environments.prod.database.url', message: /expected a postgres:\/\/ or postgresql:\/\/ URL/ },
  { name: 'a database url on port 99999', config: prod('    database: { url: "postgres://u:p@127.0.0.1:99999/db" }\n'), path: 'environments.prod.database.url', message: /is the port a number from 1 to 65535\?/ },
  { name: 'a database url on port 0', config: prod('    database: { url: "postgres://u:p@127.0.0.1:0/db" }\n'), path: 'environments.prod.database.url', message: /the port in this URL is not a port number from 1 to 65535/ },
  { name: 'a database url with ?port=70000', config: prod('    database: { url: "postgres://u:p@127.0.0.1/db?port=70000" }\n'), path: 'environments.prod.database.url', message: /not a port number from 1 to 65535/ },
  { name: 'a database url with a letter port', config: prod('    database: { url: "postgres://u:p@127.0.0.1:5432a/db" }\n'), path: 'environments.prod.database.url', message: /cannot \(is the port a number/ },
  { name: 'a database url with an unknown sslmode', config: prod('    database: { url: "postgres://u:p@127.0.0.1/db?sslmode=always" }\n'), path: 'environments.prod.database.url', message: /sslmode=always is not one of disable, allow, prefer, require/ },
  { name: 'a database url as a number', config: prod('    database: { url: 5432 }\n'), path: 'environments.prod.database.url', message: /expected a string, got a number/ },
  { name: 'an empty migrations folder name', config: prod('    database: { url: "postgres://u@127.0.0.1/db", migrations: "" }\n'), path: 'environments.prod.database.migrations', message: /expected a non-empty string/ },
  { name: 'a connect timeout without unit', config: prod('    database: { url: "postgres://u@127.0.0.1/db", connectTimeout: "5000" }\n'), path: 'environments.prod.database.connectTimeout', message: /"5000" has no unit/ },
  { name: 'a connect timeout of 600h', config: prod('    database: { url: "postgres://u@127.0.0.1/db", connectTimeout: 600h }\n'), path: 'environments.prod.database.connectTimeout', message: /600h is longer than the 1h/ },
  { name: 'a statement timeout of 1e300', config: prod('    database: { url: "postgres://u@127.0.0.1/db", statementTimeout: 1e300 }\n'), path: 'environments.prod.database.statementTimeout', message: /longer than the 1h/ },
  { name: 'a lock timeout of 0ms', config: prod('    database: { url: "postgres://u@127.0.0.1/db", lockTimeout: 0ms }\n'), path: 'environments.prod.database.lockTimeout', message: /shorter than the 1ms/ },
  { name: 'an empty app role', config: prod('    database: { url: "postgres://u@127.0.0.1/db", appRole: "" }\n'), path: 'environments.prod.database.appRole', message: /expected a non-empty string/ },
  { name: 'pools as a list', config: prod('    database: { url: "postgres://u@127.0.0.1/db", pools: [api] }\n'), path: 'environments.prod.database.pools', message: /expected a mapping, got a list/ },
  { name: 'zero replicas', config: prod('    database: { url: "postgres://u@127.0.0.1/db", pools: { api: { replicas: 0 } } }\n'), path: 'environments.prod.database.pools.api.replicas', message: /expected at least 1/ },
  { name: 'half a replica', config: prod('    database: { url: "postgres://u@127.0.0.1/db", pools: { api: { replicas: 1.5 } } }\n'), path: 'environments.prod.database.pools.api.replicas', message: /expected an int/ },
  { name: 'a pool of a billion', config: prod('    database: { url: "postgres://u@127.0.0.1/db", pools: { api: { size: 1000000000 } } }\n'), path: 'environments.prod.database.pools.api.size', message: /expected at most 100000/ },
  { name: 'an upper-case pool name', config: prod('    database: { url: "postgres://u@127.0.0.1/db", pools: { API: { size: 5 } } }\n'), path: 'environments.prod.database.pools.API', message: /expected a lower-case service name/ },
  { name: 'backups without location', config: prod('    database: { url: "postgres://u@127.0.0.1/db", backups: { maxAge: 26h } }\n'), path: 'environments.prod.database.backups.location', message: /is required/ },
  { name: 'a backup age without unit', config: prod('    database: { url: "postgres://u@127.0.0.1/db", backups: { location: backups, maxAge: "26" } }\n'), path: 'environments.prod.database.backups.maxAge', message: /"26" has no unit/ },
  { name: 'a backup age of 26 (ms, as a number)', config: prod('    database: { url: "postgres://u@127.0.0.1/db", backups: { location: backups, maxAge: 26 } }\n'), path: 'environments.prod.database.backups.maxAge', message: /26 ms is shorter than the 1s/ },
  { name: 'a backup age of 500 days', config: prod('    database: { url: "postgres://u@127.0.0.1/db", backups: { location: backups, maxAge: 500d } }\n'), path: 'environments.prod.database.backups.maxAge', message: /500d is longer than the 400d/ },
  { name: 'a backup age of 10ms', config: prod('    database: { url: "postgres://u@127.0.0.1/db", backups: { location: backups, maxAge: 10ms } }\n'), path: 'environments.prod.database.backups.maxAge', message: /10ms is shorter than the 1s/ },
  { name: 'a zero minimum backup size', config: prod('    database: { url: "postgres://u@127.0.0.1/db", backups: { location: backups, minSize: 0 } }\n'), path: 'environments.prod.database.backups.minSize', message: /expected at least 1/ },
  { name: 'a restored url that is not postgres', config: prod('    database: { url: "postgres://u@127.0.0.1/db", backups: { location: backups, restoredUrl: "http://127.0.0.1/db" } }\n'), path: 'environments.prod.database.backups.restoredUrl', message: /expected a postgres:\/\// },
  { name: 'a misspelt database key', config: prod('    database: { url: "postgres://u@127.0.0.1/db", migration: prisma/migrations }\n'), path: 'environments.prod.database', message: /unknown key "migration" \(did you mean "migrations"\?\)/ },

  // aws, webhooks, repo, logs, urls, tls
  { name: 'aws without region', config: prod('    aws: { buckets: [shop-assets] }\n'), path: 'environments.prod.aws.region', message: /is required/ },
  { name: 'aws buckets as a string', config: prod('    aws: { region: us-east-1, buckets: shop-assets }\n'), path: 'environments.prod.aws.buckets', message: /expected a list, got a string/ },
  { name: 'webhooks as a mapping', config: prod('    webhooks: { url: "https://api.example.com/hook" }\n'), path: 'environments.prod.webhooks', message: /expected a list, got a mapping/ },
  { name: 'a webhook without url', config: prod('    webhooks: [{ provider: shopify }]\n'), path: 'environments.prod.webhooks[0].url', message: /is required/ },
  { name: 'a webhook url without scheme', config: prod('    webhooks: [{ url: api.example.com/hook }]\n'), path: 'environments.prod.webhooks[0].url', message: /expected an absolute http/ },
  { name: 'a webhook secret as a number', config: prod('    webhooks: [{ url: "https://api.example.com/hook", secret: 12345 }]\n'), path: 'environments.prod.webhooks[0].secret', message: /expected a string, got a number/ },
  {
    name: 'an unknown webhook provider',
    config: prod('    webhooks: [{ url: "https://api.example.com/hook", provider: paypal }]\n'),
    path: 'environments.prod.webhooks[0].provider',
    message: /expected one of "shopify", "woocommerce", "stripe", "github", "magento", "generic"/,
  },
  { name: 'an oauth secret as a number', config: prod('    oauth: { install: "https://app.example.com/auth", secret: 12345 }\n'), path: 'environments.prod.oauth.secret', message: /expected a string, got a number/ },
  { name: 'oauth without install', config: prod('    oauth: { callback: "https://app.example.com/auth/callback", secret: s }\n'), path: 'environments.prod.oauth.install', message: /is required/ },
  { name: 'integrations as a list', config: prod('    integrations: [conversions]\n'), path: 'environments.prod.integrations', message: /expected a mapping, got a list/ },
  { name: 'a misspelt integrations key', config: prod('    integrations: { productsync: { url: "https://api.example.com/v1/sync/status" } }\n'), path: 'environments.prod.integrations', message: /unknown key "productsync" \(did you mean "productSync"\?\)/ },
  { name: 'integrations merchantOrigin with a path', config: prod('    integrations: { merchantOrigin: "https://demo.myshopify.com/products/x" }\n'), path: 'environments.prod.integrations.merchantOrigin', message: /expected an origin such as https:\/\/demo-store\.myshopify\.com/ },
  { name: 'integrations merchantOrigin "*"', config: prod('    integrations: { merchantOrigin: "*" }\n'), path: 'environments.prod.integrations.merchantOrigin', message: /no path, no "\*"/ },
  { name: 'integrations conversions without url', config: prod('    integrations: { conversions: { sample: { test: true } } }\n'), path: 'environments.prod.integrations.conversions.url', message: /is required/ },
  { name: 'integrations conversions url without scheme', config: prod('    integrations: { conversions: { url: api.example.com/v1/conversions } }\n'), path: 'environments.prod.integrations.conversions.url', message: /expected an absolute http:\/\/ or https:\/\/ URL/ },
  { name: 'integrations conversions url as a number', config: prod('    integrations: { conversions: { url: 8080 } }\n'), path: 'environments.prod.integrations.conversions.url', message: /expected a string, got a number/ },
  { name: 'integrations conversions sample as a string', config: prod('    integrations: { conversions: { url: "https://api.example.com/c", sample: "{}" } }\n'), path: 'environments.prod.integrations.conversions.sample', message: /expected a mapping, got a string/ },
  { name: 'integrations productSync url on port 99999', config: prod('    integrations: { productSync: { url: "https://api.example.com:99999/v1/sync" } }\n'), path: 'environments.prod.integrations.productSync.url', message: /expected an absolute http/ },
  { name: 'integrations productSync key as a number', config: prod('    integrations: { productSync: { url: "https://api.example.com/v1/sync", key: 12345 } }\n'), path: 'environments.prod.integrations.productSync.key', message: /expected a string, got a number/ },
  { name: 'integrations productSync empty header', config: prod('    integrations: { productSync: { url: "https://api.example.com/v1/sync", header: "" } }\n'), path: 'environments.prod.integrations.productSync.header', message: /expected a non-empty string/ },
  { name: 'an empty repo path', config: prod('    repo: ""\n'), path: 'environments.prod.repo', message: /expected a non-empty string/ },
  { name: 'repo as a list', config: prod('    repo: [.]\n'), path: 'environments.prod.repo', message: /expected a path, or \{ path, run/ },
  { name: 'logs as a mapping', config: prod('    logs: { file: api.log }\n'), path: 'environments.prod.logs', message: /expected a list, got a mapping/ },
  { name: 'a log source of no known shape', config: prod('    logs: [{ path: api.log }]\n'), path: 'environments.prod.logs[0]', message: /expected one log source/ },
  { name: 'a log read cap past 1 GiB', config: prod('    logs: [{ file: api.log, maxBytes: 2147483648 }]\n'), path: 'environments.prod.logs[0].maxBytes', message: /expected at most 1073741824/ },
  { name: 'a log command timeout of 999h', config: prod('    logs: [{ command: "railway logs", timeout: 999h }]\n'), path: 'environments.prod.logs[0].timeout', message: /999h is longer than the 1h/ },
  { name: 'urls as a list', config: prod('    urls: ["https://example.com/privacy"]\n'), path: 'environments.prod.urls', message: /expected a mapping, got a list/ },
  { name: 'a privacy url without scheme', config: prod('    urls: { privacy: example.com/privacy }\n'), path: 'environments.prod.urls.privacy', message: /expected an absolute http/ },
  { name: 'an empty CA path', config: prod('    tls: { ca: "" }\n'), path: 'environments.prod.tls.ca', message: /expected a non-empty string/ },
  { name: 'a misspelt tls key', config: prod('    tls: { cert: ca.pem }\n'), path: 'environments.prod.tls', message: /unknown key "cert"/ },
  { name: 'a CA bundle that is a FIFO', config: prod('    tls: { ca: ca.pem }\n'), files: { 'ca.pem': 'fifo' }, path: 'environments.prod.tls.ca', message: /is a FIFO \(named pipe\), not a regular file/ },
  { name: 'a CA bundle that is a directory', config: prod('    tls: { ca: certs }\n'), files: { certs: 'directory' }, path: 'environments.prod.tls.ca', message: /is a directory, not a regular file/ },
  { name: 'a CA bundle past 1 MiB', config: prod('    tls: { ca: ca.pem }\n'), files: { 'ca.pem': Buffer.alloc(1024 * 1024 + 1, 0x41) }, path: 'environments.prod.tls.ca', message: /is larger than 1 MiB/ },
  { name: 'a CA bundle that is /dev/zero', config: prod('    tls: { ca: /dev/zero }\n'), path: 'environments.prod.tls.ca', message: /is a character device/ },

  // checks
  { name: 'checks as a list', config: top('checks: [deployment.health-checks]\n'), path: 'checks', message: /expected a mapping, got a list/ },
  { name: 'an override for an unknown check', config: top('checks:\n  deployment.health-check: { severity: low }\n'), path: 'checks.deployment.health-check', message: /no check has this id; did you mean "deployment.health-checks"\?/ },
  { name: 'an unknown severity', config: top('checks:\n  deployment.health-checks: { severity: urgent }\n'), path: 'checks.deployment.health-checks.severity', message: /expected one of "critical", "high", "medium", "low"/ },
  { name: 'enabled as a string', config: top('checks:\n  deployment.health-checks: { enabled: "no" }\n'), path: 'checks.deployment.health-checks.enabled', message: /expected a boolean, got a string/ },
  { name: 'a check timeout without unit', config: top('checks:\n  deployment.health-checks: { timeout: "5" }\n'), path: 'checks.deployment.health-checks.timeout', message: /"5" has no unit; write 5s/ },
  { name: 'a check timeout of 25 days', config: top('checks:\n  deployment.health-checks: { timeout: 25d }\n'), path: 'checks.deployment.health-checks.timeout', message: /25d is longer than the 1h/ },
  { name: 'an unknown check option', config: top('checks:\n  deployment.health-checks: { options: { maxResponse: 100 } }\n'), path: 'checks.deployment.health-checks.options', message: /maxResponse/ },
  { name: 'a check option of the wrong type', config: top('checks:\n  deployment.health-checks: { options: { maxResponseMs: fast } }\n'), path: 'checks.deployment.health-checks.options.maxResponseMs', message: /expected number/ },
  { name: 'options for a check that takes none', config: top('checks:\n  operational.status-page: { options: { x: 1 } }\n'), path: 'checks.operational.status-page.options', message: /this check takes no options/ },
  { name: 'integrations: a widget script limit past 1 MiB', config: top('checks:\n  integration.widget-rendering: { options: { maxScriptBytes: 99999999 } }\n'), path: 'checks.integration.widget-rendering.options.maxScriptBytes', message: /1048576/ },
  { name: 'integrations: a widget hashed option of no known value', config: top('checks:\n  integration.widget-rendering: { options: { hashed: maybe } }\n'), path: 'checks.integration.widget-rendering.options.hashed', message: /"auto", "yes", "no"|auto.*yes.*no/ },
  { name: 'integrations: a sync age as text', config: top('checks:\n  integration.product-sync: { options: { maxSyncAgeHours: "1d" } }\n'), path: 'checks.integration.product-sync.options.maxSyncAgeHours', message: /expected number/ },
  { name: 'a misspelt override key', config: top('checks:\n  deployment.health-checks: { severty: low }\n'), path: 'checks.deployment.health-checks', message: /unknown key "severty" \(did you mean "severity"\?\)/ },

  // gate
  { name: 'an unknown gate severity', config: top('gate: { failOn: everything }\n'), path: 'gate.failOn', message: /expected one of "critical", "high", "medium", "low"/ },
  { name: 'strict as a string', config: top('gate: { strict: "yes" }\n'), path: 'gate.strict', message: /expected a boolean, got a string/ },
  { name: 'a misspelt gate key', config: top('gate: { failon: high }\n'), path: 'gate', message: /unknown key "failon" \(did you mean "failOn"\?\)/ },

  // waivers
  { name: 'waivers as a mapping', config: top('waivers: { check: deployment.health-checks }\n'), path: 'waivers', message: /expected a list, got a mapping/ },
  { name: 'a waiver without a reason', config: top('waivers:\n  - { check: deployment.health-checks, owner: o, expires: 2027-01-31 }\n'), path: 'waivers[0].reason', message: /is required/ },
  { name: 'a waiver expiring on 2027-13-45', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: 2027-13-45 }\n'), path: 'waivers[0].expires', message: /expected a real date as YYYY-MM-DD/ },
  { name: 'a waiver expiring on 9999-99-99', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: 9999-99-99 }\n'), path: 'waivers[0].expires', message: /expected a real date/ },
  { name: 'a waiver expiring on 2027-02-29', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: 2027-02-29 }\n'), path: 'waivers[0].expires', message: /a day that month has/ },
  { name: 'a waiver expiring on 2027-04-31', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: 2027-04-31 }\n'), path: 'waivers[0].expires', message: /a day that month has/ },
  { name: 'a waiver expiring on 0000-01-01', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: 0000-01-01 }\n'), path: 'waivers[0].expires', message: /expected a real date/ },
  { name: 'a waiver date as a number', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: 20270131 }\n'), path: 'waivers[0].expires', message: /expected a date as YYYY-MM-DD/ },
  { name: 'a waiver date in another format', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: 31/01/2027 }\n'), path: 'waivers[0].expires', message: /expected a real date as YYYY-MM-DD/ },
  { name: 'a waiver for an unknown check', config: top('waivers:\n  - { check: deployment.health-check, reason: r, owner: o, expires: 2027-01-31 }\n'), path: 'waivers[0].check', message: /no check has the id "deployment.health-check"; did you mean "deployment.health-checks"\?/ },
  { name: 'a waiver for __proto__', config: top('waivers:\n  - { check: __proto__, reason: r, owner: o, expires: 2027-01-31 }\n'), path: 'waivers[0].check', message: /no check has the id "__proto__"/ },
  { name: 'a waiver for an unknown environment', config: top('waivers:\n  - { check: deployment.health-checks, environment: prdo, reason: r, owner: o, expires: 2027-01-31 }\n'), path: 'waivers[0].environment', message: /no environment "prdo" in the config; did you mean "prod"\?/ },
  { name: 'a misspelt waiver key', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expiry: 2027-01-31 }\n'), path: 'waivers[0]', message: /unknown key "expiry"/ },

  // The attestations file
  ...attestationRows(),
];

function attestationRows(): BadConfig[] {
  const row = (name: string, content: FileContent, path: string, message: RegExp): BadConfig => ({
    name: `attestations: ${name}`,
    config: top('attestations: att.yaml\n'),
    files: { 'att.yaml': content },
    names: 'att.yaml',
    path,
    message,
  });
  return [
    row('a YAML syntax error', 'version: 1\nattestations: [\n', 'attestations', /YAML syntax error/),
    row('version 2', 'version: 2\nattestations: []\n', 'version', /expected version: 1/),
    row('an unknown check', attestations(`  - ${ATTESTATION.replace('operational.status-page', 'operational.status-pages')}\n`), 'attestations[0].check', /no check has the id "operational.status-pages"; did you mean "operational.status-page"\?/),
    row('an automated check', attestations(`  - ${ATTESTATION.replace('operational.status-page', 'deployment.health-checks')}\n`), 'attestations[0].check', /deployment.health-checks is verified automatically; attestations apply only to manual lines/),
    row('an unknown environment', attestations(`  - ${ATTESTATION.replace('environment: prod', 'environment: production')}\n`), 'attestations[0].environment', /no environment "production" in the config/),
    row('an environment named __proto__', attestations(`  - ${ATTESTATION.replace('environment: prod', 'environment: __proto__')}\n`), 'attestations[0].environment', /no environment "__proto__"/),
    row('attested on 2027-13-45', attestations(`  - ${ATTESTATION.replace('at: 2026-01-02', 'at: 2027-13-45')}\n`), 'attestations[0].at', /expected a real date/),
    row('expiring on 9999-99-99', attestations(`  - ${ATTESTATION.replace('expires: 2099-01-01', 'expires: 9999-99-99')}\n`), 'attestations[0].expires', /expected a real date/),
    row('expiring before it was made', attestations(`  - ${ATTESTATION.replace('expires: 2099-01-01', 'expires: 2025-12-31')}\n`), 'attestations[0].expires', /expires 2025-12-31 is before the day it was attested \(2026-01-02\)/),
    row('by nobody', attestations(`  - ${ATTESTATION.replace('by: Jane Doe', 'by: ""')}\n`), 'attestations[0].by', /expected a non-empty value/),
    row('with blank evidence', attestations(`  - ${ATTESTATION.replace('evidence: "https://wiki.example.com/status"', 'evidence: "   "')}\n`), 'attestations[0].evidence', /expected a non-empty value/),
    row('an unknown key', attestations(`  - ${ATTESTATION.replace('by: Jane Doe', 'by: Jane Doe, signed: yes')}\n`), 'attestations[0]', /Unrecognized key: "signed"/),
    row('an alias bomb', `${billionLaughs()}version: 1\n`, 'x4[0]', /YAML aliases expand to more than 10000 values/),
    row('a FIFO', 'fifo', '(top level)', /is a FIFO \(named pipe\), not a regular file/),
    row('a directory', 'directory', '(top level)', /is a directory, not a regular file/),
    row('past 4 MiB', `version: 1\nattestations: []\n${'#'.repeat(4 * 1024 * 1024)}\n`, '(top level)', /is larger than 4 MiB/),
    row('not UTF-8', Buffer.from([0x76, 0x65, 0x72, 0xff, 0xfe, 0x0a]), '(top level)', /is not valid UTF-8/),
  ];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.concurrent(`bad configuration → exit 2 naming the file and the key path (${BAD_CONFIGS.length} rows)`, () => {
  it('holds at least 100 rows', () => {
    expect(BAD_CONFIGS.length).toBeGreaterThanOrEqual(100);
  });

  for (const row of BAD_CONFIGS) {
    it(row.name, async () => {
      const dir = workspace();
      for (const [name, content] of Object.entries(row.files ?? {})) place(dir, name, content);
      const config = typeof row.config === 'object' && 'path' in row.config ? row.config.path : place(dir, 'readiness.config.yaml', row.config);
      const named = row.names ? path.join(dir, row.names) : config;
      const run = await runCli(['check', 'prod', '-c', config, '--only', 'deployment.health-checks', '--timeout', '2s'], { cwd: dir });
      expectUsageError(run, named, new RegExp(`\\n {2}- ${escape(row.path)}[ :(]`), row.message);
    }, 60_000);
  }
});

interface BadArgs {
  name: string;
  args: (dir: string) => string[];
  /** Files the workspace holds before the run. */
  files?: Record<string, FileContent>;
  message: RegExp;
}

const CONFIG = 'readiness.config.yaml';
const check = (...args: string[]) => (dir: string) => ['check', 'prod', '-c', path.join(dir, CONFIG), '--only', 'deployment.health-checks', ...args];
const attest = (...args: string[]) => (dir: string) => ['attest', 'operational.status-page', '-c', path.join(dir, CONFIG), ...args];
const ATTEST = ['--env', 'prod', '--by', 'Jane Doe', '--evidence', 'https://wiki.example.com/status'];

const BAD_ARGS: BadArgs[] = [
  { name: '--timeout 10 (no unit)', args: check('--timeout', '10'), message: /--timeout 10: "10" has no unit; write 10s for seconds or 10ms/ },
  { name: '--timeout 600h', args: check('--timeout', '600h'), message: /--timeout 600h: 600h is longer than the 1h/ },
  { name: '--timeout 1e300', args: check('--timeout', '1e300'), message: /--timeout 1e300: expected a duration/ },
  { name: '--timeout 0ms', args: check('--timeout', '0ms'), message: /shorter than the 1ms/ },
  { name: '--timeout -5s', args: check('--timeout', '-5s'), message: /--timeout -5s: expected a duration/ },
  { name: '--timeout 2147483648ms', args: check('--timeout', '2147483648ms'), message: /longer than the 1h/ },
  { name: '--concurrency 0', args: check('--concurrency', '0'), message: /--concurrency 0: expected a whole number from 1 to 64/ },
  { name: '--concurrency 65', args: check('--concurrency', '65'), message: /--concurrency 65: expected a whole number/ },
  { name: '--concurrency many', args: check('--concurrency', 'many'), message: /--concurrency many: expected a whole number/ },
  { name: '--format xml', args: check('--format', 'xml'), message: /--format xml: unknown format/ },
  { name: '--severity urgent', args: check('--severity', 'urgent'), message: /--severity urgent: expected one of critical, high, medium, low/ },
  { name: '--fail-on everything', args: check('--fail-on', 'everything'), message: /--fail-on everything: expected one of/ },
  { name: '--format constructor', args: check('--format', 'constructor'), message: /--format constructor: unknown format/ },
  { name: '--fail-on constructor', args: check('--fail-on', 'constructor'), message: /--fail-on constructor: expected one of/ },
  { name: 'list --section constructor', args: () => ['list', '--section', 'constructor'], message: /--section constructor: unknown section/ },
  { name: 'check __proto__', args: (dir) => ['check', '__proto__', '-c', path.join(dir, CONFIG)], message: /unknown environment "__proto__"/ },
  { name: 'check constructor', args: (dir) => ['check', 'constructor', '-c', path.join(dir, CONFIG)], message: /unknown environment "constructor"/ },
  { name: 'check toString', args: (dir) => ['check', 'toString', '-c', path.join(dir, CONFIG)], message: /unknown environment "toString"/ },
  { name: 'check hasOwnProperty', args: (dir) => ['check', 'hasOwnProperty', '-c', path.join(dir, CONFIG)], message: /unknown environment "hasOwnProperty"/ },
  { name: '--only __proto__', args: (dir) => ['check', 'prod', '-c', path.join(dir, CONFIG), '--only', '__proto__'], message: /--only __proto__: no check has this id/ },
  { name: '--skip constructor', args: (dir) => ['check', 'prod', '-c', path.join(dir, CONFIG), '--skip', 'constructor'], message: /--skip constructor: no check has this id/ },
  { name: '--section __proto__', args: check('--section', '__proto__'), message: /--section __proto__: unknown section/ },
  { name: 'explain __proto__', args: () => ['explain', '__proto__'], message: /unknown check id "__proto__"/ },
  { name: 'explain constructor', args: () => ['explain', 'constructor'], message: /unknown check id "constructor"/ },
  { name: 'a config that does not exist', args: (dir) => ['check', 'prod', '-c', path.join(dir, 'nope.yaml')], message: /nope.yaml: no such file; create one with `readiness init`/ },
  { name: '--out below a regular file', files: { report: 'not a directory' }, args: (dir) => [...check('--format', 'json', '--out', path.join(dir, 'report', 'out'))(dir)], message: /--out \S+report\/out: cannot create the directory: a part of the path is not a directory \(ENOTDIR\)/ },
  { name: '--out under /proc', args: check('--format', 'json', '--out', '/proc/readiness-reports'), message: /--out \/proc\/readiness-reports: cannot create the directory/ },
  { name: '--out on a read-only file system', args: check('--format', 'json', '--out', '/sys/kernel'), message: /--out \/sys\/kernel: cannot write into the directory/ },
  { name: '--out that is a file', files: { 'out.json': '{}' }, args: (dir) => check('--format', 'json', '--out', path.join(dir, 'out.json'))(dir), message: /not a directory/ },
  { name: '--out whose report.json is a directory', files: { out: 'directory' }, args: (dir) => { mkdirSync(path.join(dir, 'out', 'report.json')); return check('--format', 'json', '--out', path.join(dir, 'out'))(dir); }, message: /report.json exists and is not a regular file/ },
  { name: '--out whose report.json is /dev/full', files: { out: 'directory' }, args: (dir) => { symlinkSync('/dev/full', path.join(dir, 'out', 'report.json')); return check('--format', 'json', '--out', path.join(dir, 'out'))(dir); }, message: /report.json exists and is not a regular file/ },
  { name: 'attest --by ""', args: attest('--env', 'prod', '--by', '', '--evidence', 'https://x.example.com'), message: /--by is empty/ },
  { name: 'attest --by "   "', args: attest('--env', 'prod', '--by', '   ', '--evidence', 'https://x.example.com'), message: /--by is empty/ },
  { name: 'attest --evidence ""', args: attest('--env', 'prod', '--by', 'Jane', '--evidence', ''), message: /--evidence is empty/ },
  { name: 'attest --env ""', args: attest('--env', '', '--by', 'Jane', '--evidence', 'https://x.example.com'), message: /--env is empty/ },
  { name: 'attest --env __proto__', args: attest('--env', '__proto__', '--by', 'Jane', '--evidence', 'https://x.example.com'), message: /--env __proto__: not an environment of/ },
  { name: 'attest --env constructor', args: attest('--env', 'constructor', '--by', 'Jane', '--evidence', 'https://x.example.com'), message: /--env constructor: not an environment of/ },
  { name: 'attest --expires 2027-13-45', args: attest(...ATTEST, '--expires', '2027-13-45'), message: /--expires 2027-13-45: not a day of the calendar/ },
  { name: 'attest --expires 9999-99-99', args: attest(...ATTEST, '--expires', '9999-99-99'), message: /not a day of the calendar/ },
  { name: 'attest --expires 2031-02-29', args: attest(...ATTEST, '--expires', '2031-02-29'), message: /not a day of the calendar/ },
  { name: 'attest --expires 3000000d', args: attest(...ATTEST, '--expires', '3000000d'), message: /lands after the year 9999/ },
  { name: 'attest --expires 2020-01-01', args: attest(...ATTEST, '--expires', '2020-01-01'), message: /the expiry must be after today/ },
  { name: 'attest --expires soon', args: attest(...ATTEST, '--expires', 'soon'), message: /expected a date \(YYYY-MM-DD\) or a span/ },
  { name: 'attest an unknown check', args: (dir) => ['attest', 'operational.status-pages', '-c', path.join(dir, CONFIG), ...ATTEST], message: /unknown check id "operational.status-pages"/ },
  { name: 'attest __proto__', args: (dir) => ['attest', '__proto__', '-c', path.join(dir, CONFIG), ...ATTEST], message: /unknown check id "__proto__"/ },
  { name: 'attest an automated check', args: (dir) => ['attest', 'deployment.health-checks', '-c', path.join(dir, CONFIG), ...ATTEST], message: /verified automatically and cannot be attested/ },
  {
    name: 'attest into an attestations file that is a FIFO',
    files: { [CONFIG]: top('attestations: att.yaml\n'), 'att.yaml': 'fifo' },
    args: attest(...ATTEST),
    message: /att.yaml:\n {2}- \(top level\): cannot read it: is a FIFO/,
  },
];

describe.concurrent(`bad command lines → exit 2 with the flag and what it expects (${BAD_ARGS.length} rows)`, () => {
  for (const row of BAD_ARGS) {
    it(row.name, async () => {
      const dir = workspace();
      place(dir, CONFIG, SERVICES);
      for (const [name, content] of Object.entries(row.files ?? {})) {
        if (name === CONFIG) rmSync(path.join(dir, CONFIG));
        place(dir, name, content);
      }
      const run = await runCli(row.args(dir), { cwd: dir });
      expectUsageError(run, row.message);
      // Checked before the run: nothing was probed.
      expect(run.stderr).not.toMatch(/\[1\/1\]/);
    }, 60_000);
  }
});

interface Accepted {
  name: string;
  config: string | Buffer;
  environment?: string;
  only?: string;
}

const ACCEPTED: Accepted[] = [
  {
    name: 'one anchor reused 150 times (the YAML library alone stops at 100)',
    config: prod(`    urls:\n      page0: &page "https://example.com/"\n${Array.from({ length: 150 }, (_, i) => `      page${i + 1}: *page`).join('\n')}\n`),
  },
  {
    name: 'a service block reused for several environments through a merge key',
    config: `version: 1\nenvironments:\n  prod: &prod\n    services:\n      api: &api { url: "http://127.0.0.1:9", health: /healthz }\n      web: { <<: *api, url: "http://127.0.0.1:8" }\n  staging: *prod\n`,
    environment: 'staging',
  },
  { name: 'a UTF-8 byte-order mark', config: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SERVICES)]) },
  { name: 'an environment called constructor', config: 'version: 1\nenvironments:\n  constructor: { repo: . }\n', environment: 'constructor' },
  { name: 'durations with every unit, at their bounds', config: `${prod('    database: { url: "postgres://u@127.0.0.1:65535/db", connectTimeout: 1h, statementTimeout: 1.5s, lockTimeout: 1ms, backups: { location: b, maxAge: 400d } }\n')}timeout: 60m\n` },
  { name: 'a timeout as a YAML number, in milliseconds', config: top('timeout: 1500\nchecks:\n  operational.status-page: { timeout: 2500 }\n') },
  { name: 'a leap day', config: top('waivers:\n  - { check: deployment.health-checks, reason: r, owner: o, expires: 2028-02-29 }\n') },
  { name: 'a config just under the size cap', config: `${SERVICES}${'#'.repeat(MAX_CONFIG_BYTES - SERVICES.length - 2)}\n` },
  { name: 'a key called toString', config: prod('    urls: { toString: "https://example.com/", constructor: "https://example.com/c" }\n') },
];

describe.concurrent('odd but legitimate configurations still load', () => {
  for (const row of ACCEPTED) {
    it(row.name, async () => {
      const dir = workspace();
      const config = place(dir, CONFIG, row.config);
      const run = await runCli(['check', row.environment ?? 'prod', '-c', config, '--only', row.only ?? 'operational.status-page', '--format', 'json'], { cwd: dir });
      expect(run.stderr).not.toMatch(/internal error|^readiness: /m);
      expect(run.code).toBe(0);
      const report = reportSchema.parse(JSON.parse(run.stdout));
      expect(report.results.map((r) => r.status)).toEqual(['manual']);
    }, 60_000);
  }
});

describe('attest needs no secret of the environment, and writes what check then reads', () => {
  it('attests an environment whose ${VAR}s are unset here, then check reads the attestation', async () => {
    const dir = workspace();
    const config = place(dir, CONFIG, prod('    database: { url: "${READINESS_HOSTILE_DATABASE_URL}" }\n    repo: "${READINESS_HOSTILE_REPO_DIR}"\n'));
    const run = await runCli(['attest', 'operational.status-page', '-c', config, ...ATTEST, '--expires', '30d'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Recorded: operational.status-page attested for prod by Jane Doe, valid until \d{4}-\d{2}-\d{2}/);
    expect(readFileSync(path.join(dir, 'readiness.attestations.yaml'), 'utf8')).toMatch(/check: operational.status-page\n\s+environment: prod\n\s+by: Jane Doe/);

    const checked = await runCli(['check', 'prod', '-c', config, '--only', 'operational.status-page', '--format', 'json'], {
      cwd: dir,
      env: { READINESS_HOSTILE_DATABASE_URL: 'postgres://app@127.0.0.1/app', READINESS_HOSTILE_REPO_DIR: '.' },
    });
    expect(checked.code).toBe(0);
    expect(reportSchema.parse(JSON.parse(checked.stdout)).results[0]).toMatchObject({ status: 'pass', override: { kind: 'attestation', by: 'Jane Doe' } });
  }, 60_000);

  it('refuses to append to an attestations file that already holds an impossible entry', async () => {
    const dir = workspace();
    const config = place(dir, CONFIG, SERVICES);
    place(dir, 'readiness.attestations.yaml', attestations(`  - ${ATTESTATION.replace('expires: 2099-01-01', 'expires: 2099-02-30')}\n`));
    const run = await runCli(['attest', 'operational.status-page', '-c', config, ...ATTEST], { cwd: dir });
    expectUsageError(run, /readiness.attestations.yaml:\n {2}- attestations\[0\]\.expires \(line 3, column \d+\): expected a real date/);
  }, 60_000);
});
