/**
 * Content-Security-Policy parsing and judgement (CSP Level 3), judged the way Google's CSP Evaluator judges a policy
 * (its own checks run here, from the `csp_evaluator` package): a HIGH finding of the Evaluator is a `fail`, and so is
 * a wildcard host (`https://*`, `*.herokuapp.com`) it misses; `'unsafe-eval'`, short nonces, plain-http sources and
 * syntax errors browsers skip are a `warn`. A response may carry several policies (the header sent twice, comma-
 * separated policies in one value, `<meta http-equiv>`); browsers enforce every one of them, so a kind of script is
 * allowed only when all policies allow it.
 */
import { Version, type Csp } from 'csp_evaluator/dist/csp.js';
import { CspEvaluator } from 'csp_evaluator/dist/evaluator.js';
import { Severity, Type, type Finding } from 'csp_evaluator/dist/finding.js';
import { CspParser } from 'csp_evaluator/dist/parser.js';
import { getPublicSuffix } from 'tldts';

export type Directives = ReadonlyMap<string, readonly string[]>;

/** The serialized policies of the given header values: a comma separates policies (CSP3 §2.2.1). */
export function splitPolicies(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).filter((policy) => policy.split(';').some((part) => part.trim() !== ''));
}

export function parseCsp(values: readonly string[]): Directives[] {
  return splitPolicies(values).map((serialized) => {
    const directives = new Map<string, string[]>();
    for (const part of serialized.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
      // The first occurrence of a directive wins; browsers ignore repeats.
      if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
    }
    return directives;
  });
}

export interface CspFinding {
  status: 'fail' | 'warn';
  message: string;
}

/**
 * What a weakness lets an injected payload do. A policy protects a family when any enforced policy does, so only
 * families every policy leaves open are reported.
 */
type Family = 'inline-scripts' | 'inline-handlers' | 'script-hosts' | 'eval' | 'plugins' | 'base';
const SCRIPT_FAMILIES: readonly Family[] = ['inline-scripts', 'inline-handlers', 'script-hosts', 'eval', 'base'];

interface Weakness extends CspFinding {
  families: readonly Family[];
  /** The policy restricts no script at all: reported only when no other finding explains the same family. */
  unrestricted?: boolean;
}

const quoted = (values: readonly string[]) => values.join(' ');

/** Which kinds of script a directive governs in this policy (it may be overridden by a more specific directive). */
function governed(csp: Csp, directive: string): { elements: boolean; handlers: boolean; evaluation: boolean; plugins: boolean } {
  const has = (name: string) => name in csp.directives;
  const scriptSrc = directive === 'script-src' || (directive === 'default-src' && !has('script-src'));
  return {
    elements: directive === 'script-src-elem' || (scriptSrc && !has('script-src-elem')),
    handlers: directive === 'script-src-attr' || (scriptSrc && !has('script-src-attr')),
    evaluation: scriptSrc,
    plugins: directive === 'object-src' || (directive === 'default-src' && !has('object-src')),
  };
}

/** Tokens that look like a nonce or hash but do not match the CSP grammar, so they cancel no 'unsafe-inline'. */
function malformedNonceOrHash(values: readonly string[]): string[] {
  return values.filter(
    (v) => /^'(nonce|sha256|sha384|sha512)-/i.test(v) && !/^'nonce-[A-Za-z0-9+/_-]+={0,2}'$/.test(v) && !/^'(sha256|sha384|sha512)-[A-Za-z0-9+/_-]+={0,2}'$/.test(v),
  );
}

/** A host-source whose host is `*`, or `*.` over a public suffix (anyone can register a host there). */
function anyHostSource(value: string): string | undefined {
  if (value.startsWith("'") || /^[a-z][a-z0-9+.-]*:$/i.test(value)) return undefined;
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:]+)/i.exec(value)?.[1]?.toLowerCase();
  if (!host) return undefined;
  if (host === '*') return 'any host';
  if (host.startsWith('*.')) {
    const parent = host.slice(2);
    if (getPublicSuffix(parent, { allowPrivateDomains: true }) === parent) return `any site under .${parent} (anyone can register one)`;
  }
  return undefined;
}

/** The Evaluator's findings for one policy, as weaknesses of the families they open, plus the hygiene warnings. */
function judgePolicy(serialized: string): { weaknesses: Weakness[]; hygiene: CspFinding[] } {
  const csp = new CspParser(serialized).csp;
  const findings = new CspEvaluator(csp, Version.CSP3).evaluate();
  const effective = csp.getEffectiveCsp(Version.CSP3);
  const weaknesses: Weakness[] = [];
  const hygiene: CspFinding[] = [];
  const byDirective = (types: readonly Type[]) => {
    const grouped = new Map<string, string[]>();
    for (const f of findings.filter((x) => types.includes(x.type) && x.severity === Severity.HIGH)) {
      grouped.set(f.directive, [...(grouped.get(f.directive) ?? []), ...(f.value ? [f.value] : [])]);
    }
    return grouped;
  };

  for (const f of findings.filter((x) => x.type === Type.SCRIPT_UNSAFE_INLINE && x.severity === Severity.HIGH)) {
    const g = governed(csp, f.directive);
    const families: Family[] = [...(g.elements ? (['inline-scripts'] as const) : []), ...(g.handlers ? (['inline-handlers'] as const) : [])];
    if (families.length === 0) continue;
    const what = g.elements && g.handlers ? 'injected inline scripts run' : g.elements ? 'injected inline <script> elements run' : 'injected event-handler attributes run';
    const malformed = malformedNonceOrHash(csp.directives[f.directive] ?? []);
    const note = malformed.length > 0 ? ` (${quoted(malformed)} is not a valid nonce or hash, so it does not cancel 'unsafe-inline')` : '';
    weaknesses.push({ families, status: 'fail', message: `${f.directive} allows 'unsafe-inline'${note}: ${what}` });
  }

  const hostTypes = [Type.PLAIN_URL_SCHEMES, Type.PLAIN_WILDCARD];
  const anyHost = new Map<string, string[]>();
  for (const [directive, values] of byDirective(hostTypes)) anyHost.set(directive, values);
  // The Evaluator only sees a bare `*`; `https://*:443` and `*.github.io` open scripts to anyone too.
  for (const directive of ['script-src', 'script-src-elem', 'object-src', 'base-uri', 'default-src']) {
    for (const value of effective.directives[directive] ?? []) {
      if (anyHostSource(value) && !(anyHost.get(directive) ?? []).includes(value)) anyHost.set(directive, [...(anyHost.get(directive) ?? []), value]);
    }
  }
  for (const [directive, values] of anyHost) {
    const reach = values.map(anyHostSource).find(Boolean) ?? 'any host';
    const g = governed(csp, directive);
    if (g.elements) weaknesses.push({ families: ['script-hosts'], status: 'fail', message: `${directive} allows ${quoted(values)}: scripts from ${reach} run` });
    if (g.plugins) weaknesses.push({ families: ['plugins'], status: 'fail', message: `${directive} allows ${quoted(values)}: plugins and embedded documents from ${reach} load` });
    if (directive === 'base-uri') {
      weaknesses.push({ families: ['base'], status: 'fail', message: `base-uri allows ${quoted(values)}: an injected <base> points relative script URLs at ${reach}` });
    }
  }

  for (const f of findings.filter((x) => x.type === Type.SCRIPT_ALLOWLIST_BYPASS && x.severity === Severity.HIGH)) {
    if (governed(csp, f.directive).elements) weaknesses.push({ families: ['script-hosts'], status: 'fail', message: `${f.directive} allows ${f.value}: ${stripPeriod(f.description)}` });
  }
  for (const f of findings.filter((x) => x.type === Type.OBJECT_ALLOWLIST_BYPASS && x.severity === Severity.HIGH)) {
    weaknesses.push({ families: ['plugins'], status: 'fail', message: `${f.directive} allows ${f.value}: ${stripPeriod(f.description)}` });
  }

  for (const f of findings.filter((x) => x.type === Type.MISSING_DIRECTIVES)) {
    if (f.directive === 'script-src') {
      weaknesses.push({ families: SCRIPT_FAMILIES, unrestricted: true, status: 'fail', message: 'neither script-src nor default-src: scripts are not restricted at all' });
    } else if (f.directive === 'object-src') {
      weaknesses.push({ families: ['plugins'], status: 'fail', message: "no object-src and no default-src: injected <object>/<embed> are not restricted (set object-src 'none')" });
    } else if (f.directive === 'base-uri') {
      weaknesses.push({
        families: ['base'],
        status: 'fail',
        message: "a nonce- or hash-based script-src without base-uri: an injected <base> makes trusted relative scripts load from another host (set base-uri 'none' or 'self')",
      });
    }
  }

  for (const f of findings.filter((x) => x.type === Type.SCRIPT_UNSAFE_EVAL)) {
    if (governed(csp, f.directive).evaluation) {
      weaknesses.push({ families: ['eval'], status: 'warn', message: `${f.directive} allows 'unsafe-eval': eval() and new Function() are available to injected code` });
    }
  }

  for (const f of findings) hygiene.push(...hygieneOf(f));
  return { weaknesses, hygiene };
}

function stripPeriod(text: string): string {
  return text.replace(/\.\s*$/, '');
}

/** The Evaluator's MEDIUM and syntax findings: nothing is opened, but the policy is not what its author meant. */
function hygieneOf(f: Finding): CspFinding[] {
  switch (f.type) {
    case Type.NONCE_LENGTH:
      return [{ status: 'warn', message: `${f.directive} has a nonce shorter than 8 characters (${f.value}): it can be guessed` }];
    case Type.SRC_HTTP:
      return [
        {
          status: 'warn',
          message: f.directive === 'report-uri' ? `report-uri ${f.value} sends violation reports over plain HTTP` : `${f.directive} allows ${f.value}: resources fetched over plain HTTP can be swapped on the network`,
        },
      ];
    case Type.UNKNOWN_DIRECTIVE:
      return [{ status: 'warn', message: `"${f.directive}" is not a CSP directive: browsers ignore it` }];
    case Type.MISSING_SEMICOLON:
      return [{ status: 'warn', message: `${f.directive} contains the directive name "${f.value}": a semicolon is missing, so that directive is not set` }];
    case Type.INVALID_KEYWORD:
      return [{ status: 'warn', message: `${f.directive}: ${f.value} is not a valid source expression: browsers ignore it` }];
    default:
      return [];
  }
}

/**
 * Findings for the enforced policies (Report-Only headers are not passed here: they enforce nothing), worst first;
 * empty when they protect against injected scripts. Framing (frame-ancestors) is judged with X-Frame-Options elsewhere.
 */
export function judgeCsp(values: readonly string[]): CspFinding[] {
  const serialized = splitPolicies(values);
  if (serialized.length === 0) return [{ status: 'fail', message: 'missing: no Content-Security-Policy is enforced' }];
  const judged = serialized.map(judgePolicy);
  const open = (policy: { weaknesses: Weakness[] }) => new Set(policy.weaknesses.flatMap((w) => w.families));
  const openInAll = [...open(judged[0]!)].filter((family) => judged.every((p) => open(p).has(family)));
  const reported: Weakness[] = [];
  for (const family of openInAll) {
    // A specific finding explains a family better than "this policy restricts nothing", from whichever policy has one.
    const specific = judged.find((p) => p.weaknesses.some((w) => w.families.includes(family) && !w.unrestricted));
    const from = specific ?? judged.find((p) => p.weaknesses.some((w) => w.families.includes(family)))!;
    for (const w of from.weaknesses.filter((x) => x.families.includes(family) && (specific ? !x.unrestricted : true))) {
      if (!reported.includes(w)) reported.push(w);
    }
  }
  const seen = new Set<string>();
  const findings: CspFinding[] = [];
  const ordered = [...reported.filter((w) => w.unrestricted), ...reported.filter((w) => !w.unrestricted), ...judged.flatMap((p) => p.hygiene)];
  for (const f of ordered) {
    // One finding per source of a directive: "script-src allows X: …" once, with the first (most general) reason.
    const families = 'families' in f ? (f as Weakness).families.join() : '';
    const key = `${/^(\S+ allows \S+(?: \S+)*?):/.exec(f.message)?.[1] ?? f.message}|${families}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ status: f.status, message: f.message });
  }
  return [...findings.filter((f) => f.status === 'fail'), ...findings.filter((f) => f.status === 'warn')];
}

/** Nonce values of the script directives of the given policies. */
export function scriptNonces(values: readonly string[]): string[] {
  const nonces = new Set<string>();
  for (const policy of parseCsp(values)) {
    for (const directive of ['script-src', 'script-src-elem', 'default-src']) {
      for (const source of policy.get(directive) ?? []) {
        const match = /^'nonce-([^']+)'$/i.exec(source);
        if (match) nonces.add(match[1]!);
      }
    }
  }
  return [...nonces];
}

/**
 * A nonce must be new for every response (CSP3 §7.1): one that repeats is in the page for anyone to copy into an
 * injected script, so it protects nothing. Undefined when the two responses share no nonce.
 */
export function judgeNonceReuse(first: readonly string[], second: readonly string[]): CspFinding | undefined {
  const again = scriptNonces(first).filter((n) => scriptNonces(second).includes(n));
  if (again.length === 0) return undefined;
  const shown = again.map((n) => `'nonce-${n.length > 12 ? `${n.slice(0, 8)}…` : n}'`).join(', ');
  return { status: 'fail', message: `the same nonce (${shown}) came back on a second request: a fixed nonce lets injected scripts carry it (make a new one per response)` };
}

/** frame-ancestors sources across policies; undefined when no policy sets it. Every policy applies, so all are kept. */
export function frameAncestors(policies: readonly Directives[]): string[][] | undefined {
  const lists = policies.map((p) => p.get('frame-ancestors')).filter((list): list is readonly string[] => list !== undefined);
  return lists.length > 0 ? lists.map((list) => [...list]) : undefined;
}

/** True when a frame-ancestors list lets any site frame the page. */
export function framesAnywhere(sources: readonly string[]): boolean {
  return sources.some((s) => s === '*' || /^https?:$/i.test(s));
}

/** Host sources naming who may frame the page ('self' and 'none' are not an allow-list of embedders). */
export function embedders(sources: readonly string[]): string[] {
  return sources.filter((s) => !s.startsWith("'") && !framesAnywhere([s]));
}
