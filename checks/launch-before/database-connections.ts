import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { withDatabase } from '../../src/kit/database.js';
import { usableConnections } from '../../src/rules/database-pooling.js';

const options = z.strictObject({
  warnPercent: z.number().min(1).max(100).default(80).describe('Connections in use above this percent of the usable connections warn'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'launch-before.database-connections',
  section: 'launch-before',
  item: 'Verify database connections',
  severity: 'high',
  automation: 'automated',
  needs: ['database'],
  options,
  verifies: 'The production database accepts a connection with the configured URL right now, and connection usage is well below the limit.',
  how:
    'Opens the shared read-only session with database.url (connect timeout database.connectTimeout) and reads pg_stat_activity. Fail: refused, unresolvable host, ' +
    'rejected credentials, TLS failure, missing database or no free connection slot; or client connections at 100 % of the usable connections ' +
    '(max_connections − reserved, or a role/database CONNECTION LIMIT). Warn: above warnPercent %. Error: a timeout (the network from here may be the cause).',
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
        if (inUse >= usable) {
          return outcome('fail', `${connected}, but ${usage}: new connections are refused`, { evidence });
        }
        if (pct > ctx.options.warnPercent) {
          return outcome('warn', `${connected}; ${usage}, above ${ctx.options.warnPercent}%`, { evidence });
        }
        return outcome('pass', `${connected}; ${usage}`, { evidence });
      },
      { failOn: ['refused', 'dns', 'auth', 'tls', 'unavailable'] },
    );
  },
});
