import { z } from 'zod';
import { nonEmpty } from './common.js';

export const tlsSchema = z
  .strictObject({
    ca: nonEmpty.optional().describe('PEM file of extra trusted CAs (private PKI, or the demo target)'),
  })
  .describe("How the target's certificates are trusted beyond the system store");
