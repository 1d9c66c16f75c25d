import path from 'node:path';
import { startDemoTarget } from '../../fixtures/demo/target.js';
import { checkCommand, type CheckOptions } from './check-command.js';
import { err } from './output.js';
import { packageRoot } from './package-info.js';

export const DEMO_CONFIG = 'fixtures/demo/readiness.demo.yaml';

/** `readiness demo`: start the sample target on loopback, check its "demo" environment, stop the target. */
export async function demoCommand(options: Partial<CheckOptions> & { format: string }): Promise<number> {
  const target = await startDemoTarget();
  Object.assign(process.env, target.variables);
  const config = options.config ?? path.join(packageRoot(), DEMO_CONFIG);
  err(`Demo target up: ${Object.values(target.variables).join(', ')}\n`);
  try {
    return await checkCommand('demo', { ...options, config });
  } finally {
    await target.close();
  }
}
