import { z } from 'zod';
import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { readComparisons, type Comparison } from '../../src/kit/env-comparison.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { compareWithOption } from '../../src/rules/compare-environments.js';
import { verifyDatabaseTransportAndPrivileges } from '../../src/kit/database-session.js';
import { DEFAULT_USERS, isDefaultPair, judgeDatabaseTransport, maskedDatabaseUrl, parseDatabaseUrl, type DatabaseUrlFacts } from '../../src/rules/database-url.js';
import { judgeSecret } from '../../src/rules/secret-strength.js';
import { envProbe } from '../../src/probes/env.js';

const options = z.strictObject({
  compareWith: compareWithOption,
  session: z.boolean().default(true).describe('Connect to database.url and judge the live session: TLS in use, role privileges'),
});
type Options = z.infer<typeof options>;

/** A variable holds a database URL when it is called DATABASE_URL or its value is a postgres:// URL. */
const URL_VALUE = /^postgres(ql)?:\/\//i;

interface DatabaseUrlCandidate {
  label: string;
  url: string;
}

export default defineCheck<Options>({
  id: 'security.database-credentials',
  section: 'security',
  item: 'Database credentials are strong and unique',
  severity: 'critical',
  automation: 'automated',
  needs: [],
  options,
  verifies: "The database password in the connection URL is long and random, not a default, used by no other environment, and the URL asks for TLS to a remote host.",
  how:
    'Parses database.url and every DATABASE_URL / postgres:// variable of the env sources with pg-connection-string. Password: the same judgement as JWT_SECRET ' +
    'with a 128-bit floor (fail below 128 estimated bits, a template, placeholder word, known-weak value or low variety); a URL without a password is manual ' +
    '(certificate or IAM auth must be attested). Fail: a well-known default pair (postgres/postgres, root/root, admin/admin, …) or a password equal to the user name; ' +
    'the same password (compared by keyed HMAC fingerprint) anywhere in another configured environment (compareWith). Warn: a default user name (postgres, root, admin, sa). ' +
    'Transport: warn when a non-local host has no sslmode or one below require; Prisma connection_limit / pool_timeout are reported as evidence. ' +
    'Live session (when database.url is set): the tool connects read-only and reads pg_stat_ssl for its own backend — a non-local host without TLS fails ' +
    '(*.railway.internal without TLS warns) — and the privileges of database.appRole (else the URL\'s role): superuser, CREATEROLE, BYPASSRLS or membership ' +
    'in such a role fails, CREATEDB or REPLICATION warns. An unreachable database makes this part error.',
  remediation:
    "Rotate the password to a random one (`openssl rand -base64 32`, or the provider's rotate button), use an application role rather than postgres/admin, update DATABASE_URL for every service, append sslmode=require, and keep the value only in the secret store.",
  async run(ctx) {
    const parts = await credentialParts(ctx);
    if (ctx.options.session && ctx.environment.database?.url) parts.push({ label: 'live session', outcome: await verifyDatabaseTransportAndPrivileges(ctx) });
    return combine(parts);
  },
});

/**
 * The password-side parts of the line, one set per distinct database URL. Kept separate so the live-session
 * parts (SSL in use, role privileges) can be combined into the same line.
 */
async function credentialParts(ctx: CheckContext<Options>): Promise<Part[]> {
  const { candidates, errors } = await databaseUrls(ctx);
  if (candidates.length === 0 && errors.length === 0) {
    return [{ label: 'database URL', outcome: outcome('skip', `no database URL: set environments.${ctx.environmentName}.database.url, or an env source with DATABASE_URL`) }];
  }
  const digests = await readComparisons(ctx);
  const parts: Part[] = [...errors];
  for (const candidate of candidates) {
    const parsed = parseDatabaseUrl(candidate.url);
    if (!parsed.ok) {
      parts.push({ label: candidate.label, outcome: outcome('fail', `${candidate.label} ${parsed.problem}`) });
      continue;
    }
    parts.push({ label: `${candidate.label} password`, outcome: judgePassword(parsed.facts, (v) => ctx.probe(envProbe).fingerprints.short(v)) });
    parts.push({ label: `${candidate.label} transport`, outcome: judgeDatabaseTransport(parsed.facts) });
    if (parsed.facts.password !== undefined && digests.length > 0) {
      parts.push({ label: `${candidate.label} reuse`, outcome: judgeReuse(digests, ctx.probe(envProbe).fingerprints.digest(parsed.facts.password)) });
    }
  }
  return parts;
}

async function databaseUrls(ctx: CheckContext<Options>): Promise<{ candidates: DatabaseUrlCandidate[]; errors: Part[] }> {
  const candidates: DatabaseUrlCandidate[] = [];
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
      } catch (error) {
        errors.push({ label: `${slot.label} env`, outcome: probeFailure(error, []) });
      }
    }
  }
  return { candidates, errors };
}

function judgePassword(facts: DatabaseUrlFacts, fingerprint: (value: string) => string): CheckOutcome {
  const where = `${facts.user || '(no user)'}@${facts.host}`;
  const evidence = { url: maskedDatabaseUrl(facts), user: facts.user };
  if (facts.password === undefined) {
    return outcome('manual', `no password in the URL for ${where}: if the role authenticates by certificate, IAM or peer auth, attest it`, { evidence });
  }
  const verdict = judgeSecret(facts.password, { failBelowBits: 128, passAtBits: 128 }, fingerprint(facts.password));
  const full = { ...evidence, password: verdict.evidence };
  if (isDefaultPair(facts.user, facts.password)) {
    // Not naming the user: the loader registers the password for redaction, and here the two may be the same word.
    return outcome('fail', `the URL for ${facts.host} uses a well-known default user/password pair${facts.password === facts.user ? ' (the password is the user name)' : ''}`, { evidence: full });
  }
  if (verdict.status === 'fail') return outcome('fail', `the password for ${where} ${verdict.problems.join(', ')}`, { evidence: full });
  if (DEFAULT_USERS.includes(facts.user.toLowerCase())) {
    return outcome('warn', `strong password (${verdict.evidence.estimatedBits} estimated bits), but "${facts.user}" is a default user name that every scanner tries; use an application role`, {
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
