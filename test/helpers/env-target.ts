import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig, selectEnvironment, type SelectedEnvironment } from '../../src/config/load.js';
import type { Check } from '../../src/kit/check.js';
import type { CheckResult } from '../../src/core/types.js';
import { runCheck } from './run-check.js';

/** A temp directory for env files, logs and a config file, removed by `remove()` (call it in afterAll). */
export function envWorkspace(prefix = 'readiness-env-'): {
  dir: string;
  write(name: string, content: string | Uint8Array): string;
  /** Loads `environments:` YAML as if from <dir>/readiness.yaml and selects `environment`. */
  target(environmentsYaml: string, environment?: string, vars?: NodeJS.ProcessEnv): SelectedEnvironment;
  /** Runs `check` on an environment "prod" whose only env source is a dotenv file with this content. */
  checkDotenv(check: Check<never>, dotenv: string, options?: Record<string, unknown>): Promise<CheckResult>;
  remove(): void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      writeFileSync(path.join(dir, name), content);
      return name;
    },
    target(environmentsYaml, environment = 'prod', vars = {}) {
      return selectEnvironment(parseConfig(`version: 1\nenvironments:\n${environmentsYaml}`, path.join(dir, 'readiness.yaml'), vars), environment);
    },
    checkDotenv(check, dotenv, options = {}) {
      const file = this.write(`env-${Math.random().toString(36).slice(2)}.env`, dotenv);
      return runCheck(check as Check, this.target(`  prod:\n    env: [{ dotenv: ${file} }]\n`), { options });
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
