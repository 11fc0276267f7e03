/** Dates as the site shows them: ISO in paths, "01.06.2024" for readers. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-06-01" → "01.06.2024"; other strings unchanged. */
export function formatDate(iso: string | null): string {
  if (iso === null) return 'unbekannt';
  const m = ISO.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "gültig vom 01.03.2024 bis 31.05.2024" / "gültig ab 01.06.2024". */
export function formatInterval(from: string, to: string | null): string {
  return to ? `${formatDate(from)} bis ${formatDate(to)}` : `ab ${formatDate(from)}`;
}
