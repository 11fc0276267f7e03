/**
 * Differences between two consecutive versions: `<law>/diff/<from>_<to>.html`. Only the changed
 * sections, each with a word diff and links to both versions and to the § history.
 */
import type { LawVersion } from '../../consolidate/types.js';
import { formatDate } from '../dates.js';
import { escapeHtml } from '../html.js';
import { renderPage } from '../layout.js';
import { diffPage, historyPage, href } from '../paths.js';
import type { LawInfo, SiteModel } from '../site-model.js';
import { diffRows, linkTo, plural, recordList, sectionStatus } from './common.js';
import { incompleteNotice } from './law-version.js';

export function renderDiffPage(model: SiteModel, law: LawInfo, prev: LawVersion, v: LawVersion): string {
  const path = diffPage(law.id, prev.validFrom, v.validFrom);
  const from = formatDate(prev.validFrom);
  const to = formatDate(v.validFrom);
  const diffs = model.diffOf(law, v);
  const k = law.versions.indexOf(v);
  const prevDiff = k > 1 ? diffPage(law.id, law.versions[k - 2].validFrom, prev.validFrom) : undefined;
  const nextDiff = k + 1 < law.versions.length ? diffPage(law.id, v.validFrom, law.versions[k + 1].validFrom) : undefined;

  const sections = diffs
    .map((d) => {
      const oldLink = d.status === 'inserted' ? undefined : model.unitLink(law, prev, d.id);
      const newLink = d.status === 'removed' ? undefined : model.unitLink(law, v, d.id);
      const links = [
        oldLink ? linkTo(path, oldLink, `Fassung vom ${escapeHtml(from)}`) : '',
        newLink ? linkTo(path, newLink, `Fassung vom ${escapeHtml(to)}`) : '',
        d.kind === 'paragraph' ? `<a href="${escapeHtml(href(path, historyPage(law.id, d.id)))}">Verlauf</a>` : '',
      ].filter(Boolean);
      const recs = model.recordsFor(v, d.id);
      return (
        `<section class="diff-section" id="${escapeHtml(d.id)}">\n<h2>${escapeHtml(d.title)} <span class="muted">(${escapeHtml(sectionStatus(d))})</span></h2>\n` +
        `<p class="diff-links">${links.join(' · ')}</p>\n<div class="diff-body">${diffRows(d)}</div>\n${recordList(model, path, recs)}\n</section>`
      );
    })
    .join('\n');

  const nav = [
    prevDiff ? `<a href="${escapeHtml(href(path, prevDiff))}">← vorige Änderung</a>` : '',
    nextDiff ? `<a href="${escapeHtml(href(path, nextDiff))}">nächste Änderung →</a>` : '',
  ].filter(Boolean);

  const main =
    `<h1>${escapeHtml(law.abbreviation)}: Änderungen zum ${escapeHtml(to)}</h1>\n` +
    `<p class="lead">Unterschiede zwischen der Fassung vom ${linkTo(path, model.unitLink(law, prev, undefined), escapeHtml(from))} ` +
    `und der Fassung vom ${linkTo(path, model.unitLink(law, v, undefined), escapeHtml(to))}: ` +
    `${escapeHtml(plural(diffs.length, 'Abschnitt', 'Abschnitte'))} geändert. <del>Gestrichenes</del> und <ins>Eingefügtes</ins> ist markiert.</p>\n` +
    `${incompleteNotice(v)}\n` +
    (diffs.length ? sections : '<p>Kein Unterschied im Text.</p>') +
    (v.changes.length ? `\n<section class="diff-records"><h2>Alle Änderungsanweisungen dieser Fassung</h2>\n${recordList(model, path, v.changes, { effect: true })}</section>` : '') +
    (nav.length ? `\n<p class="pager">${nav.join(' ')}</p>` : '');

  return renderPage({
    path,
    title: `${law.abbreviation} – Unterschiede ${from} → ${to}`,
    bodyClass: 'page-diff',
    main,
  });
}
