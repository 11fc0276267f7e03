/**
 * Any act, any law, no manifest: an act file (its text) applied to a law text given on the command line.
 * The act's metadata (title, Ausfertigung, Verkündung, in-force dates) come from the act text itself;
 * the law's names come from the law text's own title line ("% Verordnung über … (Beschäftigungsverordnung
 * - BeschV)" or the front matter "Title:" / "jurabk:") and from `--law`.
 */
import { basename } from 'node:path';
import type { ActEntry, LawEntry, Manifest } from '../corpus/manifest.js';
import type { Law } from '../model/types.js';
import { loadAct, type LoadedAct } from './load-act.js';
import { vocabularyOf } from '../text/vocabulary.js';

/** The names by which acts cite a law, read from the law text's own title line. */
export function lawEntryFromText(law: Law, source: string, extraNames: string[] = [], id = 'law'): LawEntry {
  const names = new Set<string>(extraNames.filter(Boolean));
  let abbreviation = extraNames[0] ?? '';
  const first = law.header.split('\n').find((l) => l.trim() !== '') ?? '';
  const kmein = /^%\s*(.+?)\s*\(([^()]+?)\s+-\s+([^()]+)\)\s*$/.exec(first.trim());
  let title = law.title;
  if (kmein) {
    title = kmein[1];
    names.add(kmein[2].trim());
    abbreviation = kmein[3].trim();
    names.add(abbreviation);
  } else {
    const t = /^%\s*(.+?)\s*$/.exec(first.trim());
    if (t) title = t[1];
  }
  const fm = /^Title:\s*(.+)$/m.exec(law.header);
  if (fm) title = fm[1].trim();
  const abk = /^jurabk:\s*(\S+)/m.exec(law.header);
  if (abk) {
    abbreviation = abk[1];
    names.add(abk[1]);
  }
  if (title) names.add(title);
  return { id, title: title || id, abbreviation: abbreviation || id, names: [...names], base: { file: source, stand: source, validFrom: '0001-01-01' }, official: [] };
}

/** An ActEntry for a file outside the manifest: everything else is read from its text. */
export function adhocActEntry(file: string, opts: { verkuendung?: string | null } = {}): ActEntry {
  const name = basename(file).replace(/\.[^.]+$/, '');
  return {
    id: name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'act',
    title: name,
    kind: 'Gesetz',
    date: '0001-01-01',
    citation: name,
    verkuendung: { date: opts.verkuendung ?? null, source: opts.verkuendung ? 'command line' : 'not given' },
    files: [file],
    missing: null,
    inkrafttreten: null,
  };
}

/** Load an act from its text against one law given as text (no manifest). */
export function loadActForLaw(file: string, actText: string, lawEntry: LawEntry, lawText: string): LoadedAct {
  const manifest: Manifest = { laws: [lawEntry], acts: [] };
  const entry = adhocActEntry(file);
  const act = loadAct(entry, manifest, () => actText, vocabularyOf([lawText]));
  return { ...act, title: act.title ?? entry.title };
}
