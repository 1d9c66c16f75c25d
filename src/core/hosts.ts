import { BlockList, isIP } from 'node:net';
import { devDomainOf, PREVIEW_DOMAINS, TUNNEL_DOMAINS } from './dev-hosts.js';
import { SPECIAL_BLOCKS, type BlockScope, type SpecialBlock } from './special-addresses.js';

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
  | 'docker-host'
  /**
   * A public DNS name that resolves to loopback: lvh.me, localtest.me, localhost.direct and their subdomains, or a
   * wildcard-DNS name carrying a loopback address (127.0.0.1.nip.io, app.127-0-0-1.sslip.io).
   */
  | 'loopback-name';

/**
 * The range an IP literal falls in, from the IANA special-purpose registries (special-addresses.ts); everything but
 * `public` is unreachable from the internet: `documentation` (TEST-NET, 2001:db8::/32), `benchmarking`, `multicast`,
 * `broadcast`, `reserved` (240.0.0.0/4) and `special` (protocol assignments, discard-only, …) are no host's address.
 */
export type AddressScope = BlockScope;

export type { SpecialBlock } from './special-addresses.js';

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
  /** The cloud-workspace or sandbox preview domain the host is under (replit.dev, app.github.dev, csb.app, …). */
  preview?: string;
  /** A host label naming a non-production stage (api-staging.shop.com, sandbox.paypal.com, app-pr-12.up.railway.app). */
  stage?: string;
  /**
   * A name only a local network answers: `.local` (multicast DNS, RFC 6762: the same link only), `home.arpa`
   * (RFC 8375 home networks), `.localdomain`.
   */
  lan?: string;
  /** A wildcard-DNS service that maps a name to the address written in it (nip.io, sslip.io, …), with that address. */
  wildcardDns?: { service: string; address: string };
}

const RESERVED_TLDS = ['test', 'example', 'invalid', 'localhost'];
const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org'];
const STAGE_TOKENS = new Set(['sandbox', 'staging', 'stage', 'stg', 'dev', 'develop', 'development', 'qa', 'test', 'testing', 'preview', 'uat']);
const DOCKER_HOST = 'host.docker.internal';
/** Public names whose every subdomain resolves to 127.0.0.1 (or ::1): development conveniences, never production. */
const LOOPBACK_DOMAINS = ['lvh.me', 'localtest.me', 'localhost.direct', 'vcap.me', 'lacolhost.com', 'fuf.me', 'localho.st'];
/** Names only a local network resolves. */
const LAN_SUFFIXES = ['local', 'home.arpa', 'localdomain'];
/** Wildcard DNS: `<ip>.<service>` or `<label>.<ip with dashes>.<service>` resolves to that IP. */
const WILDCARD_DNS = ['nip.io', 'sslip.io', 'xip.io', 'traefik.me'];

const BLOCK_LISTS = SPECIAL_BLOCKS.map((block) => {
  const list = new BlockList();
  list.addSubnet(block.prefix, block.bits, block.family);
  return [block, list] as const;
});

/**
 * The most specific special-purpose block an IP literal is in, or undefined for an ordinary address (or not an IP).
 * An IPv4-mapped IPv6 address is also matched against the IPv4 blocks (BlockList maps it), its IPv4 prefix counting
 * 96 bits more; an IPv4 address is matched against IPv4 blocks only (BlockList would map it into ::ffff:0:0/96).
 */
export function specialPurposeBlock(address: string): SpecialBlock | undefined {
  const family = isIP(address);
  if (family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  let best: { block: SpecialBlock; bits: number } | undefined;
  for (const [block, list] of BLOCK_LISTS) {
    if (type === 'ipv4' && block.family !== 'ipv4') continue;
    if (!list.check(address, type)) continue;
    const bits = type === 'ipv6' && block.family === 'ipv4' ? block.bits + 96 : block.bits;
    if (!best || bits > best.bits) best = { block, bits };
  }
  return best?.block;
}

/** The range of an IP literal (IPv4-mapped IPv6 forms as their IPv4 address), or undefined for anything else. */
export function addressScope(address: string): AddressScope | undefined {
  if (isIP(address) === 0) return undefined;
  return specialPurposeBlock(address)?.scope ?? 'public';
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
  const tunnel = devDomainOf(host, TUNNEL_DOMAINS)?.domain;
  const preview = devDomainOf(host, PREVIEW_DOMAINS)?.domain;
  const stage = stageOf(labels);
  const lan = LAN_SUFFIXES.find((d) => host === d || host.endsWith(`.${d}`));
  const wildcardDns = wildcardAddress(host);
  const wildcardLocal = wildcardDns && (addressScope(wildcardDns.address) === 'loopback' || addressScope(wildcardDns.address) === 'unspecified');
  return {
    host,
    ip,
    ...(local ? { local } : wildcardLocal ? { local: 'loopback-name' as const } : {}),
    ...(reserved ? { reserved } : {}),
    ...(tunnel ? { tunnel } : {}),
    ...(preview ? { preview } : {}),
    ...(stage ? { stage } : {}),
    ...(lan ? { lan } : {}),
    ...(wildcardDns ? { wildcardDns } : {}),
  };
}

/** The address a wildcard-DNS name (10.0.0.5.nip.io, app-127-0-0-1.sslip.io) resolves to, read from the name. */
function wildcardAddress(host: string): { service: string; address: string } | undefined {
  const service = WILDCARD_DNS.find((d) => host.endsWith(`.${d}`));
  if (!service) return undefined;
  const name = host.slice(0, -service.length - 1);
  const dotted = /(?:^|\.)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(name)?.[1];
  const dashed = /(?:^|[.-])(\d{1,3}(?:-\d{1,3}){3})$/.exec(name)?.[1]?.replace(/-/g, '.');
  const address = dotted ?? dashed;
  return address && isIP(address) === 4 ? { service, address } : undefined;
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
  if (host === 'localhost' || host === 'localhost.localdomain') return 'localhost';
  if (host.endsWith('.localhost')) return 'localhost-subdomain';
  if (host === DOCKER_HOST) return 'docker-host';
  if (LOOPBACK_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))) return 'loopback-name';
  return undefined;
}

function stageOf(labels: readonly string[]): string | undefined {
  const tokens = labels.slice(0, -1).flatMap((label) => label.split('-'));
  const named = tokens.find((t) => STAGE_TOKENS.has(t) || /^pr\d+$/.test(t));
  if (named) return named;
  return tokens.some((t, i) => t === 'pr' && /^\d+$/.test(tokens[i + 1] ?? '')) ? 'pr-N' : undefined;
}
