import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ProbeError, isProbeError, type ProbeErrorCode } from '../../src/core/errors.js';
import type { ProbeHooks } from '../../src/probes/probe-set.js';
import type { ProbeDefinition } from '../../src/probes/registry.js';

/**
 * Recorded observations: what the base probes (the ones that touch the network) answered a check during a
 * real-server test, so judgement cases can be replayed from a table without starting the server again. Probes
 * built on them (pages, CORS, burst) run for real on the replayed answers; file-reading probes read real files.
 */
export const RECORDED_PROBES: readonly string[] = ['http', 'tls', 'dns', 'postgres', 'aws', 'webhook', 'browser', 'oauth'];

export type CallKind = 'async' | 'sync' | 'object' | 'get';

export interface RecordedCall {
  probe: string;
  /** Method path on the probe instance: `fetch`, or `main().relations` for a method of a returned object. */
  path: string;
  args: unknown[];
  kind: CallKind;
  /** An async call with neither result nor error was still unanswered when the run ended (another part decided the verdict). */
  result?: unknown;
  error?: { code: ProbeErrorCode; message: string; detail?: string };
}

export interface Scenario {
  /** Which test recorded it, so a reader can find the real server behind it. */
  recordedBy: string;
  /**
   * When the live run started (ISO 8601). Checks that judge observations against the clock (certificate expiry) would
   * drift day by day on replay; the table replays them as of this instant.
   */
  recordedAt?: string;
  environmentName: string;
  /** The environment as the real-server test configured it (the replay loads it through the real loader). */
  environment: Record<string, unknown>;
  options?: Record<string, unknown>;
  /** HTTP limits the live run used (timeouts the scenario depends on). */
  http?: Record<string, number>;
  /** What the check said live; replaying with the same options must say the same. */
  result: { status: string; message: string };
  calls: RecordedCall[];
}

export type RecordingFile = Record<string, Scenario>;

/** True when this test run should (re)record scenarios: `npm run record`. */
export const recording = process.env.READINESS_RECORD === '1';

/** checks/<section>/recordings/<slug>.json for a check id `<section>.<slug>`. */
export function recordingPath(checkId: string): string {
  const [section, ...slug] = checkId.split('.');
  return path.resolve(import.meta.dirname, '../../checks', section!, 'recordings', `${slug.join('.')}.json`);
}

export function readRecordings(checkId: string): RecordingFile {
  const file = recordingPath(checkId);
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as RecordingFile;
}

const REPOSITORY = path.resolve(import.meta.dirname, '../..');

/**
 * The environment with paths inside this checkout (fixture folders) made relative to it, so the recording replays in
 * any clone: the replay's loader resolves them against the working directory, which is the repository under vitest.
 */
function portable(environment: Record<string, unknown>): Record<string, unknown> {
  const relative = (_key: string, value: unknown): unknown =>
    typeof value === 'string' && value.startsWith(`${REPOSITORY}${path.sep}`) ? path.relative(REPOSITORY, value) : value;
  return JSON.parse(JSON.stringify(environment, relative)) as Record<string, unknown>;
}

export function saveScenario(checkId: string, name: string, scenario: Scenario): void {
  const file = recordingPath(checkId);
  mkdirSync(path.dirname(file), { recursive: true });
  const all = { ...readRecordings(checkId), [name]: { ...scenario, environment: portable(scenario.environment) } };
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** Arguments as a recording keeps them: signals and callbacks are not observations. */
function normaliseArgs(args: readonly unknown[]): unknown[] {
  return args.map((arg) => {
    if (arg instanceof AbortSignal) return '[signal]';
    if (typeof arg === 'function') return '[function]';
    return arg === undefined ? null : (JSON.parse(JSON.stringify(arg)) as unknown);
  });
}

function plain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function recordError(error: unknown): RecordedCall['error'] | undefined {
  if (!isProbeError(error)) return undefined;
  return { code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
}

function recorder<T extends object>(probe: string, target: T, calls: RecordedCall[], prefix = ''): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof property !== 'string' || property === 'then') return value;
      const at = `${prefix}${property}`;
      if (typeof value !== 'function') {
        calls.push({ probe, path: at, args: [], kind: 'get', result: plain(value) });
        return value;
      }
      return (...args: unknown[]) => {
        const key = { probe, path: at, args: normaliseArgs(args) };
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (out instanceof Promise) {
          // Kept from the moment of the call, so one still in flight when the check returned is in the recording too.
          const call: RecordedCall = { ...key, kind: 'async' };
          calls.push(call);
          return out.then(
            (result: unknown) => {
              call.result = plain(result);
              return result;
            },
            (error: unknown) => {
              const recorded = recordError(error);
              if (recorded) call.error = recorded;
              else calls.splice(calls.indexOf(call), 1);
              throw error;
            },
          );
        }
        if (out !== null && typeof out === 'object' && !Array.isArray(out)) {
          calls.push({ ...key, kind: 'object' });
          return recorder(probe, out, calls, `${at}(${JSON.stringify(key.args)}).`);
        }
        calls.push({ ...key, kind: 'sync', result: plain(out) });
        return out;
      };
    },
  });
}

/** Hooks that record every call to the network probes of a run into `calls`. */
export function recordingHooks(calls: RecordedCall[]): ProbeHooks {
  return {
    decorate<T>(probe: ProbeDefinition<T>, instance: T): T {
      if (!RECORDED_PROBES.includes(probe.name) || instance === null || typeof instance !== 'object') return instance;
      return recorder(probe.name, instance, calls) as T;
    },
  };
}

function replayer(probe: string, calls: readonly RecordedCall[], served: Map<string, number>, prefix = ''): object {
  return new Proxy(
    {},
    {
      get(_object, property) {
        if (typeof property !== 'string' || property === 'then') return undefined;
        const at = `${prefix}${property}`;
        const candidates = calls.filter((c) => c.probe === probe && c.path === at);
        const read = candidates.find((c) => c.kind === 'get');
        if (read) return read.result;
        return (...args: unknown[]) => {
          const wanted = JSON.stringify(normaliseArgs(args));
          const matching = candidates.filter((c) => JSON.stringify(c.args) === wanted);
          const key = `${at} ${wanted}`;
          const n = served.get(key) ?? 0;
          served.set(key, n + 1);
          // Repeated identical calls (a burst) are answered in recorded order; the last answer repeats after that.
          const call = matching[Math.min(n, matching.length - 1)];
          if (!call) {
            return Promise.reject(new ProbeError('unavailable', `not in the recording: ${probe}.${at}(${wanted}) — re-record with npm run record`));
          }
          if (call.kind === 'object') return replayer(probe, calls, served, `${at}(${wanted}).`);
          if (call.error) return Promise.reject(new ProbeError(call.error.code, call.error.message, call.error.detail));
          // Unanswered live, so unanswered here: the check did not wait for it then and must not now.
          if (call.kind === 'async' && !('result' in call)) return new Promise<never>(() => undefined);
          const result = plain(call.result);
          return call.kind === 'sync' ? result : Promise.resolve(result);
        };
      },
    },
  );
}

/** Hooks that answer the network probes of a run from a recording instead of the target. */
export function replayHooks(calls: readonly RecordedCall[]): ProbeHooks {
  const served = new Map<string, number>();
  return {
    substitute<T>(probe: ProbeDefinition<T>): T | undefined {
      if (!RECORDED_PROBES.includes(probe.name)) return undefined;
      return replayer(probe.name, calls, served) as T;
    },
  };
}
