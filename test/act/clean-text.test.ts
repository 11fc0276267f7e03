import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanActText, countLines, joinHyphenated, locate } from '../../src/act/clean-text.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

describe('cleaning extracted BGBl text', () => {
  it('drops the running head, page number and footnote, and joins the broken sentence', () => {
    // page break of the Gesetz, pages 1–2 (short excerpt)
    const raw = [
      'a) zum Zweck der Ausübung einer Beschäftigung in Berufen, für die ein Hochschulabschluss oder ein',
      'Abschluss eines mit einem Hochschulstudium gleichwertigen tertiären Bildungsprogramms, für',
      '',
      '* Dieses Gesetz dient der Umsetzung der Richtlinie (EU) 2021/1883 des Europäischen Parlaments und des Rates vom 20. Oktober 2021 über die',
      'Bedingungen für die Einreise und den Aufenthalt von Drittstaatsangehörigen.',
      '',
      'Bundesgesetzblatt Jahrgang 2023 Teil I Nr. 217, ausgegeben zu Bonn am 18. August 2023',
      '',
      'Seite 2 von 25',
      '',
      'dessen Erwerb die erforderlichen Studien mindestens drei Jahre dauern',
    ].join('\n');
    const c = cleanActText('g.txt', raw);
    expect(c.text).toBe(
      'a) zum Zweck der Ausübung einer Beschäftigung in Berufen, für die ein Hochschulabschluss oder ein\n' +
        'Abschluss eines mit einem Hochschulstudium gleichwertigen tertiären Bildungsprogramms, für\n' +
        'dessen Erwerb die erforderlichen Studien mindestens drei Jahre dauern',
    );
    // positions still point into the original file
    expect(locate(c, c.text.indexOf('dessen'))).toEqual({ file: 'g.txt', line: 11, column: 1 });
  });

  it('counts lines as the locations do: CRLF, a bare CR (old Mac files) and LF each end one', () => {
    const raw = 'Artikel 1\rÄnderung\r\n1. In § 26\nwird';
    expect(countLines(raw)).toBe(4);
    expect(cleanActText('x.txt', raw).lineCount).toBe(4);
    expect(countLines('')).toBe(1);
    expect(countLines('a\n')).toBe(2);
  });

  it('undoes hyphenation where the word is one word, keeps real hyphens', () => {
    expect(joinHyphenated('Erwerbs-', 'migration')).toBe('join');
    expect(joinHyphenated('AZR-', 'Gesetzes')).toBe('keep-hyphen');
    expect(joinHyphenated('Assistenz-', 'oder Helferausbildung')).toBe('keep-space');
    const vocab = new Set(['erwerbsmigration', 'e-mail']);
    expect(joinHyphenated('E-', 'mail', vocab)).toBe('keep-hyphen');
    const c = cleanActText('x.txt', 'die Erwerbs-\nmigration und das AZR-\nGesetz');
    expect(c.text).toBe('die Erwerbsmigration und das AZR-Gesetz');
    expect(locate(c, c.text.indexOf('Gesetz'))).toEqual({ file: 'x.txt', line: 3, column: 1 });
  });

  it('drops the Herausgeber line, spaced-out signatures and footnote markers of titles', () => {
    const c = cleanActText('v.txt', ' Verordnung \nzur Weiterentwicklung der Fachkräfteeinwanderung*\n\nD e r  B u n d e s m i n i s t e r\nHerausgeber: Bundesministerium der Justiz   ');
    expect(c.text).toBe('Verordnung\nzur Weiterentwicklung der Fachkräfteeinwanderung');
  });

  it.runIf(HAS_CORPUS)('the real Gesetz fragment: no page furniture is left, every line maps back', () => {
    const file = 'acts/bgbl-2023-i-217_gesetz-weiterentwicklung-fachkraefteeinwanderung_seiten-1-2.txt';
    const raw = readFileSync(join(CORPUS, file), 'utf8');
    const c = cleanActText(file, raw);
    expect(c.text).not.toMatch(/Bundesgesetzblatt Jahrgang|Seite \d+ von \d+|Dieses Gesetz dient/);
    const lines = raw.split('\n');
    for (const off of [0, 500, 2000, c.text.length - 1]) {
      const loc = locate(c, off);
      expect(loc.line).toBeGreaterThanOrEqual(1);
      expect(loc.line).toBeLessThanOrEqual(lines.length);
      expect(lines[loc.line - 1].length).toBeGreaterThanOrEqual(loc.column - 1);
    }
  });
});
