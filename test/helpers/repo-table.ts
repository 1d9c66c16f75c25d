import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig, selectEnvironment, type SelectedEnvironment } from '../../src/config/load.js';
import type { Check } from '../../src/kit/check.js';
import type { CheckResult, Status } from '../../src/core/types.js';
import { runCheck, type RunCheckOptions } from './run-check.js';

/** A repository tree written to disk: file contents by path, and symlinks (path → target) made after them. */
export interface RepoTree {
  files?: Record<string, string>;
  symlinks?: Record<string, string>;
}

export interface RepoRow extends RepoTree {
  name: string;
  /** The environment besides `repo:` (services, …); `repo` points at the row's own tree. */
  environment?: Record<string, unknown>;
  /** Leaves `repo:` pointing at a folder that does not exist. */
  noRepo?: boolean;
  /** Writes `repo:` as `{ path, ...repo }` (run, timeout, commands). */
  repo?: Record<string, unknown>;
  /** The check's time limit (a suite that runs commands needs more than the default). */
  timeoutMs?: number;
  options?: Record<string, unknown>;
  status: Status;
  message: string | RegExp;
  evidence?: Record<string, unknown>;
}

/** A temp folder holding repository trees and a readiness.yaml beside them; `remove()` deletes it (call it in afterAll). */
export function repoWorkspace(prefix = 'readiness-repo-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  let count = 0;
  return {
    dir,
    /** Writes a tree under a fresh folder and returns its path relative to the workspace. */
    tree(tree: RepoTree): string {
      const name = `repo-${++count}`;
      const root = path.join(dir, name);
      mkdirSync(root, { recursive: true });
      for (const [file, content] of Object.entries(tree.files ?? {})) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), content);
      }
      for (const [link, target] of Object.entries(tree.symlinks ?? {})) {
        mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
        symlinkSync(target, path.join(root, link));
      }
      return name;
    },
    target(environment: Record<string, unknown>, name = 'prod'): SelectedEnvironment {
      return selectEnvironment(parseConfig(stringify({ version: 1, environments: { [name]: environment } }), path.join(dir, 'readiness.yaml'), {}), name);
    },
    run(check: Check<never> | Check, repo: string | Record<string, unknown>, environment: Record<string, unknown> = {}, options: RunCheckOptions = {}): Promise<CheckResult> {
      return runCheck(check, this.target({ ...environment, repo }), options);
    },
    remove(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The table test of a check judged from repository files: each row writes a real tree to a temp folder and runs the
 * real check, loader, runner and repository probe on it.
 */
export function repoTable(check: Check<never> | Check, rows: readonly RepoRow[]): void {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());
  describe(`${check.id} judged from real repository trees`, () => {
    for (const row of rows) {
      it(`${row.name} → ${row.status}`, async () => {
        const folder = row.noRepo ? 'no-such-repo' : ws.tree(row);
        const repo = row.repo ? { path: folder, ...row.repo } : folder;
        const result = await ws.run(check, repo, row.environment ?? {}, { ...(row.options ? { options: row.options } : {}), ...(row.timeoutMs ? { timeoutMs: row.timeoutMs } : {}) });
        expect(result.status, result.message).toBe(row.status);
        if (typeof row.message === 'string') expect(result.message).toBe(row.message);
        else expect(result.message).toMatch(row.message);
        if (row.evidence) expect(result.evidence).toMatchObject(row.evidence);
      });
    }
  });
}
