/** Helpers for checking a built site: list its pages, load them with cheerio, resolve local links. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import * as cheerio from 'cheerio';
import { Parser } from 'htmlparser2';

export function htmlFiles(dir: string, sub = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, sub)).sort()) {
    const rel = sub ? `${sub}/${name}` : name;
    if (rel === 'pagefind') continue;
    const st = statSync(join(dir, rel));
    if (st.isDirectory()) out.push(...htmlFiles(dir, rel));
    else if (name.endsWith('.html')) out.push(rel);
  }
  return out;
}

export function allFiles(dir: string, sub = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, sub)).sort()) {
    const rel = sub ? `${sub}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...allFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

const cache = new Map<string, cheerio.CheerioAPI>();

export function load(dir: string, rel: string): cheerio.CheerioAPI {
  const file = join(dir, rel);
  let $ = cache.get(file);
  if (!$) {
    $ = cheerio.load(readFileSync(file, 'utf8'));
    cache.set(file, $);
  }
  return $;
}

export function clearCache(): void {
  cache.clear();
  lastScan = undefined;
}

/** Text with every kind of white space as one plain space. */
export function norm(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export interface BrokenLink {
  page: string;
  href: string;
  problem: string;
}

/** What the link checks need of a page: its references (href/src of a, link, script, img, iframe) and ids in order. */
interface PageScan {
  refs: string[];
  ids: string[];
}

const REF_TAGS: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src', iframe: 'src' };

/**
 * One streaming pass over a page with htmlparser2 (the parser under cheerio), without building a DOM:
 * a walk over thousands of pages then costs a read and a tokenizer pass per page. Attribute values are
 * decoded as in the DOM (entities).
 */
function scanPage(dir: string, rel: string): PageScan {
  const refs: string[] = [];
  const ids: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id !== undefined) ids.push(attrs.id);
        const attr = REF_TAGS[name];
        if (attr && attrs[attr] !== undefined) refs.push(attrs[attr]);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(readFileSync(join(dir, rel), 'utf8'));
  return { refs, ids };
}

type SiteScan = { pages: Map<string, PageScan>; files: Set<string>; dirs: Set<string> };

/** The last site scanned, with the size and mtime of every file it saw: brokenLinks and duplicateIds of an unchanged site share one scan. */
let lastScan: { dir: string; stamp: string; scan: SiteScan } | undefined;

function stampOf(dir: string, files: string[]): string {
  return files.map((f) => {
    const st = statSync(join(dir, f));
    return `${f}\0${st.size}\0${st.mtimeMs}`;
  }).join('\n');
}

/** Every page of a site scanned once (ids of link targets kept); scanned again when any file changed. */
function scanSite(dir: string): SiteScan {
  const list = allFiles(dir);
  const stamp = stampOf(dir, list);
  if (lastScan && lastScan.dir === dir && lastScan.stamp === stamp) return lastScan.scan;
  const files = new Set(list);
  const dirs = new Set<string>();
  for (const f of files) for (let d = posix.dirname(f); d !== '.'; d = posix.dirname(d)) dirs.add(d);
  const pages = new Map<string, PageScan>();
  for (const page of htmlFiles(dir)) pages.set(page, scanPage(dir, page));
  const scan = { pages, files, dirs };
  lastScan = { dir, stamp, scan };
  return scan;
}

/**
 * Every href/src of every page: external URLs are reported as broken (the site must not make
 * requests elsewhere); local ones must name an existing file, and a fragment an existing id.
 */
export function brokenLinks(dir: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const site = scanSite(dir);
  const idSets = new Map<string, Set<string>>();
  const idsOfPage = (target: string): Set<string> => {
    let ids = idSets.get(target);
    if (!ids) {
      ids = new Set(site.pages.get(target)!.ids); // every .html target is a page of the scan
      idSets.set(target, ids);
    }
    return ids;
  };
  for (const [page, scan] of site.pages) {
    for (const ref of scan.refs) {
      if (ref === 'data:,') continue; // the empty favicon: no request
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) {
        broken.push({ page, href: ref, problem: 'external or absolute URL' });
        continue;
      }
      const hash = ref.indexOf('#');
      const pathPart = hash >= 0 ? ref.slice(0, hash) : ref;
      const frag = hash >= 0 ? decodeURIComponent(ref.slice(hash + 1)) : '';
      let target = pathPart ? posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(pathPart))) : page;
      if (target.startsWith('..')) {
        broken.push({ page, href: ref, problem: 'leaves the site' });
        continue;
      }
      const dirRef = target.endsWith('/');
      target = target.replace(/\/$/, '');
      if (target === '.' || site.dirs.has(target)) target = target === '.' ? 'index.html' : posix.join(target, 'index.html');
      else if (dirRef) target += '/'; // "x/" where x is no folder: missing
      if (!site.files.has(target)) {
        broken.push({ page, href: ref, problem: `missing file ${target}` });
        continue;
      }
      if (frag) {
        if (!target.endsWith('.html')) continue;
        if (!idsOfPage(target).has(frag)) broken.push({ page, href: ref, problem: `no element with id ${JSON.stringify(frag)} in ${target}` });
      }
    }
  }
  return broken;
}

export function duplicateIds(dir: string): Array<{ page: string; id: string }> {
  const out: Array<{ page: string; id: string }> = [];
  for (const [page, scan] of scanSite(dir).pages) {
    const seen = new Set<string>();
    for (const id of scan.ids) {
      if (seen.has(id)) out.push({ page, id });
      seen.add(id);
    }
  }
  return out;
}
