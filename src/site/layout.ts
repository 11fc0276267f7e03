/**
 * The page shell shared by every page: <html lang="de">, the one stylesheet, the sticky bar, the
 * site navigation. Only fixed strings and already escaped HTML go in here.
 */
import { escapeHtml } from './html.js';
import { CSS, FACTS, HOME, SEARCH, href } from './paths.js';

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
}

export function renderPage(p: PageParts): string {
  const nav = [
    [HOME, 'Übersicht'],
    [FACTS, 'Eckwerte'],
    [SEARCH, 'Suche'],
  ]
    .map(([to, label]) => `<a href="${escapeHtml(href(p.path, to))}"${to === p.path ? ' aria-current="page"' : ''}>${label}</a>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(href(p.path, CSS))}">
${p.head ?? ''}</head>
<body class="${escapeHtml(p.bodyClass)}">
<a class="skip" href="#inhalt-seite">Zum Inhalt</a>
${p.beforeBar ?? ''}<header class="bar">
<div class="bar-inner">
<nav class="site-nav" aria-label="Website"><a class="brand" href="${escapeHtml(href(p.path, HOME))}">fassung</a>${nav}</nav>
${p.bar ?? ''}
</div>
</header>
<main id="inhalt-seite">
${p.main}
</main>
<footer class="site-footer"><p>Erzeugt von fassung aus den Änderungsakten des Korpus. Keine amtliche Fassung; maßgeblich ist der im Bundesgesetzblatt verkündete Text.</p></footer>
${p.tail ?? ''}</body>
</html>
`;
}
