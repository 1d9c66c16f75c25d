import { SECRET_NAME } from '../redact.js';
import { estimateSurfaceStrength } from './entropy.js';
import { keyPrefix } from './key-formats.js';
import { isKnownWeak } from './weak-secrets.js';

/** Browser-exposed variables of the common bundlers: public by design. */
const PUBLIC_NAME = /^(NEXT_PUBLIC_|VITE_|REACT_APP_|PUBLIC_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_|STORYBOOK_)/;
/** Plain settings that secret-sounding names also hold (SESSION_TTL=3600, AUTH_ENABLED=true, COOKIE_DOMAIN=.shop.com). */
const PLAIN_SETTING = /^(true|false|yes|no|on|off|enabled|disabled|none|null|lax|strict|\d{1,6}(\.\d+)?\s*(ms|s|m|h|d|kb|mb|gb)?|\.?([a-z0-9-]+\.)+[a-z]{2,})$/i;
const PEM_PRIVATE = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const JWT_TOKEN = /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*$/;
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi;

/**
 * Whether a variable's value is (or may be) a secret: by its name, a vendor key prefix, a private key, a
 * token, or because it looks generated. Such values are never printed, only described.
 */
export function looksSecret(name: string, value: string): boolean {
  if (value === '') return false;
  if (keyPrefix(value) || PEM_PRIVATE.test(value) || JWT_TOKEN.test(value)) return true;
  if (SECRET_NAME.test(name)) return !PLAIN_SETTING.test(value.trim()) && !isCredentialFreeUrl(value);
  if (value.length >= 16 && !/[\s/:@]/.test(value)) {
    const estimate = estimateSurfaceStrength(value);
    return estimate.model === 'random' && estimate.bits >= 64;
  }
  return false;
}

/** Public by design (shipped to browsers, or a publishable key): equal values across environments are expected. */
export function isPublicByDesign(name: string, value: string): boolean {
  return PUBLIC_NAME.test(name) || keyPrefix(value)?.publishable === true || /(^|_)SENTRY_DSN$/.test(name);
}

/**
 * The strings a variable's value makes secret: the whole value when it looks secret, plus passwords and
 * secret-named query parameters inside any URL in it. Known-weak values are left out: the evidence already
 * says "on the known-weak list", and registering words like "postgres" would mask them all over the report.
 */
export function secretMaterial(name: string, value: string): string[] {
  const found = looksSecret(name, value) ? [value, ...credentialsInside(value)] : credentialsInside(value);
  return [...new Set(found)].filter((secret) => !isKnownWeak(secret));
}

/** Passwords and secret-named parameters inside a value: `scheme://user:pass@host`, `?token=…`, `password=…`. */
export function credentialsInside(value: string): string[] {
  const found: string[] = [];
  for (const match of value.match(URL_IN_TEXT) ?? []) {
    const url = safeUrl(match);
    if (!url) continue;
    if (url.password) found.push(safeDecode(url.password), url.password);
    for (const [key, param] of url.searchParams) if (SECRET_NAME.test(key) && param) found.push(param);
  }
  for (const match of value.matchAll(/\b(?:password|passwd|pwd)\s*=\s*([^\s;&]+)/gi)) if (match[1]) found.push(match[1]);
  return [...new Set(found)];
}

function isCredentialFreeUrl(value: string): boolean {
  const url = safeUrl(value.trim());
  if (!url || url.password || url.username) return false;
  return ![...url.searchParams.keys()].some((key) => SECRET_NAME.test(key));
}

export function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** decodeURIComponent that leaves malformed escapes as they are. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
