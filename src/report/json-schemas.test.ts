import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemas } from './json-schemas.js';

describe('published JSON Schemas', () => {
  it.each(Object.entries(renderSchemas()))('schema/%s matches the zod schema (run `npm run schema` after changing it)', (file, content) => {
    expect(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')).toBe(content);
  });
});
