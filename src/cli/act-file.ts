/**
 * `fassung instructions FILE` and `fassung apply --act FILE --from LAWTEXT`: any act, any law, no
 * manifest. The act is read as it comes (text; a BGBl PDF where the PDF reader is available).
 */
import { resolve } from 'node:path';
import { readTextFile } from '../corpus/manifest.js';
import { readActFile } from '../act/read-pdf.js';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseStatute } from '../model/parse-statute.js';
import { loadActForLaw, lawEntryFromText } from '../act/load-act-file.js';
import { loadAct, type LoadedAct } from '../act/load-act.js';
import { adhocActEntry } from '../act/load-act-file.js';
import { applyInstructions } from '../consolidate/consolidate.js';
import type { ChangeRecord } from '../consolidate/types.js';
import type { Law } from '../model/types.js';

/** Read an act file as text (PDF input goes through the PDF reader). */
export async function readActText(file: string): Promise<string> {
  return (await readActFile(resolve(file))).text;
}

/** The instructions of an act file, with no law known: every Artikel is listed with the law it names. */
export function loadActFileAlone(file: string, text: string): LoadedAct {
  const entry = adhocActEntry(file);
  const first = loadAct(entry, { laws: [], acts: [] }, () => text);
  // every law the act cites is taken as known, so that its instructions are read into operations
  const cited = [...new Set(first.instructions.map((i) => i.lawName).filter(Boolean))];
  const laws = cited.map((name, k) => ({ id: `law-${k + 1}`, title: name, abbreviation: name, names: [name], base: { file: '', stand: '', validFrom: '0001-01-01' }, official: [] }));
  return laws.length ? loadAct(entry, { laws, acts: [] }, () => text) : first;
}

export interface AdhocApply {
  act: LoadedAct;
  before: Law;
  tree: Law;
  changes: ChangeRecord[];
  diagnostics: Diagnostic[];
  applied: number;
  /** instructions left out of a dated step because their own in-force date is unknown: the step may lack them */
  undated: number;
}

/** Apply an act file to a law text: the instructions in force on `date`, or all of them when no date is given. */
export function applyActFile(actFile: string, actText: string, lawFile: string, opts: { law?: string; date?: string; except?: string[] }): AdhocApply {
  const lawText = readTextFile(resolve(lawFile));
  const before = parseStatute(lawText);
  const lawEntry = lawEntryFromText(before, lawFile, opts.law ? [opts.law] : []);
  const act = loadActForLaw(actFile, actText, lawEntry, lawText);
  const mine = act.instructions.filter((i) => i.law === lawEntry.id);
  if (mine.length === 0) {
    const cited = [...new Set(act.instructions.map((i) => i.lawName).filter(Boolean))];
    throw new UserError(
      `the act amends no law by the names ${lawEntry.names.map((n) => `"${n}"`).join(', ')}${cited.length ? ` (it cites ${cited.map((c) => `"${c}"`).join(', ')}; name the law: "apply NAME --act …" or "synopsis --law NAME")` : ''}`,
      'law-not-amended',
    );
  }
  const except = opts.except ?? [];
  /** an instruction the user left out (--except "Artikel 5 Nummer 2": also its Buchstaben) */
  const excepted = (path: string) => except.some((e) => path === e || path.startsWith(e + ' '));
  const step = mine.filter((i) => (!opts.date || i.effective === opts.date) && !excepted(i.path));
  const diagnostics: Diagnostic[] = [...act.diagnostics, ...mine.flatMap((i) => i.diagnostics)];
  let undated = 0;
  if (opts.date) {
    for (const i of mine.filter((x) => x.effective !== opts.date && x.status === 'parsed' && !excepted(x.path))) {
      if (i.effective === null) {
        // not known to be of another day: it may belong to this step, which then lacks it (as the
        // consolidation reports it); with no --date every instruction is applied and none is left out
        undated++;
        diagnostics.push({ severity: 'warning', code: 'effective-date-unknown', message: `in-force date unknown (${i.effectiveSource}); not applied, though it may be in force on ${opts.date}`, location: i.source, act: i.act, path: i.path });
      } else {
        diagnostics.push({ severity: 'info', code: 'not-in-force-on-date', message: `in force ${i.effective} (${i.effectiveSource}), not on ${opts.date}; not applied`, location: i.source, act: i.act, path: i.path });
      }
    }
  }
  const changes: ChangeRecord[] = [];
  const r = applyInstructions(before, step, changes, diagnostics);
  return { act, before, tree: r.tree, changes, diagnostics, applied: changes.filter((c) => c.status === 'applied').length, undated };
}
