#!/usr/bin/env node
// `npm run demo` builds only when a TypeScript source is newer than the last build, so a second demo starts at
// once. Plain JavaScript so it runs before anything is compiled. `--check [root]` prints stale/fresh and exits
// 1/0 without building (the test uses it on a scratch tree).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What tsconfig.build.json compiles, plus the files that change how it compiles. */
const SOURCE_FOLDERS = ['src', 'checks', 'fixtures', 'scripts'];
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** Every build rewrites the CLI's entry, so its time is the time of the last build. */
const BUILT_ENTRY = 'dist/src/cli/main.js';

export function buildIsStale(root) {
  const entry = path.join(root, BUILT_ENTRY);
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  const inputs = BUILD_INPUTS.map((file) => path.join(root, file)).filter((file) => existsSync(file));
  for (const folder of SOURCE_FOLDERS) inputs.push(...typeScriptFiles(path.join(root, folder)));
  return inputs.some((file) => statSync(file).mtimeMs > built);
}

function typeScriptFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args[0] === '--check') {
  const stale = buildIsStale(path.resolve(args[1] ?? root));
  process.stdout.write(stale ? 'stale\n' : 'fresh\n');
  process.exitCode = stale ? 1 : 0;
} else if (buildIsStale(root)) {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
