/**
 * Where each page lives (paths relative to the site root) and relative links between pages, so the
 * site works from any base path and from disk.
 */
import { posix } from 'node:path';
import { fragment } from './html.js';

/** File-system-safe name for an id from the corpus ("para-26" stays as it is). */
export function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
}

export const HOME = 'index.html';
export const FACTS = 'facts.html';
export const SEARCH = 'search.html';
export const CSS = 'site.css';
export const SITE_JS = 'site.js';
export const SEARCH_JS = 'search.js';

export function lawDatePage(law: string, date: string): string {
  return `${safeName(law)}/${safeName(date)}/index.html`;
}

/** One part of a version split into parts (AufenthG, AufenthV): `<law>/<date>/<part>.html`. */
export function lawPartPage(law: string, date: string, part: string): string {
  return `${safeName(law)}/${safeName(date)}/${safeName(part)}.html`;
}

/** The synopsis of two versions: `<law>/compare/<from>/<to>/index.html`. */
export function comparePage(law: string, from: string, to: string): string {
  return `${safeName(law)}/compare/${safeName(from)}/${safeName(to)}/index.html`;
}

/** The permanent address of a unit as readers cite it: `/<law>/<date>/#para-26` (site-relative, no leading slash). */
export function permalinkPath(law: string, date: string, id?: string): string {
  return `${safeName(law)}/${safeName(date)}/${fragment(id)}`;
}

/** Relative href to a directory URL ("../2024-03-01/#para-26"), for permalinks. */
export function dirHref(from: string, law: string, date: string, id?: string): string {
  const rel = posix.relative(posix.dirname(from), `${safeName(law)}/${safeName(date)}`) || '.';
  return `${rel}/${fragment(id)}`;
}

export function historyPage(law: string, paragraphId: string): string {
  return `${safeName(law)}/history/${safeName(paragraphId)}.html`;
}

export function diffPage(law: string, from: string, to: string): string {
  return `${safeName(law)}/diff/${safeName(from)}_${safeName(to)}.html`;
}

export function actPage(actId: string): string {
  return `acts/${safeName(actId)}.html`;
}

/** Anchor of an instruction on its act page: "Artikel 3 Nummer 1" → "artikel-3-nummer-1". */
export function instructionAnchor(path: string): string {
  const slug = path
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'anweisung';
}

/** Relative href from one page to another (both site-relative paths), with an optional element id. */
export function href(from: string, to: string, id?: string): string {
  let rel = posix.relative(posix.dirname(from), to);
  if (rel === '') rel = posix.basename(to);
  return rel + fragment(id);
}
