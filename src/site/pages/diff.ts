/**
 * The synopsis of two versions of a law: `<law>/compare/<from>/<to>/index.html` for any two versions,
 * and `<law>/diff/<from>_<to>.html` for consecutive ones. Every changed section with its old text on
 * the left and its new text on the right, row by row along Absätze, Sätze, Nummern and Buchstaben,
 * the changed words marked within; the change records of the versions in between.
 */
import type { LawVersion } from '../../consolidate/types.js';
import { compareLaws } from '../compare.js';
import { formatDate } from '../dates.js';
import { escapeHtml } from '../html.js';
import type { HtmlPieces } from '../html-pieces.js';
import { pageShell } from '../layout.js';
import { comparePage, diffPage, historyPage, href } from '../paths.js';
import type { LawInfo, SiteModel } from '../site-model.js';
import { sectionDiffRows, synopsisPieces } from '../synopsis.js';
import { linkTo, plural, recordList, sectionStatus } from './common.js';
import { incompleteNotice } from './law-version.js';

/** Choose any two versions: two selects, resolved by site.js to the compare page. */
function pairPicker(path: string, law: LawInfo, a: LawVersion, b: LawVersion): string {
  const opts = (cur: string): string =>
    law.versions.map((v) => `<option value="${escapeHtml(v.validFrom)}"${v.validFrom === cur ? ' selected' : ''}>${escapeHtml(formatDate(v.validFrom))}</option>`).join('');
  const root = href(path, comparePage(law.id, a.validFrom, b.validFrom)).replace(/[^/]*\/[^/]*\/index\.html$/, '') || './';
  return (
    `<form class="pair-pick" data-compare-root="${escapeHtml(root)}" action="#">` +
    `<label for="syn-von">Fassung vom</label> <select id="syn-von" name="von">${opts(a.validFrom)}</select> ` +
    `<label for="syn-bis">mit Fassung vom</label> <select id="syn-bis" name="bis">${opts(b.validFrom)}</select> ` +
    `<button type="submit">Vergleichen</button><span class="date-pick-msg" role="status"></span></form>`
  );
}

/** The compare page of two versions, as pieces: the synopsis tables are shared bytes (html-pieces.ts). */
export function renderComparePage(model: SiteModel, law: LawInfo, a: LawVersion, b: LawVersion, path = comparePage(law.id, a.validFrom, b.validFrom)): HtmlPieces {
  const from = formatDate(a.validFrom);
  const to = formatDate(b.validFrom);
  const ia = law.versions.indexOf(a);
  const ib = law.versions.indexOf(b);
  const consecutive = ib === ia + 1;
  const diffs = consecutive ? model.diffOf(law, b) : compareLaws(a.tree, b.tree);
  const between = law.versions.slice(ia + 1, ib + 1);

  const sections: HtmlPieces = [];
  diffs.forEach((d, k) => {
    const oldLink = d.status === 'inserted' ? undefined : model.unitLink(law, a, d.id === 'inhalt' ? undefined : d.id);
    const newLink = d.status === 'removed' ? undefined : model.unitLink(law, b, d.id === 'inhalt' ? undefined : d.id);
    const links = [
      oldLink ? linkTo(path, oldLink, `Fassung vom ${escapeHtml(from)}`) : '',
      newLink ? linkTo(path, newLink, `Fassung vom ${escapeHtml(to)}`) : '',
      d.kind === 'paragraph' ? `<a href="${escapeHtml(href(path, historyPage(law.id, d.id)))}">Verlauf</a>` : '',
    ].filter(Boolean);
    const rows = sectionDiffRows(a.tree, b.tree, d);
    const recs = between.flatMap((v) => model.recordsFor(v, d.id));
    sections.push(
      (k > 0 ? '\n' : '') +
        `<section class="diff-section" id="${escapeHtml(d.id)}">\n<h2>${escapeHtml(d.title)} <span class="muted">(${escapeHtml(sectionStatus(d))})</span></h2>\n` +
        `<p class="diff-links">${links.join(' · ')}</p>\n`,
      ...synopsisPieces(rows, { oldCaption: `Fassung vom ${from}`, newCaption: `Fassung vom ${to}`, title: `${d.title}: Synopse` }),
      `\n${recordList(model, path, recs)}\n</section>`,
    );
  });

  const nav: string[] = [];
  if (consecutive) {
    const k = ib;
    if (k > 1) nav.push(`<a href="${escapeHtml(href(path, diffPage(law.id, law.versions[k - 2].validFrom, a.validFrom)))}">← vorige Änderung</a>`);
    if (k + 1 < law.versions.length) nav.push(`<a href="${escapeHtml(href(path, diffPage(law.id, b.validFrom, law.versions[k + 1].validFrom)))}">nächste Änderung →</a>`);
  }
  const incomplete = [...between].reverse().find((v) => !v.complete);
  const records = between.flatMap((v) => v.changes);
  const shell = pageShell({
    path,
    title: `${law.abbreviation} – Synopse ${from} → ${to}`,
    bodyClass: 'page-diff page-compare',
  });
  return [
    shell.before +
      `<h1>${escapeHtml(law.abbreviation)}: Synopse ${escapeHtml(from)} → ${escapeHtml(to)}</h1>\n` +
      `<p class="lead">Links die Fassung vom ${linkTo(path, model.unitLink(law, a, undefined), escapeHtml(from))}, ` +
      `rechts die Fassung vom ${linkTo(path, model.unitLink(law, b, undefined), escapeHtml(to))}: ` +
      `${escapeHtml(plural(diffs.length, 'Abschnitt', 'Abschnitte'))} geändert. <del>Gestrichenes</del> und <ins>Eingefügtes</ins> ist markiert.</p>\n` +
      pairPicker(path, law, a, b) +
      `\n${incomplete ? incompleteNotice(incomplete) : ''}\n`,
    ...(diffs.length ? sections : ['<p>Kein Unterschied im Text.</p>']),
    (records.length ? `\n<section class="diff-records"><h2>Alle Änderungsanweisungen dazwischen</h2>\n${recordList(model, path, records, { effect: true })}</section>` : '') +
      (nav.length ? `\n<p class="pager">${nav.join(' ')}</p>` : '') +
      shell.after,
  ];
}

/** Consecutive versions: the same synopsis at the diff address the start page links. */
export function renderDiffPage(model: SiteModel, law: LawInfo, prev: LawVersion, v: LawVersion): HtmlPieces {
  return renderComparePage(model, law, prev, v, diffPage(law.id, prev.validFrom, v.validFrom));
}
