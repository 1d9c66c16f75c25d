import { classifyHost } from '../core/hosts.js';

export interface HostVerdict {
  level: 'fail' | 'warn';
  problem: string;
}

/** What is wrong with a host for production, or undefined when nothing is. */
export function judgeHost(rawHost: string): HostVerdict | undefined {
  const { host, local, reserved, tunnel, stage, lan, wildcardDns } = classifyHost(rawHost);
  if (host === '') return undefined;
  if (local === 'loopback-name') return { level: 'fail', problem: `points at ${host}, a public name that resolves to this machine (loopback)` };
  // *.localhost is loopback too, but is named for what it is: a reserved .localhost name.
  if (local && local !== 'localhost-subdomain') return { level: 'fail', problem: `points at ${host}, a local address` };
  if (lan) return { level: 'fail', problem: `points at ${host}, a name only a local network resolves (.${lan})` };
  if (wildcardDns) return { level: 'warn', problem: `points at ${host}, a ${wildcardDns.service} wildcard-DNS name for ${wildcardDns.address}` };
  if (reserved?.kind === 'tld') return { level: 'fail', problem: `points at ${host}, a reserved .${reserved.name} name (RFC 2606)` };
  if (reserved) return { level: 'fail', problem: `points at ${host}, a reserved example domain (RFC 2606)` };
  if (tunnel) return { level: 'fail', problem: `points at ${host}, a development tunnel (${tunnel})` };
  if (stage) return { level: 'warn', problem: `points at ${host}, which looks like a ${stage} host` };
  return undefined;
}
