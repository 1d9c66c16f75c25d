import { BlockList, isIP } from 'node:net';

/**
 * The one answer to "is this host local?", and what else a host string says about itself. Pure: classifies
 * the text, resolves nothing. Rules turn a classification into a verdict and its wording.
 */

/** Why traffic to a host never leaves this machine. */
export type LocalKind =
  /** A Unix socket directory (libpq's host=/var/run/postgresql). */
  | 'socket'
  /** 127.0.0.0/8 or ::1, IPv4-mapped forms included. */
  | 'loopback'
  /** 0.0.0.0 or ::: as a destination the kernel delivers them to this host. */
  | 'unspecified'
  | 'localhost'
  /** `*.localhost`: RFC 6761 §6.3 makes every name under it loopback. */
  | 'localhost-subdomain'
  /** Docker's name for the machine running the container. */
  | 'docker-host';

/** The range an IP literal falls in; everything but `public` is unreachable from the internet. */
export type AddressScope = 'loopback' | 'unspecified' | 'this-network' | 'private' | 'link-local' | 'shared' | 'public';

export interface HostClass {
  /** Lower-case, without IPv6 brackets or a trailing dot; a socket path as written. */
  host: string;
  /** 4 or 6 for an IP literal, 0 otherwise. */
  ip: 0 | 4 | 6;
  /** Set for IP literals only. */
  scope?: AddressScope;
  /** Set when traffic to the host never leaves this machine. */
  local?: LocalKind;
  /** A name RFC 2606 reserves, so no production host can have it: by its top-level label, or as an example domain. */
  reserved?: { kind: 'tld' | 'domain'; name: string };
  /** The development-tunnel domain the host is under. */
  tunnel?: string;
  /** A host label naming a non-production stage (api-staging.shop.com, sandbox.paypal.com, app-pr-12.up.railway.app). */
  stage?: string;
}

const RESERVED_TLDS = ['test', 'example', 'invalid', 'localhost'];
const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org'];
const TUNNELS = [
  'ngrok.io', 'ngrok.app', 'ngrok.dev', 'ngrok-free.app', 'ngrok-free.dev', 'trycloudflare.com', 'loca.lt', 'localtunnel.me',
  'serveo.net', 'localhost.run', 'lhr.life', 'pagekite.me', 'telebit.io', 'tunnelmole.net', 'devtunnels.ms', 'localto.net',
];
const STAGE_TOKENS = new Set(['sandbox', 'staging', 'stage', 'stg', 'dev', 'develop', 'development', 'qa', 'test', 'testing', 'preview', 'uat']);
const DOCKER_HOST = 'host.docker.internal';

/** Ranges in the order they are tried: 0.0.0.0 is unspecified before it is "this network". */
const SCOPES: readonly (readonly [Exclude<AddressScope, 'public'>, readonly (readonly [string, number, 'ipv4' | 'ipv6'])[]])[] = [
  ['loopback', [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']]],
  ['unspecified', [['0.0.0.0', 32, 'ipv4'], ['::', 128, 'ipv6']]],
  ['this-network', [['0.0.0.0', 8, 'ipv4']]],
  ['private', [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['fc00::', 7, 'ipv6']]],
  ['link-local', [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']]],
  ['shared', [['100.64.0.0', 10, 'ipv4']]],
];
const SCOPE_LISTS = SCOPES.map(([scope, subnets]) => {
  const list = new BlockList();
  for (const [network, prefix, family] of subnets) list.addSubnet(network, prefix, family);
  return [scope, list] as const;
});

/** The range of an IP literal (BlockList also matches IPv4-mapped IPv6 forms), or undefined for anything else. */
export function addressScope(address: string): AddressScope | undefined {
  const family = isIP(address);
  if (family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return SCOPE_LISTS.find(([, list]) => list.check(address, type))?.[0] ?? 'public';
}

export function classifyHost(rawHost: string): HostClass {
  if (rawHost.startsWith('/')) return { host: rawHost, ip: 0, local: 'socket' };
  const host = rawHost.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const ip = isIP(host) as 0 | 4 | 6;
  if (ip !== 0) {
    const scope = addressScope(host) ?? 'public';
    return { host, ip, scope, ...(scope === 'loopback' || scope === 'unspecified' ? { local: scope } : {}) };
  }
  if (host === '') return { host, ip };
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  const local = localName(host);
  const reservedDomain = RESERVED_DOMAINS.find((d) => host === d || host.endsWith(`.${d}`));
  const reserved = RESERVED_TLDS.includes(tld) ? { kind: 'tld' as const, name: tld } : reservedDomain ? { kind: 'domain' as const, name: reservedDomain } : undefined;
  const tunnel = TUNNELS.find((d) => host === d || host.endsWith(`.${d}`));
  const stage = stageOf(labels);
  return { host, ip, ...(local ? { local } : {}), ...(reserved ? { reserved } : {}), ...(tunnel ? { tunnel } : {}), ...(stage ? { stage } : {}) };
}

/** True when traffic to the host never leaves this machine. */
export function isLocalHost(host: string): boolean {
  return classifyHost(host).local !== undefined;
}

/** `localhost` and `*.localhost` (RFC 6761): names that, per that RFC, DNS is never asked about. */
export function isLocalhostName(host: string): boolean {
  const kind = classifyHost(host).local;
  return kind === 'localhost' || kind === 'localhost-subdomain';
}

function localName(host: string): LocalKind | undefined {
  if (host === 'localhost') return 'localhost';
  if (host.endsWith('.localhost')) return 'localhost-subdomain';
  if (host === DOCKER_HOST) return 'docker-host';
  return undefined;
}

function stageOf(labels: readonly string[]): string | undefined {
  const tokens = labels.slice(0, -1).flatMap((label) => label.split('-'));
  const named = tokens.find((t) => STAGE_TOKENS.has(t) || /^pr\d+$/.test(t));
  if (named) return named;
  return tokens.some((t, i) => t === 'pr' && /^\d+$/.test(tokens[i + 1] ?? '')) ? 'pr-N' : undefined;
}
