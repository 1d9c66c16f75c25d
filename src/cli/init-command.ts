import { writeFile } from 'node:fs/promises';
import { UsageError } from '../config/errors.js';
import { INIT_TEMPLATE } from '../config/init-template.js';
import { out } from './output.js';

export async function initCommand(options: { config: string; force?: boolean }): Promise<void> {
  try {
    await writeFile(options.config, INIT_TEMPLATE, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${options.config} already exists; pass --force to overwrite it`);
    throw new UsageError(`cannot write ${options.config} (${code ?? 'unknown error'})`);
  }
  out(`Wrote ${options.config}. Edit the prod environment, then run: readiness check prod\n`);
}
