import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether this file runs from src/ (tests) or dist/src/ (the built CLI). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'readiness') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the readiness package root');
    dir = parent;
  }
}

let cached: { name: string; version: string } | undefined;
export function toolInfo(): { name: string; version: string } {
  cached ??= (() => {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { name: string; version: string };
    return { name: pkg.name, version: pkg.version };
  })();
  return cached;
}
