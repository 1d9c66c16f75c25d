import { Resolver } from 'node:dns/promises';
import { Memo } from '../core/memo.js';
import { runHttpLimits } from './http-limits.js';
import { defineProbe } from './registry.js';
import { ProbeError } from '../core/errors.js';

export interface DnsObservation {
  host: string;
  /** `system` (the resolvers of this machine) or the server asked, e.g. 1.1.1.1 or 127.0.0.1:5353. */
  resolver: string;
  /** `nxdomain`: the name does not exist; `no-address`: it exists but has no A or AAAA record. */
  status: 'resolved' | 'nxdomain' | 'no-address';
  a: string[];
  aaaa: string[];
  /** The CNAME the name points at, if any. */
  cname: string | null;
  /** Lowest TTL among the address records, in seconds. */
  ttl: number | null;
}

export interface DnsLimits {
  /** Per query attempt. */
  timeoutMs: number;
  /** Everything asked of one resolver about one host. */
  totalTimeoutMs: number;
}

type Answer<T> = { ok: true; value: T } | { ok: false; code: string };

/** c-ares codes that are an answer about the name rather than a failure to get one. */
const NAME_ANSWERS = new Set(['ENOTFOUND', 'ENODATA']);

/**
 * Asks DNS directly (node:dns Resolver, c-ares), not the OS lookup, so /etc/hosts and caches do not hide what the
 * world sees. Each host/resolver pair is asked once per run: A, AAAA and CNAME in parallel, one try each, bounded.
 */
export class DnsProbe {
  private readonly memo = new Memo();
  /** Resolvers with queries in flight: c-ares keeps the process alive until they answer or time out. */
  private readonly active = new Set<Resolver>();
  private closed = false;

  constructor(private readonly options: { limits: DnsLimits; signal?: AbortSignal }) {}

  /** Cancels every query in flight, so a resolver that never answers cannot outlive the run. */
  close(): Promise<void> {
    this.closed = true;
    for (const resolver of this.active) resolver.cancel();
    this.active.clear();
    return Promise.resolve();
  }

  resolve(host: string, server?: string): Promise<DnsObservation> {
    return this.memo.get(`${server ?? 'system'} ${host.toLowerCase()}`, () => this.observe(host, server));
  }

  private async observe(host: string, server: string | undefined): Promise<DnsObservation> {
    const { limits, signal } = this.options;
    if (this.closed) throw new ProbeError('aborted', `DNS query for ${host} was not sent: the run is over`);
    const resolver = new Resolver({ timeout: limits.timeoutMs, tries: 1 });
    const label = server ?? 'system';
    if (server) {
      try {
        resolver.setServers([server]);
      } catch {
        throw new ProbeError('protocol', `not a usable DNS server address: ${server}`);
      }
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      resolver.cancel();
    }, limits.totalTimeoutMs);
    timer.unref();
    const onAbort = () => resolver.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    this.active.add(resolver);
    try {
      const [a, aaaa, cname] = await Promise.all([
        settle(resolver.resolve4(host, { ttl: true })),
        settle(resolver.resolve6(host, { ttl: true })),
        settle(resolver.resolveCname(host)),
      ]);
      if (signal?.aborted || this.closed) throw new ProbeError('aborted', `DNS query for ${host} was aborted`);
      for (const answer of [a, aaaa]) {
        if (!answer.ok && !NAME_ANSWERS.has(answer.code)) throw queryFailure(host, label, answer.code, timedOut, limits);
      }
      const addresses4 = a.ok ? a.value : [];
      const addresses6 = aaaa.ok ? aaaa.value : [];
      const ttls = [...addresses4, ...addresses6].map((r) => r.ttl);
      const nxdomain = !a.ok && a.code === 'ENOTFOUND' && !aaaa.ok && aaaa.code === 'ENOTFOUND';
      return {
        host,
        resolver: label,
        status: addresses4.length + addresses6.length > 0 ? 'resolved' : nxdomain ? 'nxdomain' : 'no-address',
        a: addresses4.map((r) => r.address),
        aaaa: addresses6.map((r) => r.address),
        cname: cname.ok ? (cname.value[0] ?? null) : null,
        ttl: ttls.length > 0 ? Math.min(...ttls) : null,
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      this.active.delete(resolver);
    }
  }
}

async function settle<T>(promise: Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, code: String((error as { code?: unknown }).code ?? 'UNKNOWN') };
  }
}

function queryFailure(host: string, resolver: string, code: string, timedOut: boolean, limits: DnsLimits): ProbeError {
  if (code === 'ETIMEOUT' || (code === 'ECANCELLED' && timedOut)) {
    return new ProbeError('timeout', `no DNS answer for ${host} from ${resolver} within ${timedOut ? limits.totalTimeoutMs : limits.timeoutMs} ms`, code);
  }
  if (code === 'ECANCELLED') return new ProbeError('aborted', `DNS query for ${host} was aborted`, code);
  const reasons: Record<string, string> = {
    ESERVFAIL: 'the server failed (SERVFAIL)',
    EREFUSED: 'the server refused the query (REFUSED)',
    ECONNREFUSED: 'the resolver could not be reached',
    EBADRESP: 'the answer was malformed',
    EFORMERR: 'the server could not read the query (FORMERR)',
  };
  return new ProbeError('unavailable', `could not resolve ${host} via ${resolver}: ${reasons[code] ?? code}`, code);
}

/** DNS queries are bounded by the HTTP connect timeout per attempt and the total timeout per host. */
export const dnsProbe = defineProbe<DnsProbe>({
  name: 'dns',
  describes: 'A, AAAA and CNAME queries through node:dns (c-ares), to the system or a named resolver, one try each, bounded by the HTTP timeouts.',
  create: (run) => {
    const limits = runHttpLimits(run.httpLimits);
    return new DnsProbe({
      limits: { timeoutMs: Math.min(limits.connectTimeoutMs, limits.totalTimeoutMs), totalTimeoutMs: limits.totalTimeoutMs },
      signal: run.signal,
    });
  },
  close: (probe) => probe.close(),
});
