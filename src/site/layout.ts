/**
 * The page shell shared by every page: <html lang="de">, the one stylesheet, the sticky bar, the
 * site navigation. Only fixed strings and already escaped HTML go in here.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './html.js';
import { CSS, FACTS, HOME, SEARCH, SITE_JS, href } from './paths.js';

/** The one inline script (its hash is in the CSP): appends the reader's fragment to a followed date link. */
const KEEP_HASH_BODY = `
document.addEventListener('click', function (e) {
  var t = e.target;
  var a = t && t.closest ? t.closest('a[data-keep-hash]') : null;
  if (a && location.hash) a.setAttribute('href', a.getAttribute('href').split('#')[0] + location.hash);
});
`;
export const KEEP_HASH_SCRIPT = `<script>${KEEP_HASH_BODY}</script>\n`;

const inlineHash = `'sha256-${createHash('sha256').update(KEEP_HASH_BODY).digest('base64')}'`;

/**
 * The Content-Security-Policy of every page (a meta tag) and of `serve` (a header, with
 * frame-ancestors, which a meta tag cannot carry): scripts only from the site itself and the one
 * hashed inline script; WebAssembly for the search; no inline styles, no plugins, no foreign requests.
 */
export const CSP = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inlineHash}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

export interface PageParts {
  /** site-relative path of the page */
  path: string;
  /** plain text, escaped here */
  title: string;
  bodyClass: string;
  /** HTML of the sticky bar's own part (after the site navigation) */
  bar?: string;
  /** HTML placed before the bar (e.g. the Satznummern checkbox, which CSS reads as a sibling) */
  beforeBar?: string;
  main: string;
  /** extra HTML for <head> (already escaped) */
  head?: string;
  /** HTML at the end of <body> (inline scripts without corpus data) */
  tail?: string;
  /** extra attributes of <body>, already escaped (data-* for site.js) */
  bodyAttrs?: string;
  /** a page on its own (a draft synopsis): stylesheet inlined, no site navigation, no script */
  standalone?: { css: string };
}

function standaloneCsp(css: string): string {
  const h = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  return `default-src 'none'; style-src ${h}; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** The start of every page up to the favicon: doctype, charset, CSP, viewport, title. */
function headOf(title: string, csp: string): string {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">`;
}

/** The page shell before and after the content of <main>. */
export function pageShell(p: Omit<PageParts, 'main'>): { before: string; after: string } {
  if (p.standalone) {
    return {
      before: `${headOf(p.title, standaloneCsp(p.standalone.css))}
<style>${p.standalone.css}</style>
</head>
<body class="${escapeHtml(p.bodyClass)}">
<main id="inhalt-seite">
`,
      after: `
</main>
<footer class="site-footer"><p>Erzeugt von fassung. Synopse eines Entwurfs: kein geltendes Recht, keine amtliche Fassung.</p></footer>
</body>
</html>
`,
    };
  }
  const nav = [
    [HOME, 'Übersicht'],
    [FACTS, 'Eckwerte'],
    [SEARCH, 'Suche'],
  ]
    .map(([to, label]) => `<a href="${escapeHtml(href(p.path, to))}"${to === p.path ? ' aria-current="page"' : ''}>${label}</a>`)
    .join('');
  return {
    before: `${headOf(p.title, CSP)}
<link rel="stylesheet" href="${escapeHtml(href(p.path, CSS))}">
<script src="${escapeHtml(href(p.path, SITE_JS))}" defer></script>
${p.head ?? ''}</head>
<body class="${escapeHtml(p.bodyClass)}"${p.bodyAttrs ? ` ${p.bodyAttrs}` : ''}>
<a class="skip" href="#inhalt-seite">Zum Inhalt</a>
${p.beforeBar ?? ''}<header class="bar">
<div class="bar-inner">
<nav class="site-nav" aria-label="Website"><a class="brand" href="${escapeHtml(href(p.path, HOME))}">fassung</a>${nav}</nav>
${p.bar ?? ''}
</div>
</header>
<main id="inhalt-seite">
`,
    after: `
</main>
<footer class="site-footer"><p>Erzeugt von fassung aus den Änderungsakten des Korpus. Keine amtliche Fassung; maßgeblich ist der im Bundesgesetzblatt verkündete Text.</p></footer>
${p.tail ?? ''}</body>
</html>
`,
  };
}

export function renderPage(p: PageParts): string {
  const { before, after } = pageShell(p);
  return before + p.main + after;
}
