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

/** The role must not be able to bypass the database's protections: no superuser, CREATEROLE or BYPASSRLS, directly or by membership. */
export function judgeRolePrivileges(facts: RoleFacts): CheckOutcome {
  const evidence = {
    role: facts.name,
    superuser: facts.superuser,
    createRole: facts.createRole,
    bypassRls: facts.bypassRls,
    createDb: facts.createDb,
    replication: facts.replication,
    privilegedMemberships: facts.privilegedMemberships,
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
  if (facts.replication || facts.createDb) {
    findings.push({
      status: 'warn',
      text: `role ${facts.name} has ${[facts.replication && 'REPLICATION', facts.createDb && 'CREATEDB'].filter(Boolean).join(' and ')}, which an application does not need`,
      remediation: `ALTER ROLE ${facts.name} NOREPLICATION NOCREATEDB; (prisma migrate dev needs CREATEDB for its shadow database, but only in development).`,
    });
  }
  return fromFindings(findings, evidence) ?? outcome('pass', `role ${facts.name} is not a superuser and has no CREATEROLE or BYPASSRLS`, { evidence });
}
