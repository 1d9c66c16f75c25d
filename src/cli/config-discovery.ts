import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../config/errors.js';

/** The names a project's config goes by, in the order they are preferred. */
export const CONFIG_NAMES = ['readiness.config.yaml', 'readiness.config.yml'] as const;

/** The variable that names the config file when no --config is given (CI jobs set it once for every step). */
export const CONFIG_VARIABLE = 'READINESS_CONFIG';

/**
 * The config file a command reads: --config, else $READINESS_CONFIG, else the nearest readiness.config.yaml or
 * .yml from `cwd` upwards, as ESLint and Prettier find theirs, so a command run from a subfolder of the project
 * finds the project's config. Two names in one folder are refused rather than one silently chosen.
 */
export function discoverConfig(explicit: string | undefined, cwd: string = process.cwd(), vars: NodeJS.ProcessEnv = process.env): string {
  if (explicit !== undefined) return explicit;
  const named = vars[CONFIG_VARIABLE];
  if (named !== undefined && named !== '') return named;
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const found = CONFIG_NAMES.map((name) => path.join(dir, name)).filter(isFile);
    if (found.length > 1) throw new UsageError(`both ${found.join(' and ')} exist; keep one, or pass --config <file>`);
    if (found[0] !== undefined) return relativeForMessages(found[0], cwd);
    if (path.dirname(dir) === dir) break;
  }
  throw new UsageError(
    `no ${CONFIG_NAMES.join(' or ')} in ${path.resolve(cwd)} or any folder above it; write one with \`npx go-live-readiness init\`, ` +
      `pass --config <file>, set ${CONFIG_VARIABLE}, or scan one address without a config: readiness check --url https://app.example.com`,
  );
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Messages name the file as the user would type it from where they are. */
function relativeForMessages(file: string, cwd: string): string {
  const relative = path.relative(path.resolve(cwd), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
