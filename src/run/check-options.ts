import { ConfigError, type ConfigProblem } from '../config/errors.js';
import type { LoadedConfig } from '../config/load.js';
import { didYouMean } from '../config/suggest.js';
import type { Check } from '../kit/check.js';

/**
 * `checks:` in the config must name real checks, and their options must fit each check's schema: checked when the
 * config loads, so a bad option is exit 2 before anything is probed (the runner parses them again for each check).
 */
export function validateCheckOverrides(loaded: LoadedConfig, catalog: readonly Check[]): void {
  const problems: ConfigProblem[] = [];
  const ids = catalog.map((c) => c.id);
  for (const [id, override] of Object.entries(loaded.config.checks)) {
    const check = catalog.find((c) => c.id === id);
    if (!check) {
      problems.push({ path: ['checks', id], message: `no check has this id${didYouMean(id, ids)}`, ...loaded.locate(['checks', id]) });
      continue;
    }
    if (override.options === undefined) continue;
    if (!check.options) {
      problems.push({ path: ['checks', id, 'options'], message: 'this check takes no options', ...loaded.locate(['checks', id, 'options']) });
      continue;
    }
    const parsed = check.options.safeParse(override.options);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const issuePath = ['checks', id, 'options', ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
        problems.push({ path: issuePath, message: issue.message, ...loaded.locate(issuePath) });
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(loaded.file, problems);
}
