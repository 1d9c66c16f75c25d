/**
 * Content-Security-Policy parsing and judgement (CSP Level 3). A response may carry several policies (the header
 * sent twice, or comma-separated policies in one value); browsers enforce every one of them, so a resource is
 * allowed only when all policies allow it.
 */

export type Directives = ReadonlyMap<string, readonly string[]>;

export function parseCsp(values: readonly string[]): Directives[] {
  const policies: Directives[] = [];
  for (const value of values) {
    for (const serialized of value.split(',')) {
      const directives = new Map<string, string[]>();
      for (const part of serialized.split(';')) {
        const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
        // The first occurrence of a directive wins; browsers ignore repeats.
        if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
      }
      if (directives.size > 0) policies.push(directives);
    }
  }
  return policies;
}

export interface CspFinding {
  status: 'fail' | 'warn';
  message: string;
}

const keyword = (source: string) => source.toLowerCase();
const hasKeyword = (sources: readonly string[], word: string) => sources.some((s) => keyword(s) === word);
const isNonceOrHash = (source: string) => /^'(nonce|sha256|sha384|sha512)-/i.test(source);
/** Sources that let any host's script run: a wildcard, or a whole scheme. */
const isUnboundedSource = (source: string) => source === '*' || /^(https?|data|blob|filesystem):$/i.test(source);

/** The sources governing scripts in one policy: script-src, else default-src; undefined when neither is set. */
function scriptSources(policy: Directives): readonly string[] | undefined {
  return policy.get('script-src') ?? policy.get('default-src');
}

/** What one policy lets scripts do, worst first; empty when it protects against injected scripts. */
function scriptWeaknesses(sources: readonly string[] | undefined): CspFinding[] {
  if (sources === undefined) {
    return [{ status: 'fail', message: 'neither script-src nor default-src: scripts are not restricted at all' }];
  }
  if (sources.length === 1 && keyword(sources[0]!) === "'none'") return [];
  const findings: CspFinding[] = [];
  const strictDynamic = hasKeyword(sources, "'strict-dynamic'");
  const nonceOrHash = sources.some(isNonceOrHash);
  // CSP2+ browsers ignore 'unsafe-inline' next to a nonce or hash, and host sources next to 'strict-dynamic'.
  if (hasKeyword(sources, "'unsafe-inline'") && !nonceOrHash && !strictDynamic) {
    findings.push({ status: 'fail', message: "script-src allows 'unsafe-inline': injected inline scripts run" });
  }
  const unbounded = sources.filter(isUnboundedSource);
  if (unbounded.length > 0 && !strictDynamic) {
    findings.push({ status: 'fail', message: `script-src allows ${unbounded.join(' ')}: scripts from any host run` });
  }
  if (hasKeyword(sources, "'unsafe-eval'")) {
    findings.push({ status: 'warn', message: "script-src allows 'unsafe-eval': eval() and new Function() are available to injected code" });
  }
  return findings;
}

/**
 * Judges the script protection and the fallback of enforced policies (Report-Only headers are not passed here: they
 * enforce nothing). Framing (frame-ancestors) is judged with X-Frame-Options elsewhere.
 */
export function judgeCsp(policies: readonly Directives[]): CspFinding[] {
  if (policies.length === 0) return [{ status: 'fail', message: 'missing: no Content-Security-Policy is enforced' }];
  // Every policy is enforced, so scripts are as protected as the strictest policy makes them.
  const perPolicy = policies.map((p) => scriptWeaknesses(scriptSources(p)));
  const strictest = perPolicy.reduce((best, current) => (rank(current) < rank(best) ? current : best));
  const findings = [...strictest];
  // Without any script directive the fail above already says it all; with one, the missing fallback is the gap.
  if (!policies.some((p) => p.has('default-src')) && policies.some((p) => p.has('script-src'))) {
    const unrestricted = ['object-src', 'base-uri', 'form-action'].filter((d) => !policies.some((p) => p.has(d)));
    findings.push({
      status: 'warn',
      message: `no default-src: types without their own directive are unrestricted${unrestricted.length > 0 ? ` (${unrestricted.join(', ')})` : ''}`,
    });
  }
  return findings;
}

function rank(findings: readonly CspFinding[]): number {
  return findings.filter((f) => f.status === 'fail').length * 100 + findings.filter((f) => f.status === 'warn').length;
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
