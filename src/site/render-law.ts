/**
 * The text of one version of a law as HTML: Inhaltsübersicht, Gliederung, §§ with Absätze, Sätze and
 * lists, Anlagen. Every unit carries its node id as `id` (unique per page; a Satz that shares its id
 * with its list item leaves it to the item). Satz numbers are in the markup and shown on demand.
 */
import { writtenLabel } from '../model/labels.js';
import type { Absatz, Anlage, BodyNode, Gliederung, Law, ListItem, Paragraph, Satz } from '../model/types.js';
import { escapeHtml, idAttr } from './html.js';

export interface RenderLawOptions {
  /** ids of units to mark as changed */
  marked: Set<string>;
  /** ids already used on the page (filled while rendering) */
  usedIds: Set<string>;
  /** HTML put right under a § heading (change box, links) */
  afterHeading?: (p: Paragraph) => string;
  /** HTML put right under an Anlage heading */
  afterAnlageHeading?: (a: Anlage) => string;
  /** extra class for a § section */
  paragraphClass?: (p: Paragraph) => string;
  /** false: render without id attributes (for a § shown several times on one page) */
  withIds?: boolean;
  /** HTML of a piece of statute text (default: escaped); used to link citations */
  text?: (text: string, where: Where) => string;
}

/** The § and Absatz a piece of text stands in. */
export interface Where {
  paragraph: Paragraph;
  absatz?: Absatz;
}

function txt(opts: RenderLawOptions, text: string, where: Where): string {
  return opts.text ? opts.text(text, where) : escapeHtml(text);
}

function ids(opts: RenderLawOptions): Set<string> | null {
  return opts.withIds === false ? null : opts.usedIds;
}

export function renderLawText(law: Law, opts: RenderLawOptions): string {
  const parts: string[] = [];
  if (law.inhalt && law.inhalt.entries.length) {
    const items = law.inhalt.entries
      .map(
        (e) =>
          `<li${idAttr(e.id, ids(opts))}${cls(opts.marked.has(e.id) ? 'changed' : '')}>` +
          (e.label ? `<span class="angabe-label">${escapeHtml(e.label)}</span> ` : '') +
          `${escapeHtml(e.text)}</li>`,
      )
      .join('\n');
    parts.push(
      `<details class="inhalt"${idAttr('inhalt', ids(opts))}><summary>Inhaltsübersicht</summary>\n<ol class="angaben">\n${items}\n</ol>\n</details>`,
    );
  }
  for (const n of law.body) parts.push(renderBodyNode(n, opts));
  return parts.join('\n');
}

function cls(...names: string[]): string {
  const list = names.filter(Boolean);
  return list.length ? ` class="${escapeHtml(list.join(' '))}"` : '';
}

function renderBodyNode(n: BodyNode, opts: RenderLawOptions): string {
  switch (n.kind) {
    case 'gliederung':
      return renderGliederung(n, opts);
    case 'paragraph':
      return renderParagraph(n, opts);
    case 'anlage':
      return (
        `<section class="anlage">\n<h2${idAttr(n.id, ids(opts))} class="anlage-heading">` +
        `<span class="anlage-label">${escapeHtml(`Anlage ${n.label}`.trim())}</span>` +
        (n.heading ? ` <span class="anlage-title">${escapeHtml(n.heading)}</span>` : '') +
        `</h2>\n${opts.afterAnlageHeading?.(n) ?? ''}<div class="opaque">${escapeHtml(n.body)}</div>\n</section>`
      );
    case 'opaque':
      return `<div${idAttr(n.id, ids(opts))} class="opaque">${escapeHtml(n.body)}</div>`;
  }
}

function renderGliederung(g: Gliederung, opts: RenderLawOptions): string {
  const level = Math.min(2 + g.depth, 4);
  return (
    `<h${level}${idAttr(g.id, ids(opts))} class="gl gl-depth-${g.depth}">` +
    `<span class="gl-label">${escapeHtml(`${g.type} ${g.label}`)}</span>` +
    (g.heading ? ` <span class="gl-title">${escapeHtml(g.heading)}</span>` : '') +
    `</h${level}>`
  );
}

export function renderParagraph(p: Paragraph, opts: RenderLawOptions): string {
  const out: string[] = [];
  const extra = opts.paragraphClass?.(p) ?? '';
  out.push(`<section${cls('para', p.weggefallen ? 'weggefallen' : '', opts.marked.has(p.id) ? 'changed' : '', extra)}>`);
  out.push(
    `<h3${idAttr(p.id, ids(opts))} class="para-heading"><span class="para-nr">§ ${escapeHtml(p.label)}</span>` +
      (p.heading ? ` <span class="para-title">${escapeHtml(p.heading)}</span>` : '') +
      `</h3>`,
  );
  out.push(opts.afterHeading?.(p) ?? '');
  const direct: Satz[] = [];
  const flush = (): void => {
    if (direct.length) out.push(`<div class="absatz ohne-nr">${renderSentences(direct, opts, { paragraph: p })}</div>`);
    direct.length = 0;
  };
  for (const c of p.children) {
    if (c.kind === 'satz') {
      direct.push(c);
      continue;
    }
    flush();
    out.push(renderAbsatz(c, opts, p));
  }
  flush();
  if (p.footnotes.length) {
    out.push(
      `<aside class="footnotes" data-pagefind-ignore>${p.footnotes.map((f) => `<p>${escapeHtml(f)}</p>`).join('')}</aside>`,
    );
  }
  out.push('</section>');
  return out.filter(Boolean).join('\n');
}

function renderAbsatz(a: Absatz, opts: RenderLawOptions, p: Paragraph): string {
  return (
    `<div${idAttr(a.id, ids(opts))}${cls('absatz', opts.marked.has(a.id) ? 'changed' : '')}>` +
    `<span class="abs-nr">${escapeHtml(writtenLabel('absatz', a.label))}</span> ${renderSentences(a.children, opts, { paragraph: p, absatz: a })}</div>`
  );
}

function renderSentences(sentences: Satz[], opts: RenderLawOptions, where: Where): string {
  return sentences.map((s) => renderSatz(s, opts, where)).join(' ');
}

function satzNr(s: Satz): string {
  return `<sup class="satz-nr" data-pagefind-ignore>${escapeHtml(s.label)}</sup>`;
}

function renderSatz(s: Satz, opts: RenderLawOptions, where: Where): string {
  const id = idAttr(s.id, ids(opts));
  const changed = opts.marked.has(s.id) ? 'changed' : '';
  if (s.opaque) {
    return `<div${id}${cls('satz', 'opaque', changed)}>${escapeHtml(s.text ?? '')}</div>`;
  }
  if (s.items === undefined) {
    return `<span${id}${cls('satz', s.newBlock ? 'new-block' : '', changed)}>${satzNr(s)}${txt(opts, s.text ?? '', where)}</span>`;
  }
  const items = s.items.map((i) => renderItem(i, opts, where)).join('\n');
  return (
    `<div${id}${cls('satz', 'satz-liste', s.newBlock ? 'new-block' : '', changed)}>` +
    `<span class="satz-vor">${satzNr(s)}${txt(opts, s.vor ?? '', where)}</span>\n` +
    `<ol class="liste liste-${s.items[0]?.kind ?? 'nummer'}">\n${items}\n</ol>` +
    (s.nach ? `\n<span class="satz-nach">${txt(opts, s.nach, where)}</span>` : '') +
    `</div>`
  );
}

function renderItem(item: ListItem, opts: RenderLawOptions, where: Where): string {
  return (
    `<li${idAttr(item.id, ids(opts))}${cls('item', opts.marked.has(item.id) ? 'changed' : '')}>` +
    `<span class="item-label">${escapeHtml(writtenLabel(item.kind, item.label))}</span>` +
    `<div class="item-body">${renderSentences(item.children, opts, where)}</div></li>`
  );
}

/** Every id that renderLawText gives an element, for checking link targets before linking. */
export function idsOfLaw(law: Law): Set<string> {
  const ids = new Set<string>();
  if (law.inhalt && law.inhalt.entries.length) {
    ids.add('inhalt');
    for (const e of law.inhalt.entries) ids.add(e.id);
  }
  const addSentences = (ss: Satz[]): void => {
    for (const s of ss) {
      ids.add(s.id);
      for (const i of s.items ?? []) {
        ids.add(i.id);
        addSentences(i.children);
      }
    }
  };
  for (const n of law.body) {
    ids.add(n.id);
    if (n.kind !== 'paragraph') continue;
    for (const c of n.children) {
      if (c.kind === 'absatz') {
        ids.add(c.id);
        addSentences(c.children);
      } else addSentences([c]);
    }
  }
  return ids;
}
