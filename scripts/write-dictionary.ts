import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/cli/package-info.js';
import { renderDictionary } from './dictionary-data.js';

/**
 * `npm run build --silent && node dist/scripts/write-dictionary.js`: regenerates src/core/secrets/data/dictionary.json
 * from the zxcvbn packages and data/words.json; a test fails when the committed file is stale.
 */
const file = path.join('src', 'core', 'secrets', 'data', 'dictionary.json');
writeFileSync(path.join(packageRoot(), file), renderDictionary());
process.stdout.write(`wrote ${file}\n`);
