/**
 * A synthetic amending act for scale tests: n instructions against a parsed base text, written in the
 * BGBl drafting style of the corpus acts ("Artikel 1 / Änderung des Aufenthaltsgesetzes / Das
 * Aufenthaltsgesetz … wird wie folgt geändert: / 1. In § 26 Absatz 2 Satz 3 wird die Angabe „X“ durch
 * die Angabe „Y“ ersetzt. …", last Artikel "Inkrafttreten"). Targets are real units of the base tree;
 * the generator tracks what it has changed so that every instruction applies to the state left by the
 * instructions before it (fresh words "Qx<n>q" never occur in a statute).
 */
import type { Absatz, Law, Paragraph, Satz } from '../model/types.js';

export interface SyntheticAct {
  text: string;
  /** number of numbered instructions (top level) */
  instructions: number;
  /** count per kind */
  kinds: Record<string, number>;
}

/** mulberry32 */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SatzTarget {
  address: string; // "§ 26 Absatz 2 Satz 3"
  token: string; // a word occurring exactly once in the Satz (as it is now)
}
interface ListTarget {
  container: string; // "§ 26 Absatz 2"
  labels: number[];
}

const WORD = /[\p{L}]{5,}/gu;

function uniqueWord(text: string): string | undefined {
  for (const w of text.match(WORD) ?? []) if (text.split(w).length === 2) return w;
  return undefined;
}

function suffix(i: number): string {
  return 'z'.repeat(Math.floor(i / 25)) + String.fromCharCode(97 + (i % 25));
}

export function generateSyntheticAct(base: Law, n: number, seed = 1): SyntheticAct {
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  let fresh = 0;
  const token = () => `Qx${fresh++}q`;

  const paras = base.body.filter((b): b is Paragraph => b.kind === 'paragraph' && !b.weggefallen && b.children.length > 0);
  const labels = new Set(base.body.filter((b): b is Paragraph => b.kind === 'paragraph').map((p) => p.label));
  const rewritePool = paras.filter((_, i) => i % 25 === 7).map((p) => p.label);
  const rewriteSet = new Set(rewritePool);
  // anchors for new §§: numeric § N with no § N<letters> in the text
  const anchors = paras
    .filter((p) => /^\d+$/.test(p.label) && ![...labels].some((l) => l !== p.label && l.startsWith(p.label) && /^[a-z]+$/.test(l.slice(p.label.length))))
    .map((p) => ({ base: p.label, next: 0 }));

  const satzPool: SatzTarget[] = [];
  const absatzPool: string[] = [];
  const insertLists: ListTarget[] = [];
  const renumberLists: ListTarget[] = [];
  for (const p of paras) {
    if (rewriteSet.has(p.label)) continue;
    const visitSaetze = (prefix: string, saetze: Satz[]) => {
      for (const s of saetze) {
        if (s.text === undefined || s.opaque) continue;
        const w = uniqueWord(s.text);
        if (w) satzPool.push({ address: `${prefix} Satz ${s.label}`, token: w });
      }
    };
    const absaetze = p.children.filter((c): c is Absatz => c.kind === 'absatz');
    if (absaetze.length === 0) {
      visitSaetze(`§ ${p.label}`, p.children as Satz[]);
      continue;
    }
    // Absatz labels must be unique within the § to be addressable
    if (new Set(absaetze.map((a) => a.label)).size !== absaetze.length) continue;
    for (const a of absaetze) {
      const prefix = `§ ${p.label} Absatz ${a.label}`;
      visitSaetze(prefix, a.children);
      absatzPool.push(prefix);
      const items = a.children.flatMap((s) => s.items ?? []);
      const nums = items.filter((it) => it.kind === 'nummer').map((it) => it.label);
      if (nums.length >= 2 && nums.length === items.length && nums.every((l) => /^\d+$/.test(l)) && new Set(nums).size === nums.length) {
        const t = { container: prefix, labels: nums.map(Number) };
        if (insertLists.length <= renumberLists.length) insertLists.push(t);
        else renumberLists.push(t);
      }
    }
  }
  if (!satzPool.length || !absatzPool.length || !insertLists.length || !renumberLists.length || !anchors.length || !rewritePool.length) {
    throw new Error('generateSyntheticAct: the base text offers too few targets');
  }

  const kinds: Record<string, number> = {};
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const r = rand();
    let line: string;
    let kind: string;
    if (r < 0.35) {
      kind = 'replace';
      const t = pick(satzPool);
      const y = token();
      line = `${i}. In ${t.address} wird die Angabe „${t.token}“ durch die Angabe „${y}“ ersetzt.`;
      t.token = y;
    } else if (r < 0.5) {
      kind = 'jeweils-insert';
      const t = pick(satzPool);
      line = `${i}. In ${t.address} wird jeweils nach dem Wort „${t.token}“ das Wort „${token()}“ eingefügt.`;
    } else if (r < 0.65) {
      kind = 'append-satz';
      line = `${i}. Dem ${pick(absatzPool)} wird folgender Satz angefügt:\n„Die Behörde prüft den Antrag nach ${token()} unverzüglich.“`;
    } else if (r < 0.75) {
      kind = 'insert-nummer';
      const t = pick(insertLists);
      const last = t.labels[t.labels.length - 1];
      line = `${i}. In ${t.container} wird nach Nummer ${last} folgende Nummer ${last + 1} eingefügt:\n„${last + 1}. in den Fällen des ${token()},“.`;
      t.labels.push(last + 1);
    } else if (r < 0.8) {
      kind = 'rewrite-paragraph';
      const l = pick(rewritePool);
      line = `${i}. § ${l} wird wie folgt gefasst:\n„§ ${l}\nSynthetische Vorschrift ${token()}\n(1) Das Nähere regelt ${token()}.\n(2) Absatz 1 gilt entsprechend für ${token()}.“`;
    } else if (r < 0.9) {
      kind = 'insert-paragraph';
      const a = pick(anchors);
      const after = a.next === 0 ? a.base : a.base + suffix(a.next - 1);
      const label = a.base + suffix(a.next++);
      line = `${i}. Nach § ${after} wird folgender § ${label} eingefügt:\n„§ ${label}\nSynthetische Vorschrift ${token()}\nDie Vorschriften über ${token()} gelten entsprechend.“`;
    } else {
      kind = 'renumber';
      const t = pick(renumberLists);
      const k = t.labels.length;
      const a = t.labels[k - 2];
      const b = t.labels[k - 1];
      line = `${i}. ${t.container} wird wie folgt geändert:\na) Die Nummern ${a} und ${b} werden die Nummern ${b} und ${b + 1}.`;
      t.labels[k - 2] = b;
      t.labels[k - 1] = b + 1;
    }
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    out.push(line);
  }

  const text = [
    'Gesetz',
    'zur synthetischen Änderung des Aufenthaltsgesetzes',
    '',
    'Vom 1. Dezember 2029',
    '',
    'Der Bundestag hat das folgende Gesetz beschlossen:',
    '',
    'Artikel 1',
    '',
    'Änderung des Aufenthaltsgesetzes',
    'Das Aufenthaltsgesetz in der Fassung der Bekanntmachung vom 25. Februar 2008 (BGBl. I S. 162), das zuletzt durch',
    'Artikel 4 des Gesetzes vom 8. Oktober 2023 (BGBl. 2023 I Nr. 271) geändert worden ist, wird wie folgt geändert:',
    ...out,
    '',
    'Artikel 2',
    '',
    'Inkrafttreten',
    'Dieses Gesetz tritt am 1. Januar 2030 in Kraft.',
    '',
  ].join('\n');
  return { text, instructions: n, kinds };
}
