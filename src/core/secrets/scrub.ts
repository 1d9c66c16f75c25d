import { redactText, SECRET_NAME } from '../redact.js';
import { estimateSurfaceStrength } from './entropy.js';
import { keyPrefix } from './key-formats.js';

const MASK = '****';
const MAX_LENGTH = 400;

/**
 * Makes text the tool did not write itself (a failing command's standard error) safe to show: registered
 * secrets, URL passwords, `secret=value` pairs and anything token-like are masked, since such text may hold
 * secrets nobody registered. Keeps the last 400 characters on one line.
 */
export function scrubForeignText(text: string): string {
  let out = redactText(text);
  out = out.replace(/([A-Za-z0-9_.-]+)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&]+)/g, (match, key: string, sep: string) =>
    SECRET_NAME.test(key) ? `${key}${sep}${MASK}` : match,
  );
  out = out.replace(/[A-Za-z0-9+_=.~-]{12,}/g, (token) => (isTokenLike(token) ? `${keyPrefix(token)?.prefix ?? ''}${MASK}` : token));
  out = out.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return out.length > MAX_LENGTH ? `…${out.slice(out.length - MAX_LENGTH)}` : out;
}

function isTokenLike(token: string): boolean {
  if (keyPrefix(token)) return true;
  if (/[A-Za-z]/.test(token) && /[0-9]/.test(token)) return true;
  const estimate = estimateSurfaceStrength(token);
  return estimate.model === 'random' && estimate.bits >= 48;
}
