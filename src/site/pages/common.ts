/** Small pieces several pages use: links, status badges, change-record lines. */
import { formatDate } from '../dates.js';
import { escapeHtml } from '../html.js';
import { href } from '../paths.js';
import type { Link, SiteModel } from '../site-model.js';
import type { SectionDiff } from '../compare.js';

const STATUS: Record<string, string> = {
  applied: 'angewendet',
  failed: 'nicht anwendbar',
  'not-in-corpus': 'Ziel nicht im Korpus',
  'incomplete-text': 'Text unvollständig',
};

/** Why an instruction was not applied, in German, without file names (the engine's messages are English). */
const REASON: Record<string, string> = {
  'no-inhaltsuebersicht': 'Dieser Text des Gesetzes hat keine Inhaltsübersicht; die Anweisung zur Inhaltsübersicht bleibt ohne Wirkung.',
  'target-not-found': 'Die bezeichnete Stelle gibt es in diesem Text nicht.',
  'target-exists': 'Die einzufügende Einheit gibt es schon.',
  'target-ambiguous': 'Die bezeichnete Stelle ist nicht eindeutig.',
  'target-unsupported': 'Diese Art von Stelle kann nicht angesteuert werden.',
  'target-plural': 'Mehrere Vorschriften auf einmal werden nicht unterstützt.',
  'target-missing': 'Die Anweisung bezeichnet keine Stelle.',
  'target-empty': 'Die bezeichnete Stelle ist leer.',
  'content-unparsed': 'Der neue Wortlaut ließ sich nicht gliedern.',
  'content-mismatch': 'Der neue Wortlaut passt nicht zur bezeichneten Stelle.',
  'words-not-found': 'Die zu ändernden Wörter stehen nicht an der bezeichneten Stelle.',
  'words-ambiguous': 'Die zu ändernden Wörter stehen dort mehrmals.',
  'punctuation-not-found': 'Das zu ersetzende Satzzeichen steht nicht am Ende der Stelle.',
  'label-order': 'Die neue Bezeichnung passt nicht in die Reihenfolge.',
  'incomplete-text': 'Der Text der Anweisung bricht mit dem verfügbaren Text des Änderungsakts ab; nicht angewendet.',
  'unclosed-quote': 'Ein Anführungszeichen der Anweisung schließt nicht; nicht angewendet.',
  'target-not-in-corpus': 'Das geänderte Gesetz ist nicht im Korpus.',
  'instruction-unparsed': 'Die Anweisung ließ sich nicht lesen.',
  'instruction-without-children': 'Die Anweisung kündigt Änderungen an, die im Text fehlen.',
  'effective-date-unknown': 'Das Datum des Inkrafttretens ist unbekannt; nicht angewendet.',
};

export function germanReason(code: string | undefined, status: string, reason?: string): string {
  if (code && REASON[code]) return REASON[code];
  if (status === 'incomplete-text') return REASON['incomplete-text'];
  if (status === 'not-in-corpus') return REASON['target-not-in-corpus'];
  if (!reason) return '';
  return code ? `Nicht anwendbar (Fehlercode ${code}).` : 'Nicht anwendbar.';
}

export function statusBadge(status: string): string {
  const label = STATUS[status] ?? status;
  const kind = status in STATUS ? status : 'other';
  return `<span class="status status-${escapeHtml(kind)}">${escapeHtml(label)}</span>`;
}

const ACTION: Record<string, string> = {
  rewrite: 'neu gefasst',
  repeal: 'aufgehoben',
  'delete-unit': 'gestrichen',
  replace: 'Wörter ersetzt',
  delete: 'Wörter gestrichen',
  'insert-words': 'Wörter eingefügt',
  'replace-end': 'Satzzeichen am Ende ersetzt',
  'insert-units': 'eingefügt',
  'append-units': 'angefügt',
  'append-words': 'Wörter angefügt',
  renumber: 'umnummeriert',
  'substitute-units': 'ersetzt',
  'number-wortlaut': 'Wortlaut wird Absatz 1',
  'unnumber-absatz': 'Absatzbezeichnung gestrichen',
  // a record of an instruction that was not read into operations (its status says why)
  none: 'Änderung',
};

export function actionLabel(action: string): string {
  return escapeHtml(ACTION[action] ?? action);
}

/** `<a href>` from page `from` to a link, or the bare text when there is no link. Text is HTML. */
export function linkTo(from: string, link: Link | undefined, html: string, attrs = ''): string {
  if (!link) return html;
  return `<a href="${escapeHtml(href(from, link.page, link.id))}"${attrs}>${html}</a>`;
}

/** Short name of an act for lists: its citation, else its id. */
export function actName(model: SiteModel, actId: string): string {
  const act = model.actById(actId);
  return act ? act.entry.citation || act.entry.title : actId;
}

/**
 * One change record as a list item: target, action, status, the instruction (linked into the act
 * page) and, with `effect`, a link to where the change shows.
 */
export interface RecordOptions {
  /** link the target to where the change shows */
  effect?: boolean;
  /** name the instruction (default true; off on the instruction's own act page) */
  instruction?: boolean;
}

export function recordItem(model: SiteModel, from: string, index: number, opts: RecordOptions = {}): string {
  const r = model.changes[index];
  if (!r) return '';
  const instr =
    opts.instruction === false
      ? ''
      : ` durch ${linkTo(from, model.instructionLink(index), `${escapeHtml(actName(model, r.act))}, ${escapeHtml(r.path)}`)} <span class="artikel">(Artikel ${escapeHtml(r.artikel)})</span>`;
  const effect = opts.effect ? model.effectLink(index) : undefined;
  const target = effect ? linkTo(from, effect, escapeHtml(r.target || '(Ziel)')) : escapeHtml(r.target);
  const when = r.effective ? ` <span class="when">in Kraft ab ${escapeHtml(formatDate(r.effective))}</span>` : '';
  const why = r.status === 'applied' ? '' : germanReason(r.code, r.status, r.reason);
  const reason = why ? `<div class="reason">${escapeHtml(why)}</div>` : '';
  return (
    `<li class="record">${statusBadge(r.status)} <span class="target">${target}</span>: ` +
    `<span class="action">${actionLabel(r.action)}</span>${instr}${when}${reason}</li>`
  );
}

export function recordList(model: SiteModel, from: string, indices: number[], opts: RecordOptions = {}): string {
  if (!indices.length) return '';
  return `<ul class="records">\n${indices.map((i) => recordItem(model, from, i, opts)).join('\n')}\n</ul>`;
}

export function sectionStatus(d: Pick<SectionDiff, 'status'>): string {
  return d.status === 'inserted' ? 'eingefügt' : d.status === 'removed' ? 'entfallen' : 'geändert';
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const ENGLISH = /\b(?:the|are|is|of|only|missing|not applied|cannot|does not|unknown|corpus|cut off)\b/i;

/** A source as readers cite it, never a file path: "official/aufenthg_2004/2023-11-18.md" → "amtliche Fassung vom 18.11.2023". */
export function germanSource(source: string): string {
  const official = /(?:^|\/)official\/[^/]+\/(\d{4}-\d{2}-\d{2})\.md$/.exec(source);
  if (official) return `amtliche Fassung vom ${formatDate(official[1])} (gesetze-im-internet.de)`;
  if (/(?:^|\/)acts\/[^\s]+\.(?:txt|pdf)$/.test(source)) return 'Text des Änderungsakts';
  if (/(?:^|\/)base\/[^\s]+\.md$/.test(source)) return 'Ausgangstext des Korpus';
  return germanNote(source);
}

/**
 * A notice from the pipeline as the site shows it: German dates, no file paths, no English reason
 * after " – " (the German head says what happened); an English statement becomes a German one.
 */
export function germanNote(text: string): string {
  let t = text;
  // "…: Text unvollständig – the quoted text …" → keep the German head
  t = t.replace(/ – [^;]*?(?=;|$)/g, (tail) => (ENGLISH.test(tail) ? '' : tail));
  // file paths and the parentheses or clauses around them
  t = t.replace(/;?\s*corpus README\.md[^);]*/g, '');
  t = t.replace(/\s*\([^()]*[\w-]+\/[\w./-]+\.(?:txt|md|pdf|json)[^()]*\)/g, '');
  t = t.replace(/[\w-]+(?:\/[\w.-]+)+\.(?:txt|md|pdf|json)/g, '');
  t = t.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3.$2.$1');
  // English sentences after a citation ("BGBl. 2023 I Nr. 217: Only pages 1–2 …")
  t = t
    .split(/;\s+/)
    .map((part) => {
      const m = /^([^:]{3,80}):\s+(.*)$/.exec(part);
      if (m && ENGLISH.test(m[2]) && !/[äöüß]/.test(m[2])) return `${m[1]}: Text des Akts nur teilweise im Korpus; die fehlenden Teile sind nicht eingearbeitet`;
      if (!m && ENGLISH.test(part) && !/[äöüß]/.test(part)) return '';
      return part;
    })
    .filter(Boolean)
    .join('; ');
  return t.replace(/\s+\)/g, ')').replace(/\(\s*\)/g, '').replace(/\s{2,}/g, ' ').trim();
}
