import { classifyHost } from '../core/hosts.js';

export interface HostVerdict {
  level: 'fail' | 'warn';
  problem: string;
}

/** What is wrong with a host for production, or undefined when nothing is. */
export function judgeHost(rawHost: string): HostVerdict | undefined {
  const { host, local, reserved, tunnel, stage } = classifyHost(rawHost);
  if (host === '') return undefined;
  // *.localhost is loopback too, but is named for what it is: a reserved .localhost name.
  if (local && local !== 'localhost-subdomain') return { level: 'fail', problem: `points at ${host}, a local address` };
  if (reserved?.kind === 'tld') return { level: 'fail', problem: `points at ${host}, a reserved .${reserved.name} name (RFC 2606)` };
  if (reserved) return { level: 'fail', problem: `points at ${host}, a reserved example domain (RFC 2606)` };
  if (tunnel) return { level: 'fail', problem: `points at ${host}, a development tunnel (${tunnel})` };
  if (stage) return { level: 'warn', problem: `points at ${host}, which looks like a ${stage} host` };
  return undefined;
}

/** Hosts named in a value: of every URL in it, or each comma/space-separated entry when the variable names hosts. */
export function hostsIn(name: string, value: string): string[] {
  const hosts: string[] = [];
  for (const match of value.match(/\b[a-z][a-z0-9+.-]*:\/\/[^\s,'"<>]+/gi) ?? []) {
    try {
      const url = new URL(match);
      if (url.hostname) hosts.push(url.hostname);
    } catch {
      // not a URL after all
    }
  }
  if (hosts.length === 0 && /(HOST|HOSTNAME|DOMAIN|ORIGINS?|SERVER|ENDPOINT|ADDR|ADDRESS)$/i.test(name)) {
    for (const entry of value.split(/[,\s]+/)) {
      const host = /^\[?([^\]/]+?)\]?(?::\d+)?$/.exec(entry.trim())?.[1];
      if (host && /^[a-z0-9.:-]+$/i.test(host)) hosts.push(host);
    }
  }
  return [...new Set(hosts)];
}
