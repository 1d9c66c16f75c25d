#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript under dist/ (npm run build).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('readiness: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
await import(entry.href);
