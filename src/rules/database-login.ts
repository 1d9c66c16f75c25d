import type { Finding } from '../core/outcome.js';
import type { RoleFacts } from '../probes/postgres-catalog.js';

const DAY_SECONDS = 86_400;

export interface ApplicationLogin {
  findings: Finding[];
  evidence?: Record<string, unknown>;
}

/**
 * Whether the application's role can open a session, from pg_roles as the server sees it: the tool's own
 * connection (often a monitoring role) proves nothing about a role it does not log in as. Fails when the role
 * does not exist, is NOLOGIN, its password expired (VALID UNTIL, by the server's clock), its CONNECTION LIMIT
 * is 0, or it may not CONNECT to this database; warns when the password expires within warnDays.
 */
export function judgeApplicationLogin(
  role: RoleFacts | undefined,
  name: string,
  database: string,
  configured: boolean,
  warnDays: number,
): ApplicationLogin {
  const source = configured ? ' (database.appRole)' : '';
  if (!role) {
    return {
      findings: [
        {
          status: 'fail',
          text: `the application role ${name}${source} does not exist on this server: the application cannot log in`,
          remediation: 'Set database.appRole to the role in the application\'s DATABASE_URL, or create that role.',
        },
      ],
      evidence: { role: name, exists: false },
    };
  }
  const evidence = {
    role: role.name,
    canLogin: role.canLogin,
    validUntil: role.validUntil,
    connectionLimit: role.connectionLimit,
    connections: role.connections,
    canConnect: role.canConnect,
  };
  const findings: Finding[] = [];
  if (!role.canLogin) {
    findings.push({
      status: 'fail',
      text: `the application role ${name}${source} is NOLOGIN: every connection as it is refused`,
      remediation: `ALTER ROLE ${name} LOGIN; (or point the application at a role that may log in).`,
    });
  }
  if (role.passwordExpired) {
    findings.push({
      status: 'fail',
      text: `the application role ${name}${source} has a password that expired (VALID UNTIL ${role.validUntil}): password logins as it are refused`,
      remediation: `ALTER ROLE ${name} VALID UNTIL 'infinity'; or set a new password with a future expiry, and update DATABASE_URL in every service.`,
    });
  } else if (role.expiresInSeconds !== null && role.expiresInSeconds < warnDays * DAY_SECONDS) {
    const days = Math.max(0, Math.floor(role.expiresInSeconds / DAY_SECONDS));
    findings.push({
      status: 'warn',
      text: `the application role ${name}${source} has a password that expires in ${days} day(s) (VALID UNTIL ${role.validUntil})`,
      remediation: `Extend it before launch: ALTER ROLE ${name} VALID UNTIL '<later date>'; (or 'infinity' with rotation handled elsewhere).`,
    });
  }
  if (role.connectionLimit === 0) {
    findings.push({
      status: 'fail',
      text: `the application role ${name}${source} has CONNECTION LIMIT 0: no session may open`,
      remediation: `ALTER ROLE ${name} CONNECTION LIMIT -1; (or a limit above the pools' total).`,
    });
  }
  // A limit in use up to the last slot is the usage arithmetic's finding (usableConnections), not repeated here.
  if (!role.canConnect) {
    findings.push({
      status: 'fail',
      text: `the application role ${name}${source} has no CONNECT privilege on database ${database}`,
      remediation: `GRANT CONNECT ON DATABASE ${database} TO ${name};`,
    });
  }
  return { findings, evidence };
}
