import { z } from 'zod';
import { httpUrl, nonEmpty } from './common.js';
import { secret } from './secret.js';

export const apiKeySchema = z.strictObject({
  url: httpUrl.describe('A route the API key protects, fetched with GET (a cheap read, e.g. /v1/shop)'),
  header: nonEmpty.default('authorization').describe('Header the key travels in: authorization (default) or e.g. x-api-key'),
  scheme: nonEmpty.optional().describe('Scheme before the key in the header, e.g. Bearer (the default for authorization; none for other headers)'),
  key: secret(z.string())
    .optional()
    .describe('A valid key, usually "${…}": proves a good key is accepted; never printed'),
  queryParameter: nonEmpty.default('api_key').describe('Query parameter tried with the valid key: accepting it there warns (keys in URLs land in logs)'),
});
