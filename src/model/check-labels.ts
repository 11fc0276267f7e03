/**
 * The siblings of one kind under one parent must have distinct labels: "§ 30 Absatz 1 Satz 3 Nummer 5"
 * must name one unit. This check reports each duplicate of a parsed text (a duplicate is never merged);
 * the structure tests run it over the corpus. The apply engine checks its results with its own
 * order-and-duplicate check (labelProblems in consolidate/apply.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Law, ListItem, Satz } from './types.js';

/** Diagnostics `duplicate-label` for every § label, Absatz label or list label given twice among siblings. */
export function checkSiblingLabels(law: Law, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (where: string, kind: string, label: string, line?: number) =>
    out.push({
      severity: 'warning',
      code: 'duplicate-label',
      message: `${kind} ${label} appears twice ${where}: the text cannot be addressed unambiguously`,
      ...(file ? { location: { file, line: line ?? 1, column: 1 } } : {}),
    });
  const seen = (labels: Array<{ kind: string; label: string }>, where: string, kindName: (k: string) => string, line?: number) => {
    const s = new Set<string>();
    for (const { kind, label } of labels) {
      const key = `${kind}:${label}`;
      if (label === '') continue;
      if (s.has(key)) report(where, kindName(kind), label, line);
      s.add(key);
    }
  };
  const sentences = (list: Satz[], where: string, line?: number) => {
    for (const satz of list) {
      if (!satz.items) continue;
      seen(satz.items, `in ${where} Satz ${satz.label}`, listName, line);
      for (const item of satz.items) sentences(item.children, `${where} Satz ${satz.label} ${listName(item.kind)} ${item.label}`, line);
    }
  };
  const paras = law.body.filter((n) => n.kind === 'paragraph');
  seen(paras.map((p) => ({ kind: 'paragraph', label: p.label })), 'in the law', () => '§');
  for (const p of paras) {
    const line = p.source?.line;
    seen(p.children.filter((c) => c.kind === 'absatz'), `in § ${p.label}`, () => 'Absatz', line);
    for (const c of p.children) {
      if (c.kind === 'absatz') sentences(c.children, `§ ${p.label} Absatz ${c.label}`, line);
      else sentences([c], `§ ${p.label}`, line);
    }
  }
  return out;
}

function listName(kind: ListItem['kind'] | string): string {
  return ({ nummer: 'Nummer', buchstabe: 'Buchstabe', doppelbuchstabe: 'Doppelbuchstabe', dreifachbuchstabe: 'Dreifachbuchstabe' } as Record<string, string>)[kind] ?? kind;
}
