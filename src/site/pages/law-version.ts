/**
 * The text of a law valid on one date: `<law>/<date>/index.html`. Sticky bar with the date switcher
 * (keeps the reader's unit via the URL fragment) and the Satznummern toggle; units changed on that
 * date are marked, and each changed § shows what was struck and inserted.
 */
import type { LawVersion } from '../../consolidate/types.js';
import type { Anlage, BodyNode, Law, Paragraph } from '../../model/types.js';
import { formatDate, formatInterval } from '../dates.js';
import { escapeHtml, fragment } from '../html.js';
import { KEEP_HASH_SCRIPT, renderPage } from '../layout.js';
import { posix } from 'node:path';
import { comparePage, dirHref, historyPage, href, lawDatePage, lawPartPage, permalinkPath, safeName } from '../paths.js';
import { nodeText, paragraphById, sectionById } from '../node-text.js';
import { renderLawText } from '../render-law.js';
import type { LawInfo, LawPart, Link, SiteModel } from '../site-model.js';
import { changedInhaltEntries, changedUnitIds, sectionTitle, type SectionDiff } from '../compare.js';
import { linkCitations } from '../citations.js';
import { renderSynopsis, sectionSynopsisRows } from '../synopsis.js';
import { germanNote, plural, recordList, sectionStatus } from './common.js';
import { memoByObject } from '../memo.js';

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

/**
 * The date picker: any day of the timeline, resolved by site.js to `<law>/<date>/` (a version page
 * or the small page of that day, which leads to the version in force).
 */
export function datePicker(from: string, model: SiteModel, law: LawInfo, current?: string): string {
  const min = law.versions[0]?.validFrom ?? '';
  const max = model.lastDate();
  // the law's directory relative to this page ("../" from a version page, "../../beschv/" from elsewhere)
  const root = `${posix.relative(posix.dirname(from), safeName(law.id)) || '.'}/`;
  const id = `datum-${law.id}`;
  return (
    `<form class="date-pick" data-law-root="${escapeHtml(root)}" data-min="${escapeHtml(min)}" data-max="${escapeHtml(max)}" action="#" novalidate>` +
    `<label for="${escapeHtml(id)}">Stand am</label> <input type="date" id="${escapeHtml(id)}" name="datum" min="${escapeHtml(min)}" max="${escapeHtml(max)}"${current ? ` value="${escapeHtml(current)}"` : ''} required> ` +
    `<button type="submit">Anzeigen</button><span class="date-pick-msg" role="status"></span></form>`
  );
}

/** The stretch of versions over which a § reads as in `v`: "01.03.2024 bis 31.05.2024". */
const validityCache = new WeakMap<LawInfo, Map<string, Map<string, { from: string; to: string | null }>>>();
export function paragraphValidity(law: LawInfo, v: LawVersion, pid: string): { from: string; to: string | null } | undefined {
  let byPid = validityCache.get(law);
  if (!byPid) validityCache.set(law, (byPid = new Map()));
  let byDate = byPid.get(pid);
  if (!byDate) {
    byDate = new Map();
    let stretch: LawVersion[] = [];
    let last: string | null = null;
    const close = (): void => {
      if (!stretch.length || last === null) return;
      const span = { from: stretch[0].validFrom, to: stretch[stretch.length - 1].validTo };
      for (const x of stretch) byDate!.set(x.validFrom, span);
    };
    for (const x of law.versions) {
      const p = paragraphById(x.tree, pid);
      const text = p ? nodeText(p) : null;
      if (text !== last) {
        close();
        stretch = [];
        last = text;
      }
      stretch.push(x);
    }
    close();
    byPid.set(pid, byDate);
  }
  return byDate.get(v.validFrom);
}

const TIER: Record<string, string> = {
  'derived-verified': 'aus den Änderungsakten, mit dem amtlichen Text übereinstimmend',
  'derived-differs': 'aus den Änderungsakten, weicht vom amtlichen Text ab',
  derived: 'aus den Änderungsakten abgeleitet',
  official: 'amtlicher Text',
  pending: 'noch nicht eingearbeitet',
};

/** The tier of each unit of a version (the provenance records: a § shared by versions has one tier per version). */
const tiersOf = memoByObject((v: LawVersion) => new Map((v.units ?? []).map((u) => [u.id, u.tier as string])));

/** The badge of a unit's tier in a version, when the version carries tiers (see "Today's law"). */
export function tierBadge(v: LawVersion, unitId: string): string {
  const t = tiersOf(v).get(unitId);
  if (!t) return '';
  return `<span class="tier-badge tier-${escapeHtml(t in TIER ? t : 'other')}" title="Herkunft des Wortlauts">${escapeHtml(TIER[t] ?? t)}</span>`;
}



export function incompleteNotice(v: LawVersion): string {
  if (v.complete !== false) return '';
  const items = v.missing.length
    ? `<ul>${[...new Set(v.missing.map(germanNote))].map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`
    : '<p>Welche Änderungen fehlen, ist nicht bekannt.</p>';
  return (
    `<div class="notice incomplete" role="note"><p><strong>Unvollständige Fassung.</strong> ` +
    `Nicht alle Änderungen, die bis zum ${escapeHtml(formatDate(v.validFrom))} in Kraft getreten sind, konnten eingearbeitet werden:</p>${items}</div>`
  );
}


function toc(body: BodyNode[], target: (n: BodyNode) => string, withIds = false): string {
  const items = body
    .filter((n) => n.kind === 'gliederung' || n.kind === 'paragraph' || n.kind === 'anlage')
    .map((n) => {
      const depth = n.kind === 'gliederung' ? n.depth : -1;
      return `<li class="${n.kind === 'gliederung' ? `toc-gl toc-depth-${depth}` : 'toc-para'}"><a href="${escapeHtml(target(n))}" data-unit="${escapeHtml(n.id)}"${withIds ? ` id="${escapeHtml(n.id)}"` : ''}>${escapeHtml(sectionTitle(n))}</a></li>`;
    })
    .join('\n');
  return items;
}

interface VersionContext {
  model: SiteModel;
  law: LawInfo;
  v: LawVersion;
  prev?: LawVersion;
  diffs: SectionDiff[];
  byId: Map<string, SectionDiff>;
  marked: Set<string>;
}

const contexts = new WeakMap<LawVersion, VersionContext>();
function versionContext(model: SiteModel, law: LawInfo, v: LawVersion): VersionContext {
  const known = contexts.get(v);
  if (known && known.model === model) return known;
  const c = makeContext(model, law, v);
  contexts.set(v, c);
  return c;
}

function makeContext(model: SiteModel, law: LawInfo, v: LawVersion): VersionContext {
  const prev = model.previous(law, v);
  const diffs = model.diffOf(law, v);
  const byId = new Map<string, SectionDiff>(diffs.map((d) => [d.id, d]));
  const marked = changedUnitIds(prev?.tree, v.tree);
  for (const d of diffs) {
    if (d.kind === 'inhalt') for (const id of changedInhaltEntries(prev?.tree.inhalt, v.tree.inhalt)) marked.add(id);
  }
  return { model, law, v, prev, diffs, byId, marked };
}

/** The statute text of some body nodes, with permalinks, validity, change boxes and linked citations. */
function renderText(c: VersionContext, path: string, nodes: BodyNode[], inhalt: Law['inhalt'] | undefined): string {
  const { model, law, v, prev, byId } = c;
  const date = formatDate(v.validFrom);
  const synHref = prev ? comparePage(law.id, prev.validFrom, v.validFrom) : '';
  const oldSection = (id: string): BodyNode | undefined => (prev ? sectionById(prev.tree, id) : undefined);
  const changeBox = (n: Paragraph | Anlage): string => {
    const d = byId.get(n.id);
    if (!d || d.status === 'removed' || !prev) return '';
    const recs = recordList(model, path, model.recordsFor(v, n.id));
    const rows = sectionSynopsisRows(oldSection(n.id), n);
    const syn = renderSynopsis(rows, {
      oldCaption: `bis ${formatDate(prev.validTo ?? prev.validFrom)}`,
      newCaption: `ab ${date}`,
      changedOnly: true,
      title: `${sectionTitle(n)}: geänderte Stellen`,
    });
    return (
      `<details class="change-box" open data-pagefind-ignore><summary>${escapeHtml(sectionStatus(d))} zum ${escapeHtml(date)}</summary>\n` +
      `${syn}\n${recs}\n<p class="change-links"><a href="${escapeHtml(href(path, synHref, n.id))}">Synopse des ganzen § mit der Fassung vom ${escapeHtml(formatDate(prev.validFrom))}</a></p></details>`
    );
  };
  const afterHeading = (p: Paragraph): string => {
    const span = paragraphValidity(law, v, p.id);
    const tools = [
      span ? `<span class="para-validity">gültig ${escapeHtml(formatInterval(span.from, span.to))}</span>` : '',
      tierBadge(v, p.id),
      `<a href="${escapeHtml(href(path, historyPage(law.id, p.id)))}">Verlauf</a>`,
      `<a class="permalink" href="${escapeHtml(dirHref(path, law.id, v.validFrom, p.id))}" title="Dauerhafter Link auf diese Vorschrift in dieser Fassung">/${escapeHtml(permalinkPath(law.id, v.validFrom, p.id))}</a>`,
    ].filter(Boolean);
    return `<p class="para-tools" data-pagefind-ignore>${tools.join(' <span class="sep">·</span> ')}</p>\n${changeBox(p)}`;
  };
  const resolver = model.citationResolver(path, law, v);
  return renderLawText(
    { ...v.tree, inhalt, body: nodes },
    {
      marked: c.marked,
      usedIds: new Set(['inhalt-seite']),
      afterHeading,
      afterAnlageHeading: (a) => changeBox(a),
      paragraphClass: (p) => (byId.has(p.id) ? 'para-changed' : ''),
      text: (t, where) => linkCitations(t, { law: law.id, paragraph: where.paragraph, absatz: where.absatz }, resolver),
    },
  );
}

/** Validity line and the summary of what changed on this date (one incompleteness note per page). */
function summaryOf(c: VersionContext, path: string): string {
  const { model, law, v, prev, diffs } = c;
  const date = formatDate(v.validFrom);
  const latest = v.validTo ? '' : ` (jüngste Fassung im Korpus; Änderungen durch Akte außerhalb des Korpus sind nicht eingearbeitet)`;
  if (!prev) {
    return `<p class="validity">Ausgangsfassung aus dem Korpus, gültig ${escapeHtml(formatInterval(v.validFrom, v.validTo))}${escapeHtml(latest)}.</p>`;
  }
  const where = (id: string): string => {
    const l = model.unitLink(law, v, id);
    return href(path, l.page, l.id);
  };
  const changedList = diffs
    .filter((d) => d.status !== 'removed')
    .map((d) => `<li><a href="${escapeHtml(where(d.id))}">${escapeHtml(d.title)}</a> <span class="muted">(${escapeHtml(sectionStatus(d))})</span></li>`);
  const removed = diffs.filter((d) => d.status === 'removed').map((d) => `<li>${escapeHtml(d.title)} <span class="muted">(entfallen)</span></li>`);
  return (
    `<p class="validity">Fassung gültig ${escapeHtml(formatInterval(v.validFrom, v.validTo))}${escapeHtml(latest)}.</p>\n` +
    `<section class="changes-summary" aria-labelledby="x-aenderungen" data-pagefind-ignore><h2 id="x-aenderungen">Änderungen zum ${escapeHtml(date)}</h2>\n` +
    (changedList.length || removed.length ? `<ul class="changed-list">${[...changedList, ...removed].join('')}</ul>` : '<p>Keine Textänderung gegenüber der vorigen Fassung.</p>') +
    `\n<p><a href="${escapeHtml(href(path, comparePage(law.id, prev.validFrom, v.validFrom)))}">Synopse: alle Unterschiede zur Fassung vom ${escapeHtml(formatDate(prev.validFrom))}</a></p>\n` +
    (v.changes.length
      ? `<details class="records-box"><summary>${escapeHtml(plural(v.changes.length, 'Änderungsanweisung', 'Änderungsanweisungen'))}</summary>\n${recordList(model, path, v.changes, { effect: true })}\n</details>`
      : '') +
    `</section>`
  );
}

function head(law: LawInfo, v: LawVersion, extra = ''): string {
  const date = formatDate(v.validFrom);
  return (
    `<meta data-pagefind-meta="title[content]" content="${escapeHtml(`${law.abbreviation} – Fassung vom ${date}${extra ? ` – ${extra}` : ''}`)}">\n` +
    `<meta data-pagefind-meta="gueltig[content]" content="${escapeHtml(`gültig ${formatInterval(v.validFrom, v.validTo)}`)}">\n` +
    `<meta data-pagefind-filter="Quelle[content]" content="${escapeHtml(law.abbreviation)}">\n` +
    `<meta data-pagefind-filter="Fassung[content]" content="${escapeHtml(v.validFrom)}">\n`
  );
}

function bar(model: SiteModel, path: string, law: LawInfo, v: LawVersion): string {
  return (
    `<p class="bar-date"><strong>${escapeHtml(law.abbreviation)}</strong> · Fassung vom <strong>${escapeHtml(formatDate(v.validFrom))}</strong></p>\n` +
    `${dateSwitcher(path, law, { current: v.validFrom })}\n${datePicker(path, model, law, v.validFrom)}\n` +
    `<label for="satznummern" class="toggle-label">Satznummern</label>\n`
  );
}

function titleOf(law: LawInfo, v: LawVersion): string {
  const date = formatDate(v.validFrom);
  return `${law.abbreviation} – Fassung vom ${date}${v.validTo ? ` (gültig bis ${formatDate(v.validTo)})` : ''}`;
}

/** The pages of one version: one page, or (long laws) an overview plus one page per part. */
export function lawVersionPages(model: SiteModel, law: LawInfo, v: LawVersion): Array<[string, () => string]> {
  const path = lawDatePage(law.id, v.validFrom);
  const parts = model.partsOf(law, v);
  if (!parts) return [[path, () => renderLawVersionPage(model, law, v)]];
  const out: Array<[string, () => string]> = [[path, () => renderSplitIndex(model, law, v, parts)]];
  parts.forEach((part, k) => out.push([lawPartPage(law.id, v.validFrom, part.slug), () => renderPartPage(model, law, v, parts, k)]));
  return out;
}

export function renderLawVersionPage(model: SiteModel, law: LawInfo, v: LawVersion): string {
  const path = lawDatePage(law.id, v.validFrom);
  const c = versionContext(model, law, v);
  const date = formatDate(v.validFrom);
  const text = renderText(c, path, v.tree.body, v.tree.inhalt);
  const tocItems = toc(v.tree.body, (n) => fragment(n.id));
  const main =
    `<h1><span class="law-title">${escapeHtml(law.title)}</span> <span class="law-abbr">(${escapeHtml(law.abbreviation)})</span></h1>\n` +
    `<p class="fassung-date">Fassung vom ${escapeHtml(date)}</p>\n` +
    `${incompleteNotice(v)}\n${summaryOf(c, path)}\n` +
    (tocItems ? `<details class="toc"><summary>Gliederung</summary>\n<ul>\n${tocItems}\n</ul>\n</details>\n` : '') +
    `<article class="law-text" data-pagefind-body>\n${text}\n</article>`;
  return renderPage({
    path,
    title: titleOf(law, v),
    bodyClass: 'page-law',
    head: head(law, v),
    beforeBar: '<input type="checkbox" id="satznummern" class="toggle-input">\n',
    bar: bar(model, path, law, v),
    main,
    tail: KEEP_HASH_SCRIPT,
  });
}

/** Overview of a split version: validity, changes, the Inhaltsübersicht and links into the parts. */
function renderSplitIndex(model: SiteModel, law: LawInfo, v: LawVersion, parts: LawPart[]): string {
  const path = lawDatePage(law.id, v.validFrom);
  const c = versionContext(model, law, v);
  const date = formatDate(v.validFrom);
  const partList = parts
    .map((p) => {
      const page = lawPartPage(law.id, v.validFrom, p.slug);
      // the entries carry the units' ids: a permalink (#para-20) lands here without script, site.js forwards it
      const items = toc(p.nodes, (n) => href(path, page, n.id), true);
      const changed = p.nodes.some((n) => c.byId.has(n.id));
      return (
        `<li class="part"><a class="part-link" href="${escapeHtml(href(path, page))}">${escapeHtml(p.title)}</a>` +
        `${changed ? ' <span class="status status-changed">geändert</span>' : ''}` +
        `<details${changed ? ' open' : ''}><summary>Vorschriften</summary><ul class="part-toc">${items}</ul></details></li>`
      );
    })
    .join('\n');
  const inhalt = v.tree.inhalt?.entries.length ? renderText(c, path, [], v.tree.inhalt) : '';
  const main =
    `<h1><span class="law-title">${escapeHtml(law.title)}</span> <span class="law-abbr">(${escapeHtml(law.abbreviation)})</span></h1>\n` +
    `<p class="fassung-date">Fassung vom ${escapeHtml(date)}</p>\n` +
    `${incompleteNotice(v)}\n${summaryOf(c, path)}\n` +
    `<section class="parts" aria-labelledby="x-teile"><h2 id="x-teile">Text nach Abschnitten</h2>\n` +
    `<p class="muted">Der Text ist in ${escapeHtml(plural(parts.length, 'Teil', 'Teile'))} aufgeteilt; jede Vorschrift hat ihren Link <span class="nowrap">/${escapeHtml(permalinkPath(law.id, v.validFrom, 'para-…'))}</span>, der hierher und weiter zum Teil führt.</p>\n` +
    `<ol class="part-list">\n${partList}\n</ol></section>\n` +
    (inhalt ? `<div class="law-text">${inhalt}</div>` : '');
  return renderPage({
    path,
    title: titleOf(law, v),
    bodyClass: 'page-law page-law-index',
    bodyAttrs: 'data-split="1"',
    beforeBar: '<input type="checkbox" id="satznummern" class="toggle-input">\n',
    bar: bar(model, path, law, v),
    main,
    tail: KEEP_HASH_SCRIPT,
  });
}

function renderPartPage(model: SiteModel, law: LawInfo, v: LawVersion, parts: LawPart[], k: number): string {
  const part = parts[k];
  const path = lawPartPage(law.id, v.validFrom, part.slug);
  const c = versionContext(model, law, v);
  const date = formatDate(v.validFrom);
  const text = renderText(c, path, part.nodes, undefined);
  const index = lawDatePage(law.id, v.validFrom);
  const nav = [
    k > 0 ? `<a rel="prev" href="${escapeHtml(href(path, lawPartPage(law.id, v.validFrom, parts[k - 1].slug)))}">← ${escapeHtml(parts[k - 1].title)}</a>` : '',
    `<a href="${escapeHtml(href(path, index))}">Übersicht der Fassung</a>`,
    k + 1 < parts.length ? `<a rel="next" href="${escapeHtml(href(path, lawPartPage(law.id, v.validFrom, parts[k + 1].slug)))}">${escapeHtml(parts[k + 1].title)} →</a>` : '',
  ].filter(Boolean);
  const span = formatInterval(v.validFrom, v.validTo);
  const main =
    `<p class="crumbs"><a href="${escapeHtml(href(path, index))}">${escapeHtml(law.abbreviation)}, Fassung vom ${escapeHtml(date)}</a> › ${escapeHtml(part.title)}</p>\n` +
    `<h1><span class="law-abbr">${escapeHtml(law.abbreviation)}</span> <span class="law-title">${escapeHtml(part.title)}</span></h1>\n` +
    `<p class="validity">Fassung gültig ${escapeHtml(span)}${v.validTo ? '' : ' (jüngste Fassung im Korpus)'}.${v.complete ? '' : ' <a href="' + escapeHtml(href(path, index)) + '">Unvollständige Fassung: siehe Übersicht.</a>'}</p>\n` +
    `<nav class="pager" aria-label="Teile">${nav.join(' ')}</nav>\n` +
    `<article class="law-text" data-pagefind-body>\n${text}\n</article>\n` +
    `<nav class="pager" aria-label="Teile (unten)">${nav.join(' ')}</nav>`;
  return renderPage({
    path,
    title: `${titleOf(law, v)} – ${part.title}`,
    bodyClass: 'page-law page-law-part',
    head: head(law, v, part.title),
    beforeBar: '<input type="checkbox" id="satznummern" class="toggle-input">\n',
    bar: bar(model, path, law, v),
    main,
    tail: KEEP_HASH_SCRIPT,
  });
}

/** The page of a day that is not a version date: leads to the version in force that day. */
export function renderDayPage(model: SiteModel, law: LawInfo, day: string): string {
  const path = lawDatePage(law.id, day);
  const v = model.versionAt(law, day)!;
  const target = href(path, lawDatePage(law.id, v.validFrom));
  const d = formatDate(day);
  const main =
    `<h1>${escapeHtml(law.abbreviation)} am ${escapeHtml(d)}</h1>\n` +
    `<p class="lead">Am ${escapeHtml(d)} galt die <a class="day-target" href="${escapeHtml(target)}">Fassung vom ${escapeHtml(formatDate(v.validFrom))}</a> ` +
    `(gültig ${escapeHtml(formatInterval(v.validFrom, v.validTo))}${v.complete ? '' : ', unvollständig'}).</p>`;
  return renderPage({
    path,
    title: `${law.abbreviation} am ${d} – Fassung vom ${formatDate(v.validFrom)}`,
    bodyClass: 'page-day',
    bodyAttrs: `data-redirect="${escapeHtml(target)}"`,
    head: `<noscript><meta http-equiv="refresh" content="0; url=${escapeHtml(target)}"></noscript>\n`,
    main,
  });
}
