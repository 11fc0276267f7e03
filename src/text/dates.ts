/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day.
 */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The ISO date of day, month and year as written ("1", "3", "2024" → "2024-03-01"), if that day exists. */
export function isoDateOf(day: string, month: string, year: string): string | undefined {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}
