import { z } from 'zod';
import { isCalendarDate } from '../dates.js';
import { AGE, readDuration, TIME_LIMIT, type DurationBounds } from '../duration.js';

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

/** A duration read as milliseconds within `bounds`: text with a unit (10s), or a YAML number of milliseconds; text without a unit is refused with the fix. */
export function durationWithin(bounds: DurationBounds) {
  return z.union([z.number(), z.string()], { error: () => 'expected a duration such as 500ms, 10s or 2m' }).transform((value, ctx) => {
    const reading = readDuration(value, bounds);
    if (reading.ok) return reading.ms;
    ctx.addIssue({ code: 'custom', message: reading.problem, input: value });
    return z.NEVER;
  });
}

/** Time limits: 1ms to 1h. */
export const duration = durationWithin(TIME_LIMIT);

/** Ages such as a backup's: 1s to 400d. */
export const age = durationWithin(AGE);

/** A day of the calendar as YYYY-MM-DD. */
export const isoDate = z
  .string({ error: () => 'expected a date as YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'expected a real date as YYYY-MM-DD (month 01 to 12, a day that month has)' });

export const nonEmpty = z.string().min(1, { message: 'expected a non-empty string' });
