/**
 * A page as pieces: strings, and bytes encoded once and shared by many pages (the table of a
 * synopsis appears on every compare page of its pair of §§). The compare pages are most of the
 * site's bytes; writing them as pieces spares encoding the same tables again for every page.
 */
export type HtmlPieces = Array<string | Buffer>;

/** The bytes of a page given as a string or as pieces (UTF-8, as writeFile would write the string). */
export function htmlBytes(html: string | HtmlPieces): Buffer {
  if (typeof html === 'string') return Buffer.from(html);
  return Buffer.concat(html.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}
