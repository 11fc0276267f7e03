/**
 * The history of one §: `<law>/history/<para-id>.html`. Every version in which the § reads
 * differently from the version before, with its validity interval, the change records that produced
 * the change (linked to the instructions) and the word diff.
 */
import type { LawVersion } from '../../consolidate/types.js';
import type { Paragraph } from '../../model/types.js';
import { formatDate, formatInterval } from '../dates.js';
import { escapeHtml } from '../html.js';
import { renderPage } from '../layout.js';
import { historyPage, href, lawDatePage } from '../paths.js';
import { nodeText, paragraphById } from '../node-text.js';
import { renderParagraph } from '../render-law.js';
import type { LawInfo, SiteModel } from '../site-model.js';
import { paragraphIdOf } from '../../model/walk.js';
import { dateSwitcher, incompleteNotice } from './law-version.js';
import { recordList, sectionStatus } from './common.js';
import { renderSynopsis, sectionSynopsisRows } from '../synopsis.js';

/** § ids of a law over all its versions, in the order of the latest version (dropped §§ after). */
export function paragraphIdsOf(law: LawInfo): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const v of [...law.versions].reverse()) {
    for (const n of v.tree.body) {
      if (n.kind === 'paragraph' && !seen.has(n.id)) {
        seen.add(n.id);
        ids.push(n.id);
      }
    }
  }
  return ids;
}

function paragraphIn(v: LawVersion, id: string): Paragraph | undefined {
  return paragraphById(v.tree, id);
}

interface Entry {
  /** first version of the stretch */
  first: LawVersion;
  /** all versions of the stretch (same § text) */
  versions: LawVersion[];
  para: Paragraph | undefined;
}

export function historyEntries(law: LawInfo, pid: string): Entry[] {
  const entries: Entry[] = [];
  let lastText: string | null = null;
  for (const v of law.versions) {
    const p = paragraphIn(v, pid);
    const text = p ? nodeText(p) : '';
    if (entries.length && text === lastText) {
      entries[entries.length - 1].versions.push(v);
      continue;
    }
    if (!entries.length && !p) continue;
    entries.push({ first: v, versions: [v], para: p });
    lastText = text;
  }
  return entries;
}

export function renderHistoryPage(model: SiteModel, law: LawInfo, pid: string): string {
  const path = historyPage(law.id, pid);
  const entries = historyEntries(law, pid);
  const latest = [...entries].reverse().find((e) => e.para)?.para;
  const name = latest ? `§ ${latest.label}${latest.heading ? ` ${latest.heading}` : ''}` : pid;
  const firstDate = entries[0]?.first.validFrom ?? '';
  const lastDate = entries.length ? entries[entries.length - 1].first.validFrom : '';
  const applied = new Set<number>();

  const blocks = entries
    .slice()
    .reverse()
    .map((e, k, all) => {
      const last = e.versions[e.versions.length - 1];
      const interval = formatInterval(e.first.validFrom, last.validTo);
      const isFirst = k === all.length - 1;
      const diff = isFirst ? undefined : model.diffOf(law, e.first).find((d) => d.id === pid);
      const recs = e.versions.flatMap((v) => model.recordsFor(v, pid));
      recs.forEach((i) => applied.add(i));
      const state = isFirst
        ? e.first === law.versions[0]
          ? 'Ausgangsfassung'
          : 'eingefügt'
        : !e.para
          ? 'entfallen'
          : diff
            ? sectionStatus(diff)
            : 'geändert';
      const link = e.para
        ? `<a href="${escapeHtml(href(path, lawDatePage(law.id, e.first.validFrom), pid))}">im Gesamttext der Fassung vom ${escapeHtml(formatDate(e.first.validFrom))}</a>`
        : '';
      const notices = e.versions.some((x) => !x.complete) ? '<p class="muted"><span class="status status-incomplete-text">unvollständige Fassung</span> (siehe Hinweis oben)</p>' : '';
      const body = e.para
        ? `<details class="hist-text"${k === 0 ? ' open' : ''}><summary>Wortlaut</summary>\n${renderParagraph(e.para, { marked: new Set(), usedIds: new Set(), withIds: false })}\n</details>`
        : '<p class="muted">Der § ist in dieser Fassung nicht enthalten.</p>';
      return (
        `<section class="hist-entry" id="v-${escapeHtml(e.first.validFrom)}">\n` +
        `<h2><span class="hist-date">${escapeHtml(formatDate(e.first.validFrom))}</span> <span class="hist-state">${escapeHtml(state)}</span></h2>\n` +
        `<p class="validity">gültig ${escapeHtml(interval)}${link ? ` · ${link}` : ''}</p>\n${notices}\n` +
        (diff
          ? `<div class="hist-diff">${renderSynopsis(sectionSynopsisRows(all[k + 1]?.para, e.para), {
              oldCaption: `bis ${formatDate(all[k + 1]?.versions[all[k + 1].versions.length - 1].validTo ?? '')}`,
              newCaption: `ab ${formatDate(e.first.validFrom)}`,
              changedOnly: true,
              title: `${name}: geänderte Stellen`,
            })}</div>\n`
          : '') +
        (recs.length ? `<h3>Änderungsanweisungen</h3>\n${recordList(model, path, recs)}\n` : isFirst ? '' : '<p class="muted">Keine Änderungsanweisung zugeordnet.</p>\n') +
        `${body}\n</section>`
      );
    })
    .join('\n');

  const other = model.changes
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => {
      if (applied.has(i) || r.status === 'applied') return false;
      if (model.law(r.law) !== law) return false;
      const p = r.paragraphId ?? (r.targetId ? paragraphIdOf(r.targetId) : undefined);
      return p === pid;
    })
    .map(({ i }) => i);

  const main =
    `<p class="crumbs"><a href="${escapeHtml(href(path, lawDatePage(law.id, law.versions[law.versions.length - 1].validFrom), paragraphIn(law.versions[law.versions.length - 1], pid) ? pid : undefined))}">${escapeHtml(law.abbreviation)}</a> › Verlauf</p>\n` +
    `<h1>${escapeHtml(name)} <span class="law-abbr">${escapeHtml(law.abbreviation)}</span></h1>\n` +
    `<p class="lead">Fassungen dieser Vorschrift ${escapeHtml(formatDate(firstDate))} bis ${escapeHtml(formatDate(lastDate))}, neueste zuerst.</p>\n` +
    incompleteNotice([...law.versions].reverse().find((x) => !x.complete && entries.some((e) => e.versions.includes(x))) ?? law.versions[0]) +
    blocks +
    (other.length ? `\n<section class="hist-other"><h2>Nicht eingearbeitete Anweisungen zu dieser Vorschrift</h2>\n${recordList(model, path, other)}</section>` : '');

  return renderPage({
    path,
    title: `${law.abbreviation} ${name} – Verlauf ${formatDate(firstDate)} bis ${formatDate(lastDate)}`,
    bodyClass: 'page-history',
    bar: dateSwitcher(path, law, { label: 'Gesamttext vom', link: (v) => model.unitLink(law, v, pid) }),
    main,
  });
}
