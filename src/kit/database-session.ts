import { combine, outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { DEFAULT_TRANSPORT, judgeRolePrivileges, judgeTransport, type TransportOptions } from '../rules/database-privileges.js';
import type { CheckContext } from './check.js';
import { withDatabase } from './database.js';

/**
 * Transport and privilege of the database session, for the "Database credentials are strong and unique" line
 * (merged into security.database-credentials by the lead). The role judged is database.appRole when set —
 * the tool may connect with a read-only monitoring role — else the role of database.url.
 */
export async function verifyDatabaseTransportAndPrivileges(ctx: CheckContext<unknown>, options: TransportOptions = DEFAULT_TRANSPORT): Promise<CheckOutcome> {
  return withDatabase(ctx, async (database) => {
    const session = await database.session();
    const appRole = ctx.environment.database?.appRole;
    const facts = await database.role(appRole ?? session.user);
    const privileges = facts
      ? judgeRolePrivileges(facts)
      : outcome('error', `role ${appRole ?? session.user} (database.appRole) does not exist on this server`, {
          remediation: 'Set database.appRole to the role in the application\'s DATABASE_URL.',
        });
    const transport = judgeTransport(database.target, session, options);
    return combine(
      [
        { label: 'transport', outcome: transport },
        { label: 'role', outcome: privileges },
      ],
      { pass: `${transport.message}; ${privileges.message}` },
    );
  });
}
