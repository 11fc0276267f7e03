/**
 * fassung reads a BGBl PDF directly (pdfjs-dist) and gets the same act as from its text extraction.
 *
 * The oracle is real-acts/2024-i-203-art1-zvfv/act.txt: BGBl. 2024 I Nr. 203 (Zweite Verordnung zur
 * Änderung der Zwangsvollstreckungsformular-Verordnung) as extracted by pdftotext from
 * bgbl-pdf/bgbl-2024-i-203.pdf. Synthetic PDFs (built below, Helvetica, no embedded fonts) pin down
 * the layout rules: reading order, spaces, line and page breaks, rotated text, encryption.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanActText, withoutFurniture } from '../../src/act/clean-text.js';
import { parseActFragment, type InstructionNode, type ParsedActFragment } from '../../src/act/parse-act.js';
import {
  endsLikePdf,
  looksLikePdf,
  MAX_PDF_BYTES,
  MAX_TEXT_BYTES,
  readActFile,
  readPdfText,
} from '../../src/act/read-pdf.js';
import { UserError } from '../../src/diagnostics/diagnostic.js';
import { CORPUS, ROOT } from '../helpers.js';

// ---------------------------------------------------------------------------------------------------
// A minimal PDF writer for fixtures: pages of text runs in Helvetica (WinAnsiEncoding), optionally
// encrypted with the standard security handler (RC4 40 bit, revision 2).

interface Run {
  text: string;
  x: number;
  y: number;
  size?: number;
  /** draw rotated by 90° (a vertical margin note) */
  rotated?: boolean;
  /** Courier (every glyph 0.6 em wide) instead of Helvetica */
  courier?: boolean;
  /** text set right after this run in the same text object, smaller and raised (Tf, Ts): a superscript */
  superscript?: { text: string; size: number; rise: number };
}
interface FixturePage {
  runs: Run[];
  /** /Rotate of the page */
  rotate?: number;
  /** a filled rectangle instead of text (a page without a text layer) */
  graphicsOnly?: boolean;
}

const WIN_ANSI_EXTRA: Record<string, number> = { '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96, '‚': 0x82, '‘': 0x91 };

function winAnsi(s: string): Buffer {
  const bytes: number[] = [];
  for (const ch of s) {
    const code = WIN_ANSI_EXTRA[ch] ?? ch.codePointAt(0)!;
    if (code > 0xff) throw new Error(`fixture text not in WinAnsi: ${ch}`);
    if (ch === '(' || ch === ')' || ch === '\\') bytes.push(0x5c);
    bytes.push(code);
  }
  return Buffer.from(bytes);
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padPassword = (p: string) => Buffer.concat([Buffer.from(p, 'latin1'), PAD]).subarray(0, 32);

function makePdf(pages: FixturePage[], encrypt?: { user: string; owner: string }): Uint8Array {
  const objects: Array<(num: number) => Buffer> = [];
  const add = (make: (num: number) => Buffer): number => objects.push(make) + 0;
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  let key: Buffer | undefined;
  let O: Buffer | undefined;
  let U: Buffer | undefined;
  const P = -4;
  if (encrypt) {
    O = rc4(md5(padPassword(encrypt.owner || encrypt.user)).subarray(0, 5), padPassword(encrypt.user));
    const p = Buffer.alloc(4);
    p.writeInt32LE(P);
    key = md5(padPassword(encrypt.user), O, p, id).subarray(0, 5);
    U = rc4(key, PAD);
  }
  const objKey = (num: number) => {
    const n = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0]);
    return md5(key!, n).subarray(0, 10);
  };
  const stream = (num: number, content: Buffer) => {
    const data = key ? rc4(objKey(num), content) : content;
    return Buffer.concat([Buffer.from(`<< /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);
  };
  add(() => Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  const pageNums: number[] = [];
  add(() => Buffer.from(`<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNums.length} >>`));
  add(() => Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));
  add(() => Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>'));
  for (const page of pages) {
    const parts: Buffer[] = [];
    if (page.graphicsOnly) parts.push(Buffer.from('0 0 1 rg 100 100 200 200 re f\n'));
    for (const r of page.runs) {
      const size = r.size ?? 10;
      const m = r.rotated ? `0 ${size} ${-size} 0 ${r.x} ${r.y}` : `${size} 0 0 ${size} ${r.x} ${r.y}`;
      const font = r.courier ? 'F2' : 'F1';
      parts.push(Buffer.from(`BT /${font} 1 Tf ${m} Tm (`), winAnsi(r.text), Buffer.from(') Tj '));
      if (r.superscript) {
        // Tf and Ts are in text space, which the Tm above scales by `size`
        const { text, size: s, rise } = r.superscript;
        parts.push(Buffer.from(`/${font} ${s / size} Tf ${rise / size} Ts (`), winAnsi(text), Buffer.from(') Tj '));
      }
      parts.push(Buffer.from('ET\n'));
    }
    const contentNum = add((num) => stream(num, Buffer.concat(parts)));
    const pageNum = add(
      () =>
        Buffer.from(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> ` +
            `/Contents ${contentNum} 0 R${page.rotate ? ` /Rotate ${page.rotate}` : ''} >>`,
        ),
    );
    pageNums.push(pageNum);
  }
  let encryptNum = 0;
  if (encrypt) {
    encryptNum = add(
      () => Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${O!.toString('hex')}> /U <${U!.toString('hex')}> /P ${P} >>`),
    );
  }
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((make, i) => {
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), make(i + 1), Buffer.from('\nendobj\n')]);
    offsets.push(offset);
    chunks.push(body);
    offset += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
  const trailer =
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]` +
    `${encrypt ? ` /Encrypt ${encryptNum} 0 R` : ''} >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref.join('') + trailer));
  return new Uint8Array(Buffer.concat(chunks));
}

async function errorOf(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const err = e as UserError;
    expect(err.message).not.toMatch(/\n/);
    expect(err.message.length).toBeGreaterThan(0);
    return err;
  }
  throw new Error('expected a UserError, got a result');
}

// ---------------------------------------------------------------------------------------------------

describe('readPdfText lays out text like a text extraction', () => {
  it('orders runs by baseline then x, whatever the content-stream order, and keeps page furniture', async () => {
    const pdf = makePdf([
      {
        runs: [
          // drawn bottom-up and right-to-left on purpose
          { text: 'Seite 2 von 5', x: 470, y: 800, size: 9 },
          { text: 'wird wie folgt gefasst:', x: 89, y: 700 }, // "1. § 6" is 25 wide
          { text: '1. § 6', x: 60, y: 700 },
          { text: 'Bundesgesetzblatt Jahrgang 2024 Teil I Nr. 203, ausgegeben zu Bonn am 21. Juni 2024', x: 60, y: 800, size: 9 },
          { text: 'Artikel 1', x: 270, y: 740 },
        ],
      },
    ]);
    const { text, pages } = await readPdfText(pdf);
    expect(pages).toBe(1);
    expect(text.split('\n')).toEqual([
      // the running head and the page number share a baseline but are far apart: two lines
      'Bundesgesetzblatt Jahrgang 2024 Teil I Nr. 203, ausgegeben zu Bonn am 21. Juni 2024',
      'Seite 2 von 5',
      '',
      'Artikel 1',
      '',
      '1. § 6 wird wie folgt gefasst:',
      '',
    ]);
  });

  it('puts a space only where the gap between runs is a word space, and never invents other characters', async () => {
    // Helvetica: "9" and "b" are 556/1000 em wide, "Nr." 1333/1000 em
    const pdf = makePdf([
      {
        runs: [
          { text: 'des', x: 60, y: 700 },
          { text: '9b', x: 80, y: 700 }, // "des" is 16.12 wide: a gap of 0.39 em, a word space
          { text: '0', x: 80 + 11.12, y: 700 }, // touches "9b": one word drawn in two runs
          { text: 'Seite 1', x: 300, y: 700 }, // 20 em away: another block, its own line
          { text: 'Nr.', x: 60, y: 686 },
          { text: '1', x: 60 + 13.9, y: 686 }, // a gap of 0.06 em: no space
        ],
      },
    ]);
    const { text } = await readPdfText(pdf);
    const lines = text.trimEnd().split('\n');
    expect(lines).toEqual(['des 9b0', 'Seite 1', 'Nr.1']);
    // no invented characters: the non-blank characters are exactly those of the runs
    expect(text.replace(/\s/g, '')).toBe('des9b0Seite1Nr.1');
  });

  it('keeps a superscript footnote marker on its line, after its word', async () => {
    // BGBl titles carry a raised "*" that points to the footnote on Umsetzung of EU law
    const pdf = makePdf([
      {
        runs: [
          {
            text: 'Gesetz zur Weiterentwicklung der Fachkräfteeinwanderung',
            x: 100,
            y: 700,
            size: 12,
            superscript: { text: '*', size: 7, rise: 4.5 },
          },
          { text: 'Vom 16. August 2023', x: 240, y: 680, size: 9 },
        ],
      },
    ]);
    const { text } = await readPdfText(pdf);
    expect(text).toBe('Gesetz zur Weiterentwicklung der Fachkräfteeinwanderung*\nVom 16. August 2023\n');
    expect(cleanActText('t.pdf', text).text).toBe('Gesetz zur Weiterentwicklung der Fachkräfteeinwanderung\nVom 16. August 2023');
  });

  it('separates pages by a blank line and reports the page count; a vertical gap is a blank line', async () => {
    const pdf = makePdf([
      { runs: [{ text: 'Artikel 1', x: 60, y: 700 }, { text: '* Diese Verordnung dient der Umsetzung.', x: 60, y: 80, size: 8 }] },
      { runs: [{ text: 'Artikel 2', x: 60, y: 760 }, { text: 'Inkrafttreten', x: 60, y: 748 }] },
    ]);
    const { text, pages } = await readPdfText(pdf);
    expect(pages).toBe(2);
    expect(text).toBe('Artikel 1\n\n* Diese Verordnung dient der Umsetzung.\n\nArtikel 2\nInkrafttreten\n');
    // the footnote ends with its page: the cleaner drops it and keeps the next page
    expect(cleanActText('t.pdf', text).text).toBe('Artikel 1\nArtikel 2\nInkrafttreten');
  });

  it('reads a rotated page in its display orientation and keeps vertical margin text after the page', async () => {
    const rotatedPage = makePdf([
      {
        rotate: 90,
        // on a page shown rotated by 90°, text drawn rotated by 90° reads horizontally
        runs: [
          { text: 'zweite Zeile', x: 120, y: 100, rotated: true },
          { text: 'erste Zeile', x: 100, y: 100, rotated: true },
        ],
      },
    ]);
    expect((await readPdfText(rotatedPage)).text).toBe('erste Zeile\nzweite Zeile\n');
    const marginNote = makePdf([{ runs: [{ text: 'Randnummer', x: 20, y: 400, rotated: true }, { text: 'Text', x: 60, y: 700 }] }]);
    expect((await readPdfText(marginNote)).text).toBe('Text\nRandnummer\n');
  });

  it('reads a two-column page (BGBl before 2023) column by column, full-width lines in place', async () => {
    // justified columns in Courier 12 pt (7.2 pt a glyph, 31 to a line): 60–283.2 and 305–528.2. The
    // last word of a full line is a run of its own, set flush right as justification does; the last
    // line of a paragraph is ragged.
    const left = ['1. In § 2 Absatz 1 werden die', 'Wörter „des Bundes“ durch die', 'Wörter „der Länder“ ersetzt.', '2. § 3 wird wie folgt gefasst:', '„§ 3 Zuständigkeit der Behörde', 'Zuständig ist jede Behörde.“'];
    const right = ['3. In § 4 wird Satz 2 durch die', 'folgenden Sätze ersetzt: „Der', 'Antrag ist schriftlich bei der', 'Behörde zu stellen. Er ist zu', 'begründen.“', '4. § 5 wird aufgehoben.'];
    const justified = (line: string, x0: number, y: number): Run[] => {
      if ([...line].length < 28) return [{ text: line, x: x0, y, size: 12, courier: true }];
      const cut = line.lastIndexOf(' ');
      const last = line.slice(cut + 1);
      return [
        { text: line.slice(0, cut), x: x0, y, size: 12, courier: true },
        { text: last, x: x0 + 7.2 * (31 - [...last].length), y, size: 12, courier: true },
      ];
    };
    const runs: Run[] = [
      { text: 'Bundesgesetzblatt Jahrgang 2019 Teil I Nr. 31, ausgegeben zu Bonn am 15. August 2019', x: 60, y: 800, size: 9 },
      { text: 'Vom 9. August 2019', x: 260, y: 760, size: 9 }, // centred on the page: crosses the gutter
    ];
    left.forEach((t, i) => runs.push(...justified(t, 60, 730 - 14 * i)));
    // the right column is set with its own leading: its baselines do not meet the left column's
    right.forEach((t, i) => runs.push(...justified(t, 305, 733 - 14.5 * i)));
    runs.push({ text: '* Diese Verordnung dient der Umsetzung der Richtlinie (EU) 2019/1 des Rates.', x: 60, y: 80, size: 8 });
    const { text } = await readPdfText(makePdf([{ runs }]));
    expect(text.split('\n')).toEqual([
      'Bundesgesetzblatt Jahrgang 2019 Teil I Nr. 31, ausgegeben zu Bonn am 15. August 2019',
      '',
      'Vom 9. August 2019',
      '',
      ...left,
      '',
      ...right,
      '',
      '* Diese Verordnung dient der Umsetzung der Richtlinie (EU) 2019/1 des Rates.',
      '',
    ]);
  });

  it('reads a table or form with short cells row by row, not as columns', async () => {
    const rows = [['Staat', 'Anzahl'], ['Albanien', '5 000'], ['Bosnien und Herzegowina', '7 500'], ['Kosovo', '10 000'], ['Montenegro', '1 000'], ['Nordmazedonien', '6 000'], ['Serbien', '20 500']];
    const runs: Run[] = rows.flatMap(([a, b], i) => [
      { text: a, x: 60, y: 700 - 12 * i },
      { text: b, x: 400, y: 700 - 12 * i },
    ]);
    const { text } = await readPdfText(makePdf([{ runs }]));
    expect(text.trimEnd().split('\n')).toEqual(rows.map(([a, b]) => `${a}\n${b}`).join('\n').split('\n'));
  });

  it('is deterministic: the same bytes give the same text, and the input bytes stay untouched', async () => {
    const pdf = makePdf([{ runs: [{ text: '„§ 6', x: 60, y: 700 }, { text: 'Übergangsregelung“', x: 60, y: 686 }] }]);
    const copy = pdf.slice();
    const a = await readPdfText(pdf);
    const b = await readPdfText(pdf);
    expect(a).toEqual(b);
    expect(a.text).toBe('„§ 6\nÜbergangsregelung“\n');
    expect(Buffer.from(pdf).equals(Buffer.from(copy))).toBe(true);
  });
});

describe('readPdfText and readActFile fail with one line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fassung-read-pdf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a PDF that needs a password is pdf-encrypted; one with an empty user password reads', async () => {
    const runs = [{ text: 'Artikel 1', x: 60, y: 700 }];
    const locked = makePdf([{ runs }], { user: 'geheim', owner: 'owner' });
    expect((await errorOf(readPdfText(locked))).code).toBe('pdf-encrypted');
    const ownerOnly = makePdf([{ runs }], { user: '', owner: 'owner' });
    expect((await readPdfText(ownerOnly)).text).toBe('Artikel 1\n');
  });

  it('sniffs %PDF- and reads text files as text', async () => {
    const pdfPath = join(dir, 'act.bin');
    writeFileSync(pdfPath, makePdf([{ runs: [{ text: 'Artikel 1', x: 60, y: 700 }] }]));
    expect(await readActFile(pdfPath)).toEqual({ text: 'Artikel 1\n', format: 'pdf' });
    const txtPath = join(dir, 'act.pdf');
    writeFileSync(txtPath, 'Artikel 1\nÄnderung\n');
    expect(await readActFile(txtPath)).toEqual({ text: 'Artikel 1\nÄnderung\n', format: 'text' });
    expect(looksLikePdf(Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(looksLikePdf(Buffer.from('Artikel 1 %PD'))).toBe(false);
  });

  it('rejects missing files, directories, oversized files, binary text and PDFs without a text layer', async () => {
    expect((await errorOf(readActFile(join(dir, 'missing.pdf')))).code).toBe('file-missing');
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect((await errorOf(readActFile(sub))).code).toBe('file-not-regular');
    const bigText = join(dir, 'big.txt');
    writeFileSync(bigText, 'Artikel 1\n');
    truncateSync(bigText, MAX_TEXT_BYTES + 1); // sparse: nothing is read
    expect((await errorOf(readActFile(bigText))).code).toBe('file-too-large');
    const bigPdf = join(dir, 'big.pdf');
    writeFileSync(bigPdf, '%PDF-1.7\n');
    truncateSync(bigPdf, MAX_PDF_BYTES + 1);
    expect((await errorOf(readActFile(bigPdf))).code).toBe('file-too-large');
    const binary = join(dir, 'bin.txt');
    writeFileSync(binary, Buffer.from([0x41, 0, 0x42]));
    expect((await errorOf(readActFile(binary))).code).toBe('file-binary');
    const scan = join(dir, 'scan.pdf');
    writeFileSync(scan, makePdf([{ runs: [], graphicsOnly: true }]));
    const err = await errorOf(readActFile(scan));
    expect(err.code).toBe('pdf-no-text');
    expect(err.message).toContain(scan);
  });

  it('random bytes, with or without a PDF header and trailer, give a one-line error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.boolean(),
        fc.boolean(),
        async (body, header, trailer) => {
          const bytes = Buffer.concat([
            Buffer.from(header ? '%PDF-1.7\n' : ''),
            Buffer.from(body),
            Buffer.from(trailer ? '\n%%EOF\n' : ''),
          ]);
          if (!header && looksLikePdf(bytes)) return; // fast-check wrote "%PDF-" itself: not this case
          const err = await errorOf(readPdfText(bytes));
          expect(err.code).toMatch(/^pdf-(unreadable|encrypted)$/);
        },
      ),
      { numRuns: 60, seed: 20240621 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// The real PDF against its text extraction.

const CASE = join(CORPUS, 'real-acts', '2024-i-203-art1-zvfv');
const PDF_FILE = join(CORPUS, 'bgbl-pdf', 'bgbl-2024-i-203.pdf');
const HAS_REAL = existsSync(PDF_FILE) && existsSync(join(CASE, 'act.txt'));
const DIST_READER = join(ROOT, 'dist', 'src', 'act', 'read-pdf.js');

/**
 * Words of a text, page furniture lines left out (the PDF and pdftotext place the running head at
 * different points of the page), hyphenation at line ends undone: "-" or the soft hyphen U+00AD at a
 * line end before a lower-case letter. pdftotext reads the e-Verkündung's /ActualText and writes
 * U+00AD; pdfjs gives the hyphen as drawn.
 */
function words(text: string): string[] {
  return withoutFurniture(text)
    .replace(/[-\u00AD]\n(?=\p{Ll})/gu, '')
    .replace(/\u00AD/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

/** The operative part: from the title to the date of the Ausfertigung ("Berlin, den …") */
function operativePart(text: string): string {
  const end = /^Berlin, den .*$/m.exec(text);
  if (!end) throw new Error('no "Berlin, den" line');
  return text.slice(0, end.index + end[0].length);
}

interface InstructionShape {
  path: string;
  sentence: string;
  quotes: string[];
  children: InstructionShape[];
}

/** A soft hyphen means "may break here": a U+00AD and the line break after it are no characters. */
const unSoftHyphen = (s: string) => s.replace(/\u00AD\n?/g, '');

function shape(n: InstructionNode): InstructionShape {
  return {
    path: n.path,
    sentence: unSoftHyphen(n.sentence),
    quotes: n.quotes.map((q) => unSoftHyphen(q.text)),
    children: n.children.map(shape),
  };
}

function actShape(p: ParsedActFragment) {
  return {
    title: p.title,
    date: p.date,
    artikel: p.artikel.map((a) => ({
      number: a.number,
      heading: a.heading,
      intro: unSoftHyphen(a.intro),
      lawName: a.lawName,
      hasInstructions: a.hasInstructions,
      absaetze: a.absaetze.map((x) => ({ label: x.label, text: unSoftHyphen(x.text) })),
      instructions: a.instructions.map(shape),
    })),
    diagnostics: p.diagnostics.map((d) => `${d.severity}[${d.code}] ${d.path ?? ''}`),
  };
}

describe.skipIf(!HAS_REAL)('the real BGBl PDF (BGBl. 2024 I Nr. 203) against its text extraction', () => {
  let pdfText = '';
  let oracle = '';
  beforeAll(async () => {
    const read = await readActFile(PDF_FILE);
    expect(read.format).toBe('pdf');
    pdfText = read.text;
    oracle = readFileSync(join(CASE, 'act.txt'), 'utf8');
  });

  it('reads all 42 pages and keeps the page furniture on lines of its own', async () => {
    const again = await readPdfText(new Uint8Array(readFileSync(PDF_FILE)));
    expect(again.pages).toBe(42);
    expect(again.text).toBe(pdfText); // deterministic
    const lines = pdfText.split('\n');
    expect(lines).toContain('Bundesgesetzblatt Jahrgang 2024 Teil I Nr. 203, ausgegeben zu Bonn am 21. Juni 2024');
    for (let n = 2; n <= 42; n++) expect(lines).toContain(`Seite ${n} von 42`);
    expect(lines.slice(0, 6)).toEqual(['Bundesgesetzblatt', 'Teil I', '', '2024', 'Ausgegeben zu Bonn am 21. Juni 2024', 'Nr. 203']);
    // the cleaner drops every furniture line of the PDF
    const cleaned = cleanActText('bgbl-2024-i-203.pdf', pdfText).text;
    expect(cleaned).not.toMatch(/Seite \d+ von 42|Bundesgesetzblatt|Ausgegeben zu Bonn|Herausgeber/);
  });

  it('gives the words of act.txt for the operative part, word for word', () => {
    const fromPdf = words(operativePart(pdfText));
    const fromTxt = words(operativePart(oracle));
    expect(fromPdf.length).toBe(338);
    expect(fromPdf).toEqual(fromTxt);
  });

  it('gives nearly all words of act.txt for the 40 pages of forms (tables read by baseline)', () => {
    const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
    const a = count(words(oracle));
    const b = count(words(pdfText));
    let total = 0;
    let shared = 0;
    for (const [w, n] of a) {
      total += n;
      shared += Math.min(n, b.get(w) ?? 0);
    }
    // measured: 7 812 of 7 871 words (99.25 %); the rest are cells of form tables that pdftotext
    // reads as blocks
    // ("Haupt-" / "forderung" around a neighbouring cell) and the letter-spaced signature
    expect(shared / total).toBeGreaterThan(0.99);
  });

  it('gives the same instructions as act.txt: Artikel, paths, sentences, quotes, Inkrafttreten', () => {
    const fromPdf = parseActFragment(cleanActText('bgbl-2024-i-203.pdf', pdfText));
    const fromTxt = parseActFragment(cleanActText('act.txt', oracle));
    expect(fromTxt.artikel.map((a) => a.number)).toEqual(['1', '2']);
    expect(fromTxt.artikel[0].instructions.map((n) => n.path)).toEqual(['Nummer 1', 'Nummer 2']);
    expect(actShape(fromPdf)).toEqual(actShape(fromTxt));
    // the new § 6 is one quote, closed, and its words run on across the hyphenated line ends
    const q = fromPdf.artikel[0].instructions[0].quotes;
    expect(q).toHaveLength(1);
    expect(q[0].truncated).toBe(false);
    expect(q[0].text).toContain('wegen privatrechtlicher Geldforderungen,');
    expect(q[0].text).toContain('nach § 758a Absatz 1 der Zivilprozessordnung,');
  });

  it('a damaged copy (bytes overwritten at random) gives text or a one-line error, never a crash', async () => {
    const real = new Uint8Array(readFileSync(PDF_FILE));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: real.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }),
        async (edits) => {
          const damaged = real.slice();
          for (const [at, byte] of edits) damaged[at] = byte;
          try {
            const read = await readPdfText(damaged);
            expect(typeof read.text).toBe('string');
          } catch (e) {
            expect(e).toBeInstanceOf(UserError);
            expect((e as UserError).message).not.toMatch(/\n/);
          }
        },
      ),
      { numRuns: 4, seed: 42 },
    );
  });

  it.skipIf(!existsSync(DIST_READER))('lets a process that read a PDF exit by itself (the idle worker holds nothing)', () => {
    // runs the built module (npm test builds first): a plain node process, as the CLI is
    const script = `import { readActFile } from ${JSON.stringify(pathToFileURL(DIST_READER).href)};
      const r = await readActFile(${JSON.stringify(PDF_FILE)}); console.log(r.format, r.text.length);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 50_000 });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(`pdf ${pdfText.length}`);
  });

  it('gives up with a one-line error when reading takes longer than the time budget', async () => {
    const real = new Uint8Array(readFileSync(PDF_FILE));
    const err = await errorOf(readPdfText(real, { timeoutMs: 1 }));
    expect(err.code).toBe('pdf-unreadable');
    expect(err.message).toMatch(/took longer than 1 ms/);
  });

  it('reads a PDF that is a view into a larger buffer', async () => {
    const real = readFileSync(PDF_FILE);
    const padded = new Uint8Array(real.length + 20);
    padded.set(real, 10);
    expect((await readPdfText(padded.subarray(10, 10 + real.length))).text).toBe(pdfText);
  });

  it('truncated copies of the PDF give a one-line error or, recovered, the whole text: never partial text', async () => {
    const real = new Uint8Array(readFileSync(PDF_FILE));
    const check = async (cut: number, eof: boolean) => {
      const bytes = Buffer.concat([real.subarray(0, cut), Buffer.from(eof ? '\n%%EOF\n' : '')]);
      try {
        const read = await readPdfText(bytes);
        // pdfjs rebuilds a lost cross-reference table: only acceptable when nothing else was lost
        expect(eof).toBe(true);
        expect(read).toEqual({ text: pdfText, pages: 42 });
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        expect((e as UserError).code).toBe('pdf-unreadable');
        expect((e as UserError).message).not.toMatch(/\n/);
      }
    };
    // the tail holds only the cross-reference table (recoverable); cuts before it lose objects
    for (const back of [10, 3000, 50000]) await check(real.length - back, true);
    await check(real.length - 10, false);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: real.length - 16 }), fc.boolean(), check),
      { numRuns: 8, seed: 203 },
    );
    expect(endsLikePdf(real)).toBe(true);
  });
});
