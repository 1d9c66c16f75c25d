import { addressScope, specialPurposeBlock, type AddressScope } from '../core/hosts.js';
import type { DnsObservation } from '../probes/dns.js';
import { judged, type Judgement } from '../core/outcome.js';

/** Addresses the public internet cannot reach (any IANA special-purpose block that is not globally reachable). */
export function isPrivateAddress(address: string): boolean {
  const scope = addressScope(address);
  return scope !== undefined && scope !== 'public';
}

/** Ranges that reach a server inside one network (a public name pointing there works on that network only). */
const INTERNAL: ReadonlySet<AddressScope> = new Set(['private', 'loopback', 'link-local', 'shared']);

/** Why nobody can reach a server at the address, or undefined when someone can: documentation, multicast, reserved… */
export function unusableAddress(address: string): string | undefined {
  const block = specialPurposeBlock(address);
  if (!block || block.scope === 'public' || INTERNAL.has(block.scope)) return undefined;
  return `${address} (${block.name}, ${block.rfc})`;
}

const DNS_FIX = 'Create the record at the DNS provider (usually a CNAME to the platform target Railway shows), wait for the TTL, and check again from several resolvers.';

/** One host as every asked resolver sees it: resolving everywhere, to public addresses. */
export function judgeResolution(host: string, answers: readonly DnsObservation[]): Judgement[] {
  const resolved = answers.filter((a) => a.status === 'resolved');
  const missing = answers.filter((a) => a.status !== 'resolved');
  const describe = (a: DnsObservation) => (a.status === 'nxdomain' ? `${a.resolver}: NXDOMAIN (no such name)` : `${a.resolver}: no A/AAAA record`);
  if (resolved.length === 0) return [judged('A/AAAA', 'fail', `does not resolve (${missing.map(describe).join('; ')})`, DNS_FIX)];
  const findings: Judgement[] = [];
  if (missing.length > 0) {
    findings.push(judged('A/AAAA', 'warn', `not resolving everywhere yet: ${missing.map(describe).join('; ')}`, 'Wait for propagation (the old TTL), and check that every authoritative name server has the record.'));
  }
  const addresses = [...new Set(resolved.flatMap((a) => [...a.a, ...a.aaaa]))];
  const unusable = addresses.map(unusableAddress).filter((u): u is string => u !== undefined);
  if (unusable.length > 0) {
    findings.push(judged('A/AAAA', 'fail', `resolves to addresses no server can be reached at: ${unusable.join(', ')}`, DNS_FIX));
  }
  const internal = addresses.filter((a) => INTERNAL.has(addressScope(a) ?? 'public'));
  if (internal.length > 0) {
    findings.push(judged('A/AAAA', 'warn', `resolves to private or loopback addresses (${internal.join(', ')}): unreachable from the internet`, DNS_FIX));
  }
  if (findings.length === 0) {
    const cname = resolved.find((a) => a.cname)?.cname;
    findings.push(judged('A/AAAA', 'pass', `resolves to ${addresses.join(', ')}${cname ? ` via CNAME ${cname}` : ''}`));
  }
  return findings;
}
