import { setMaxListeners } from 'node:events';
import type { SelectedEnvironment } from '../config/load.js';
import { isRegistered, type ProbeDefinition, type ProbeRun, type Probes } from './registry.js';

export interface ProbeSettings {
  target: SelectedEnvironment;
  /** Aborts every probe of the run (Ctrl-C). */
  signal: AbortSignal;
  userAgent: string;
  /** PEM of extra trusted CAs, read from the environment's `tls.ca`. */
  extraCa?: string;
  /** Partial HTTP limits (connect/total timeouts, body cap, redirects, request cap). */
  http?: Readonly<Record<string, number>>;
}

/**
 * Ways to observe a run's probes without changing them, for tests: `decorate` wraps each instance as it is created
 * (recording what it observed), `substitute` provides one instead (replaying a recording). Probes built on other
 * probes (pages on HTTP) get the decorated or substituted instance too, because they ask the same set.
 */
export interface ProbeHooks {
  decorate?<T>(probe: ProbeDefinition<T>, instance: T): T;
  substitute?<T>(probe: ProbeDefinition<T>): T | undefined;
}

/**
 * The probes of one run: each registered probe is created on first use and shared by every check, and every
 * one that was created is closed with the run, whatever family it belongs to.
 */
export class RunProbes implements Probes {
  private readonly instances = new Map<ProbeDefinition<unknown>, unknown>();
  /** The real instances, which close() closes (a substitute has nothing to close). */
  private readonly created = new Map<ProbeDefinition<unknown>, unknown>();
  private readonly run: ProbeRun;
  private closed = false;

  constructor(
    readonly settings: ProbeSettings,
    private readonly hooks: ProbeHooks = {},
  ) {
    // Every probe request of the run listens to this one signal; the default cap of 10 listeners would warn.
    setMaxListeners(0, settings.signal);
    this.run = {
      target: settings.target,
      signal: settings.signal,
      userAgent: settings.userAgent,
      ...(settings.extraCa ? { extraCa: settings.extraCa } : {}),
      httpLimits: settings.http ?? {},
      get: (probe) => this.get(probe),
    };
  }

  get<T>(probe: ProbeDefinition<T>): T {
    if (this.instances.has(probe)) return this.instances.get(probe) as T;
    if (!isRegistered(probe)) throw new Error(`probe "${probe.name}" was not created with defineProbe`);
    if (this.closed) throw new Error(`probe "${probe.name}" asked for after the run's probes were closed`);
    const substitute = this.hooks.substitute?.(probe);
    if (substitute !== undefined) {
      this.instances.set(probe, substitute);
      return substitute;
    }
    const instance = probe.create(this.run);
    this.created.set(probe, instance);
    const shared = this.hooks.decorate ? this.hooks.decorate(probe, instance) : instance;
    this.instances.set(probe, shared);
    return shared;
  }

  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.created].reverse();
    await Promise.all(open.map(([probe, instance]) => probe.close?.(instance)));
  }
}
