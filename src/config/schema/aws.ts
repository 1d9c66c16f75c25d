import { z } from 'zod';
import { nonEmpty } from './common.js';

export const awsSchema = z
  .strictObject({
    region: nonEmpty.describe('AWS region of the resources, e.g. us-east-1'),
    buckets: z.array(nonEmpty).default([]).describe('S3 buckets the application uses'),
  })
  .describe('The AWS account the application uses; read with Get, List and Head calls only');
