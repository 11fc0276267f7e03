/**
 * Sentence splitting (Sätze) and line unwrapping of statute text.
 */
import { describe, expect, it } from 'vitest';
import { sentenceSpans, splitSentences } from '../../src/text/sentences.js';
import { normalizeSpace, unwrapLines } from '../../src/text/unwrap.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { findById } from '../../src/model/walk.js';
import type { Absatz, Satz } from '../../src/model/types.js';

describe('splitSentences: abbreviations do not end a Satz', () => {
  it.each([
    ['Abs.', 'Die Frist nach Abs. 2 gilt entsprechend. Sie beginnt mit der Zustellung.'],
    ['Nr.', 'Dies gilt in den Fällen der Nr. 3 nicht. Sie beginnt mit der Zustellung.'],
    ['S.', 'Die Richtlinie (ABl. L 343 vom 23.12.2011, S. 1) gilt. Sie beginnt mit der Zustellung.'],
    ['Art.', 'Nach Art. 16 Abs. 1 des Grundgesetzes gilt das. Sie beginnt mit der Zustellung.'],
    ['BGBl.', 'Das Gesetz vom 30. Juli 2004 (BGBl. I S. 1950) gilt. Sie beginnt mit der Zustellung.'],
    ['ABl.', 'Die Verordnung, veröffentlicht im ABl. L 158, gilt. Sie beginnt mit der Zustellung.'],
    ['z. B.', 'Einzelne Berufe, z. B. Pflegekräfte, sind befreit. Sie beginnt mit der Zustellung.'],
    ['i. V. m.', 'Dies gilt für § 4 i. V. m. § 5 Absatz 2 entsprechend. Sie beginnt mit der Zustellung.'],
    ['Buchst.', 'In Nummer 1 Buchst. b wird das Wort ersetzt. Sie beginnt mit der Zustellung.'],
    ['z.B. (no space)', 'Einzelne Berufe, z.B. Köche, sind befreit. Sie beginnt mit der Zustellung.'],
    ['i.V.m. (no space)', 'Dies gilt nach § 4 i.V.m. § 5 entsprechend. Sie beginnt mit der Zustellung.'],
    ['insbes.', 'Zu prüfen sind insbes. Prüfer und Anlagen. Sie beginnt mit der Zustellung.'],
    ['b. A.', 'Sekt b. A., Qualitätsperlwein b. A. oder Qualitätslikörwein b. A. darf nur so bezeichnet werden. Sie beginnt mit der Zustellung.'],
    ['einschl.', 'Die Kosten einschl. Auslagen sind zu tragen. Sie beginnt mit der Zustellung.'],
    ['entspr.', 'Auf Gebühren findet § 4 entspr. Anwendung. Sie beginnt mit der Zustellung.'],
  ])('%s', (_abbr, text) => {
    const parts = splitSentences(text);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toBe('Sie beginnt mit der Zustellung.');
    expect(parts.join(' ')).toBe(text);
  });

  it('an abbreviation before a capital letter is not a boundary, a number before it is', () => {
    expect(splitSentences('Siehe BGBl. I S. 2. Es folgt ein Satz.')).toEqual(['Siehe BGBl. I S. 2.', 'Es folgt ein Satz.']);
    expect(splitSentences('Siehe Art. 3 Abs. 1 S. 2 Nr. 4 Buchst. a. Es folgt ein Satz.')).toEqual([
      'Siehe Art. 3 Abs. 1 S. 2 Nr. 4 Buchst. a.',
      'Es folgt ein Satz.',
    ]);
  });
});

describe('splitSentences: ordinals', () => {
  it.each([
    'Die Verordnung tritt am 1. März 2024 in Kraft. Sie gilt bis zum 31. Dezember 2025.',
    'Das Gesetz vom 14. Juni 1985 gilt fort. Es wird ergänzt.',
    'Die Grenze gilt ab Vollendung des 45. Lebensjahres. Sie gilt nicht für Beamte.',
    'Er gibt das Mindestgehalt jeweils bis zum 31. Dezember des Vorjahres bekannt. Es gilt ein Jahr.',
    'Wer das 16. Lebensjahr noch nicht vollendet hat, ist befreit. Es gilt ein Jahr.',
    'Frühestens jedoch am 18. November 2023 tritt sie in Kraft. Es gilt ein Jahr.',
    // AufenthG § 35 Abs. 1, AufenthV § 48, AufenthG § 53: possessives, adjectives, joined ordinals
    'Er hat vor der Vollendung seines 16. Lebensjahres seit fünf Jahren die Erlaubnis. Das Gleiche gilt.',
    'Er ist bis zum vollendeten 24. Lebensjahr befreit. Die Befreiung endet.',
    'Straftaten nach dem 17., 19. oder 20. Abschnitt des Strafgesetzbuches. Es gilt ein Jahr.',
    'Die Frist endet mit dem Ende ihres 3. Lebensmonats. Es gilt ein Jahr.',
    'Das Programm fördert höchstens 1,5 Mio. Euro je Vorhaben. Es gilt ein Jahr.',
    'Das gilt u. a. Kinder und Eltern. Es gilt ein Jahr.',
  ])('%s', (text) => {
    expect(splitSentences(text)).toHaveLength(2);
  });

  it('a letter or Roman numeral after a labelling noun ends a Satz: "Buchstabe d.", "Anhang V.", "Klasse B."', () => {
    for (const end of ['Absatz 2 Nummer 3 Buchstabe d.', 'nach Anhang V.', 'der Fahrerlaubnisklasse B.', 'nach Anlage 2 Teil B.', 'Nr. 4 Buchst. a.']) {
      expect(splitSentences(`Es gilt ${end} Die Behörde entscheidet. Das Ergebnis ist mitzuteilen.`)).toEqual([`Es gilt ${end}`, 'Die Behörde entscheidet.', 'Das Ergebnis ist mitzuteilen.']);
    }
    // an abbreviation stays one: "z. B.", "i. V. m.", "S."
    expect(splitSentences('Es gilt z. B. Satz 1 i. V. m. Absatz 2 nach BGBl. I S. 5 und Abs. 2. Neu.')).toHaveLength(2);
  });

  it('"ff.", "usw.", "e. V." close a Satz before a word that opens one, not before a law\'s abbreviation or a name', () => {
    for (const end of ['die §§ 15 ff.', 'Gebühren, Auslagen usw.', 'das Deutsche Institut für Normung e. V.', 'Hunde, Katzen u. a.', 'der Vertrag nach Artikel 5 f.']) {
      expect(splitSentences(`Im Übrigen gelten ${end} Die Prüfstelle kann Ausnahmen zulassen. Sie entscheidet.`)).toEqual([
        `Im Übrigen gelten ${end}`,
        'Die Prüfstelle kann Ausnahmen zulassen.',
        'Sie entscheidet.',
      ]);
    }
    for (const end of ['die Lenkung usw.', 'die §§ 15 ff.', 'das Institut e. V.']) {
      expect(splitSentences(`Es gilt ${end} Prüfer haben zu prüfen.`)).toEqual([`Es gilt ${end}`, 'Prüfer haben zu prüfen.']);
    }
    for (const one of ['Es gelten die §§ 15 ff. BGB entsprechend.', 'Es gelten die §§ 3 ff. AufenthG und § 2 f. SGB II.', 'Zuständig ist die X GmbH & Co. KG in Bonn.', 'Es gilt § 5 Abs. 2 Die Behörde betreffend.', 'Es gilt Art. 5 f. des Vertrags.', 'Er heißt Peter V. Müller.']) {
      expect(splitSentences(one)).toEqual([one]);
    }
  });

  it('ordinals before Werktag, Kapitel, Abschnitt (also Roman), and "d. h.", "Std.", "lfd." do not end a Satz; a Gliederung reference with its label does start one', () => {
    for (const mid of ['am 1. Werktag des Monats', 'bis zum 15. Arbeitstag', 'im 2. Kapitel genannten Fall', 'nach dem III. Abschnitt', 'Eigentümer, d. h. Halter', 'für 3 Std. Unterricht', 'nach lfd. Nr. 4']) {
      expect(splitSentences(`Es gilt ${mid} entsprechend. Die Stelle prüft.`), mid).toEqual([`Es gilt ${mid} entsprechend.`, 'Die Stelle prüft.']);
    }
    expect(splitSentences('Es gilt für die Nummern 1 bis 3. Abschnitt 2 bleibt unberührt.')).toEqual(['Es gilt für die Nummern 1 bis 3.', 'Abschnitt 2 bleibt unberührt.']);
  });

  it('a number that ends a Satz is still a boundary', () => {
    expect(splitSentences('Das gilt nach Absatz 2 oder 3. Die Behörde entscheidet.')).toHaveLength(2);
    // the end of a range of labels (AufenthG § 69 Abs. 1)
    expect(splitSentences('Es gilt nach den §§ 39 bis 42. § 287 des Dritten Buches bleibt unberührt.')).toHaveLength(2);
    expect(splitSentences('Es gelten die Nummern 1 bis 3. Die Behörde entscheidet.')).toHaveLength(2);
    expect(splitSentences('Es gilt vom 1. bis 3. Oktober. Neu.')).toHaveLength(2);
    // an amount or a day after "bis zu", "ab", "zum" ends a Satz; a quoted sentence that closes one too
    for (const end of ['beträgt bis zu 500.', 'gilt im Alter bis 14.', 'gilt bei Beträgen ab 100.', 'erfolgt jeweils zum 15.', 'lautet: „Gilt nicht.“']) {
      expect(splitSentences(`Die Zahl ${end} Die Behörde prüft x. Das Amt prüft x.`), end).toHaveLength(3);
    }
    expect(splitSentences('Sie gilt bis zum 3. Tag. Neu.')).toHaveLength(2);
    expect(splitSentences('Er sagte „Ja.“ und ging. Neu.')).toHaveLength(2);
    // a year after "bis", "ab", "seit" ends a Satz
    expect(splitSentences('Die Regelung gilt bis 2025. Danach gilt Absatz 2. Die Behörde informiert.')).toHaveLength(3);
    expect(splitSentences('Sie gilt seit 2020. Sie endet.')).toHaveLength(2);
    expect(splitSentences('Das gilt nach § 26 Absatz 2. Die Zahl ist begrenzt.')).toEqual([
      'Das gilt nach § 26 Absatz 2.',
      'Die Zahl ist begrenzt.',
    ]);
    expect(splitSentences('Die Höchstzahl beträgt 25 000. Ab 2024 beträgt sie 50 000.')).toEqual([
      'Die Höchstzahl beträgt 25 000.',
      'Ab 2024 beträgt sie 50 000.',
    ]);
  });
});

describe('splitSentences: boundaries', () => {
  it('splits at ".", "!" and "?" before a capital, "§" or „', () => {
    expect(splitSentences('Der Antrag ist schriftlich zu stellen. Die Behörde entscheidet.')).toEqual([
      'Der Antrag ist schriftlich zu stellen.',
      'Die Behörde entscheidet.',
    ]);
    expect(splitSentences('Gilt das? Ja! Gut.')).toEqual(['Gilt das?', 'Ja!', 'Gut.']);
    expect(splitSentences('Das gilt. § 5 bleibt unberührt.')).toEqual(['Das gilt.', '§ 5 bleibt unberührt.']);
    expect(splitSentences('Das gilt. „Arbeitnehmer“ sind auch Auszubildende.')).toEqual([
      'Das gilt.',
      '„Arbeitnehmer“ sind auch Auszubildende.',
    ]);
  });

  it('does not split before a lower-case word or a digit', () => {
    expect(splitSentences('Das gilt bis 2024. danach nicht.')).toEqual(['Das gilt bis 2024. danach nicht.']);
    expect(splitSentences('Es gilt Nummer 1. 2 Monate später nicht.')).toEqual(['Es gilt Nummer 1. 2 Monate später nicht.']);
  });

  it('keeps a single sentence without final punctuation and ignores surrounding space', () => {
    expect(splitSentences('  Sie regelt, in welchen Fällen  ')).toEqual(['Sie regelt, in welchen Fällen']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n ')).toEqual([]);
  });
});

describe('splitSentences: quotes and parentheses', () => {
  it('does not split inside German quotes', () => {
    const text = 'Die Wörter „bis zum 31. Dezember. Danach“ werden durch die Wörter „Ab sofort. Immer“ ersetzt. Satz 2 wird aufgehoben.';
    expect(splitSentences(text)).toEqual([
      'Die Wörter „bis zum 31. Dezember. Danach“ werden durch die Wörter „Ab sofort. Immer“ ersetzt.',
      'Satz 2 wird aufgehoben.',
    ]);
  });

  it('splits after a quotation that closes before the period', () => {
    expect(splitSentences('Die Angabe „§ 18b Absatz 2“ wird durch die Angabe „§ 18g“ ersetzt. Satz 2 wird aufgehoben.')).toEqual([
      'Die Angabe „§ 18b Absatz 2“ wird durch die Angabe „§ 18g“ ersetzt.',
      'Satz 2 wird aufgehoben.',
    ]);
  });

  it('does not split inside parentheses', () => {
    expect(splitSentences('Dies gilt (vgl. Satz 1. Hier gilt anderes) weiter. Ende.')).toEqual([
      'Dies gilt (vgl. Satz 1. Hier gilt anderes) weiter.',
      'Ende.',
    ]);
  });

  it('an opening mark never closed is a plain mark: the Sätze after it are still counted (AufenthG § 104 Abs. 9)', () => {
    expect(splitSentences('Sie wird im Sinne des „§ 25 Absatz 3 erteilt. Die Zeiten gelten gleich. § 73b gilt entsprechend.')).toEqual([
      'Sie wird im Sinne des „§ 25 Absatz 3 erteilt.',
      'Die Zeiten gelten gleich.',
      '§ 73b gilt entsprechend.',
    ]);
    expect(splitSentences('Es gilt „A. B.“ und „C.“. Neu.')).toHaveLength(2);
  });

  it('an unclosed quote does not throw, nor swallow the rest of the text', () => {
    expect(splitSentences('Das Wort „offen. Es bleibt. Offen.')).toEqual(['Das Wort „offen.', 'Es bleibt.', 'Offen.']);
  });
});

describe('sentenceSpans', () => {
  it('gives offsets that cover each Satz including its final punctuation', () => {
    const text = 'Erster Satz nach Abs. 1. Zweiter Satz!  Dritter';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Erster Satz nach Abs. 1.', 'Zweiter Satz!', 'Dritter']);
    expect(spans[1].start).toBe(text.indexOf('Zweiter'));
    expect(spans[2].start).toBe(text.indexOf('Dritter'));
  });

  it('includes a closing quote after the period in the Satz', () => {
    const text = 'Er nennt es "Arbeit." Dann folgt mehr.';
    const spans = sentenceSpans(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Er nennt es "Arbeit."', 'Dann folgt mehr.']);
    const t2 = 'Das gilt für „Arbeitnehmer“. Dann folgt mehr.';
    expect(splitSentences(t2)).toEqual(['Das gilt für „Arbeitnehmer“.', 'Dann folgt mehr.']);
  });
});

describe('a list belongs to the Satz that introduces it', () => {
  const SRC = [
    '% T',
    '',
    '# § 9 – Beschäftigung',
    '',
    '(1) Die Zustimmung wird erteilt. Sie setzt voraus, dass der Ausländer',
    '',
    '1. nach Art. 2 Abs. 1 Nr. 3 eine Aufenthaltserlaubnis besitzt. Diese muss gültig sein,',
    '',
    '2. seit dem 1. März 2024 beschäftigt ist oder',
    '',
    '3. z. B. eine Duldung besitzt',
    '',
    'und sich seit drei Jahren im Bundesgebiet aufhält. Satz 2 gilt entsprechend.',
    '',
    '(2) Es gelten folgende Regeln:',
    '',
    '1. erstens,',
    '',
    '2. zweitens.',
    '',
    '(3) Es gelten diese Regeln.',
    '',
    '1. Erstens gilt das.',
    '',
    '2. Zweitens gilt das.',
    '',
  ].join('\n');
  const law = parseStatute(SRC);
  const abs = (id: string) => findById(law, id) as Absatz;

  it('a Satz spans its whole list, up to the words that close it', () => {
    const sentences = abs('para-9/abs-1').children;
    expect(sentences.map((s) => s.id)).toEqual(['para-9/abs-1/satz-1', 'para-9/abs-1/satz-2', 'para-9/abs-1/satz-3']);
    expect(sentences[0].text).toBe('Die Zustimmung wird erteilt.');
    const s2 = sentences[1];
    expect(s2.vor).toBe('Sie setzt voraus, dass der Ausländer');
    expect(s2.items!.map((i) => i.label)).toEqual(['1', '2', '3']);
    expect(s2.nach).toBe('und sich seit drei Jahren im Bundesgebiet aufhält.');
    expect(sentences[2].text).toBe('Satz 2 gilt entsprechend.');
  });

  it('a list item is split into its own Sätze, with abbreviations and ordinals respected', () => {
    const nr1 = findById(law, 'para-9/abs-1/satz-2/nr-1');
    expect(nr1?.kind).toBe('nummer');
    expect((nr1 as { children: Satz[] }).children.map((s) => [s.id, s.text])).toEqual([
      ['para-9/abs-1/satz-2/nr-1/satz-1', 'nach Art. 2 Abs. 1 Nr. 3 eine Aufenthaltserlaubnis besitzt.'],
      ['para-9/abs-1/satz-2/nr-1/satz-2', 'Diese muss gültig sein,'],
    ]);
    expect((findById(law, 'para-9/abs-1/satz-2/nr-2') as Satz | undefined)?.kind).toBe('nummer');
    expect(abs('para-9/abs-1').children[1].items![1].children).toHaveLength(1);
    expect(abs('para-9/abs-1').children[1].items![2].children[0].text).toBe('z. B. eine Duldung besitzt');
  });

  it('a colon introduces a list; the list ends the Satz when nothing follows', () => {
    const [s] = abs('para-9/abs-2').children;
    expect(abs('para-9/abs-2').children).toHaveLength(1);
    expect(s.vor).toBe('Es gelten folgende Regeln:');
    expect(s.items!.map((i) => i.label)).toEqual(['1', '2']);
    expect(s.nach).toBeUndefined();
  });

  it('a list after a complete Satz starts a Satz of its own', () => {
    const sentences = abs('para-9/abs-3').children;
    expect(sentences.map((s) => [s.text, s.vor, s.items?.length])).toEqual([
      ['Es gelten diese Regeln.', undefined, undefined],
      [undefined, '', 2],
    ]);
  });
});

describe('unwrapLines', () => {
  it('joins a compound broken after its hyphen', () => {
    expect(unwrapLines('Schengen-\nStaaten')).toBe('Schengen-Staaten');
    expect(unwrapLines('E-Mail-\n        Adresse der Organisation')).toBe('E-Mail-Adresse der Organisation');
  });

  it('keeps the space after a suspended hyphen (Ergänzungsstrich)', () => {
    expect(unwrapLines('Hotel-\nund Gaststättengewerbe')).toBe('Hotel- und Gaststättengewerbe');
    expect(unwrapLines('Kranken-\noder Pflegeversicherung')).toBe('Kranken- oder Pflegeversicherung');
    expect(unwrapLines('Ein-\nsowie Ausreise')).toBe('Ein- sowie Ausreise');
    expect(unwrapLines('Freiheits-\nbzw. Jugendstrafe')).toBe('Freiheits- bzw. Jugendstrafe');
  });

  it('joins compounds whose second part only starts with such a word', () => {
    expect(unwrapLines('Bundes-\nundurchsichtig')).toBe('Bundes-undurchsichtig');
    expect(unwrapLines('Landes-\nbisherige')).toBe('Landes-bisherige');
  });

  it('keeps a dash that stands alone', () => {
    expect(unwrapLines('Anlage -\nVorderseite')).toBe('Anlage - Vorderseite');
  });

  it('joins ordinary line breaks with one space and drops the indentation of continuation lines', () => {
    expect(unwrapLines('Die Verordnung steuert\n    die Zuwanderung\n\nausländischer')).toBe(
      'Die Verordnung steuert die Zuwanderung ausländischer',
    );
    expect(unwrapLines('eins  \r\nzwei\rdrei')).toBe('eins zwei drei');
    expect(unwrapLines('')).toBe('');
    expect(unwrapLines('\n\nText')).toBe('Text');
  });
});

describe('normalizeSpace', () => {
  it('collapses every kind of white space, including no-break spaces', () => {
    expect(normalizeSpace(' 25\u00a0000 \t Euro\u202fje\n Jahr\u200b ')).toBe('25 000 Euro je Jahr');
  });
});
