import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/cli/package-info.js';
import { observeRequests, renderRequestList, withRequestList } from './request-list.js';

/** `npm run requests`: observes what the active probes send (scripts/request-list.ts) and rewrites the README's list of it. */
const readme = path.join(packageRoot(), 'README.md');
const observed = await observeRequests();
writeFileSync(readme, withRequestList(readFileSync(readme, 'utf8'), renderRequestList(observed)));
process.stdout.write(`wrote README.md: ${observed.flat().length} requests\n`);
