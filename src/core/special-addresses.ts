/**
 * The IANA special-purpose address registries, as data: every block with a purpose other than ordinary global
 * unicast, with whether it may be a destination and is globally reachable. Sources:
 * - IPv4: https://www.iana.org/assignments/iana-ipv4-special-registry/ (RFC 6890), plus the multicast and
 *   reserved blocks of the IPv4 Address Space Registry (https://www.iana.org/assignments/ipv4-address-space/);
 * - IPv6: https://www.iana.org/assignments/iana-ipv6-special-registry/ (RFC 6890), plus multicast ff00::/8 of the
 *   IPv6 Address Space Registry (https://www.iana.org/assignments/ipv6-address-space/, RFC 4291 §2.7).
 * Keep in step with the registries; a block missing here is judged an ordinary public address.
 */

/** What a block is for, as the checks name it. `public` blocks are special-purpose yet globally reachable destinations (anycast services). */
export type BlockScope =
  | 'loopback'
  | 'unspecified'
  | 'this-network'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'special'
  | 'public';

export interface SpecialBlock {
  prefix: string;
  bits: number;
  family: 'ipv4' | 'ipv6';
  /** The registry's name for it. */
  name: string;
  rfc: string;
  scope: BlockScope;
}

const v4 = (cidr: string, name: string, rfc: string, scope: BlockScope): SpecialBlock => {
  const [prefix, bits] = cidr.split('/');
  return { prefix: prefix!, bits: Number(bits), family: 'ipv4', name, rfc, scope };
};
const v6 = (cidr: string, name: string, rfc: string, scope: BlockScope): SpecialBlock => {
  const [prefix, bits] = cidr.split('/');
  return { prefix: prefix!, bits: Number(bits), family: 'ipv6', name, rfc, scope };
};

export const SPECIAL_BLOCKS: readonly SpecialBlock[] = [
  // IPv4 special-purpose registry
  v4('0.0.0.0/8', '"This network"', 'RFC 791 §3.2', 'this-network'),
  v4('0.0.0.0/32', '"This host on this network"', 'RFC 1122 §3.2.1.3', 'unspecified'),
  v4('10.0.0.0/8', 'Private-Use', 'RFC 1918', 'private'),
  v4('100.64.0.0/10', 'Shared Address Space', 'RFC 6598', 'shared'),
  v4('127.0.0.0/8', 'Loopback', 'RFC 1122 §3.2.1.3', 'loopback'),
  v4('169.254.0.0/16', 'Link Local', 'RFC 3927', 'link-local'),
  v4('172.16.0.0/12', 'Private-Use', 'RFC 1918', 'private'),
  v4('192.0.0.0/24', 'IETF Protocol Assignments', 'RFC 6890 §2.1', 'special'),
  v4('192.0.0.0/29', 'IPv4 Service Continuity Prefix', 'RFC 7335', 'special'),
  v4('192.0.0.8/32', 'IPv4 dummy address', 'RFC 7600', 'special'),
  v4('192.0.0.9/32', 'Port Control Protocol Anycast', 'RFC 7723', 'public'),
  v4('192.0.0.10/32', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', 'public'),
  v4('192.0.0.170/32', 'NAT64/DNS64 Discovery', 'RFC 8880, RFC 7050 §2.2', 'special'),
  v4('192.0.0.171/32', 'NAT64/DNS64 Discovery', 'RFC 8880, RFC 7050 §2.2', 'special'),
  v4('192.0.2.0/24', 'Documentation (TEST-NET-1)', 'RFC 5737', 'documentation'),
  v4('192.31.196.0/24', 'AS112-v4', 'RFC 7535', 'public'),
  v4('192.52.193.0/24', 'AMT', 'RFC 7450', 'public'),
  v4('192.88.99.0/24', 'Deprecated (6to4 Relay Anycast)', 'RFC 7526', 'special'),
  v4('192.168.0.0/16', 'Private-Use', 'RFC 1918', 'private'),
  v4('192.175.48.0/24', 'Direct Delegation AS112 Service', 'RFC 7534', 'public'),
  v4('198.18.0.0/15', 'Benchmarking', 'RFC 2544', 'benchmarking'),
  v4('198.51.100.0/24', 'Documentation (TEST-NET-2)', 'RFC 5737', 'documentation'),
  v4('203.0.113.0/24', 'Documentation (TEST-NET-3)', 'RFC 5737', 'documentation'),
  v4('240.0.0.0/4', 'Reserved', 'RFC 1112 §4', 'reserved'),
  v4('255.255.255.255/32', 'Limited Broadcast', 'RFC 8190, RFC 919 §7', 'broadcast'),
  // IPv4 address space registry
  v4('224.0.0.0/4', 'Multicast', 'RFC 5771', 'multicast'),
  // IPv6 special-purpose registry
  v6('::1/128', 'Loopback Address', 'RFC 4291', 'loopback'),
  v6('::/128', 'Unspecified Address', 'RFC 4291', 'unspecified'),
  v6('::ffff:0:0/96', 'IPv4-mapped Address', 'RFC 4291', 'special'),
  v6('64:ff9b::/96', 'IPv4-IPv6 Translat.', 'RFC 6052', 'public'),
  v6('64:ff9b:1::/48', 'IPv4-IPv6 Translat. (local use)', 'RFC 8215', 'special'),
  v6('100::/64', 'Discard-Only Address Block', 'RFC 6666', 'special'),
  v6('100:0:0:1::/64', 'Dummy IPv6 Prefix', 'RFC 9780', 'special'),
  v6('2001::/23', 'IETF Protocol Assignments', 'RFC 2928', 'special'),
  v6('2001::/32', 'TEREDO', 'RFC 4380, RFC 8190', 'special'),
  v6('2001:1::1/128', 'Port Control Protocol Anycast', 'RFC 7723', 'public'),
  v6('2001:1::2/128', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', 'public'),
  v6('2001:1::3/128', 'DNS-SD Service Registration Protocol Anycast', 'RFC 9665', 'public'),
  v6('2001:2::/48', 'Benchmarking', 'RFC 5180, RFC Errata 1752', 'benchmarking'),
  v6('2001:3::/32', 'AMT', 'RFC 7450', 'public'),
  v6('2001:4:112::/48', 'AS112-v6', 'RFC 7535', 'public'),
  v6('2001:10::/28', 'Deprecated (previously ORCHID)', 'RFC 4843', 'special'),
  v6('2001:20::/28', 'ORCHIDv2 (an identifier, not a destination)', 'RFC 7343', 'special'),
  v6('2001:30::/28', 'Drone Remote ID Protocol Entity Tags (DETs) Prefix', 'RFC 9374', 'public'),
  v6('2001:db8::/32', 'Documentation', 'RFC 3849', 'documentation'),
  v6('2620:4f:8000::/48', 'Direct Delegation AS112 Service', 'RFC 7534', 'public'),
  v6('3fff::/20', 'Documentation', 'RFC 9637', 'documentation'),
  v6('5f00::/16', 'Segment Routing (SRv6) SIDs', 'RFC 9602', 'special'),
  v6('fc00::/7', 'Unique-Local', 'RFC 4193, RFC 8190', 'private'),
  v6('fe80::/10', 'Link-Local Unicast', 'RFC 4291', 'link-local'),
  // IPv6 address space registry
  v6('ff00::/8', 'Multicast', 'RFC 4291 §2.7', 'multicast'),
];
