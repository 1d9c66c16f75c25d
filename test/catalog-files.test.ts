import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCatalog } from '../scripts/render-catalog.js';

describe('generated catalog files', () => {
  it('checks/index.ts and checks/manifest.ts match the check modules on disk', async () => {
    for (const [file, content] of Object.entries(await renderCatalog())) {
      const url = new URL(`../checks/${file}`, import.meta.url);
      const stale = `checks/${file} is stale: run \`npm run catalog\` after adding, renaming or editing a check`;
      expect(existsSync(url), stale).toBe(true);
      expect(readFileSync(url, 'utf8'), stale).toBe(content);
    }
  });
});
