import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The command users type, and the tool's name in reports and the User-Agent. */
export const COMMAND = 'readiness';

/** The package root, whether this file runs from src/ (tests) or dist/src/ (the built CLI). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    // The npm name differs from the command (`readiness` on npm is someone else's package), so the root is the
    // package that declares the `readiness` command.
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { bin?: Record<string, string> }).bin?.[COMMAND] !== undefined) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the readiness package root');
    dir = parent;
  }
}

let cached: { name: string; version: string } | undefined;
export function toolInfo(): { name: string; version: string } {
  cached ??= (() => {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    return { name: COMMAND, version: pkg.version };
  })();
  return cached;
}
