import { z } from 'zod';
import { nonEmpty } from './common.js';

export const awsSchema = z.strictObject({
  region: nonEmpty,
  buckets: z.array(nonEmpty).default([]),
});
