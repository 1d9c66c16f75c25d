import path from 'node:path';
import { startDemoTargetProcess } from '../../fixtures/demo/process.js';
import { UsageError } from '../config/errors.js';
import { checkCommand, type CheckOptions } from './check-command.js';
import { err } from './output.js';
import { packageRoot } from './package-info.js';

export const DEMO_CONFIG = 'fixtures/demo/readiness.demo.yaml';

/** `readiness demo`: start the sample target on loopback (its own process), check its "demo" environment, stop it. */
export async function demoCommand(options: Partial<CheckOptions> & { format: string }): Promise<number> {
  const target = await startDemoTargetProcess().catch((error: Error) => {
    throw new UsageError(`cannot start the demo target: ${error.message}`);
  });
  Object.assign(process.env, target.variables);
  const config = options.config ?? path.join(packageRoot(), DEMO_CONFIG);
  err(`Demo target up: ${Object.values(target.variables).join(', ')}\n`);
  try {
    return await checkCommand('demo', { ...options, config });
  } finally {
    await target.close();
  }
}
