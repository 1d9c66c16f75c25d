import { isIP } from 'node:net';
import { isLocalhostName } from '../core/hosts.js';

/** Second-level labels under which registrations happen (example.co.uk), so a guess at the registrable domain is right for them too. */
const SECOND_LEVEL = /^(co|com|net|org|gov|edu|ac|ltd|plc)$/;

/** The registrable domain, by heuristic (no public-suffix list is bundled): shop.example.co.uk → example.co.uk. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().split('.');
  const take = labels.length >= 3 && SECOND_LEVEL.test(labels.at(-2) ?? '') ? 3 : 2;
  return labels.slice(-take).join('.');
}

export function isIpHost(host: string): boolean {
  return isIP(host.replace(/^\[|\]$/g, '')) !== 0;
}

/** A name DNS can be asked about: not an IP literal, not localhost. */
export function isDomainName(host: string): boolean {
  return !isIpHost(host) && !isLocalhostName(host) && host.includes('.');
}

export function sameSite(a: string, b: string): boolean {
  const ha = new URL(a).hostname;
  const hb = new URL(b).hostname;
  if (ha === hb) return true;
  return isDomainName(ha) && isDomainName(hb) && registrableDomain(ha) === registrableDomain(hb);
}
