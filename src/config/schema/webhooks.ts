import { z } from 'zod';
import { httpUrl } from './common.js';

export const webhookSchema = z.strictObject({
  url: httpUrl,
  provider: z.string().default('generic'),
  secret: z.string().optional(),
});
