import { outcome, fromFindings, type Finding } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { RoleFacts } from '../probes/postgres-catalog.js';
import type { SessionInfo } from '../probes/postgres.js';
import type { DatabaseUrl } from '../probes/postgres-url.js';
import { listNames } from './list-names.js';

export interface TransportOptions {
  /** When the session must be encrypted: for hosts off this machine (default), always, or never. */
  requireTls: 'non-local' | 'always' | 'never';
  /** Hosts on an encrypted private network (WireGuard and the like): plaintext there warns instead of failing. */
  privateNetworkHosts: readonly string[];
}

export const DEFAULT_TRANSPORT: TransportOptions = { requireTls: 'non-local', privateNetworkHosts: ['*.railway.internal'] };

function matchesHost(host: string, pattern: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^.]+')}$`, 'i');
  return regex.test(host);
}

/** Whether the tool's own session is encrypted, from pg_stat_ssl for its backend: what was negotiated, not asked for. */
export function judgeTransport(url: DatabaseUrl, session: SessionInfo, options: TransportOptions = DEFAULT_TRANSPORT): CheckOutcome {
  const evidence = {
    host: url.host,
    local: url.local,
    sslmode: url.sslmodeExplicit ? url.sslmode : `(unset: ${url.sslmode})`,
    tls: session.ssl.used ? { version: session.ssl.version, cipher: session.ssl.cipher } : null,
  };
  if (session.ssl.used) {
    return outcome('pass', `session encrypted with ${session.ssl.version ?? 'TLS'} (${session.ssl.cipher ?? 'cipher unknown'})`, { evidence });
  }
  const required = options.requireTls === 'always' || (options.requireTls === 'non-local' && !url.local);
  if (!required) {
    return outcome('pass', url.local ? `not encrypted, but ${url.host || 'the Unix socket'} is local: traffic never leaves the machine` : 'not encrypted (TLS not required by configuration)', {
      evidence,
    });
  }
  const fix = 'Serve TLS on the server (ssl = on; managed services have it) and put sslmode=require (or verify-full with the CA) in DATABASE_URL.';
  const privateHost = options.privateNetworkHosts.find((p) => matchesHost(url.host, p));
  if (privateHost) {
    return outcome('warn', `session to ${url.host} is not encrypted; it runs on a private network (${privateHost}), which is encrypted underneath, but the database itself does not enforce TLS`, {
      evidence,
      remediation: fix,
    });
  }
  return outcome('fail', `session to ${url.host} is not encrypted: the password and every row cross the network in plaintext`, { evidence, remediation: fix });
}

/**
 * Predefined roles that hand the role the server's own powers: reading or writing any file the postgres OS user
 * can, or running programs as it (COPY … PROGRAM). Each is a short step from superuser (the docs say as much).
 */
export const SUPERUSER_EQUIVALENT_ROLES: Readonly<Record<string, string>> = {
  pg_execute_server_program: 'runs programs on the database server as the postgres OS user (COPY … TO PROGRAM)',
  pg_write_server_files: 'writes any file the postgres OS user can (COPY … TO a file), including the configuration',
  pg_read_server_files: 'reads any file the postgres OS user can (COPY … FROM a file, pg_read_file): keys, configuration, other databases',
};

/** Predefined roles an application does not need, which widen what a leaked URL can reach. */
export const BROAD_ROLES: Readonly<Record<string, string>> = {
  pg_read_all_data: 'reads every table, view and sequence of every schema whatever their grants',
  pg_write_all_data: 'writes every table of every schema whatever their grants',
};

/**
 * The role must not be able to bypass the database's protections: no superuser, CREATEROLE or BYPASSRLS, directly
 * or by membership; no membership in a predefined role that reads or writes the server's files or runs its
 * programs, and no EXECUTE on the file functions revoked from PUBLIC (lo_import/lo_export, pg_read_file, …).
 */
export function judgeRolePrivileges(facts: RoleFacts): CheckOutcome {
  const predefined = facts.predefinedMemberships ?? [];
  const fileFunctions = facts.serverFileFunctions ?? [];
  const serverRoles = predefined.filter((r) => r in SUPERUSER_EQUIVALENT_ROLES);
  const broadRoles = predefined.filter((r) => r in BROAD_ROLES);
  const evidence = {
    role: facts.name,
    superuser: facts.superuser,
    createRole: facts.createRole,
    bypassRls: facts.bypassRls,
    createDb: facts.createDb,
    replication: facts.replication,
    privilegedMemberships: facts.privilegedMemberships,
    ...(predefined.length > 0 && !facts.superuser ? { predefinedMemberships: predefined } : {}),
    ...(fileFunctions.length > 0 && !facts.superuser ? { serverFileFunctions: fileFunctions } : {}),
  };
  const attributes = (f: { superuser: boolean; createRole: boolean; bypassRls: boolean }) =>
    [f.superuser && 'SUPERUSER', f.createRole && 'CREATEROLE', f.bypassRls && 'BYPASSRLS'].filter((a): a is string => !!a);
  const findings: Finding[] = [];
  const own = attributes(facts);
  if (own.length > 0) {
    findings.push({
      status: 'fail',
      text: `role ${facts.name} has ${own.join(', ')}: a leaked DATABASE_URL (or an SQL injection) owns the whole server`,
      remediation: `Create a dedicated application role without them (CREATE ROLE app LOGIN PASSWORD '…' NOSUPERUSER NOCREATEROLE NOBYPASSRLS), make it the owner of the application schema, and use it in DATABASE_URL; or ALTER ROLE ${facts.name} NOSUPERUSER NOCREATEROLE NOBYPASSRLS.`,
    });
  }
  if (facts.privilegedMemberships.length > 0) {
    findings.push({
      status: 'fail',
      text: `role ${facts.name} can SET ROLE to ${listNames(facts.privilegedMemberships.map((m) => `${m.name} (${attributes(m).join(', ')})`))}`,
      remediation: `REVOKE ${facts.privilegedMemberships.map((m) => m.name).join(', ')} FROM ${facts.name};`,
    });
  }
  // A superuser has every predefined role and function already; the finding above says all there is to say.
  if (!facts.superuser && serverRoles.length > 0) {
    findings.push({
      status: 'fail',
      text: `role ${facts.name} is a member of ${listNames(serverRoles.map((r) => `${r} (${SUPERUSER_EQUIVALENT_ROLES[r]})`))}: as good as superuser to whoever holds the URL`,
      remediation: `REVOKE ${serverRoles.join(', ')} FROM ${facts.name}; (and from the roles it inherits them through).`,
    });
  }
  if (!facts.superuser && fileFunctions.length > 0) {
    findings.push({
      status: 'fail',
      text: `role ${facts.name} may EXECUTE ${listNames(fileFunctions)}, which read or write files on the database server`,
      remediation: `REVOKE EXECUTE ON FUNCTION ${fileFunctions.join(', ')} FROM ${facts.name}, PUBLIC;`,
    });
  }
  if (!facts.superuser && broadRoles.length > 0) {
    findings.push({
      status: 'warn',
      text: `role ${facts.name} is a member of ${listNames(broadRoles.map((r) => `${r} (${BROAD_ROLES[r]})`))}, which an application does not need`,
      remediation: `REVOKE ${broadRoles.join(', ')} FROM ${facts.name}; grant the application's own schema instead.`,
    });
  }
  if (facts.replication || facts.createDb) {
    findings.push({
      status: 'warn',
      text: `role ${facts.name} has ${[facts.replication && 'REPLICATION', facts.createDb && 'CREATEDB'].filter(Boolean).join(' and ')}, which an application does not need`,
      remediation: `ALTER ROLE ${facts.name} NOREPLICATION NOCREATEDB; (prisma migrate dev needs CREATEDB for its shadow database, but only in development).`,
    });
  }
  return fromFindings(findings, evidence) ?? outcome('pass', `role ${facts.name} is not a superuser and has no CREATEROLE or BYPASSRLS`, { evidence });
}
