import path from 'node:path';
import type { SelectedEnvironment } from '../config/load.js';
import type { CheckResult } from '../core/types.js';
import type { Check } from '../kit/check.js';
import type { ResultLocation } from '../report/schema.js';

/**
 * Points each result at the configuration key it concerns, so code scanning and CI annotations land on a line a
 * person can change: the first service that did not pass (`services.<name>`), else the first configured key the
 * check needs (`database.url`, `aws`, …), else the environment itself. Lines come from the YAML source; a key that
 * cannot be found falls back to its nearest configured parent, at worst the environment's line.
 */
export function resultLocator(
  target: SelectedEnvironment,
  checks: readonly Pick<Check<never>, 'id' | 'needs'>[],
  cwd: string = process.cwd(),
): (result: CheckResult) => ResultLocation {
  const { loaded, name } = target;
  const file = displayPath(loaded.file, cwd);
  const needsById = new Map(checks.map((c) => [c.id, c.needs.flat()]));
  const environment = target.environment as Record<string, unknown>;
  const services = Object.keys(target.environment.services ?? {});
  return (result) => {
    const keyPath = ['environments', name, ...keyOf(result, needsById.get(result.id) ?? [], environment, services)];
    const at = loaded.locate(keyPath) ?? loaded.locate(['environments', name]) ?? { line: 1, column: 1 };
    return { file, key: keyPath.join('.'), line: at.line, column: at.column };
  };
}

function keyOf(result: CheckResult, needs: readonly string[], environment: Record<string, unknown>, services: readonly string[]): string[] {
  if (needs.includes('services')) {
    const parts = Object.entries(result.evidence).filter(([label]) => services.includes(label));
    const notPassing = parts.find(([, part]) => (part as { verdict?: unknown } | null)?.verdict !== 'pass');
    const chosen = notPassing ?? parts[0];
    if (chosen) return ['services', chosen[0]];
  }
  const configured = needs.find((need) => environment[need] !== undefined);
  if (configured === undefined) return [];
  const value = environment[configured];
  // A database (or any key) configured by URL: the URL's line is the one to change.
  return value !== null && typeof value === 'object' && 'url' in value ? [configured, 'url'] : [configured];
}

/** Relative to the working directory with forward slashes (what code scanning matches against the checkout). */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, file).split(path.sep).join('/') : relative.split(path.sep).join('/');
}
