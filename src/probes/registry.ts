import type { SelectedEnvironment } from '../config/load.js';

/** What every probe of a run is created from: the target, the run's abort signal and the shared limits. */
export interface ProbeRun {
  readonly target: SelectedEnvironment;
  /** Aborts every probe of the run (Ctrl-C). */
  readonly signal: AbortSignal;
  readonly userAgent: string;
  /** PEM of extra trusted CAs, read from the environment's `tls.ca`. */
  readonly extraCa?: string;
  /** Partial HTTP limits from the CLI or a test (the HTTP probe fills in its defaults). */
  readonly httpLimits: Readonly<Record<string, number>>;
  /** Another probe of the same run, so derived probes (pages, CORS) observe through the shared, memoised one. */
  get<T>(probe: ProbeDefinition<T>): T;
}

/**
 * A probe: one observer of one kind of thing (HTTP, TLS, DNS, a database catalog, files), created once per run on
 * first use and closed with the run. Its methods observe and never judge; each is bounded and read-only, and
 * anything that observes the same thing twice in a run gets the first answer.
 */
export interface ProbeDefinition<T> {
  /** Unique and stable: recorded observations are keyed by it. */
  readonly name: string;
  /** What it observes and how it is bounded, for the README's list of documented probes. */
  readonly describes: string;
  create(run: ProbeRun): T;
  close?(instance: T): Promise<void>;
}

const registry = new Map<string, ProbeDefinition<unknown>>();

/**
 * Declares a probe and registers it, so a family's probe is one module that its checks import. A second probe with
 * the same name is a bug: recordings and memoisation would confuse the two.
 */
export function defineProbe<T>(definition: ProbeDefinition<T>): ProbeDefinition<T> {
  const existing = registry.get(definition.name);
  if (existing && existing !== definition) throw new Error(`two probes are named "${definition.name}"`);
  registry.set(definition.name, definition as ProbeDefinition<unknown>);
  return definition;
}

export function isRegistered(definition: ProbeDefinition<unknown>): boolean {
  return registry.get(definition.name) === definition;
}

export function registeredProbes(): readonly ProbeDefinition<unknown>[] {
  return [...registry.values()];
}

/** Every observation a check makes goes through this: one instance of each probe per run. */
export interface Probes {
  get<T>(probe: ProbeDefinition<T>): T;
  close(): Promise<void>;
}
