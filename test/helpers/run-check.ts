import { expect } from 'vitest';
import { stringify } from 'yaml';
import type { SelectedEnvironment } from '../../src/config/load.js';
import type { Check } from '../../src/kit/check.js';
import { runChecks } from '../../src/run/runner.js';
import type { CheckResult } from '../../src/core/types.js';
import type { HttpLimits } from '../../src/probes/http.js';
import { RunProbes, type ProbeHooks } from '../../src/probes/probe-set.js';
import { recording, recordingHooks, saveScenario, type RecordedCall } from './observations.js';
import { targetFrom } from './target.js';

/** A selected environment built from an object, through the real YAML loader and schema (so tests use real config). */
export function targetOf(environment: Record<string, unknown>, name = 'test'): SelectedEnvironment {
  return targetFrom(stringify({ version: 1, environments: { [name]: environment } }), name);
}

export interface RunCheckOptions {
  timeoutMs?: number;
  /** The check's `options` as a user would write them; validated and defaulted by the check's own schema. */
  options?: unknown;
  http?: Partial<HttpLimits>;
  /** PEM of a CA to trust, as the config's `tls.ca` makes the CLI do. */
  extraCa?: string;
  /**
   * Names this run as a scenario of the check's recorded observations: with READINESS_RECORD=1 (npm run record)
   * what the network probes answered is saved to checks/<section>/recordings/<slug>.json for its table test.
   */
  record?: string;
  /** Probe hooks of the run (a table test's replay). */
  hooks?: ProbeHooks;
}

/** Runs one check through the real runner and probes, as `readiness check` would, and returns its result. */
export async function runCheck(check: Check<never> | Check, target: SelectedEnvironment, options: RunCheckOptions = {}): Promise<CheckResult> {
  const calls: RecordedCall[] = [];
  const startedAt = new Date().toISOString();
  const hooks = options.hooks ?? (recording && options.record ? recordingHooks(calls) : {});
  const probes = new RunProbes(
    {
      target,
      signal: new AbortController().signal,
      userAgent: 'readiness-test',
      http: options.http ?? {},
      ...(options.extraCa ? { extraCa: options.extraCa } : {}),
    },
    hooks,
  );
  let result: CheckResult;
  try {
    const { results } = await runChecks({
      checks: [check as Check],
      target,
      probes,
      concurrency: 1,
      timeoutMs: options.timeoutMs ?? 5_000,
      ...(options.options !== undefined ? { overrides: { [check.id]: { options: options.options as Record<string, unknown> } } } : {}),
    });
    result = results[0]!;
  } finally {
    await probes.close();
  }
  if (recording && options.record) {
    saveScenario(check.id, options.record, {
      recordedBy: expect.getState().currentTestName ?? 'unknown test',
      recordedAt: startedAt,
      environmentName: target.name,
      environment: JSON.parse(JSON.stringify(target.environment)) as Record<string, unknown>,
      ...(options.options !== undefined ? { options: options.options as Record<string, unknown> } : {}),
      ...(options.http ? { http: options.http } : {}),
      result: { status: result.status, message: result.message },
      calls,
    });
  }
  return result;
}
