import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/cli/package-info.js';
import { renderCatalog } from './render-catalog.js';

/**
 * `npm run catalog`: regenerates checks/index.ts and checks/manifest.ts; a test fails when the committed files are stale.
 * After renaming or deleting a check the stale index no longer compiles, so the build step stops the script; tsc has
 * emitted the modules all the same, so `node dist/scripts/write-catalog.js` then regenerates from them.
 */
for (const [file, content] of Object.entries(await renderCatalog())) {
  writeFileSync(path.join(packageRoot(), 'checks', file), content);
  process.stdout.write(`wrote checks/${file}\n`);
}
