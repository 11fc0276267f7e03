/**
 * The text of a law valid on one date: `<law>/<date>/index.html`. Sticky bar with the date switcher
 * (keeps the reader's unit via the URL fragment) and the Satznummern toggle; units changed on that
 * date are marked, and each changed § shows what was struck and inserted.
 */
import type { LawVersion } from '../../consolidate/types.js';
import type { Anlage, BodyNode, Paragraph } from '../../model/types.js';
import { formatDate, formatInterval } from '../dates.js';
import { escapeHtml, fragment } from '../html.js';
import { renderPage } from '../layout.js';
import { diffPage, historyPage, href, lawDatePage } from '../paths.js';
import { renderLawText } from '../render-law.js';
import type { LawInfo, Link, SiteModel } from '../site-model.js';
import { changedUnitIds, sectionTitle, type SectionDiff } from '../compare.js';
import { diffRows, plural, recordList, sectionStatus } from './common.js';

/** Appends the current fragment to a date link when it is followed, so the reader stays on the unit. */
export const KEEP_HASH_SCRIPT = `<script>
document.addEventListener('click', function (e) {
  var t = e.target;
  var a = t && t.closest ? t.closest('a[data-keep-hash]') : null;
  if (a && location.hash) a.setAttribute('href', a.getAttribute('href').split('#')[0] + location.hash);
});
</script>
`;

/**
 * Links to every version of a law. With `link` the links go where it says (e.g. straight to a unit);
 * otherwise they carry data-keep-hash and the script adds the reader's current fragment.
 */
export function dateSwitcher(
  from: string,
  law: LawInfo,
  opts: { current?: string; label?: string; link?: (v: LawVersion) => Link } = {},
): string {
  const links = law.versions
    .map((v) => {
      const cur = v.validFrom === opts.current;
      const cls = ['date-link', v.complete ? '' : 'incomplete'].filter(Boolean).join(' ');
      const title = v.complete ? '' : ' title="unvollständige Fassung"';
      const to = opts.link?.(v) ?? { page: lawDatePage(law.id, v.validFrom) };
      const target = href(from, to.page, to.id);
      return `<li><a class="${cls}" href="${escapeHtml(target)}"${opts.link ? '' : ' data-keep-hash'}${cur ? ' aria-current="page"' : ''}${title}>${escapeHtml(formatDate(v.validFrom))}</a></li>`;
    })
    .join('');
  return `<nav class="dates" aria-label="Fassungen der ${escapeHtml(law.abbreviation)}"><span class="dates-label">${escapeHtml(law.abbreviation)} · ${opts.label ?? 'Fassung vom'}</span><ul>${links}</ul></nav>`;
}

export function incompleteNotice(v: LawVersion): string {
  if (v.complete !== false) return '';
  const items = v.missing.length
    ? `<ul>${v.missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`
    : '<p>Welche Änderungen fehlen, ist nicht bekannt.</p>';
  return (
    `<div class="notice incomplete" role="note"><p><strong>Unvollständige Fassung.</strong> ` +
    `Nicht alle Änderungen, die bis zum ${escapeHtml(formatDate(v.validFrom))} in Kraft getreten sind, konnten eingearbeitet werden:</p>${items}</div>`
  );
}

function toc(body: BodyNode[]): string {
  const items = body
    .filter((n) => n.kind === 'gliederung' || n.kind === 'paragraph' || n.kind === 'anlage')
    .map((n) => {
      const depth = n.kind === 'gliederung' ? n.depth : -1;
      return `<li class="${n.kind === 'gliederung' ? `toc-gl toc-depth-${depth}` : 'toc-para'}"><a href="${escapeHtml(fragment(n.id))}">${escapeHtml(sectionTitle(n))}</a></li>`;
    })
    .join('\n');
  return items ? `<details class="toc"><summary>Gliederung</summary>\n<ul>\n${items}\n</ul>\n</details>` : '';
}

export function renderLawVersionPage(model: SiteModel, law: LawInfo, v: LawVersion): string {
  const path = lawDatePage(law.id, v.validFrom);
  const prev = model.previous(law, v);
  const diffs = model.diffOf(law, v);
  const byId = new Map<string, SectionDiff>(diffs.map((d) => [d.id, d]));
  const marked = changedUnitIds(prev?.tree, v.tree);
  for (const d of diffs) {
    if (d.kind === 'inhalt') for (const r of d.rows) if (r.id) marked.add(r.id);
  }
  const date = formatDate(v.validFrom);
  const diffHref = prev ? href(path, diffPage(law.id, prev.validFrom, v.validFrom)) : '';

  const changeBox = (id: string): string => {
    const d = byId.get(id);
    if (!d || d.status === 'removed') return '';
    const recs = recordList(model, path, model.recordsFor(v, id));
    return (
      `<details class="change-box" open data-pagefind-ignore><summary>${escapeHtml(sectionStatus(d))} zum ${escapeHtml(date)}</summary>\n` +
      `${diffRows(d, 12)}\n${recs}\n<p class="change-links"><a href="${escapeHtml(`${diffHref}${fragment(id)}`)}">Vergleich mit der Fassung vom ${escapeHtml(formatDate(prev!.validFrom))}</a></p></details>`
    );
  };
  const afterHeading = (p: Paragraph): string =>
    `<p class="para-tools" data-pagefind-ignore><a href="${escapeHtml(href(path, historyPage(law.id, p.id)))}">Verlauf</a></p>\n${changeBox(p.id)}`;
  const afterAnlageHeading = (a: Anlage): string => changeBox(a.id);

  const text = renderLawText(v.tree, {
    marked,
    usedIds: new Set(['inhalt-seite']),
    afterHeading,
    afterAnlageHeading,
    paragraphClass: (p) => (byId.has(p.id) ? 'para-changed' : ''),
  });

  let summary: string;
  if (!prev) {
    summary = `<p class="validity">Ausgangsfassung aus dem Korpus, gültig ${escapeHtml(formatInterval(v.validFrom, v.validTo))}.</p>`;
  } else {
    const changedList = diffs
      .filter((d) => d.status !== 'removed')
      .map((d) => `<li><a href="${escapeHtml(fragment(d.id))}">${escapeHtml(d.title)}</a> <span class="muted">(${escapeHtml(sectionStatus(d))})</span></li>`);
    const removed = diffs.filter((d) => d.status === 'removed').map((d) => `<li>${escapeHtml(d.title)} <span class="muted">(entfallen)</span></li>`);
    summary =
      `<p class="validity">Fassung gültig ${escapeHtml(formatInterval(v.validFrom, v.validTo))}` +
      `${v.validTo ? '' : ' (jüngste Fassung im Korpus)'}.</p>\n` +
      `<section class="changes-summary" aria-labelledby="x-aenderungen" data-pagefind-ignore><h2 id="x-aenderungen">Änderungen zum ${escapeHtml(date)}</h2>\n` +
      (changedList.length || removed.length
        ? `<ul class="changed-list">${[...changedList, ...removed].join('')}</ul>`
        : '<p>Keine Textänderung gegenüber der vorigen Fassung.</p>') +
      `\n<p><a href="${escapeHtml(diffHref)}">Alle Unterschiede zur Fassung vom ${escapeHtml(formatDate(prev.validFrom))}</a></p>\n` +
      (v.changes.length
        ? `<details class="records-box"><summary>${escapeHtml(plural(v.changes.length, 'Änderungsanweisung', 'Änderungsanweisungen'))}</summary>\n${recordList(model, path, v.changes, { effect: true })}\n</details>`
        : '') +
      `</section>`;
  }

  const main =
    `<h1><span class="law-title">${escapeHtml(law.title)}</span> <span class="law-abbr">(${escapeHtml(law.abbreviation)})</span></h1>\n` +
    `<p class="fassung-date">Fassung vom ${escapeHtml(date)}</p>\n` +
    `${incompleteNotice(v)}\n${summary}\n${toc(v.tree.body)}\n` +
    `<article class="law-text" data-pagefind-body>\n${text}\n</article>`;

  const title = `${law.abbreviation} – Fassung vom ${date}${v.validTo ? ` (gültig bis ${formatDate(v.validTo)})` : ''}`;
  return renderPage({
    path,
    title,
    bodyClass: 'page-law',
    head:
      `<meta data-pagefind-meta="title[content]" content="${escapeHtml(`${law.abbreviation} – Fassung vom ${date}`)}">\n` +
      `<meta data-pagefind-filter="Quelle[content]" content="${escapeHtml(law.abbreviation)}">\n`,
    beforeBar: '<input type="checkbox" id="satznummern" class="toggle-input">\n',
    bar:
      `${dateSwitcher(path, law, { current: v.validFrom })}\n` +
      `<label for="satznummern" class="toggle-label">Satznummern</label>\n`,
    main,
    tail: KEEP_HASH_SCRIPT,
  });
}
