import { z } from 'zod';
import { httpUrl } from './common.js';

/** Public pages the Documentation section points at (privacy policy, terms, docs, status page, …). */
export const urlsSchema = z
  .record(z.string(), httpUrl)
  .describe('Public pages by name; the Documentation checks read privacy, terms and support (others may be added freely)');
