import { combine, outcome, type Part } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { DEFAULT_TRANSPORT, judgeRolePrivileges, judgeTransport, type TransportOptions } from '../rules/database-privileges.js';
import type { CheckContext } from './check.js';
import { withDatabase } from './database.js';

/** A role the application's own credentials name (an env variable or URL), to judge besides database.appRole. */
export interface ApplicationRole {
  name: string;
  /** Where it is named, e.g. "api: DB_USER". */
  source: string;
}

/**
 * Transport and privilege of the database session, for the "Database credentials are strong and unique" line
 * (merged into security.database-credentials by the lead). The roles judged are database.appRole when set —
 * the tool may connect with a read-only monitoring role — else the role of database.url, plus every role the
 * application's own credentials name (`envRoles`) that exists on this server: the privileges that matter are
 * those of the role the application logs in as, not the tool's.
 */
export async function verifyDatabaseTransportAndPrivileges(
  ctx: CheckContext<unknown>,
  options: TransportOptions = DEFAULT_TRANSPORT,
  envRoles: readonly ApplicationRole[] = [],
): Promise<CheckOutcome> {
  return withDatabase(ctx, async (database) => {
    const session = await database.session();
    const appRole = ctx.environment.database?.appRole;
    const primary = appRole ?? session.user;
    const facts = await database.role(primary);
    const privileges = facts
      ? judgeRolePrivileges(facts)
      : outcome('error', `role ${primary} (database.appRole) does not exist on this server`, {
          remediation: 'Set database.appRole to the role in the application\'s DATABASE_URL.',
        });
    const parts: Part[] = [{ label: 'role', outcome: privileges }];
    const others = new Map<string, string[]>();
    for (const r of envRoles) if (r.name !== primary && r.name !== '') others.set(r.name, [...(others.get(r.name) ?? []), r.source]);
    for (const [name, sources] of others) {
      const other = await database.role(name);
      // A role this server does not know belongs to another server (a second database, another environment's value).
      if (other) parts.push({ label: `role ${name} (${sources.join(', ')})`, outcome: judgeRolePrivileges(other) });
    }
    const transport = judgeTransport(database.target, session, options);
    return combine([{ label: 'transport', outcome: transport }, ...parts], {
      pass: `${transport.message}; ${parts.map((p) => p.outcome.message).join('; ')}`,
    });
  });
}
