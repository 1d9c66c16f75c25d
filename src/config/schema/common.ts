import { z } from 'zod';
import { parseDuration } from '../duration.js';

export const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { message: 'expected an absolute http:// or https:// URL' },
);

export const urlPath = z.string().regex(/^\//, { message: 'expected a path starting with "/"' });

export const duration = z
  .union([z.number(), z.string()])
  .refine((value) => parseDuration(value) !== undefined, {
    message: 'expected a duration such as 500ms, 10s or 2m (a bare number is milliseconds)',
  })
  .transform((value) => parseDuration(value)!);

export const nonEmpty = z.string().min(1, { message: 'expected a non-empty string' });
