#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript under dist/ (npm run build).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A run is short and bounded. V8 sizes its young generation for servers: the objects that survive while the catalog
// and its libraries load make it double up to two 16 MB semi-spaces, resident to the end though nearly empty after
// start-up (the demo run's peak RSS: 147–151 MB grown, 121–124 MB not). Kept at its first size, the young
// generation collects more often (about 145 scavenges instead of 19, +80 ms of pauses over the demo run). The flag
// is read each time V8 considers growing it, so it takes effect set here, before anything is loaded.
// V8 prints "Error: unrecognized flag" for a flag it no longer has: set it only on the Node lines it is known on.
if (Number(process.versions.node.split('.')[0]) <= 24) setFlagsFromString('--semi-space-growth-factor=1');

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('readiness: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
await import(entry.href);
