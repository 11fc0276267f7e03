/**
 * The Verkündung (promulgation) date from the document itself, so that "am Tag nach der Verkündung"
 * resolves without a manifest date. The Ausfertigung ("Vom 27. März 2024") is not the Verkündung.
 *
 * Forms read, in the raw text (page furniture and editorial notes included):
 * - the BGBl masthead or running head: "Ausgegeben zu Bonn am 21. Juni 2024",
 *   "Bundesgesetzblatt Jahrgang 2024 Teil I Nr. 107, ausgegeben zu Bonn am 27. März 2024";
 * - a mirror's citation line: "(BGBl. I Nr. 86 vom 29.12.2021 S. 5259)", "(BGBl. I vom 29.10.2025 Nr. 256 EU)";
 * - buzer's editorial note: "Anm. d. Red.: Die Verkündung erfolgte am 28. September 2021.";
 * - buzer's header of a Bundesanzeiger Verordnung: "V. v. 28.09.2022 BAnz AT 29.09.2022 V2; …".
 */
import { GERMAN_DATE, germanDate } from './parse-act.js';
import { isoDateOf } from '../text/dates.js';

export interface VerkuendungFound {
  date: string;
  /** the words it was read from and their line */
  source: string;
  line: number;
}

export function readVerkuendung(raw: string): VerkuendungFound | undefined {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    let m = /[Aa]usgegeben zu Bonn am (\d{1,2}\.\s*\p{L}+\s+\d{4})/u.exec(l);
    if (m) {
      const g = GERMAN_DATE.exec(m[1]);
      const d = g && germanDate(g[1], g[2], g[3]);
      if (d) return { date: d, source: m[0], line: i + 1 };
    }
    m = /Die Verkündung erfolgte am (\d{1,2}\.\s*\p{L}+\s+\d{4})/u.exec(l);
    if (m) {
      const g = GERMAN_DATE.exec(m[1]);
      const d = g && germanDate(g[1], g[2], g[3]);
      if (d) return { date: d, source: m[0], line: i + 1 };
    }
    if (i < 40) {
      m = /^\(BGBl\.\s*(?:\d{4}\s*)?I\b[^)]*?\bvom (\d{2})\.(\d{2})\.(\d{4})\b[^)]*\)$/.exec(l);
      if (m) {
        const d = isoDateOf(m[1], m[2], m[3]);
        if (d) return { date: d, source: m[0], line: i + 1 };
      }
      m = /^[GV]\. v\. \d{2}\.\d{2}\.\d{4} BAnz AT (\d{2})\.(\d{2})\.(\d{4})\b/.exec(l);
      if (m) {
        const d = isoDateOf(m[1], m[2], m[3]);
        if (d) return { date: d, source: m[0], line: i + 1 };
      }
    }
  }
  return undefined;
}
