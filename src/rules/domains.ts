import { parse } from 'tldts';
import { classifyHost } from '../core/hosts.js';
import { devDomainOf, PREVIEW_DOMAINS, TUNNEL_DOMAINS } from '../core/dev-hosts.js';

/** Domains hosting platforms hand out before a custom domain is attached. */
const PLATFORM_DOMAINS: readonly (readonly [string, string])[] = [
  ['up.railway.app', 'Railway'],
  ['railway.app', 'Railway'],
  ['onrender.com', 'Render'],
  ['vercel.app', 'Vercel'],
  ['herokuapp.com', 'Heroku'],
  ['netlify.app', 'Netlify'],
  ['fly.dev', 'Fly.io'],
  ['run.app', 'Google Cloud Run'],
  ['appspot.com', 'Google App Engine'],
  ['web.app', 'Firebase Hosting'],
  ['firebaseapp.com', 'Firebase Hosting'],
  ['azurewebsites.net', 'Azure App Service'],
  ['azurestaticapps.net', 'Azure Static Web Apps'],
  ['cloudapp.azure.com', 'Azure'],
  ['elasticbeanstalk.com', 'AWS Elastic Beanstalk'],
  ['awsapprunner.com', 'AWS App Runner'],
  ['amplifyapp.com', 'AWS Amplify'],
  ['cloudfront.net', 'Amazon CloudFront'],
  ['amazonaws.com', 'AWS'],
  ['ondigitalocean.app', 'DigitalOcean App Platform'],
  ['pages.dev', 'Cloudflare Pages'],
  ['workers.dev', 'Cloudflare Workers'],
  ['github.io', 'GitHub Pages'],
  ['gitlab.io', 'GitLab Pages'],
  ['deno.dev', 'Deno Deploy'],
  ['glitch.me', 'Glitch'],
  ['repl.co', 'Replit'],
  ['replit.app', 'Replit'],
  ['koyeb.app', 'Koyeb'],
  ['ngrok.io', 'ngrok'],
  ['ngrok-free.app', 'ngrok'],
];

/** The platform whose default domain the host is on, e.g. "Railway" for api-production.up.railway.app. */
export function platformDefaultDomain(host: string): { platform: string; suffix: string } | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  const hit = PLATFORM_DOMAINS.find(([suffix]) => name === suffix || name.endsWith(`.${suffix}`));
  return hit ? { platform: hit[1], suffix: hit[0] } : undefined;
}

/**
 * Suffixes in the private section of the public suffix list that are registries selling second-level names to
 * their owners (CentralNic's country-like .com/.net/.org names, eu.org): a name under them is the owner's own domain.
 * Source: the "// CentralNic" and "// eu.org" blocks of https://publicsuffix.org/list/public_suffix_list.dat.
 */
const REGISTRY_SUFFIXES = new Set([
  'br.com', 'cn.com', 'de.com', 'eu.com', 'jpn.com', 'mex.com', 'ru.com', 'sa.com', 'uk.com', 'us.com', 'za.com', 'com.de', 'com.se',
  'gb.net', 'hu.net', 'jp.net', 'se.net', 'uk.net', 'ae.org', 'us.org', 'eu.org',
]);

export interface SharedDomain {
  kind: 'tunnel' | 'preview' | 'platform' | 'shared';
  /** Who hands the name out: "Cloudflare Quick Tunnels", "Railway"; for `shared`, the suffix's operator is not named. */
  service?: string;
  /** The suffix the host is under: trycloudflare.com, up.railway.app. */
  suffix: string;
}

/**
 * Whether a host is on a name someone else hands out rather than the product's own domain: a development tunnel or
 * a workspace preview (kept lists, src/core/dev-hosts.ts), a hosting platform's default domain (PLATFORM_DOMAINS), or
 * any other suffix of the public suffix list's private section (via tldts), where each subdomain belongs to a
 * different customer of the operator — registries that sell names to their owners excepted.
 */
export function sharedDomain(rawHost: string): SharedDomain | undefined {
  const { host, ip } = classifyHost(rawHost);
  if (ip !== 0 || host === '') return undefined;
  const tunnel = devDomainOf(host, TUNNEL_DOMAINS);
  if (tunnel) return { kind: 'tunnel', service: tunnel.service, suffix: tunnel.domain };
  const preview = devDomainOf(host, PREVIEW_DOMAINS);
  if (preview) return { kind: 'preview', service: preview.service, suffix: preview.domain };
  const platform = platformDefaultDomain(host);
  if (platform) return { kind: 'platform', service: platform.platform, suffix: platform.suffix };
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isPrivate && parsed.publicSuffix && !REGISTRY_SUFFIXES.has(parsed.publicSuffix)) {
    // A wildcard rule (*.run.app) makes the host its own suffix; name the rule's parent, which is what the operator owns.
    const suffix = parsed.publicSuffix === host ? host.split('.').slice(1).join('.') : parsed.publicSuffix;
    return { kind: 'shared', suffix };
  }
  return undefined;
}
