import { z } from 'zod';
import { httpUrl } from './common.js';
import { secret } from './secret.js';

export const webhookSchema = z.strictObject({
  url: httpUrl.describe('Endpoint that receives the deliveries'),
  provider: z.string().default('generic').describe('Who sends them (shopify, stripe, …)'),
  secret: secret(z.string())
    .optional()
    .describe('Signing secret, usually "${…}": signs harmless test deliveries and is never printed'),
});
