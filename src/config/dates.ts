/** A YYYY-MM-DD day that exists in the calendar (2028-02-29 does, 2027-02-29 and 2027-13-45 do not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC, so no time zone shifts the date.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** YYYY-MM-DD of a moment, in UTC: the dates attestations and waivers are written and compared in. */
export function isoDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}
