/**
 * The search page: a labelled form (query, law, date) driven by search.js over the Pagefind index.
 * The laws with their names and version dates are in data attributes (escaped), so citation queries
 * ("§ 26 BeschV") resolve without the index, also from disk.
 */
import { escapeHtml } from '../html.js';
import { renderPage } from '../layout.js';
import { SEARCH, SEARCH_JS, href } from '../paths.js';
import type { SiteModel } from '../site-model.js';

export function renderSearchPage(model: SiteModel, withIndex: boolean): string {
  const first = model.allDates()[0] ?? '';
  const last = model.lastDate();
  const laws = model.laws
    .map(
      (l) =>
        `<li data-law="${escapeHtml(l.id)}" data-abbr="${escapeHtml(l.abbreviation)}" data-names="${escapeHtml(
          [...model.lawNames.entries()].filter(([, id]) => id === l.id).map(([n]) => n).join('|'),
        )}" data-versions="${escapeHtml(l.versions.map((v) => v.validFrom).join(' '))}">${escapeHtml(l.abbreviation)}</li>`,
    )
    .join('');
  const options = model.laws.map((l) => `<option value="${escapeHtml(l.abbreviation)}">${escapeHtml(l.abbreviation)}</option>`).join('');
  const main =
    `<h1>Suche</h1>\n` +
    `<p class="lead">Volltextsuche in allen Fassungen und Änderungsakten. Eine Fundstelle wie „§ 26 BeschV“, „26 BeschV“ oder „BeschV 26“ führt direkt zur Vorschrift.</p>\n` +
    `<form id="suche-form" class="search-form" role="search" action="${escapeHtml(href(SEARCH, SEARCH))}" method="get" novalidate>\n` +
    `<div class="field field-q"><label for="q">Suchbegriff oder Fundstelle</label> <input type="search" id="q" name="q" autocomplete="off" spellcheck="false"></div>\n` +
    `<div class="field"><label for="gesetz">Gesetz</label> <select id="gesetz" name="gesetz"><option value="">alle</option>${options}<option value="Änderungsakt">Änderungsakte</option></select></div>\n` +
    `<div class="field"><label for="stand">Stand am</label> <input type="date" id="stand" name="stand" min="${escapeHtml(first)}" max="${escapeHtml(last)}"></div>\n` +
    `<div class="field"><button type="submit">Suchen</button></div>\n` +
    `</form>\n` +
    `<p id="suche-status" class="search-status" role="status" aria-live="polite">${withIndex ? '' : 'Für diesen Build wurde kein Suchindex erzeugt; nur Fundstellen werden aufgelöst.'}</p>\n` +
    `<div id="zitat"></div>\n<ol id="treffer" class="treffer-liste"></ol>\n` +
    `<ul id="gesetze" hidden>${laws}</ul>\n` +
    `<noscript><p>Die Suche braucht JavaScript.</p></noscript>`;
  return renderPage({
    path: SEARCH,
    title: 'Suche – fassung',
    bodyClass: 'page-search',
    main,
    tail: `<script src="${escapeHtml(href(SEARCH, SEARCH_JS))}"></script>\n`,
  });
}
