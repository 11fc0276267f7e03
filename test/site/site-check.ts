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
 * One streaming pass over a page with htmlparser2 (the parser under cheerio), without building a DOM.
 * Attribute values are decoded as in the DOM (entities). The reference for scanPage.
 */
export function scanWithHtmlparser2(html: string): PageScan {
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
  parser.end(html);
  return { refs, ids };
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
/** elements whose content is text up to their end tag, not markup (as htmlparser2's tokenizer) */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** A page's references and ids: scanBytes's own reading where it reads exactly, else htmlparser2's. */
export function scanPage(page: Uint8Array | string): PageScan {
  const buf = typeof page === 'string' ? Buffer.from(page, 'utf8') : Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  return scanBytes(buf) ?? scanWithHtmlparser2(buf.toString('utf8'));
}

/**
 * The same scan as scanWithHtmlparser2 for the HTML the site writes, several times faster, or undefined
 * where it cannot read exactly. It reads the bytes, not a decoded string (decoding 320 MB of UTF-8 costs
 * more than scanning it): a start tag's end is found past quoted values, its attributes are decoded and
 * read only when it is a link or may carry an id, comments and the text of raw-text elements are
 * skipped. A named entity other than the five of XML, an unclosed construct, a bogus comment or a quote
 * inside a name leaves the page to htmlparser2; site-check.test.ts checks that the two agree, and the
 * real site's link test compares them on a sample of its pages.
 */
export function scanBytes(page: Uint8Array | string): PageScan | undefined {
  const buf = typeof page === 'string' ? Buffer.from(page, 'utf8') : Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  const refs: string[] = [];
  const ids: string[] = [];
  let exact = true;
  const decode = (v: string): string => {
    if (!v.includes('&')) return v;
    if (v.replace(ENTITY, '').includes('&')) exact = false; // an entity the scan does not know, or a bare "&"
    return v.replace(ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return NAMED[name];
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      // HTML maps 0, 0x80–0x9F, surrogates and code points beyond Unicode to other characters
      if (code === 0 || (code >= 0x80 && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
        exact = false;
        return m;
      }
      return String.fromCodePoint(code);
    });
  };
  const n = buf.length;
  let i = 0;
  while (exact && (i = buf.indexOf(60 /* < */, i)) >= 0) {
    const next = buf[i + 1];
    if (next === 33 /* ! */) {
      if (buf[i + 2] === 45 && buf[i + 3] === 45) {
        const end = buf.indexOf('-->', i + 4);
        if (end < 0) exact = false;
        i = end + 3;
      } else if (isLetter(buf[i + 2])) {
        const end = buf.indexOf(62, i); // a doctype
        if (end < 0) exact = false;
        i = end + 1;
      } else exact = false;
      continue;
    }
    if (next === 47 /* / */) {
      if (!isLetter(buf[i + 2])) {
        exact = false;
        continue;
      }
      const end = buf.indexOf(62, i); // an end tag
      if (end < 0) exact = false;
      i = end + 1;
      continue;
    }
    if (!isLetter(next)) {
      i += 1; // a "<" in text
      continue;
    }
    let j = i + 1;
    while (j < n && !isSpace(buf[j]) && buf[j] !== 47 && buf[j] !== 62) j++;
    const name = j - i - 1 <= 8 ? buf.toString('latin1', i + 1, j).toLowerCase() : '';
    if (name.includes('<')) {
      exact = false;
      continue;
    }
    // the ">" that ends the tag, past quoted attribute values
    const attrStart = j;
    let end = -1;
    let maybeId = false;
    while (j < n) {
      const c = buf[j];
      if (c === 62) {
        end = j;
        break;
      }
      if (c === 34 || c === 39) {
        // a quoted value must follow "=" (a quote inside a name the scan does not read)
        let k = j - 1;
        while (k >= attrStart && isSpace(buf[k])) k--;
        if (k < attrStart || buf[k] !== 61 /* = */) break;
        const close = buf.indexOf(c, j + 1);
        if (close < 0) break;
        j = close + 1;
        continue;
      }
      if (lower(c) === 105 /* i */ && lower(buf[j + 1]) === 100 /* d */) maybeId = true;
      j++;
    }
    if (end < 0) {
      exact = false;
      continue;
    }
    const refAttr = REF_TAGS[name];
    if (refAttr || maybeId) {
      let id: string | undefined;
      let ref: string | undefined;
      for (const a of buf.toString('utf8', attrStart, end).matchAll(ATTRIBUTE)) {
        const key = a[1].toLowerCase();
        if (key === 'id' && id === undefined) id = decode(a[2] ?? a[3] ?? a[4] ?? '');
        else if (key === refAttr && ref === undefined) ref = decode(a[2] ?? a[3] ?? a[4] ?? '');
      }
      if (id !== undefined) ids.push(id);
      if (ref !== undefined) refs.push(ref);
    }
    i = end + 1;
    if (RAW_TEXT.has(name)) {
      // the text runs to "</name" (any case) followed by white space, "/" or ">"
      let k = i;
      for (;;) {
        k = buf.indexOf('</', k);
        if (k < 0) break;
        let m = 0;
        while (m < name.length && lower(buf[k + 2 + m]) === name.charCodeAt(m)) m++;
        const after = buf[k + 2 + name.length];
        if (m === name.length && (isSpace(after) || after === 47 || after === 62)) break;
        k += 2;
      }
      if (k < 0) exact = false;
      else i = k;
    }
  }
  return exact ? { refs, ids } : undefined;
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
  for (const page of htmlFiles(dir)) pages.set(page, scanPage(readFileSync(join(dir, page))));
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
  /** where a link's path leads from a folder: the page or file, or why it leads nowhere (many links repeat) */
  const resolved = new Map<string, { target: string } | { problem: string }>();
  const resolve = (from: string, pathPart: string): { target: string } | { problem: string } => {
    let target = posix.normalize(posix.join(from, decodeURIComponent(pathPart)));
    if (target.startsWith('..')) return { problem: 'leaves the site' };
    const dirRef = target.endsWith('/');
    target = target.replace(/\/$/, '');
    if (target === '.' || site.dirs.has(target)) target = target === '.' ? 'index.html' : posix.join(target, 'index.html');
    else if (dirRef) target += '/'; // "x/" where x is no folder: missing
    if (!site.files.has(target)) return { problem: `missing file ${target}` };
    return { target };
  };
  for (const [page, scan] of site.pages) {
    const from = posix.dirname(page);
    for (const ref of scan.refs) {
      if (ref === 'data:,') continue; // the empty favicon: no request
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) {
        broken.push({ page, href: ref, problem: 'external or absolute URL' });
        continue;
      }
      const hash = ref.indexOf('#');
      const pathPart = hash >= 0 ? ref.slice(0, hash) : ref;
      const frag = hash >= 0 ? decodeURIComponent(ref.slice(hash + 1)) : '';
      let to: { target: string } | { problem: string } = { target: page };
      if (pathPart) {
        const key = `${from}\0${pathPart}`;
        to = resolved.get(key) ?? resolve(from, pathPart);
        resolved.set(key, to);
      }
      if ('problem' in to) {
        broken.push({ page, href: ref, problem: to.problem });
        continue;
      }
      if (frag) {
        if (!to.target.endsWith('.html')) continue;
        if (!idsOfPage(to.target).has(frag)) broken.push({ page, href: ref, problem: `no element with id ${JSON.stringify(frag)} in ${to.target}` });
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
