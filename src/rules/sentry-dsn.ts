import { safeUrl } from '../core/secrets/secret-like.js';

export interface SentryDsnFacts {
  host: string;
  projectId: string;
  hosting: 'sentry.io' | 'self-hosted';
}

export type SentryDsnJudgement =
  | { ok: true; facts: SentryDsnFacts; caveat?: string }
  | { ok: false; problem: string };

const SAAS_HOST = /^(o\d+\.ingest(\.(us|de))?\.sentry\.io|sentry\.io)$/;

/**
 * A DSN as Sentry issues it: `https://<32 hex public key>@o<org>.ingest[.us|.de].sentry.io/<project id>`, or
 * a self-hosted server of the same shape (any host, optional path prefix). The public key is not printed.
 */
export function judgeSentryDsn(dsn: string): SentryDsnJudgement {
  const url = safeUrl(dsn.trim());
  if (!url) return { ok: false, problem: 'is not a URL' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: `uses ${url.protocol}, not https:` };
  if (!/^[0-9a-f]{32}$/.test(url.username)) return { ok: false, problem: 'has no 32-hex-digit public key before the @' };
  const projectId = /\/(\d+)\/?$/.exec(url.pathname)?.[1];
  if (!projectId) return { ok: false, problem: 'does not end in a numeric project id' };
  const saas = SAAS_HOST.test(url.hostname);
  if (!saas && url.hostname.endsWith('sentry.io')) return { ok: false, problem: `names ${url.hostname}, which is not a Sentry ingest host` };
  const facts: SentryDsnFacts = { host: url.hostname, projectId, hosting: saas ? 'sentry.io' : 'self-hosted' };
  if (url.protocol === 'http:') return { ok: true, facts, caveat: 'sends events over plain http' };
  if (url.password) return { ok: true, facts, caveat: 'carries the deprecated secret key (a DSN needs only the public key)' };
  return { ok: true, facts };
}
