/** The search page: Pagefind's default UI, served from the pagefind/ bundle it writes into the site. */
import { renderPage } from '../layout.js';
import { SEARCH } from '../paths.js';

export function renderSearchPage(withIndex: boolean): string {
  const main = withIndex
    ? `<h1>Suche</h1>\n<p class="lead">Volltextsuche in allen Fassungen und Änderungsakten.</p>\n<div id="suche" class="search-box"></div>\n` +
      `<noscript><p>Die Suche braucht JavaScript.</p></noscript>`
    : `<h1>Suche</h1>\n<p>Für diesen Build wurde kein Suchindex erzeugt.</p>`;
  return renderPage({
    path: SEARCH,
    title: 'Suche – fassung',
    bodyClass: 'page-search',
    head: withIndex
      ? `<link rel="stylesheet" href="pagefind/pagefind-ui.css">\n<script src="pagefind/pagefind-ui.js"></script>\n`
      : '',
    main,
    tail: withIndex
      ? `<script>
window.addEventListener('DOMContentLoaded', function () {
  new PagefindUI({ element: '#suche', showSubResults: true, showImages: false, resetStyles: false });
});
</script>
`
      : '',
  });
}
