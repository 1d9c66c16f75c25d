import type { SelectedEnvironment } from '../config/load.js';
import { Memo } from '../core/memo.js';
import { DnsProbe } from './dns.js';
import { EnvProbe } from './env.js';
import { DEFAULT_HTTP_LIMITS, HttpProbe, type HttpLimits } from './http.js';
import { ProbeError } from './errors.js';
import { PostgresProbe } from './postgres.js';
import { TlsProbe } from './tls.js';

export interface ProbeSettings {
  target: SelectedEnvironment;
  /** Aborts every probe of the run (Ctrl-C). */
  signal: AbortSignal;
  userAgent: string;
  /** PEM of extra trusted CAs, read from the environment's `tls.ca`. */
  extraCa?: string;
  http?: Partial<HttpLimits>;
}

/**
 * Everything a check may observe about the target, created lazily and shared by all checks of one run.
 * Probes observe; they never judge. Each is bounded and read-only.
 */
export class Probes {
  /** For probes that are one function rather than a client: `probes.memo.get(key, () => observe())`. */
  readonly memo = new Memo();
  private httpProbe?: HttpProbe;
  private tlsProbe?: TlsProbe;
  private dnsProbe?: DnsProbe;
  private envProbe?: EnvProbe;
  private readonly postgresProbes = new Map<string, PostgresProbe>();

  constructor(readonly settings: ProbeSettings) {}

  get http(): HttpProbe {
    this.httpProbe ??= new HttpProbe({
      userAgent: this.settings.userAgent,
      signal: this.settings.signal,
      ...(this.settings.extraCa ? { extraCa: this.settings.extraCa } : {}),
      ...(this.settings.http ? { limits: this.settings.http } : {}),
    });
    return this.httpProbe;
  }

  /** TLS handshakes share the HTTP connect and total timeouts, and trust the same extra CA. */
  get tls(): TlsProbe {
    const limits = { ...DEFAULT_HTTP_LIMITS, ...this.settings.http };
    this.tlsProbe ??= new TlsProbe({
      limits: { connectTimeoutMs: limits.connectTimeoutMs, totalTimeoutMs: limits.totalTimeoutMs },
      signal: this.settings.signal,
      ...(this.settings.extraCa ? { extraCa: this.settings.extraCa } : {}),
    });
    return this.tlsProbe;
  }

  /** DNS queries are bounded by the HTTP connect timeout per attempt and the total timeout per host. */
  get dns(): DnsProbe {
    const limits = { ...DEFAULT_HTTP_LIMITS, ...this.settings.http };
    this.dnsProbe ??= new DnsProbe({
      limits: { timeoutMs: Math.min(limits.connectTimeoutMs, limits.totalTimeoutMs), totalTimeoutMs: limits.totalTimeoutMs },
      signal: this.settings.signal,
    });
    return this.dnsProbe;
  }

  /** The variables of this environment (and of others, for reuse checks) from their `env:` sources; read once per run. */
  get env(): EnvProbe {
    this.envProbe ??= new EnvProbe({ loaded: this.settings.target.loaded, signal: this.settings.signal });
    return this.envProbe;
  }

  /** The read-only session on the environment's database.url, opened on first use and shared by every check. */
  get postgres(): PostgresProbe {
    const url = this.settings.target.environment.database?.url;
    if (!url) throw new ProbeError('unavailable', 'no database.url configured for this environment');
    return this.postgresAt(url);
  }

  /** A read-only session on another database (e.g. a restored backup), with the same limits; one per URL per run. */
  postgresAt(url: string): PostgresProbe {
    let probe = this.postgresProbes.get(url);
    if (!probe) {
      const database = this.settings.target.environment.database;
      probe = new PostgresProbe({
        url,
        signal: this.settings.signal,
        ...(this.settings.extraCa ? { extraCa: this.settings.extraCa } : {}),
        ...(database
          ? { limits: { connectTimeoutMs: database.connectTimeout, statementTimeoutMs: database.statementTimeout, lockTimeoutMs: database.lockTimeout } }
          : {}),
      });
      this.postgresProbes.set(url, probe);
    }
    return probe;
  }

  async close(): Promise<void> {
    await Promise.all([...this.postgresProbes.values()].map((probe) => probe.close()));
    await this.httpProbe?.close();
  }
}
