import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/cli/package-info.js';
import { INIT_TEMPLATE } from '../src/config/init-template.js';
import { renderSchemas } from '../src/report/json-schemas.js';

/** Regenerates schema/*.json from the zod schemas; a test fails when the committed files are stale. */
for (const [file, content] of Object.entries(renderSchemas())) {
  writeFileSync(path.join(packageRoot(), 'schema', file), content);
  process.stdout.write(`wrote schema/${file}\n`);
}

// The example config at the repository root is the template `readiness init` writes, so it follows the schema too.
writeFileSync(path.join(packageRoot(), 'readiness.config.yaml'), INIT_TEMPLATE);
process.stdout.write('wrote readiness.config.yaml\n');
