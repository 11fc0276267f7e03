/**
 * The start page: the laws with their versions, the amending acts, and a timeline of in-force dates
 * with what changed on each.
 */
import { formatDate } from '../dates.js';
import { escapeHtml } from '../html.js';
import { renderPage } from '../layout.js';
import { actPage, diffPage, FACTS, HOME, href, lawDatePage, SEARCH } from '../paths.js';
import type { SiteModel } from '../site-model.js';
import { plural, statusBadge } from './common.js';

export function renderHomePage(model: SiteModel): string {
  const path = HOME;
  const dates = model.allDates();

  const lawRows = model.laws
    .map((law) => {
      const first = law.versions[0];
      const latest = law.versions[law.versions.length - 1];
      const versions = law.versions
        .map((v) => `<a href="${escapeHtml(href(path, lawDatePage(law.id, v.validFrom)))}"${v.complete ? '' : ' class="incomplete" title="unvollständige Fassung"'}>${escapeHtml(formatDate(v.validFrom))}</a>`)
        .join(' ');
      return (
        `<tr><th scope="row">${latest ? `<a href="${escapeHtml(href(path, lawDatePage(law.id, latest.validFrom)))}">${escapeHtml(law.abbreviation)}</a>` : escapeHtml(law.abbreviation)}</th>` +
        `<td>${escapeHtml(law.title)}</td><td class="versions">${versions}</td>` +
        `<td>${first ? escapeHtml(formatDate(first.validFrom)) : ''}</td></tr>`
      );
    })
    .join('\n');

  const actItems = model.acts
    .map((act) => {
      const counts = new Map<string, number>();
      for (const i of act.instructions) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
      const badges = [...counts.entries()].map(([s, n]) => `${statusBadge(s)} ${n}`).join(' ');
      return (
        `<li><a href="${escapeHtml(href(path, actPage(act.entry.id)))}">${escapeHtml(act.entry.title)}</a> ` +
        `<span class="muted">${escapeHtml(act.entry.citation)}, vom ${escapeHtml(formatDate(act.entry.date))}</span>` +
        `${act.entry.missing ? ' <span class="status status-incomplete-text">Text unvollständig</span>' : ''}` +
        `<div class="act-counts">${escapeHtml(plural(act.instructions.length, 'Anweisung', 'Anweisungen'))} ${badges}</div></li>`
      );
    })
    .join('\n');

  const timeline = dates
    .map((date) => {
      const entries = model.laws.flatMap((law) => {
        const k = law.versions.findIndex((v) => v.validFrom === date);
        if (k < 0) return [];
        const v = law.versions[k];
        const prev = k > 0 ? law.versions[k - 1] : undefined;
        const page = escapeHtml(href(path, lawDatePage(law.id, date)));
        if (!prev) {
          return [`<li><a href="${page}">${escapeHtml(law.abbreviation)}</a>: Ausgangsfassung</li>`];
        }
        const changed = model.diffOf(law, v);
        const acts = [...new Set(v.changes.map((i) => model.changes[i]?.act).filter((a): a is string => !!a))]
          .map((id) => {
            const act = model.actById(id);
            return act ? `<a href="${escapeHtml(href(path, actPage(id)))}">${escapeHtml(act.entry.citation)}</a>` : escapeHtml(id);
          })
          .join(', ');
        return [
          `<li><a href="${page}">${escapeHtml(law.abbreviation)}</a>: ` +
            `${escapeHtml(plural(v.changes.length, 'Änderung', 'Änderungen'))}, ${escapeHtml(plural(changed.length, 'Abschnitt', 'Abschnitte'))} geändert ` +
            `(<a href="${escapeHtml(href(path, diffPage(law.id, prev.validFrom, date)))}">Synopse</a>)` +
            `${acts ? ` – durch ${acts}` : ''}` +
            `${v.complete ? '' : ' <span class="status status-incomplete-text">unvollständig</span>'}</li>`,
        ];
      });
      return `<li class="tl-date"><h3 id="d-${escapeHtml(date)}">${escapeHtml(formatDate(date))}</h3>\n<ul>${entries.join('\n')}</ul></li>`;
    })
    .join('\n');

  const span = dates.length ? ` ${formatDate(dates[0])} bis ${formatDate(dates[dates.length - 1])}` : '';
  const main =
    `<h1>Konsolidierte Fassungen</h1>\n` +
    `<p class="lead">Gesetze und Verordnungen in ihren Fassungen${escapeHtml(span)}, erzeugt aus den Änderungsakten. ` +
    `Jede Fassung zeigt den am jeweiligen Tag geltenden Wortlaut; geänderte Vorschriften sind markiert. ` +
    `<a href="${escapeHtml(href(path, SEARCH))}">Volltextsuche</a> · <a href="${escapeHtml(href(path, FACTS))}">Eckwerte</a></p>\n` +
    `<section><h2>Gesetze und Verordnungen</h2>\n<div class="table-wrap"><table class="laws"><thead><tr><th scope="col">Kurz</th><th scope="col">Titel</th><th scope="col">Fassungen</th><th scope="col">Ausgangsfassung</th></tr></thead><tbody>\n${lawRows}\n</tbody></table></div></section>\n` +
    `<section><h2>Änderungsakte</h2>\n<ul class="acts">\n${actItems || '<li>Keine.</li>'}\n</ul></section>\n` +
    `<section><h2>Zeitleiste des Inkrafttretens</h2>\n<ol class="timeline-list">\n${timeline}\n</ol></section>`;

  return renderPage({ path, title: `fassung – Fassungen${span}`, bodyClass: 'page-home', main });
}
