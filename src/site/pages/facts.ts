/**
 * Eligibility facts: `facts.html`. Each fact with its timeline (value per period, where it is written,
 * the wording, the source tier, the last change) and the euro amounts per year derived from it.
 */
import { formatDate, formatInterval } from '../dates.js';
import { escapeHtml, fragment } from '../html.js';
import { renderPage } from '../layout.js';
import { actPage, FACTS, instructionAnchor } from '../paths.js';
import type { Link, SiteModel } from '../site-model.js';
import type { Fact, FactPeriod, FactsJson } from '../types.js';
import { actName, linkTo, germanNote, germanSource } from './common.js';

/** 41041.8 → "41 041,80 €" (no-break spaces, as the facts stage writes amounts) */
function formatEuros(amount: number): string {
  const [int, cents] = Math.abs(amount).toFixed(2).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, '\u00a0');
  return `${amount < 0 ? '−' : ''}${grouped},${cents}\u00a0€`;
}

/** The units of the fact catalogue in German. */
const UNIT_DE: Record<string, string> = {
  'boolean-present': 'vorhanden oder nicht',
  'count-per-year': 'Anzahl je Kalenderjahr',
  days: 'Tage',
  'hours-per-week': 'Stunden je Woche',
  list: 'Aufzählung',
  months: 'Monate',
  points: 'Punkte',
  'share-of-bbg': 'Anteil an der Beitragsbemessungsgrenze',
  weeks: 'Wochen',
  years: 'Jahre',
  euro: 'Euro',
  eur: 'Euro',
  'euro-per-year': 'Euro je Jahr',
};

const TIERS: Record<string, string> = {
  consolidated: 'konsolidierte Fassung',
  'official-snapshot': 'amtliche Fassung (gesetze-im-internet.de)',
  'act-text': 'Text des Änderungsakts',
};

function wordingLink(model: SiteModel, p: FactPeriod): Link | undefined {
  const law = model.law(p.law);
  if (!law) return undefined;
  const v = model.versionAt(law, p.validFrom);
  return v ? model.unitLink(law, v, p.nodeId) : undefined;
}

function lastChangeLink(model: SiteModel, c: NonNullable<FactPeriod['lastChange']>): Link | undefined {
  const act = model.actById(c.act);
  if (!act) return undefined;
  const k = act.instructions.findIndex((i) => i.path === c.path);
  if (k >= 0) return { page: actPage(act.entry.id), id: model.anchors.get(act.entry.id)![k] };
  const anchors = model.anchors.get(act.entry.id) ?? [];
  const guess = instructionAnchor(c.path);
  return { page: actPage(act.entry.id), id: anchors.includes(guess) ? guess : undefined };
}

function renderFact(model: SiteModel, f: Fact, id: string): string {
  const rows = f.timeline
    .map((p) => {
      const law = model.law(p.law);
      const where = `${law?.abbreviation ?? p.lawAbbreviation ?? p.law} ${p.unitLabel}`.trim();
      const last = p.lastChange
        ? linkTo(FACTS, lastChangeLink(model, p.lastChange), `${escapeHtml(actName(model, p.lastChange.act))}, ${escapeHtml(p.lastChange.path)}`)
        : '<span class="muted">Ausgangsfassung</span>';
      return (
        `<tr><td class="period">${escapeHtml(formatInterval(p.validFrom, p.validTo))}</td>` +
        `<td class="value">${escapeHtml(p.display)}</td>` +
        `<td class="where">${linkTo(FACTS, wordingLink(model, p), escapeHtml(where))}</td>` +
        `<td class="fact-wording">${escapeHtml(p.wording)}</td>` +
        `<td class="tier"><span class="tier-badge tier-${escapeHtml(p.tier in TIERS ? p.tier : 'other')}">${escapeHtml(TIERS[p.tier] ?? p.tier)}</span>` +
        `${p.source ? `<div class="muted">${escapeHtml(germanSource(p.source))}</div>` : ''}` +
        `${p.caveat ? `<div class="caveat">${escapeHtml(germanNote(p.caveat))}</div>` : ''}</td>` +
        `<td class="last">${last}</td></tr>`
      );
    })
    .join('\n');
  const euros = f.timeline.flatMap((p) => (p.euros ?? []).map((e) => ({ ...e, p })));
  const euroTable = euros.length
    ? `<table class="euros"><caption>Abgeleitete Beträge je Kalenderjahr</caption><thead><tr><th scope="col">Jahr</th><th scope="col">Betrag</th><th scope="col">Grundlage</th></tr></thead><tbody>\n` +
      euros
        .map(
          (e) =>
            `<tr><td>${escapeHtml(e.year)}</td><td class="num">${escapeHtml(e.display ?? formatEuros(e.amount))}</td><td>${escapeHtml(e.p.display)} (${escapeHtml(formatInterval(e.p.validFrom, e.p.validTo))})</td></tr>`,
        )
        .join('\n') +
      `\n</tbody></table>`
    : '';
  return (
    `<section class="fact" id="${escapeHtml(id)}">\n<h2>${escapeHtml(f.label.de)}</h2>\n` +
    `<p class="muted">${f.unit ? `Einheit: ${escapeHtml(UNIT_DE[f.unit] ?? f.unit)} · ` : ''}<span lang="en">${escapeHtml(f.label.en)}</span></p>\n` +
    `<div class="table-wrap"><table class="timeline"><thead><tr><th scope="col">Zeitraum</th><th scope="col">Wert</th><th scope="col">Fundstelle</th><th scope="col">Wortlaut</th><th scope="col">Quelle</th><th scope="col">Letzte Änderung</th></tr></thead><tbody>\n${rows}\n</tbody></table></div>\n` +
    `${euroTable}\n</section>`
  );
}

export function renderFactsPage(model: SiteModel, facts: FactsJson | undefined): string {
  const list = facts?.facts ?? [];
  const dates = list.flatMap((f) => f.timeline.flatMap((p) => [p.validFrom, ...(p.validTo ? [p.validTo] : [])])).sort();
  const span = dates.length ? ` ${formatDate(dates[0])} bis ${formatDate(dates[dates.length - 1])}` : '';
  const ids = factIds(list);
  const toc = list.length
    ? `<nav class="fact-toc" aria-label="Eckwerte"><ul>${list.map((f, k) => `<li><a href="${escapeHtml(fragment(ids[k]))}">${escapeHtml(f.label.de)}</a></li>`).join('')}</ul></nav>\n`
    : '';
  const main =
    `<h1>Eckwerte</h1>\n<p class="lead">Zahlen und Schwellen, die sich aus den Fassungen ergeben, mit ihrer Zeitleiste${escapeHtml(span)}. ` +
    `Jeder Wert verweist auf den Wortlaut der Fassung, die im jeweiligen Zeitraum gilt.</p>\n` +
    (list.length ? toc + `<div data-pagefind-body>\n${list.map((f, k) => renderFact(model, f, ids[k])).join('\n')}\n</div>` : '<p>Für diesen Build wurden keine Eckwerte übergeben.</p>');
  return renderPage({ path: FACTS, title: `Eckwerte – Zeitleisten${span}`, bodyClass: 'page-facts', main });
}

/** Section ids of the facts, unique on the page. */
function factIds(list: Fact[]): string[] {
  const used = new Set<string>(['inhalt-seite']);
  return list.map((f) => {
    let id = `fact-${f.id}`;
    for (let n = 2; used.has(id); n++) id = `fact-${f.id}-${n}`;
    used.add(id);
    return id;
  });
}
