/** Helpers for checking a built site: list its pages, load them with cheerio, resolve local links. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import * as cheerio from 'cheerio';

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

/** A page parsed once and not kept: for walks over every page of a large site (thousands of pages). */
function loadOnce(dir: string, rel: string): cheerio.CheerioAPI {
  return cache.get(join(dir, rel)) ?? cheerio.load(readFileSync(join(dir, rel), 'utf8'));
}

export function load(dir: string, rel: string): cheerio.CheerioAPI {
  const file = join(dir, rel);
  let $ = cache.get(file);
  if (!$) {
    $ = cheerio.load(readFileSync(file, 'utf8'));
    cache.set(file, $);
  }
  return $;
}

const idCache = new Map<string, Set<string>>();

/** The ids of a page. */
export function idsOf(dir: string, rel: string): Set<string> {
  const file = join(dir, rel);
  let ids = idCache.get(file);
  if (!ids) {
    const $ = loadOnce(dir, rel);
    ids = new Set($('[id]').map((_, e) => $(e).attr('id')!).get());
    idCache.set(file, ids);
  }
  return ids;
}

export function clearCache(): void {
  cache.clear();
  idCache.clear();
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

/**
 * Every href/src of every page: external URLs are reported as broken (the site must not make
 * requests elsewhere); local ones must name an existing file, and a fragment an existing id.
 */
export function brokenLinks(dir: string): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const page of htmlFiles(dir)) {
    const $ = loadOnce(dir, page);
    $('a[href], link[href], script[src], img[src], iframe[src]').each((_, el) => {
      const ref = $(el).attr('href') ?? $(el).attr('src') ?? '';
      if (ref === 'data:,') return; // the empty favicon: no request
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) {
        broken.push({ page, href: ref, problem: 'external or absolute URL' });
        return;
      }
      const hash = ref.indexOf('#');
      const pathPart = hash >= 0 ? ref.slice(0, hash) : ref;
      const frag = hash >= 0 ? decodeURIComponent(ref.slice(hash + 1)) : '';
      let target = pathPart ? posix.normalize(posix.join(posix.dirname(page), decodeURIComponent(pathPart))) : page;
      if (target.startsWith('..')) {
        broken.push({ page, href: ref, problem: 'leaves the site' });
        return;
      }
      const abs = join(dir, target);
      if (existsSync(abs) && statSync(abs).isDirectory()) target = posix.join(target, 'index.html');
      if (!existsSync(join(dir, target))) {
        broken.push({ page, href: ref, problem: `missing file ${target}` });
        return;
      }
      if (frag) {
        if (!target.endsWith('.html')) return;
        if (!idsOf(dir, target).has(frag)) broken.push({ page, href: ref, problem: `no element with id ${JSON.stringify(frag)} in ${target}` });
      }
    });
  }
  return broken;
}

export function duplicateIds(dir: string): Array<{ page: string; id: string }> {
  const out: Array<{ page: string; id: string }> = [];
  for (const page of htmlFiles(dir)) {
    const $ = loadOnce(dir, page);
    const seen = new Set<string>();
    $('[id]').each((_, el) => {
      const id = $(el).attr('id')!;
      if (seen.has(id)) out.push({ page, id });
      seen.add(id);
    });
  }
  return out;
}
