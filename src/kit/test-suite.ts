import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { repoSettings } from '../config/schema/repo.js';
import { repoCommandsProbe } from '../probes/repo-commands.js';
import { repoProbe } from '../probes/repo.js';
import { describeSummary, isNpmTestStub, suiteSummary } from '../rules/repo-test-summary.js';
import type { CheckContext } from './check.js';
import { probeFailure } from './probe-failure.js';

export type SuiteKind = 'unit' | 'integration' | 'e2e';

/** package.json's `test` script, or undefined when there is none (or no readable package.json). */
async function npmTestScript(ctx: CheckContext<unknown>): Promise<string | undefined> {
  const file = await ctx.probe(repoProbe).file('package.json');
  if (file.kind === 'missing' || file.truncated) return undefined;
  try {
    const manifest = JSON.parse(file.text) as { scripts?: Record<string, unknown> };
    const script = manifest.scripts?.test;
    return typeof script === 'string' ? script : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the configured suite of a kind and judges its exit status, with the runner's counts as evidence. A suite
 * nobody configured is manual, never skipped; for unit tests, npm's "no test specified" placeholder is a fail.
 */
export async function judgeSuite(ctx: CheckContext<unknown>, kind: SuiteKind): Promise<CheckOutcome> {
  try {
    const settings = repoSettings(ctx.environment.repo!);
    let command = settings.commands[kind];
    if (kind === 'unit') {
      const script = await npmTestScript(ctx);
      if (command === undefined && script !== undefined && isNpmTestStub(script)) {
        return outcome('fail', "package.json's test script is npm's placeholder (\"Error: no test specified\"): there is no unit suite", {
          remediation: 'Add a test runner (vitest, jest, node --test) and point the `test` script at it.',
        });
      }
      if (command === undefined && settings.run && script !== undefined) command = 'npm test';
    }
    if (command === undefined) {
      const how = kind === 'unit' ? 'set repo.commands.unit, or repo.run: true to run package.json\'s `npm test`' : `set repo.commands.${kind} to the command that runs it`;
      return outcome('manual', `no ${kind} suite is configured to run (${how}), so a person must attest it`);
    }
    const run = await ctx.probe(repoCommandsProbe).run(command);
    const summary = suiteSummary(run.outputTail);
    const evidence = { command, exitCode: run.exitCode, ...(run.signal ? { signal: run.signal } : {}), durationMs: run.durationMs, ...(summary ? { summary } : {}), outputTail: run.outputTail.split('\n').slice(-15) };
    const counts = describeSummary(summary);
    if (run.exitCode !== 0) {
      const how = run.exitCode === null ? `was ended by ${run.signal ?? 'a signal'}` : `exited ${run.exitCode}`;
      return outcome('fail', `\`${command}\` ${how} (${counts})`, { evidence, remediation: `Run \`${command}\` in the repository and fix the failing tests.` });
    }
    if (summary?.failed !== undefined && summary.failed > 0) {
      return outcome('fail', `\`${command}\` exited 0 but its runner reported failures (${counts})`, { evidence, remediation: 'Make the suite exit non-zero on failure, and fix the failing tests.' });
    }
    if (summary && (summary.passed ?? 0) === 0) {
      return outcome('warn', `\`${command}\` exited 0 but ran no passing test (${counts})`, { evidence, remediation: 'Check the runner finds the test files.' });
    }
    return outcome('pass', `\`${command}\` exited 0 (${counts})`, { evidence });
  } catch (error) {
    return probeFailure(error);
  }
}
