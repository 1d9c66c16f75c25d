import type { ServiceKind } from '../config/schema/services.js';
import type { HttpResponse } from '../probes/http.js';
import { isDomainName, registrableDomain } from '../probes/sites.js';
import { judged, type Judgement } from '../core/outcome.js';

export interface ProbeOrigin {
  origin: string;
  /** Why this origin is in the matrix, for the evidence. */
  why: string;
}

/** At most this many hostile origins per service: each costs a GET and a preflight per probed path. */
export const MAX_HOSTILE_ORIGINS = 12;

/**
 * Origins no production CORS policy may allow: an unrelated site, `null`, look-alikes that defeat unanchored
 * regular expressions (https://<domain>.evil.example, https://evil<domain>), the plain-http twin of each https
 * origin, and a leftover development origin. Configured allowed origins are never in the list.
 */
export function hostileOrigins(serviceUrl: string, allowed: readonly string[]): ProbeOrigin[] {
  const allowedSet = new Set(allowed);
  const found = new Map<string, string>();
  const add = (origin: string, why: string) => {
    if (!allowedSet.has(origin) && !found.has(origin)) found.set(origin, why);
  };
  add('https://evil.example', 'an unrelated origin');
  add('null', 'the null origin (sandboxed iframes, file: pages)');
  const own = new URL(serviceUrl);
  const origins = [own.origin, ...allowed.filter((o) => o !== '*')];
  const hosts = origins.map((o) => new URL(o).hostname).filter(isDomainName);
  for (const domain of new Set(hosts.flatMap((h) => [h, registrableDomain(h)]))) {
    add(`https://${domain}.evil.example`, `suffix look-alike of ${domain}`);
    add(`https://evil${domain}`, `prefix look-alike of ${domain}`);
  }
  for (const origin of origins) {
    if (origin.startsWith('https://')) add(`http://${origin.slice('https://'.length)}`, `plain-http twin of ${origin}`);
  }
  add('http://localhost:3000', 'a development origin');
  return [...found].slice(0, MAX_HOSTILE_ORIGINS).map(([origin, why]) => ({ origin, why }));
}

export interface CorsAnswer {
  origin: string;
  hostile: boolean;
  method: 'GET' | 'OPTIONS';
  path: string;
  status: number;
  /** Access-Control-Allow-Origin as sent; several values are joined (browsers reject that). */
  allowOrigin: string | null;
  credentials: boolean;
  varyOrigin: boolean;
}

export function corsAnswer(response: HttpResponse, probe: { origin: string; hostile: boolean; method: 'GET' | 'OPTIONS'; path: string }): CorsAnswer {
  const acao = response.headers['access-control-allow-origin'];
  const vary = (response.headers.vary ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase());
  return {
    ...probe,
    status: response.status,
    allowOrigin: acao && acao.length > 0 ? acao.map((v) => v.trim()).join(', ') : null,
    credentials: response.headers['access-control-allow-credentials']?.[0]?.trim() === 'true',
    varyOrigin: vary.includes('origin') || vary.includes('*'),
  };
}

const reflects = (a: CorsAnswer) => a.allowOrigin === a.origin;
const wildcard = (a: CorsAnswer) => a.allowOrigin === '*';
const allows = (a: CorsAnswer) => reflects(a) || wildcard(a);
const where = (answers: readonly CorsAnswer[]) => [...new Set(answers.map((a) => `${a.method} ${a.path}`))].join(', ');

/** Group answers by origin so one origin yields one finding whatever the number of paths and methods. */
function byOrigin(answers: readonly CorsAnswer[]): Map<string, CorsAnswer[]> {
  const groups = new Map<string, CorsAnswer[]>();
  for (const a of answers) groups.set(a.origin, [...(groups.get(a.origin) ?? []), a]);
  return groups;
}

const REFLECT_FIX =
  'Replace origin reflection (cors({ origin: true }) or a regex) with an exact allow-list of production origins, e.g. cors({ origin: ["https://app.example.com"], credentials: true }).';
const VARY_FIX = 'Send "Vary: Origin" with every response whose Access-Control-Allow-Origin depends on the request (the cors package does this).';

/** "a, b, c, d and 4 more": origins in a message without drowning it. */
function listed(items: readonly string[], cap = 4): string {
  return items.length <= cap ? items.join(', ') : `${items.slice(0, cap).join(', ')} and ${items.length - cap} more`;
}

const originsOf = (answers: readonly CorsAnswer[]) => [...new Set(answers.map((a) => a.origin))];

/**
 * Reflected hostile origins, one judgement per kind of exposure: with credentials any site reads authenticated
 * answers; without, it fails only where the service is not meant to be public (`publicWithoutCredentials`).
 */
function hostileFindings(
  answers: readonly CorsAnswer[],
  publicWithoutCredentials: boolean,
  wildcardVerdict: (a: CorsAnswer[]) => Judgement | undefined,
): Judgement[] {
  const hostile = answers.filter((a) => a.hostile);
  const findings: Judgement[] = [];
  const withCredentials = hostile.filter((a) => reflects(a) && a.credentials);
  if (withCredentials.length > 0) {
    const origins = originsOf(withCredentials);
    findings.push(
      judged(
        'hostile origins',
        'fail',
        `${origins.length} reflected with Access-Control-Allow-Credentials: true (${listed(origins)}; on ${where(withCredentials)}): any site can make authenticated requests and read the answers`,
        REFLECT_FIX,
      ),
    );
  }
  const credentialed = new Set(originsOf(withCredentials));
  const reflectedOnly = hostile.filter((a) => reflects(a) && !credentialed.has(a.origin));
  if (reflectedOnly.length > 0 && !publicWithoutCredentials) {
    const origins = originsOf(reflectedOnly);
    findings.push(judged('hostile origins', 'fail', `${origins.length} reflected in Access-Control-Allow-Origin (${listed(origins)}; on ${where(reflectedOnly)})`, REFLECT_FIX));
  }
  const verdict = wildcardVerdict(hostile.filter(wildcard));
  if (verdict) findings.push(verdict);
  return findings;
}

/** Where the allowed origin differs per request, shared caches must key on Origin. */
function varyFindings(answers: readonly CorsAnswer[]): Judgement[] {
  const missing: CorsAnswer[] = [];
  const byRequest = new Map<string, CorsAnswer[]>();
  for (const a of answers) byRequest.set(`${a.method} ${a.path}`, [...(byRequest.get(`${a.method} ${a.path}`) ?? []), a]);
  for (const group of byRequest.values()) {
    const perRequest = new Set(group.map((a) => a.allowOrigin)).size > 1;
    if (perRequest) missing.push(...group.filter((a) => a.allowOrigin !== null && !wildcard(a) && !a.varyOrigin));
  }
  if (missing.length === 0) return [];
  return [judged('Vary', 'warn', `Access-Control-Allow-Origin varies by Origin but Vary: Origin is missing (${where(missing)}): a shared cache may serve one origin's answer to another`, VARY_FIX)];
}

/**
 * The API (and other non-widget services): no hostile origin allowed, `*` only where the config declares the API
 * public, configured origins allowed, and Vary: Origin wherever the answer depends on the Origin.
 */
export function judgeApiCors(answers: readonly CorsAnswer[], options: { allowed: readonly string[]; kind: ServiceKind }): Judgement[] {
  const publicByConfig = options.allowed.includes('*');
  const findings = hostileFindings(answers, false, (wild) => {
    if (wild.length === 0) return undefined;
    if (wild.some((a) => a.credentials)) {
      return judged('Access-Control-Allow-Origin: *', 'fail', `sent with Access-Control-Allow-Credentials: true (${where(wild)}): an invalid pair that signals credentialed routes opened to all`, REFLECT_FIX);
    }
    if (options.kind === 'api' && !publicByConfig) {
      return judged(
        'Access-Control-Allow-Origin: *',
        'fail',
        `every origin is allowed on an API that serves signed-in users (${where(wild)}); if it is deliberately public, declare origins: ["*"]`,
        REFLECT_FIX,
      );
    }
    return undefined;
  });
  for (const [origin, group] of byOrigin(answers.filter((a) => !a.hostile))) {
    if (!group.some(allows)) {
      findings.push(judged(`Origin ${origin}`, 'warn', `configured as allowed but not allowed (${where(group)}): its requests will fail in browsers`, 'Add the origin to the CORS allow-list, or remove it from services.<name>.origins.'));
    }
  }
  findings.push(...varyFindings(answers));
  return findings.length > 0 ? findings : [judged('CORS', 'pass', 'no hostile origin allowed')];
}

/**
 * The widget: public, credential-free access is fine (`*`, or reflection without credentials), but never with
 * credentials; the storefront origins configured must be allowed on the widget's API route.
 */
export function judgeWidgetCors(answers: readonly CorsAnswer[], options: { allowed: readonly string[]; apiPath: string | undefined }): Judgement[] {
  const findings = hostileFindings(
    answers,
    true,
    (wild) =>
      wild.some((a) => a.credentials)
        ? judged('Access-Control-Allow-Origin: *', 'fail', `sent with Access-Control-Allow-Credentials: true (${where(wild)}): an invalid pair that signals credentialed routes opened to all`, REFLECT_FIX)
        : undefined,
  );
  const apiAnswers = answers.filter((a) => a.path === options.apiPath);
  const storefronts = options.allowed.filter((o) => o !== '*');
  const storefrontFix = 'Give the widget routes their own cors() config allowing the storefront origins (or "*" without credentials for public data).';
  for (const origin of storefronts) {
    const group = apiAnswers.filter((a) => a.origin === origin);
    if (group.length > 0 && !group.some(allows)) {
      findings.push(judged(`Origin ${origin}`, 'fail', `storefront origin not allowed on ${where(group)}: the widget cannot call its API from there`, storefrontFix));
    }
  }
  if (options.apiPath && storefronts.length === 0 && apiAnswers.length > 0 && !apiAnswers.some(allows)) {
    const status = options.allowed.includes('*') ? 'fail' : 'warn';
    findings.push(
      judged(
        'CORS',
        status,
        `${options.apiPath} allows no cross-origin caller: storefronts cannot call the widget API${status === 'warn' ? ' (set services.<widget>.origins to the storefront origins to verify them)' : ''}`,
        storefrontFix,
      ),
    );
  }
  findings.push(...varyFindings(answers));
  return findings.length > 0 ? findings : [judged('CORS', 'pass', 'no credentialed cross-origin access for hostile origins')];
}
