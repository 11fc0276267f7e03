/**
 * The synopsis of a draft (Referentenentwurf, Regierungsentwurf, Beschlussempfehlung) against the law
 * in force: its instructions applied to a law at a date, however the draft's in-force dates read
 * (a draft usually has none yet), and the page and JSON that show every instruction's status and every
 * changed § side by side.
 *
 * The act engine is used through one function, applyDraft: act text + law tree in, new tree and
 * instruction records out. It only calls loadAct and applyInstructions, so it keeps working while the
 * engine improves.
 */
import { basename } from 'node:path';
import { loadAct } from '../act/load-act.js';
import type { ActEntry, LawEntry } from '../corpus/manifest.js';
import { applyInstructions } from '../consolidate/consolidate.js';
import type { ChangeRecord } from '../consolidate/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Law } from '../model/types.js';
import { compareLaws } from './compare.js';
import { formatDate } from './dates.js';
import { escapeHtml } from './html.js';
import { renderPage } from './layout.js';
import { actionLabel, germanReason, plural, sectionStatus, statusBadge } from './pages/common.js';
import { renderSynopsis, sectionDiffRows, type SynopsisRow } from './synopsis.js';

export interface DraftInstruction {
  /** "Artikel 1 Nummer 3 Buchstabe b" */
  path: string;
  artikel: string;
  line: number;
  wording: string;
  /** 'applied' | 'partly applied' | 'failed' | 'other law' | 'incomplete-text' | 'not-in-corpus' */
  status: string;
  /** the law the Artikel amends, as named in the draft */
  lawName: string;
  records: ChangeRecord[];
  diagnostics: Diagnostic[];
}

export interface DraftResult {
  title?: string;
  before: Law;
  after: Law;
  instructions: DraftInstruction[];
  /** diagnostics of the act as a whole (Artikel structure, text) */
  diagnostics: Diagnostic[];
}

/**
 * Apply the instructions of a draft that amend `law` to `tree`, all at once: in-force dates of the
 * draft are ignored (a draft's dates are not law yet). Instructions on other laws are listed with
 * status 'other law'.
 */
export function applyDraft(draft: { file: string; text: string }, law: LawEntry, tree: Law): DraftResult {
  const entry: ActEntry = {
    id: 'entwurf',
    title: 'Entwurf',
    kind: 'Gesetz',
    date: '',
    citation: `Entwurf (${basename(draft.file)})`,
    verkuendung: { date: null, source: 'Entwurf: nicht verkündet' },
    files: [basename(draft.file)],
    missing: null,
    inkrafttreten: null,
  };
  const act = loadAct(entry, { laws: [law], acts: [entry] } as Parameters<typeof loadAct>[1], () => draft.text);
  const changes: ChangeRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const mine = act.instructions.filter((i) => i.law === law.id);
  const r = applyInstructions(tree, mine, changes, diagnostics);
  const instructions: DraftInstruction[] = act.instructions.map((i) => {
    const records = changes.filter((c) => c.act === i.act && c.path === i.path);
    let status: string = i.status;
    if (i.law !== law.id) status = 'other law';
    else if (i.status === 'parsed') {
      status = records.length && records.every((c) => c.status === 'applied') ? 'applied' : records.some((c) => c.status === 'applied') ? 'partly applied' : 'failed';
    }
    return {
      path: i.path,
      artikel: i.artikel,
      line: i.source.line,
      wording: i.wording,
      status,
      lawName: i.lawName,
      records: records.map((c) => ({ ...c, effective: null })),
      diagnostics: [...i.diagnostics, ...diagnostics.filter((d) => d.path === i.path)],
    };
  });
  // a draft has no Inkrafttreten yet: that is no finding
  const actDiagnostics = act.diagnostics.filter((d) => d.code !== 'inkrafttreten-missing' && d.code !== 'inkrafttreten-from-manifest');
  return { title: act.title, before: tree, after: r.tree, instructions, diagnostics: actDiagnostics };
}

export interface DraftSection {
  id: string;
  title: string;
  status: 'changed' | 'inserted' | 'removed';
  rows: SynopsisRow[];
}

/** The changed sections of a draft result, each with its aligned rows. */
export function draftSections(r: DraftResult): DraftSection[] {
  return compareLaws(r.before, r.after).map((d) => ({
    id: d.id,
    title: d.title,
    status: d.status,
    rows: sectionDiffRows(r.before, r.after, d),
  }));
}

const STATUS_DE: Record<string, string> = {
  'partly applied': 'teilweise angewendet',
  'other law': 'anderes Gesetz',
};

/** The standalone synopsis page of a draft (the site's anatomy and stylesheet, inlined). */
export function renderDraftPage(r: DraftResult, opts: { law: LawEntry; date: string; draftFile: string; css: string }): string {
  const date = formatDate(opts.date);
  const sections = draftSections(r);
  const counts = new Map<string, number>();
  for (const i of r.instructions) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const badge = (s: string): string => (STATUS_DE[s] ? `<span class="status status-other">${escapeHtml(STATUS_DE[s])}</span>` : statusBadge(s));
  const countLine = [...counts.entries()].map(([s, n]) => `${badge(s)} ${n}`).join(' ');
  const instr = r.instructions
    .map((i) => {
      const recs = i.records
        .map((c) => {
          const why = c.status === 'applied' ? '' : germanReason(c.code, c.status, c.reason);
          return `<li class="record">${statusBadge(c.status)} <span class="target">${escapeHtml(c.target || '(Ziel)')}</span>: <span class="action">${actionLabel(c.action)}</span>${why ? `<div class="reason">${escapeHtml(why)}</div>` : ''}</li>`;
        })
        .join('');
      const why = i.records.length ? '' : i.status === 'other law' ? `ändert ${i.lawName ? `„${i.lawName}“` : 'ein anderes Gesetz'}` : i.diagnostics.length ? germanReason(i.diagnostics[0].code, i.status, i.diagnostics[0].message) : '';
      return (
        `<article class="instruction instr-${escapeHtml(i.status === 'applied' ? 'applied' : i.status === 'other law' ? 'not-in-corpus' : 'failed')}">` +
        `<header><span class="instr-path">${escapeHtml(i.path)}</span> ${badge(i.status)} <span class="muted">Zeile ${escapeHtml(i.line)}</span></header>\n` +
        `<blockquote class="wording">${escapeHtml(i.wording)}</blockquote>` +
        (recs ? `<ul class="records">${recs}</ul>` : '') +
        (why ? `<p class="muted">${escapeHtml(why)}</p>` : '') +
        `</article>`
      );
    })
    .join('\n');
  const synopses = sections
    .map(
      (d) =>
        `<section class="diff-section" id="${escapeHtml(d.id)}">\n<h2>${escapeHtml(d.title)} <span class="muted">(${escapeHtml(sectionStatus(d))})</span></h2>\n` +
        renderSynopsis(d.rows, { oldCaption: `geltende Fassung (${date})`, newCaption: 'Fassung nach dem Entwurf', title: `${d.title}: Synopse` }) +
        `\n</section>`,
    )
    .join('\n');
  const failed = r.instructions.filter((i) => i.status !== 'applied' && i.status !== 'other law').length;
  const main =
    `<h1>Synopse: ${escapeHtml(r.title ?? 'Entwurf')}</h1>\n` +
    `<p class="lead">Links die ${escapeHtml(opts.law.abbreviation)} in der Fassung vom ${escapeHtml(date)}, rechts der Text nach den Änderungsbefehlen des Entwurfs ` +
    `<span class="file-name">„${escapeHtml(basename(opts.draftFile))}“</span>. Ein Entwurf ist kein geltendes Recht; seine Daten des Inkrafttretens sind hier nicht berücksichtigt.</p>\n` +
    (failed
      ? `<div class="notice incomplete" role="note"><p><strong>${escapeHtml(plural(failed, 'Anweisung wurde', 'Anweisungen wurden'))} nicht oder nur teilweise angewendet.</strong> Die rechte Spalte zeigt nur, was sich anwenden ließ; Einzelheiten unten.</p></div>\n`
      : '') +
    `<p class="validity">${escapeHtml(plural(sections.length, 'Abschnitt', 'Abschnitte'))} geändert · ${escapeHtml(plural(r.instructions.length, 'Anweisung', 'Anweisungen'))} ${countLine}</p>\n` +
    (sections.length
      ? `<nav class="changed-list-nav" aria-label="Geänderte Vorschriften"><p>${sections.map((d) => `<a href="#${escapeHtml(encodeURIComponent(d.id))}">${escapeHtml(d.title.replace(/^(§ \S+|Anlage \S+).*$/, '$1'))}</a>`).join(' · ')} · <a href="#anweisungen">Änderungsbefehle</a></p></nav>\n`
      : '') +
    (sections.length ? synopses : '<p>Der Entwurf ändert am Text nichts, was sich anwenden ließ.</p>') +
    `\n<section class="draft-instructions"><h2 id="anweisungen">Änderungsbefehle des Entwurfs</h2>\n${instr || '<p>Keine Änderungsbefehle gefunden.</p>'}</section>`;
  return renderPage({
    path: 'synopse.html',
    title: `Synopse ${opts.law.abbreviation} ${date} – ${r.title ?? 'Entwurf'}`,
    bodyClass: 'page-diff page-compare page-draft',
    main,
    standalone: { css: opts.css },
  });
}

/** The JSON of a draft synopsis: every instruction with its status, every changed § old and new. */
export function draftJson(r: DraftResult, opts: { law: LawEntry; date: string; draftFile: string }): unknown {
  return {
    law: opts.law.id,
    date: opts.date,
    draft: { file: basename(opts.draftFile), title: r.title ?? null },
    instructions: r.instructions.map((i) => ({
      path: i.path,
      artikel: i.artikel,
      line: i.line,
      law: i.lawName,
      status: i.status,
      wording: i.wording,
      operations: i.records.map((c) => ({ target: c.target, targetId: c.targetId ?? null, action: c.action, status: c.status, code: c.code ?? null, reason: c.reason ?? null })),
      diagnostics: i.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message })),
    })),
    sections: draftSections(r).map((d) => ({
      id: d.id,
      title: d.title,
      status: d.status,
      rows: d.rows.filter((x) => x.changed).map((x) => ({ key: x.key, old: x.oldText ?? null, new: x.newText ?? null })),
    })),
    diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message })),
  };
}
