/**
 * Numbers as German statutes write them, and back: "25 000" (plain or no-break space), "45,3",
 * number words ("zwölf", "vierundzwanzig", "einem"), shares ("52 Prozent", "zwei Dritteln").
 * Amounts are formatted the German way with no-break spaces: "41 041,80 €".
 */

const NBSP = '\u00a0';

const UNITS: Record<string, number> = {
  null: 0,
  ein: 1,
  eins: 1,
  eine: 1,
  einem: 1,
  einen: 1,
  einer: 1,
  eines: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fünfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
};

const TENS: Record<string, number> = {
  zwanzig: 20,
  dreißig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};

/** Denominators of German fraction words ("Drittel", "Dritteln", "Viertel", "Fünftel" …). */
const FRACTIONS: Record<string, number> = {
  halb: 2,
  drittel: 3,
  viertel: 4,
  fünftel: 5,
  sechstel: 6,
  siebtel: 7,
  achtel: 8,
  neuntel: 9,
  zehntel: 10,
};

/** A German number word ("zwölf", "vierundzwanzig", "einem", "zweieinhalb") as a number. */
export function parseNumberWord(word: string): number | undefined {
  const w = word.trim().toLowerCase();
  if (w in UNITS) return UNITS[w];
  if (w in TENS) return TENS[w];
  if (w === 'hundert' || w === 'einhundert') return 100;
  let m = /^(.+?)einhalb$/u.exec(w);
  if (m) {
    const whole = parseNumberWord(m[1]);
    return whole === undefined ? undefined : whole + 0.5;
  }
  m = /^(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)$/u.exec(w);
  if (m) return UNITS[m[1]] + TENS[m[2]];
  return undefined;
}

/**
 * A number in German notation: digits with space / no-break-space / dot thousands groups and a decimal
 * comma ("25 000", "25\u00a0000", "87.600", "45,3"), or a number word. Undefined when it is neither.
 */
export function parseGermanNumber(text: string): number | undefined {
  const t = text.trim().replace(/[\s\u00a0\u2007\u202f]+/g, ' ');
  if (/^\d{1,3}(?:[ .]\d{3})+(?:,\d+)?$/.test(t) || /^\d+(?:,\d+)?$/.test(t)) {
    const n = Number(t.replace(/[ .]/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  }
  return parseNumberWord(t);
}

export interface Share {
  numerator: number;
  denominator: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function reduce(s: Share): Share {
  const g = gcd(s.numerator, s.denominator);
  return { numerator: s.numerator / g, denominator: s.denominator / g };
}

/**
 * A share of a reference amount as a statute writes it: "52 Prozent", "45,3 Prozent", "zwei Dritteln",
 * "drei Vierteln", "der Hälfte". Exact as a fraction; undefined when the words are something else.
 */
export function parseShare(text: string): Share | undefined {
  const t = text.trim().replace(/[\s\u00a0]+/g, ' ');
  let m = /^(\d+(?:,\d+)?) ?(?:Prozent|vom Hundert|v\. ?H\.|%)$/u.exec(t);
  if (m) {
    const [whole, frac = ''] = m[1].split(',');
    const denominator = 100 * 10 ** frac.length;
    return reduce({ numerator: Number(whole + frac), denominator });
  }
  if (/^(?:der |die )?Hälfte$/u.test(t)) return { numerator: 1, denominator: 2 };
  m = /^(\p{L}+) (\p{L}+?)(?:n)?$/u.exec(t);
  if (m) {
    const numerator = parseNumberWord(m[1]);
    const denominator = FRACTIONS[m[2].toLowerCase()];
    if (numerator !== undefined && denominator !== undefined && Number.isInteger(numerator)) {
      return reduce({ numerator, denominator });
    }
  }
  return undefined;
}

/** Percent value of a share: 2/3 → 66.666…, 453/1000 → 45.3. */
export function shareToPercent(s: Share): number {
  return (s.numerator * 100) / s.denominator;
}

/** Integer part with no-break-space thousands groups: 41041 → "41 041". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/**
 * German notation: thousands groups with no-break spaces, decimal comma, at most `maxDecimals` decimals
 * with trailing zeros dropped (25000 → "25 000", 45.3 → "45,3", 66.6667 → "66,67").
 */
export function formatGermanNumber(n: number, maxDecimals = 2): string {
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const [int, frac = ''] = fixed.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return `${neg ? '-' : ''}${groupThousands(int)}${trimmed ? ',' + trimmed : ''}`;
}

/** Euro amount from cents: 4530000 → "45 300 €", 4104180 → "41 041,80 €" (cents shown only when not zero). */
export function formatEuroCents(cents: number): string {
  const int = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  const frac = rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`;
  return `${groupThousands(String(int))}${frac}${NBSP}€`;
}

/** Euro amount (euros, any precision) rounded to cents and formatted. */
export function formatEuro(euros: number): string {
  return formatEuroCents(Math.round(euros * 100));
}

/** "45,3 %"; shares that are not whole tenths of a percent also show the fraction: "2/3 (66,67 %)". */
export function formatShare(s: Share): string {
  const pct = shareToPercent(s);
  // a percentage with at most three decimals is shown as such; 2/3 is not one
  const exact = (s.numerator * 100 * 1000) % s.denominator === 0;
  const pctText = `${formatGermanNumber(pct, exact ? 3 : 2)}${NBSP}%`;
  return exact ? pctText : `${s.numerator}/${s.denominator} (${pctText})`;
}

/** A share of an amount in cents, rounded half up to whole cents (exact integer arithmetic). */
export function shareOfCents(amountCents: number, s: Share): number {
  const scaled = amountCents * s.numerator;
  const q = Math.floor(scaled / s.denominator);
  const r = scaled - q * s.denominator;
  return 2 * r >= s.denominator ? q + 1 : q;
}
