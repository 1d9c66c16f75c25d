import { isIP } from 'node:net';
import { getDomain } from 'tldts';
import { isLocalhostName } from '../core/hosts.js';

/**
 * The registrable domain under the ICANN section of the public suffix list (tldts): shop.example.co.uk →
 * example.co.uk, shop.up.railway.app → railway.app. A name under no known suffix keeps its last two labels.
 */
export function registrableDomain(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  return getDomain(name) ?? name.split('.').slice(-2).join('.');
}

/**
 * The site browsers key same-site on: the registrable domain with the private section of the public suffix list
 * too, so a.vercel.app and b.vercel.app are two sites, as they are to a browser.
 */
export function siteOf(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  return getDomain(name, { allowPrivateDomains: true }) ?? registrableDomain(name);
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
  return isDomainName(ha) && isDomainName(hb) && siteOf(ha) === siteOf(hb);
}
