import type { SelectedEnvironment } from '../config/load.js';
import { Memo } from '../core/memo.js';
import { HttpProbe, type HttpLimits } from './http.js';

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

  async close(): Promise<void> {
    await this.httpProbe?.close();
  }
}
