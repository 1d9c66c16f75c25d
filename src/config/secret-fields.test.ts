import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { redactText } from '../core/redact.js';
import { parseConfig } from './load.js';
import { configSchema } from './schema/index.js';
import { secret, withCredentials } from './schema/secret.js';
import { secretFieldValues } from './secret-fields.js';

describe('secret-marked schema fields', () => {
  it('finds marked values through optional, default, describe, refine, records, arrays and unions', () => {
    const schema = z.strictObject({
      plain: z.string(),
      key: secret(z.string()).optional().describe('a key'),
      hosts: z.record(z.string(), z.strictObject({ url: withCredentials(z.string()).refine((v) => v !== '') })),
      list: z.array(z.union([z.strictObject({ token: secret(z.string()) }), z.strictObject({ other: z.string() })])).default([]),
    });
    const value = schema.parse({ plain: 'p', key: 'k', hosts: { a: { url: 'u' } }, list: [{ token: 't' }, { other: 'o' }] });
    expect(secretFieldValues(schema, value)).toEqual([
      { kind: 'value', value: 'k' },
      { kind: 'credentials', value: 'u' },
      { kind: 'value', value: 't' },
    ]);
  });

  it('marks the config fields that hold secrets today', () => {
    const config = configSchema.parse({
      version: 1,
      environments: {
        prod: {
          database: { url: 'postgres://a:b@db/app', backups: { location: 'b', restoredUrl: 'postgres://c:d@db/copy' } },
          webhooks: [{ url: 'https://api.example.com/hook', secret: 'whsec' }],
          services: { api: { url: 'https://api.example.com' } },
        },
      },
    });
    expect(secretFieldValues(configSchema, config)).toEqual([
      { kind: 'credentials', value: 'postgres://a:b@db/app' },
      { kind: 'credentials', value: 'postgres://c:d@db/copy' },
      { kind: 'value', value: 'whsec' },
    ]);
  });

  it('registers literal values of marked fields, not only interpolated ones', () => {
    parseConfig(
      [
        'version: 1',
        'environments:',
        '  prod:',
        '    database: { url: "postgres://app:LiteralDbPw42@db/app" }',
        '    webhooks: [ { url: "https://api.example.com/hook", secret: LiteralHookSecret9 } ]',
        '',
      ].join('\n'),
      'readiness.config.yaml',
      {},
    );
    expect(redactText('LiteralDbPw42 LiteralHookSecret9 db/app')).toBe('[REDACTED] [REDACTED] db/app');
  });
});
