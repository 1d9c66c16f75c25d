import type { ServiceKind } from '../config/schema/services.js';
import type { HttpResponse } from '../probes/http.js';
import { isDomainName, registrableDomain } from '../probes/sites.js';
import { judged, type Judgement } from '../core/outcome.js';

export interface ProbeOrigin {
  origin: string;
  /** Why this origin is in the matrix, for the evidence. */
  why: string;
  /** Development origins are asked on one path only: a leftover entry in an allow-list shows on every route. */
  family: 'unrelated' | 'look-alike' | 'plain-http' | 'development';
}

/**
 * Ports the common development servers listen on by default: Create React App, Next.js, Remix, Rails, Express (3000),
 * Vite (5173, 5174; preview 4173), Angular (4200), Vue CLI and webpack-dev-server (8080), Django, Gatsby and
 * python -m http.server (8000), Flask (5000), Astro (4321), Parcel (1234), Storybook (6006), Expo (8081, 19006),
 * Ionic (8100), Live Server (5500), Jekyll and Phoenix (4000), Netlify Dev (8888), AdonisJS (3333), Quasar (9000).
 */
export const DEV_PORTS: readonly number[] = [3000, 3001, 3002, 5173, 5174, 4173, 4200, 8080, 8081, 8000, 5000, 4321, 1234, 6006, 19006, 8100, 5500, 4000, 8888, 3333, 9000, 7000];

/** Every development origin family: localhost and 127.0.0.1 on each dev port and without one, and dev servers run over https. */
export function developmentOrigins(): string[] {
  return [
    ...DEV_PORTS.flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]),
    'http://localhost',
    'http://127.0.0.1',
    ...[3000, 5173, 4200, 8443].map((port) => `https://localhost:${port}`),
  ];
}

/**
 * A development server's origin in the allow-list itself (one of developmentOrigins). A loopback origin on another
 * port is not one: local deployments (a demo, a test target) allow their own loopback origins.
 */
export function isDevelopmentOrigin(origin: string): boolean {
  return developmentOrigins().includes(origin.replace(/\/$/, ''));
}

/**
 * Origins no production CORS policy may allow, with no cap that could drop a family: an unrelated site, `null`,
 * look-alikes of each configured origin and of the service itself that defeat unanchored or unescaped regular
 * expressions (https://<host>.evil.example, https://evil<host>, the host with its first dot as a letter), the
 * plain-http twin of each https origin, and every development origin (see developmentOrigins). Configured allowed
 * origins and the service's own origin are never in the list.
 */
export function hostileOrigins(serviceUrl: string, allowed: readonly string[]): ProbeOrigin[] {
  const own = new URL(serviceUrl);
  const excluded = new Set([...allowed, own.origin]);
  const found = new Map<string, ProbeOrigin>();
  const add = (origin: string, family: ProbeOrigin['family'], why: string) => {
    if (!excluded.has(origin) && !found.has(origin)) found.set(origin, { origin, why, family });
  };
  add('https://evil.example', 'unrelated', 'an unrelated origin');
  add('null', 'unrelated', 'the null origin (sandboxed iframes, file: pages)');
  const origins = [own.origin, ...allowed.filter((o) => o !== '*')];
  for (const origin of origins) {
    const host = new URL(origin).hostname;
    if (!isDomainName(host)) continue;
    for (const domain of new Set([host, registrableDomain(host)])) {
      add(`https://${domain}.evil.example`, 'look-alike', `suffix look-alike of ${domain}`);
      add(`https://evil${domain}`, 'look-alike', `prefix look-alike of ${domain}`);
    }
    // An unescaped dot in a regular expression (/app.example.com/) matches any character there.
    if (host.split('.').length >= 3) add(`https://${host.replace('.', 'x')}`, 'look-alike', `dot look-alike of ${host}`);
  }
  for (const origin of origins) {
    if (origin.startsWith('https://')) add(`http://${origin.slice('https://'.length)}`, 'plain-http', `plain-http twin of ${origin}`);
  }
  for (const origin of developmentOrigins()) add(origin, 'development', 'a development origin');
  return [...found.values()];
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
  for (const origin of options.allowed.filter(isDevelopmentOrigin)) {
    findings.push(
      judged(
        `Origin ${origin}`,
        'warn',
        'configured as allowed, but it is a development origin: a production allow-list names production domains only',
        'Remove development origins from the production CORS allow-list (and from services.<name>.origins); read the list from per-environment configuration.',
      ),
    );
  }
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
