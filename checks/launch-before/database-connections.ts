import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { withDatabase } from '../../src/kit/database.js';
import { usableConnections } from '../../src/rules/database-pooling.js';
import { judgeApplicationLogin } from '../../src/rules/database-login.js';
import type { Finding } from '../../src/core/outcome.js';

const options = z.strictObject({
  warnPercent: z.number().min(1).max(100).default(80).describe('Connections in use above this percent of the usable connections warn'),
  expiryWarnDays: z.number().min(0).default(14).describe("The application role's password expiring (VALID UNTIL) within this many days warns"),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'launch-before.database-connections',
  section: 'launch-before',
  item: 'Verify database connections',
  severity: 'high',
  automation: 'automated',
  needs: ['database'],
  options,
  verifies:
    "The production database accepts a connection with the configured URL right now, the application's role (database.appRole) may log in to it, and connection usage is well below the limit.",
  how:
    'Opens the shared read-only session with database.url (connect timeout database.connectTimeout) and reads pg_stat_activity. Fail: refused, unresolvable host, ' +
    'rejected credentials, TLS failure, missing database or no free connection slot; or client connections at 100 % of the usable connections ' +
    '(max_connections − reserved, or a role/database CONNECTION LIMIT). The application\'s role (database.appRole, else the URL\'s) is read from pg_roles: ' +
    'fail when it does not exist, is NOLOGIN, its password expired (VALID UNTIL in the past, by the server\'s clock), its CONNECTION LIMIT is 0 or reached, or it lacks ' +
    'CONNECT on the database — the tool\'s own connection proves nothing about a role it does not use. Warn: above warnPercent %, or the password expires within ' +
    'expiryWarnDays days. Error: a timeout (the network from here may be the cause).',
  remediation:
    'Check DATABASE_URL and private networking per service, restart services that lost their connections, and lower connection_limit if usage is near the maximum.',
  async run(ctx) {
    return withDatabase(
      ctx,
      async (probe) => {
        const session = await probe.session();
        const facts = await probe.connections(ctx.environment.database?.appRole);
        const { usable, limitedBy, inUse } = usableConnections(facts);
        const pct = Math.round((1000 * inUse) / Math.max(usable, 1)) / 10;
        const evidence = {
          server: `PostgreSQL ${session.serverVersion}`,
          user: session.user,
          database: session.database,
          connectMs: session.connectMs,
          tls: session.ssl.used ? session.ssl.version : null,
          inUse,
          usable,
          limitedBy,
          byState: facts.byState,
        };
        const connected = `connected as ${session.user} to ${session.database} (PostgreSQL ${session.serverVersion}${session.ssl.used ? `, ${session.ssl.version}` : ''}) in ${session.connectMs} ms`;
        const usage = `${inUse} of ${usable} usable connections in use (${pct}%)`;
        const appRole = ctx.environment.database?.appRole;
        const role = await probe.role(appRole ?? session.user);
        const login = judgeApplicationLogin(role, appRole ?? session.user, session.database, appRole !== undefined, ctx.options.expiryWarnDays);
        const findings: Finding[] = [...login.findings];
        if (inUse >= usable) findings.push({ status: 'fail', text: `${usage}: new connections are refused`, remediation: 'Close idle connections, lower connection_limit per instance, or put PgBouncer in front.' });
        else if (pct > ctx.options.warnPercent) findings.push({ status: 'warn', text: `${usage}, above ${ctx.options.warnPercent}%`, remediation: 'Lower connection_limit per instance or add PgBouncer before launch traffic arrives.' });
        const full = { ...evidence, ...(login.evidence ? { applicationRole: login.evidence } : {}) };
        const worst = findings.some((f) => f.status === 'fail') ? 'fail' : findings.length > 0 ? 'warn' : 'pass';
        if (worst === 'pass') return outcome('pass', `${connected}; ${usage}`, { evidence: full });
        const remediation = [...new Set(findings.map((f) => f.remediation))].join(' ');
        // "but" before what makes the line fail, ";" before a warning: the connection itself worked either way.
        return outcome(worst, `${connected}${worst === 'fail' ? ', but' : ';'} ${findings.map((f) => f.text).join('; ')}`, {
          evidence: full,
          ...(remediation ? { remediation } : {}),
        });
      },
      { failOn: ['refused', 'dns', 'auth', 'tls', 'unavailable'] },
    );
  },
});
