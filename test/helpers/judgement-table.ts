import { describe, expect, it, vi } from 'vitest';
import type { Status } from '../../src/core/types.js';
import type { Check } from '../../src/kit/check.js';
import { readRecordings, recordingPath, replayHooks } from './observations.js';
import { runCheck, targetOf } from './run-check.js';

export interface JudgementRow {
  /** Defaults to "<scenario> → <status>". */
  name?: string;
  /** A scenario recorded by the check's real-server test (record: '<name>'). */
  scenario: string;
  /** Options for this row; the scenario's own when absent. Same observations, other options: a new case for one row. */
  options?: Record<string, unknown>;
  status: Status;
  message: string | RegExp;
  evidence?: Record<string, unknown>;
  /**
   * This row's environment, made from the scenario's recorded one: inputs that file probes read for real (a migrations
   * folder, a backup directory) can be written by the row to a temp folder while the network part is replayed.
   */
  environment?: (recorded: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

/**
 * ESLint-RuleTester-like cases for one check: observations recorded from real servers → expected status and
 * message, judged by the real check, runner and derived probes with the network probes replayed. Every recorded
 * scenario is also replayed with its own options and must give the verdict it had live, so a recording that no
 * longer matches what the check asks fails here (re-record with npm run record).
 */
export function judgementTable(check: Check<never> | Check, rows: readonly JudgementRow[]): void {
  const recordings = readRecordings(check.id);
  const replay = async (scenarioName: string, options: Record<string, unknown> | undefined, environment?: JudgementRow['environment']) => {
    const scenario = recordings[scenarioName];
    if (!scenario) {
      throw new Error(`no scenario "${scenarioName}" in ${recordingPath(check.id)}: name it with record: '${scenarioName}' in the real-server test, then npm run record`);
    }
    const recorded = structuredClone(scenario.environment);
    const target = targetOf(environment ? await environment(recorded) : recorded, scenario.environmentName);
    // Judged as of the recording: a certificate recorded with 10 days left must not read "9 days" tomorrow.
    if (scenario.recordedAt) vi.setSystemTime(scenario.recordedAt);
    try {
      return await runCheck(check, target, { hooks: replayHooks(scenario.calls), ...(options ? { options } : {}), ...(scenario.http ? { http: scenario.http } : {}) });
    } finally {
      if (scenario.recordedAt) vi.useRealTimers();
    }
  };

  describe(`${check.id} judged from recorded observations`, () => {
    for (const row of rows) {
      it(row.name ?? `${row.scenario}${row.options ? ` with ${JSON.stringify(row.options)}` : ''} → ${row.status}`, async () => {
        const result = await replay(row.scenario, row.options ?? recordings[row.scenario]?.options, row.environment);
        expect(result.status).toBe(row.status);
        if (typeof row.message === 'string') expect(result.message).toBe(row.message);
        else expect(result.message).toMatch(row.message);
        if (row.evidence) expect(result.evidence).toMatchObject(row.evidence);
      });
    }

    it('replays every recorded scenario to the verdict it had live', async () => {
      expect(Object.keys(recordings).length, `no recordings at ${recordingPath(check.id)}`).toBeGreaterThan(0);
      for (const [name, scenario] of Object.entries(recordings)) {
        const result = await replay(name, scenario.options);
        expect({ scenario: name, status: result.status, message: result.message }).toEqual({ scenario: name, ...scenario.result });
      }
    });
  });
}
