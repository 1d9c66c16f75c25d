import { z } from 'zod';
import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { readComparisons, type Comparison } from '../../src/kit/env-comparison.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { compareWithOption } from '../../src/rules/compare-environments.js';
import { verifyDatabaseTransportAndPrivileges, type ApplicationRole } from '../../src/kit/database-session.js';
import { credentialGroups, transportUrl, type CredentialGroup } from '../../src/rules/database-env-credentials.js';
import { DEFAULT_USERS, isDefaultPair, isDefaultPassword, judgeDatabaseTransport, maskedDatabaseUrl, parseDatabaseUrl, type DatabaseUrlFacts } from '../../src/rules/database-url.js';
import { judgeSecret } from '../../src/rules/secret-strength.js';
import { envProbe } from '../../src/probes/env.js';

const options = z.strictObject({
  compareWith: compareWithOption,
  session: z.boolean().default(true).describe('Connect to database.url and judge the live session: TLS in use, role privileges'),
});
type Options = z.infer<typeof options>;

/** A variable holds a database URL when it is called DATABASE_URL or its value is a postgres:// (or JDBC postgresql:) URL. */
const URL_VALUE = /^(jdbc:)?postgres(ql)?:\/\//i;

interface DatabaseUrlCandidate {
  label: string;
  url: string;
}

/** A set of split credential variables (DB_USER + DB_PASSWORD, PGUSER + PGPASSWORD, …) of one env source. */
interface CredentialCandidate {
  /** "api: DB_PASSWORD" */
  label: string;
  service: string | undefined;
  group: CredentialGroup;
}

/** What judgePassword needs: the URL's facts, or a split group's. */
interface Credentials {
  user: string;
  password: string | undefined;
  host: string;
  /** How the pair is named in messages: "the URL for db.internal", "DB_USER/DB_PASSWORD". */
  subject: string;
  evidence: Record<string, unknown>;
}

export default defineCheck<Options>({
  id: 'security.database-credentials',
  section: 'security',
  item: 'Database credentials are strong and unique',
  severity: 'critical',
  automation: 'automated',
  needs: [],
  options,
  verifies:
    "The application's database passwords — in the connection URL or in split variables (PGUSER/PGPASSWORD, DB_USER/DB_PASSWORD, …) — are long and random, not defaults, used by no other environment, the URL asks for TLS to a remote host, and the application's roles cannot act as superuser.",
  how:
    'Parses database.url and every DATABASE_URL / postgres:// / jdbc:postgresql:// variable of the env sources with pg-connection-string, and groups split credential ' +
    'variables by the prefix they share (libpq PGUSER/PGPASSWORD/PGHOST, DB_USER/DB_PASS, POSTGRES_*, DATABASE_*, SPRING_DATASOURCE_*, <X>_DB_*, any casing and separator). ' +
    'Password: the same judgement as JWT_SECRET with a 128-bit floor (fail below 128 estimated bits, a template, placeholder word, known-weak value or low variety); a URL ' +
    'without a password is manual (certificate or IAM auth must be attested). Fail: a well-known default pair (postgres/postgres, root/root, admin/admin, …), a password ' +
    'equal to the user name, or a default password set without a user; the same password (compared by keyed HMAC fingerprint) anywhere in another configured environment ' +
    '(compareWith). Warn: a default user name (postgres, root, admin, sa). Transport (URLs, and split variables naming a host: PGSSLMODE / <prefix>_SSLMODE / <prefix>_SSL): warn when a non-local host has no sslmode or one below require; Prisma ' +
    'connection_limit / pool_timeout are reported as evidence. Live session (when database.url is set): the tool connects read-only and reads pg_stat_ssl for its own ' +
    'backend — a non-local host without TLS fails (*.railway.internal without TLS warns) — and pg_roles for database.appRole (else the URL\'s role) and for every role the ' +
    'env\'s own credentials name that exists on the server: superuser, CREATEROLE, BYPASSRLS or membership in such a role fails; so does membership (direct or inherited) ' +
    'in pg_execute_server_program, pg_write_server_files or pg_read_server_files, and EXECUTE on the server-file functions revoked from PUBLIC (lo_import, lo_export, ' +
    'pg_read_file, pg_read_binary_file, pg_ls_dir); pg_read_all_data / pg_write_all_data, CREATEDB or REPLICATION warn. An unreachable database makes this part error.',
  remediation:
    "Rotate the password to a random one (`openssl rand -base64 32`, or the provider's rotate button), use an application role rather than postgres/admin, update DATABASE_URL for every service, append sslmode=require, and keep the value only in the secret store.",
  async run(ctx) {
    const { parts, roles } = await credentialParts(ctx);
    if (ctx.options.session && ctx.environment.database?.url) {
      parts.push({ label: 'live session', outcome: await verifyDatabaseTransportAndPrivileges(ctx, undefined, roles) });
    }
    return combine(parts);
  },
});

/**
 * The password-side parts of the line, one set per distinct database URL and per set of split credential
 * variables, plus the roles they name (judged in the live session). Kept separate so the live-session parts
 * (SSL in use, role privileges) can be combined into the same line.
 */
async function credentialParts(ctx: CheckContext<Options>): Promise<{ parts: Part[]; roles: ApplicationRole[] }> {
  const { candidates, groups, errors } = await databaseCredentials(ctx);
  const roles: ApplicationRole[] = [];
  if (candidates.length === 0 && groups.length === 0 && errors.length === 0) {
    return {
      parts: [{ label: 'database URL', outcome: outcome('skip', `no database URL: set environments.${ctx.environmentName}.database.url, or an env source with DATABASE_URL (or DB_USER/DB_PASSWORD, PGUSER/PGPASSWORD)`) }],
      roles,
    };
  }
  const digests = await readComparisons(ctx);
  const fingerprint = (v: string) => ctx.probe(envProbe).fingerprints.short(v);
  const parts: Part[] = [...errors];
  const judged = new Set<string>();
  const judge = (label: string, credentials: Credentials, transport?: CheckOutcome) => {
    parts.push({ label: `${label} password`, outcome: judgePassword(credentials, fingerprint) });
    if (transport) parts.push({ label: `${label} transport`, outcome: transport });
    if (credentials.password !== undefined && digests.length > 0) {
      parts.push({ label: `${label} reuse`, outcome: judgeReuse(digests, ctx.probe(envProbe).fingerprints.digest(credentials.password)) });
    }
  };
  for (const candidate of candidates) {
    const parsed = parseDatabaseUrl(candidate.url.replace(/^jdbc:/i, ''));
    if (!parsed.ok) {
      parts.push({ label: candidate.label, outcome: outcome('fail', `the value ${parsed.problem}`) });
      continue;
    }
    const facts = withJdbcCredentials(parsed.facts);
    if (candidate.label !== 'database.url' && facts.user) roles.push({ name: facts.user, source: candidate.label });
    judged.add(`${facts.user}\u0000${facts.password ?? ''}`);
    judge(
      candidate.label,
      {
        user: facts.user,
        password: facts.password,
        host: facts.host,
        subject: `the URL for ${facts.host}`,
        evidence: { url: maskedDatabaseUrl(facts), user: facts.user },
      },
      judgeDatabaseTransport(facts),
    );
  }
  for (const { label, service, group } of groups) {
    const user = group.user?.value ?? '';
    if (user) roles.push({ name: user, source: `${service ? `${service}: ` : ''}${group.user!.name}` });
    // The same pair spelled twice (DATABASE_URL and DB_USER/DB_PASSWORD) is judged once.
    if (group.password && judged.has(`${user}\u0000${group.password.value}`)) continue;
    if (!group.password) {
      if (DEFAULT_USERS.includes(user.toLowerCase())) {
        parts.push({
          label: `${label} user`,
          outcome: outcome('warn', `${group.user!.name} is "${user}", a default user name that every scanner tries; use an application role`, {
            evidence: { variables: variableNames(group) },
            remediation: 'Create an application role (CREATE ROLE app LOGIN PASSWORD …) with only the privileges the app needs and connect as it.',
          }),
        });
      }
      continue;
    }
    const names = [group.user?.name, group.password.name].filter(Boolean).join('/');
    judge(
      label,
      {
        user,
        password: group.password.value,
        host: group.host?.value ?? '',
        subject: names,
        evidence: { variables: variableNames(group), user: user || null, ...(group.host ? { host: group.host.value } : {}) },
      },
      splitTransport(group),
    );
  }
  return { parts, roles };
}

function variableNames(group: CredentialGroup): string[] {
  return [group.user, group.password, group.host, group.port, group.database, group.sslmode, group.ssl].flatMap((v) => (v ? [v.name] : []));
}

/** Split variables reach the server as a URL would: the same transport rule, with the variable to set as the fix. */
function splitTransport(group: CredentialGroup): CheckOutcome | undefined {
  const url = transportUrl(group);
  const parsed = url === undefined ? undefined : parseDatabaseUrl(url);
  if (!parsed?.ok) return undefined;
  const verdict = judgeDatabaseTransport(parsed.facts);
  if (verdict.status !== 'warn') return verdict;
  const variable = group.sslmode?.name ?? (group.prefix === 'PG' ? 'PGSSLMODE' : `${group.prefix}_SSLMODE`);
  return { ...verdict, remediation: `Set ${variable}=require (or verify-full with the provider's CA) where the application reads its database settings, and make sure its client honours it.` };
}

/** JDBC URLs carry the role in ?user=&password= rather than before the host. */
function withJdbcCredentials(facts: DatabaseUrlFacts): DatabaseUrlFacts {
  if (facts.user || facts.params.user === undefined) return facts;
  return { ...facts, user: facts.params.user, password: facts.password ?? facts.params.password };
}

async function databaseCredentials(ctx: CheckContext<Options>): Promise<{ candidates: DatabaseUrlCandidate[]; groups: CredentialCandidate[]; errors: Part[] }> {
  const candidates: DatabaseUrlCandidate[] = [];
  const groups: CredentialCandidate[] = [];
  const errors: Part[] = [];
  const configured = ctx.environment.database?.url;
  if (configured) candidates.push({ label: 'database.url', url: configured });
  if (ctx.environment.env?.length) {
    for (const slot of ctx.probe(envProbe).slots(ctx.environmentName, ctx.signal)) {
      try {
        const view = await slot.view;
        for (const [name, value] of view.values) {
          if (name !== 'DATABASE_URL' && !URL_VALUE.test(value)) continue;
          if (candidates.some((c) => c.url === value)) continue;
          candidates.push({ label: view.service ? `${view.service}: ${name}` : name, url: value });
        }
        for (const group of credentialGroups(view.values)) {
          const key = group.password?.name ?? group.user?.name ?? group.prefix;
          groups.push({ label: view.service ? `${view.service}: ${key}` : key, service: view.service, group });
        }
      } catch (error) {
        errors.push({ label: `${slot.label} env`, outcome: probeFailure(error, []) });
      }
    }
  }
  return { candidates, groups, errors };
}

function judgePassword(credentials: Credentials, fingerprint: (value: string) => string): CheckOutcome {
  const { user, password, host, subject } = credentials;
  const where = `${user || '(no user)'}@${host || '(host not set)'}`;
  const evidence = credentials.evidence;
  if (password === undefined) {
    return outcome('manual', `no password in the URL for ${where}: if the role authenticates by certificate, IAM or peer auth, attest it`, { evidence });
  }
  const verdict = judgeSecret(password, { failBelowBits: 128, passAtBits: 128 }, fingerprint(password));
  const full = { ...evidence, password: verdict.evidence };
  if (isDefaultPair(user, password) || (user === '' && isDefaultPassword(password))) {
    // Not naming the user: the loader registers the password for redaction, and here the two may be the same word.
    const pair = user === '' ? 'a well-known default password' : `a well-known default user/password pair${password === user ? ' (the password is the user name)' : ''}`;
    return outcome('fail', `${subject} ${subject.includes('/') && !subject.startsWith('the URL') ? 'use' : 'uses'} ${pair}`, { evidence: full });
  }
  if (verdict.status === 'fail') return outcome('fail', `the password for ${where} ${verdict.problems.join(', ')}`, { evidence: full });
  if (DEFAULT_USERS.includes(user.toLowerCase())) {
    return outcome('warn', `strong password (${verdict.evidence.estimatedBits} estimated bits), but "${user}" is a default user name that every scanner tries; use an application role`, {
      evidence: full,
      remediation: 'Create an application role (CREATE ROLE app LOGIN PASSWORD …) with only the privileges the app needs and connect as it.',
    });
  }
  return outcome('pass', `the password for ${where}: ${verdict.evidence.estimatedBits} estimated bits, ${verdict.evidence.lengthBytes} bytes (${verdict.evidence.charClass})`, { evidence: full });
}

function judgeReuse(comparisons: readonly Comparison[], digest: string): CheckOutcome {
  const failures = comparisons.filter((c): c is { name: string; failure: CheckOutcome } => 'failure' in c);
  const reused = comparisons.flatMap((c) => ('digests' in c ? (c.digests.get(digest) ?? []).map((where) => `${c.name} (${where})`) : []));
  const compared = comparisons.filter((c) => 'digests' in c).map((c) => c.name);
  const evidence = { comparedWith: compared, ...(failures.length > 0 ? { notCompared: failures.map((f) => `${f.name}: ${f.failure.message}`) } : {}) };
  if (reused.length > 0) {
    return outcome('fail', `the same password is used in ${reused.join(', ')}`, {
      evidence: { ...evidence, alsoIn: reused },
      remediation: 'Give every environment its own database password; rotate the production one now, since the other environment\'s copy is less guarded.',
    });
  }
  if (failures.length > 0) {
    return outcome('error', `could not compare with ${failures.map((f) => f.name).join(', ')}: ${failures.map((f) => f.failure.message).join('; ')}`, {
      evidence,
      remediation: 'Make the other environment readable here (set the variables its config uses), or name the environments to compare in checks.security.database-credentials.options.compareWith.',
    });
  }
  return outcome('pass', `not used in ${compared.join(', ')}`, { evidence });
}
