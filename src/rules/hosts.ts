import { isIP } from 'node:net';

export interface HostVerdict {
  level: 'fail' | 'warn';
  problem: string;
}

/** RFC 2606 / RFC 6761 names that can never be production hosts. */
const RESERVED_TLDS = ['test', 'example', 'invalid', 'localhost'];
const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org'];
const TUNNELS = [
  'ngrok.io', 'ngrok.app', 'ngrok.dev', 'ngrok-free.app', 'ngrok-free.dev', 'trycloudflare.com', 'loca.lt', 'localtunnel.me',
  'serveo.net', 'localhost.run', 'lhr.life', 'pagekite.me', 'telebit.io', 'tunnelmole.net', 'devtunnels.ms', 'localto.net',
];
/** Host labels that name a non-production stage (api-staging.shop.com, sandbox.paypal.com, app-pr-12.up.railway.app). */
const STAGE_TOKENS = new Set(['sandbox', 'staging', 'stage', 'stg', 'dev', 'develop', 'development', 'qa', 'test', 'testing', 'preview', 'uat']);

/** What is wrong with a host for production, or undefined when nothing is. */
export function judgeHost(rawHost: string): HostVerdict | undefined {
  const host = rawHost.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === '') return undefined;
  if (isLoopbackOrUnspecified(host) || host === 'localhost' || host === 'host.docker.internal') {
    return { level: 'fail', problem: `points at ${host}, a local address` };
  }
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (RESERVED_TLDS.includes(tld)) return { level: 'fail', problem: `points at ${host}, a reserved .${tld} name (RFC 2606)` };
  if (RESERVED_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))) {
    return { level: 'fail', problem: `points at ${host}, a reserved example domain (RFC 2606)` };
  }
  const tunnel = TUNNELS.find((d) => host === d || host.endsWith(`.${d}`));
  if (tunnel) return { level: 'fail', problem: `points at ${host}, a development tunnel (${tunnel})` };
  if (isIP(host) === 0) {
    const tokens = labels.slice(0, -1).flatMap((label) => label.split('-'));
    const stage = tokens.find((t) => STAGE_TOKENS.has(t) || /^pr\d+$/.test(t)) ?? (tokens.some((t, i) => t === 'pr' && /^\d+$/.test(tokens[i + 1] ?? '')) ? 'pr-N' : undefined);
    if (stage) return { level: 'warn', problem: `points at ${host}, which looks like a ${stage} host` };
  }
  return undefined;
}

function isLoopbackOrUnspecified(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith('127.') || host === '0.0.0.0';
  if (isIP(host) === 6) return host === '::1' || host === '::' || /^(0+:){7}0*1$/.test(host) || host.startsWith('::ffff:127.');
  return false;
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
