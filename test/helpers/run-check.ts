import type { SelectedEnvironment } from '../../src/config/load.js';
import type { Check } from '../../src/core/check.js';
import { runChecks } from '../../src/core/runner.js';
import type { CheckResult } from '../../src/core/types.js';
import { probesFor } from './target.js';

/** Runs one check through the real runner and probes, as `readiness check` would, and returns its result. */
export async function runCheck(
  check: Check<never> | Check,
  target: SelectedEnvironment,
  options: { timeoutMs?: number; options?: unknown; http?: Record<string, number> } = {},
): Promise<CheckResult> {
  const probes = probesFor(target, undefined, options.http ?? {});
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
