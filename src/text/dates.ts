/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day.
 */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The first day of the `nth` calendar month, quarter or year after the one `iso` falls in: "am ersten Tag
 * des (zweiten) auf die Verkündung folgenden Kalendermonats / Quartals / Kalenderjahres". Quarters are
 * those of the calendar (1 January, 1 April, 1 July, 1 October).
 */
export function firstDayOfFollowing(iso: string, unit: 'month' | 'quarter' | 'year', nth = 1): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1;
  const months = unit === 'month' ? year * 12 + month + nth : unit === 'quarter' ? year * 12 + (Math.floor(month / 3) + nth) * 3 : (year + nth) * 12;
  return `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`;
}

/** The ISO date of day, month and year as written ("1", "3", "2024" → "2024-03-01"), if that day exists. */
export function isoDateOf(day: string, month: string, year: string): string | undefined {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}
