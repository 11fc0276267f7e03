/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day.
 */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
