import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROD_MORE, TOP_LEVEL_EXAMPLE, TOP_LEVEL_MORE } from './init-examples.js';
import { INIT_TEMPLATE, SCHEMA_LOCATION } from './init-template.js';
import { parseConfig, selectEnvironment } from './load.js';
import { descriptionOf, keyDocs } from './schema-docs.js';
import { configSchema, ENVIRONMENT_KEYS, environmentSchema } from './schema/index.js';

describe('the `readiness init` template', () => {
  it('points editors at the published JSON Schema on its first line', () => {
    expect(INIT_TEMPLATE.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_LOCATION}`);
    const published = SCHEMA_LOCATION.replace('./node_modules/go-live-readiness/', '../../');
    expect(existsSync(fileURLToPath(new URL(published, import.meta.url)))).toBe(true);
  });

  it('has a described section for every key of the schema, and names every key below them', () => {
    // environments itself is documented key by key, by the sections of its one environment.
    const { environments, ...top } = configSchema.shape;
    expect(INIT_TEMPLATE).toContain(`# environments — ${descriptionOf(environments)}`);
    const sections: [string, Parameters<typeof keyDocs>[0]][] = [...Object.entries(top), ...Object.entries(environmentSchema.shape)];
    for (const [key, schema] of sections) {
      expect(descriptionOf(schema), key).toBeDefined();
      expect(INIT_TEMPLATE).toContain(`# ${key} — ${descriptionOf(schema)!.slice(0, 40)}`);
      for (const doc of keyDocs(schema)) {
        expect(doc.description, `${key}.${doc.path}`).toBeDefined();
        expect(INIT_TEMPLATE).toContain(`${doc.path.replace(/^<name>\./, '')} `);
      }
    }
    expect(ENVIRONMENT_KEYS).toEqual(Object.keys(environmentSchema.shape));
  });

  it('loads with the real loader as written, and its commented-out alternatives are valid too', () => {
    const loaded = parseConfig(INIT_TEMPLATE, 'readiness.config.yaml', { DATABASE_URL: 'postgres://app@db/app', SHOPIFY_API_SECRET: 'x' });
    expect(Object.keys(loaded.config.environments)).toEqual(['prod']);
    expect(selectEnvironment(loaded, 'prod').environment.services?.widget?.url).toBe('https://widget.example.com');
    expect(environmentSchema.safeParse(PROD_MORE).error).toBeUndefined();
    expect(configSchema.safeParse({ ...TOP_LEVEL_EXAMPLE, ...TOP_LEVEL_MORE, environments: { prod: {} } }).error).toBeUndefined();
  });
});
