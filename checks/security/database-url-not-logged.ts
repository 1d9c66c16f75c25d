import { defineCheck, type CheckContext } from '../../src/kit/check.js';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { registerSecret } from '../../src/core/redact.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { logsProbe } from '../../src/probes/logs.js';
import { findCredentialLeaks } from '../../src/rules/log-leaks.js';
import { estimateStrength } from '../../src/core/secrets/entropy.js';
import { credentialsInside } from '../../src/core/secrets/secret-like.js';
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
  verifies: 'No line of the configured log sources contains a connection URL with an inline password, a password=… pair, or the configured database password itself.',
  how:
    'Streams each log source (a file: its newest maxBytes, default 64 MiB; a command: its first maxBytes of output, 15 s limit) line by line. ' +
    'Flags URLs with inline passwords (postgres, mysql, mariadb, mongodb(+srv), redis(s), amqp(s), mssql, … and any other scheme), password=/pwd=/"password": "…" pairs, ' +
    'and the database password of database.url or the env sources appearing verbatim. Already-masked values (****, <redacted>, [FILTERED], ${VAR}, $VAR) are ignored. ' +
    'Fail: any finding, reported as source and line number with the password replaced. Warn: nothing found but the cap cut the source. Error: a source cannot be read.',
  remediation:
    "Stop logging config objects and process.env, add redaction to the logger (pino `redact`, winston format) and to Sentry's beforeSend, keep Prisma's log level at warn/error in production, delete the exposed logs where possible, and rotate the database password: anyone with log access has it.",
  async run(ctx) {
    const known = await knownPasswords(ctx);
    const parts: Part[] = await Promise.all(
      (ctx.environment.logs ?? []).map(async (_source, index): Promise<Part> => {
        const label = ctx.probe(logsProbe).describe(index);
        try {
          return { label, outcome: await scanOne(ctx, index, known.passwords) };
        } catch (error) {
          return { label, outcome: probeFailure(error, []) };
        }
      }),
    );
    const combined = combine(parts);
    return known.unread.length > 0 ? { ...combined, evidence: { ...combined.evidence, passwordsNotKnown: known.unread } } : combined;
  },
});

async function scanOne(ctx: CheckContext, index: number, passwords: readonly string[]): Promise<CheckOutcome> {
  const source = ctx.environment.logs![index]!;
  const found: string[] = [];
  let total = 0;
  const scan = await ctx.probe(logsProbe).scan(index, ctx.signal, (line, lineNumber) => {
      for (const leak of findCredentialLeaks(line, passwords)) {
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
    ...(scan.truncated && 'file' in source ? { lineNumbers: 'counted from the start of the newest bytes read' } : {}),
    ...(found.length > 0 ? { findings: found, totalFindings: total } : {}),
  };
  if (total > 0) {
    return outcome('fail', `${total} credential${total > 1 ? 's' : ''} exposed (${found.slice(0, 3).join('; ')}${total > 3 ? '; …' : ''})`, { evidence });
  }
  if (scan.truncated) {
    return outcome('warn', `no credentials in the ${scan.bytesRead} bytes read, but the size cap stopped the read before the whole source`, {
      evidence,
      remediation: 'Raise maxBytes on this log source, or scan a narrower time window, to cover all of it.',
    });
  }
  return outcome('pass', `no credentials in ${scan.lines} lines`, { evidence });
}

/** The database passwords this environment uses, to find them verbatim (not only inside URLs). */
async function knownPasswords(ctx: CheckContext): Promise<{ passwords: string[]; unread: string[] }> {
  const passwords = new Set<string>(credentialsInside(ctx.environment.database?.url ?? ''));
  const unread: string[] = [];
  if (ctx.environment.env?.length) {
    for (const slot of ctx.probe(envProbe).slots(ctx.environmentName, ctx.signal)) {
      try {
        for (const [name, value] of (await slot.view).values) if (/DATABASE|POSTGRES|DB_/.test(name)) for (const p of credentialsInside(value)) passwords.add(p);
      } catch (error) {
        unread.push(`${slot.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  // Only passwords distinctive enough to search for verbatim: "postgres" would match every postgres:// URL.
  return { passwords: [...passwords].filter((p) => !isKnownWeak(p) && estimateStrength(p).bits >= 40), unread };
}
