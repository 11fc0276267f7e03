/**
 * The one HTML escaper. Every string that comes from the corpus (law text, headings, act wording,
 * ids, labels, fact values) goes through escapeHtml, in text and in attribute values alike.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A URL fragment for an element id ("para-26/abs-2" → "#para-26%2Fabs-2"). */
export function fragment(id: string | undefined): string {
  return id ? `#${encodeURIComponent(id)}` : '';
}

/**
 * ` id="…"` for an id not yet used on this page, else '' (keeps ids unique per page); `used` null
 * renders no ids at all.
 */
export function idAttr(id: string | undefined, used: Set<string> | null): string {
  if (!id || !used || used.has(id)) return '';
  used.add(id);
  return ` id="${escapeHtml(id)}"`;
}
