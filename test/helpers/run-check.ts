import { stringify } from 'yaml';
import type { SelectedEnvironment } from '../../src/config/load.js';
import type { Check } from '../../src/core/check.js';
import { runChecks } from '../../src/core/runner.js';
import type { CheckResult } from '../../src/core/types.js';
import type { HttpLimits } from '../../src/probes/http.js';
import { Probes } from '../../src/probes/index.js';
import { targetFrom } from './target.js';

/** A selected environment built from an object, through the real YAML loader and schema (so tests use real config). */
export function targetOf(environment: Record<string, unknown>): SelectedEnvironment {
  return targetFrom(stringify({ version: 1, environments: { test: environment } }));
}

/** Runs one check through the real runner and probes, as `readiness check` would, and returns its result. */
export async function runCheck(
  check: Check<never> | Check,
  target: SelectedEnvironment,
  options: {
    timeoutMs?: number;
    /** The check's `options` as a user would write them; validated and defaulted by the check's own schema. */
    options?: unknown;
    http?: Partial<HttpLimits>;
    /** PEM of a CA to trust, as the config's `tls.ca` makes the CLI do. */
    extraCa?: string;
  } = {},
): Promise<CheckResult> {
  const probes = new Probes({
    target,
    signal: new AbortController().signal,
    userAgent: 'readiness-test',
    http: options.http ?? {},
    ...(options.extraCa ? { extraCa: options.extraCa } : {}),
  });
  try {
    const parsedOptions = check.options ? check.options.parse(options.options ?? {}) : undefined;
    const { results } = await runChecks({
      checks: [check as Check],
      target,
      probes,
      concurrency: 1,
      timeoutMs: options.timeoutMs ?? 5_000,
      ...(parsedOptions !== undefined ? { options: new Map([[check.id, parsedOptions]]) } : {}),
    });
    return results[0]!;
  } finally {
    await probes.close();
  }
}
