import { z } from 'zod';
import { httpUrl, nonEmpty } from './common.js';

/** Public pages the Documentation section points at (privacy policy, terms, docs, status page, …). */
export const urlsSchema = z.record(z.string(), httpUrl);

export const tlsSchema = z.strictObject({
  ca: nonEmpty.optional().describe('PEM file of extra trusted CAs (private PKI, or the demo target)'),
});
