import { afterAll, describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/types.js';
import type { Check } from '../../src/kit/check.js';
import { envWorkspace } from './env-target.js';
import { runCheck } from './run-check.js';

export interface InputRow {
  name: string;
  /** The content of the only env source (a dotenv file) of environment "prod". */
  dotenv?: string;
  /** Otherwise the `environments:` YAML (environment "prod" is selected), read from the workspace beside `files`. */
  environments?: string;
  /** Files (env files, logs) written into the workspace before the row runs, by name. */
  files?: Record<string, string | Uint8Array>;
  options?: Record<string, unknown>;
  status: Status;
  message: string | RegExp;
  evidence?: Record<string, unknown>;
}

/**
 * The table test of a check that observes no network, only real inputs (env files, log files, commands, config):
 * one row per case, each run through the real loader, runner and file probes from a temp workspace. Rows run in
 * order in one process, so a secret one row registers for redaction is redacted in the rows after it.
 */
export function inputTable(check: Check<never> | Check, rows: readonly InputRow[]): void {
  const ws = envWorkspace('readiness-table-');
  afterAll(() => ws.remove());

  describe(`${check.id} judged from real inputs`, () => {
    for (const row of rows) {
      it(`${row.name} → ${row.status}`, async () => {
        for (const [name, content] of Object.entries(row.files ?? {})) ws.write(name, content);
        const options = row.options ? { options: row.options } : {};
        const result =
          row.dotenv !== undefined
            ? await ws.checkDotenv(check as Check<never>, row.dotenv, row.options)
            : await runCheck(check, ws.target(row.environments ?? '  prod: {}\n'), options);
        expect(result.status).toBe(row.status);
        if (typeof row.message === 'string') expect(result.message).toBe(row.message);
        else expect(result.message).toMatch(row.message);
        if (row.evidence) expect(result.evidence).toMatchObject(row.evidence);
      });
    }
  });
}
