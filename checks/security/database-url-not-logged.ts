import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { registerSecret } from '../../src/core/redact.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { logsProbe } from '../../src/probes/logs.js';
import { findCredentialLeaks, type KnownSecrets } from '../../src/rules/log-leaks.js';
import { estimateStrength } from '../../src/core/secrets/entropy.js';
import { secretMaterial } from '../../src/core/secrets/secret-like.js';
import { secretParts } from '../../src/core/secrets/structured.js';
import { isKnownWeak } from '../../src/core/secrets/weak-secrets.js';
import { envProbe } from '../../src/probes/env.js';

const MAX_LISTED = 20;

export default defineCheck({
  id: 'security.database-url-not-logged',
  section: 'security',
  item: 'Database connection string does not expose password in logs',
  severity: 'critical',
  automation: 'automated',
  needs: ['logs'],
  verifies: "No line of the configured log sources contains a connection URL with an inline password, a credential pair (password=…, POSTGRES_PASSWORD=…), or one of the environment's own secrets.",
  how:
    'Streams each log source (a file: its newest maxBytes, default 64 MiB; gzip/zlib/brotli files are decompressed from their start, up to maxBytes of text; ' +
    'a command: its first maxBytes of output, 15 s limit) line by line. ' +
    'Flags URLs with inline passwords (postgres, mysql, mariadb, mongodb(+srv), redis(s), amqp(s), mssql, … and any other scheme; "secret" is a password there, not a mask), ' +
    'credential pairs under any key naming a password, secret, API key, private key or token in any casing and separator style ' +
    '(password=, POSTGRES_PASSWORD=, spring.datasource.password=, dbPassword:, "client_secret": "…", DB-PASS=), and the secrets of database.url and of the env sources ' +
    '(values of secret-looking variables and the secrets inside URLs, connection strings and JSON values, 40+ estimated bits) found in a line by HMAC fingerprint. ' +
    'Already-masked values (****, <redacted>, [FILTERED], ${VAR}, $VAR) are ignored. ' +
    'Fail: any finding, reported as source and line number with the password replaced. Warn: a source with nothing to read (empty, or only blank lines), or nothing found ' +
    'but the cap cut the source. Error: a source cannot be read, is not valid compressed data, or its command fails.',
  remediation:
    "Stop logging config objects and process.env, add redaction to the logger (pino `redact`, winston format) and to Sentry's beforeSend, keep Prisma's log level at warn/error in production, delete the exposed logs where possible, and rotate the database password: anyone with log access has it.",
  async run(ctx) {
    const known = await knownSecrets(ctx);
    const parts: Part[] = await Promise.all(
      (ctx.environment.logs ?? []).map(async (_source, index): Promise<Part> => {
        const label = ctx.probe(logsProbe).describe(index);
        try {
          return { label, outcome: await scanOne(ctx, index, known.secrets) };
        } catch (error) {
          return { label, outcome: probeFailure(error, []) };
        }
      }),
    );
    const combined = combine(parts);
    return known.unread.length > 0 ? { ...combined, evidence: { ...combined.evidence, passwordsNotKnown: known.unread } } : combined;
  },
});

async function scanOne(ctx: CheckContext, index: number, known: KnownSecrets): Promise<CheckOutcome> {
  const source = ctx.environment.logs![index]!;
  const found: string[] = [];
  let total = 0;
  const scan = await ctx.probe(logsProbe).scan(index, ctx.signal, (line, lineNumber) => {
      for (const leak of findCredentialLeaks(line, known)) {
        // Whatever else prints this line later, the secret in it is masked from now on (a public default such as
        // "postgres" is not: the finding says what it is, and masking the word would garble every report).
        if (!isKnownWeak(leak.secret)) registerSecret(leak.secret);
        total++;
        if (found.length < MAX_LISTED) found.push(`line ${lineNumber}: ${leak.masked}`);
      }
  });
  const evidence = {
    bytesRead: scan.bytesRead,
    lines: scan.lines,
    truncated: scan.truncated,
    ...(scan.compression ? { compression: scan.compression } : {}),
    ...(scan.truncated && 'file' in source && !scan.compression ? { lineNumbers: 'counted from the start of the newest bytes read' } : {}),
    ...(found.length > 0 ? { findings: found, totalFindings: total } : {}),
  };
  if (total > 0) {
    return outcome('fail', `${total} credential${total > 1 ? 's' : ''} exposed (${found.slice(0, 3).join('; ')}${total > 3 ? '; …' : ''})`, { evidence });
  }
  if (scan.nonBlankLines === 0) {
    // An empty log shows nothing either way: a wrong path, a rotated file or a quiet window is no evidence of a clean log.
    return outcome('warn', `nothing to read (${scan.bytesRead} bytes${scan.lines > 0 ? `, ${scan.lines} blank lines` : ''}): an empty log shows nothing either way`, {
      evidence,
      remediation: 'Point this source at the log that holds the service output (the current file, or a command over a window with traffic) and re-run.',
    });
  }
  if (scan.truncated) {
    return outcome('warn', `no credentials in the ${scan.bytesRead} bytes read, but the size cap stopped the read before the whole source`, {
      evidence,
      remediation: 'Raise maxBytes on this log source, or scan a narrower time window, to cover all of it.',
    });
  }
  return outcome('pass', `no credentials in ${scan.lines} lines`, { evidence });
}

/** Below this many estimated bits a secret is not searched for on its own: "postgres" would match every postgres:// URL. */
const MIN_KNOWN_BITS = 40;
const MIN_KNOWN_LENGTH = 8;
const DATABASE_NAME = /DATABASE|POSTGRES|^PG|MYSQL|MARIADB|MONGO|REDIS|(^|_)DB(_|$)|_DB_|SQL/;

/**
 * The environment's own secrets — database.url's password, and the secret material of every env source (values of
 * secret-looking variables, secrets inside URLs, connection strings and JSON values) — known to the scan only by
 * keyed fingerprint, each with what it is ("the configured database password", "the value of JWT_SECRET").
 */
async function knownSecrets(ctx: CheckContext): Promise<{ secrets: KnownSecrets; unread: string[] }> {
  const fingerprints = ctx.probe(envProbe).fingerprints;
  const whats = new Map<string, string>();
  const lengths = new Set<number>();
  const add = (secret: string, what: string) => {
    if (secret.length < MIN_KNOWN_LENGTH || isKnownWeak(secret) || estimateStrength(secret).bits < MIN_KNOWN_BITS) return;
    const digest = fingerprints.digest(secret);
    if (!whats.has(digest)) whats.set(digest, what);
    lengths.add(secret.length);
  };
  for (const part of secretParts(ctx.environment.database?.url ?? '')) add(part.secret, 'the configured database password');
  const unread: string[] = [];
  if (ctx.environment.env?.length) {
    for (const slot of ctx.probe(envProbe).slots(ctx.environmentName, ctx.signal)) {
      try {
        for (const [name, value] of (await slot.view).values) {
          const what = DATABASE_NAME.test(name) ? 'the configured database password' : `the value of ${name}`;
          for (const part of secretParts(value)) if (part.raw !== undefined) add(part.raw, DATABASE_NAME.test(name) ? what : `a secret inside ${name}`);
          for (const secret of secretMaterial(name, value)) add(secret, what);
        }
      } catch (error) {
        unread.push(`${slot.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return { secrets: { lengths, lookup: (candidate) => whats.get(fingerprints.digest(candidate)) }, unread };
}
