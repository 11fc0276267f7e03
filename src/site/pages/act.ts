/**
 * One amending act: `acts/<act-id>.html`. Its instructions in order (path, wording, status, in-force
 * date) with links to the units each one changed, and the act text.
 */
import { formatDate } from '../dates.js';
import { escapeHtml, fragment } from '../html.js';
import { renderPage } from '../layout.js';
import { actPage } from '../paths.js';
import type { SiteModel } from '../site-model.js';
import type { SiteAct } from '../types.js';
import { germanNote, plural, recordList, statusBadge } from './common.js';

export function renderActPage(model: SiteModel, act: SiteAct): string {
  const e = act.entry;
  const path = actPage(e.id);
  const anchors = model.anchors.get(e.id) ?? [];
  const listed = new Set(act.instructions.flatMap((i) => i.changeIndices));

  const counts = new Map<string, number>();
  for (const i of act.instructions) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const countLine = [...counts.entries()].map(([s, n]) => `${statusBadge(s)} ${n}`).join(' ');

  let currentArtikel: string | undefined;
  const parts: string[] = [];
  act.instructions.forEach((ins, k) => {
    if (ins.artikel !== currentArtikel) {
      currentArtikel = ins.artikel;
      parts.push(`<h2 class="artikel-heading" id="art-${escapeHtml(ins.artikel)}">Artikel ${escapeHtml(ins.artikel)}</h2>`);
    }
    const effects = ins.changeIndices.length
      ? recordList(model, path, ins.changeIndices, { effect: true, instruction: false })
      : '<p class="muted">Keine Einträge in der Änderungstabelle.</p>';
    parts.push(
      `<article class="instruction instr-${escapeHtml(ins.status)}" id="${escapeHtml(anchors[k])}">\n` +
        `<header><a class="instr-path" href="${escapeHtml(fragment(anchors[k]))}">${escapeHtml(ins.path)}</a> ${statusBadge(ins.status)}` +
        ` <span class="when">${ins.effective ? `in Kraft ab ${escapeHtml(formatDate(ins.effective))}` : 'Inkrafttreten unbekannt'}</span>` +
        ` <span class="muted">Zeile ${escapeHtml(ins.line)}</span></header>\n` +
        `<blockquote class="wording">${escapeHtml(ins.wording)}</blockquote>\n${effects}\n</article>`,
    );
  });

  const unlisted = model.changes.map((r, i) => ({ r, i })).filter(({ r, i }) => r.act === e.id && !listed.has(i)).map(({ i }) => i);

  const verk = e.verkuendung.date
    ? formatDate(e.verkuendung.date)
    : e.verkuendung.earliest || e.verkuendung.latest
      ? `zwischen ${formatDate(e.verkuendung.earliest ?? '?')} und ${formatDate(e.verkuendung.latest ?? '?')}`
      : 'unbekannt';
  const ink = (e.inkrafttreten ?? [])
    .map((x) => `<li>Artikel ${escapeHtml(x.artikel)}: ${escapeHtml(formatDate(x.date))} <span class="muted">(${escapeHtml(germanNote(x.source))})</span></li>`)
    .join('');

  const main =
    `<h1>${escapeHtml(e.title)}</h1>\n` +
    `<dl class="act-meta">` +
    `<dt>Art</dt><dd>${escapeHtml(e.kind)}</dd>` +
    `<dt>Datum</dt><dd>${escapeHtml(formatDate(e.date))}</dd>` +
    `<dt>Fundstelle</dt><dd>${escapeHtml(e.citation)}</dd>` +
    `<dt>Verkündung</dt><dd>${escapeHtml(verk)} <span class="muted">(${escapeHtml(germanNote(e.verkuendung.source))})</span></dd>` +
    `<dt>Anweisungen</dt><dd>${escapeHtml(plural(act.instructions.length, 'Anweisung', 'Anweisungen'))} ${countLine}</dd>` +
    `</dl>\n` +
    (e.missing ? `<div class="notice incomplete" role="note"><p><strong>Text unvollständig.</strong> ${escapeHtml(germanNote(`${e.citation}: ${e.missing}`))}</p></div>\n` : '') +
    (ink ? `<section class="act-ink"><h2>Inkrafttreten laut Manifest</h2><ul>${ink}</ul></section>\n` : '') +
    `<div class="instructions" data-pagefind-body>\n${parts.join('\n')}\n</div>\n` +
    (unlisted.length ? `<section><h2>Weitere Einträge der Änderungstabelle</h2>\n${recordList(model, path, unlisted, { effect: true })}</section>\n` : '') +
    `<details class="act-text"><summary>Text des Änderungsakts</summary>\n<pre data-pagefind-body>${escapeHtml(act.text)}</pre>\n</details>`;

  return renderPage({
    path,
    title: `${e.citation} – ${e.title} vom ${formatDate(e.date)}`,
    bodyClass: 'page-act',
    head:
      `<meta data-pagefind-meta="title[content]" content="${escapeHtml(`${e.title} (${e.citation})`)}">\n` +
      `<meta data-pagefind-filter="Quelle[content]" content="Änderungsakt">\n`,
    main,
  });
}

