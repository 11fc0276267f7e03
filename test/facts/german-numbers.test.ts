import { describe, expect, it } from 'vitest';
import {
  formatEuro,
  formatEuroCents,
  formatGermanNumber,
  formatShare,
  parseGermanNumber,
  parseNumberWord,
  parseShare,
  shareOfCents,
} from '../../src/facts/german-numbers.js';

const NBSP = '\u00a0';

describe('German numbers', () => {
  it('reads digits with no-break-space, plain-space or dot thousands groups and a decimal comma', () => {
    expect(parseGermanNumber(`25${NBSP}000`)).toBe(25000);
    expect(parseGermanNumber('25 000')).toBe(25000);
    expect(parseGermanNumber('50.000')).toBe(50000);
    expect(parseGermanNumber('45,3')).toBe(45.3);
    expect(parseGermanNumber('140')).toBe(140);
    expect(parseGermanNumber('2 50')).toBeUndefined();
    expect(parseGermanNumber('25 000 Euro')).toBeUndefined();
  });

  it('reads number words, including inflected and compound ones', () => {
    expect(parseGermanNumber('zwölf')).toBe(12);
    expect(parseGermanNumber('zehn')).toBe(10);
    expect(parseNumberWord('einem')).toBe(1);
    expect(parseNumberWord('vierundzwanzig')).toBe(24);
    expect(parseNumberWord('zweieinhalb')).toBe(2.5);
    expect(parseNumberWord('Beschäftigung')).toBeUndefined();
  });

  it('reads shares exactly: percent with decimal comma and fraction words', () => {
    expect(parseShare('52 Prozent')).toEqual({ numerator: 13, denominator: 25 });
    expect(parseShare('45,3 Prozent')).toEqual({ numerator: 453, denominator: 1000 });
    expect(parseShare('zwei Dritteln')).toEqual({ numerator: 2, denominator: 3 });
    expect(parseShare('drei Vierteln')).toEqual({ numerator: 3, denominator: 4 });
    expect(parseShare('der Hälfte')).toEqual({ numerator: 1, denominator: 2 });
    expect(parseShare('viel')).toBeUndefined();
  });

  it('formats the German way with no-break spaces', () => {
    expect(formatGermanNumber(25000)).toBe(`25${NBSP}000`);
    expect(formatGermanNumber(45.3)).toBe('45,3');
    expect(formatEuroCents(4530000)).toBe(`45${NBSP}300${NBSP}€`);
    expect(formatEuro(41041.8)).toBe(`41${NBSP}041,80${NBSP}€`);
    expect(formatShare({ numerator: 453, denominator: 1000 })).toBe(`45,3${NBSP}%`);
    expect(formatShare({ numerator: 2, denominator: 3 })).toBe(`2/3 (66,67${NBSP}%)`);
  });

  it('computes shares of an amount in whole cents', () => {
    expect(shareOfCents(9060000, { numerator: 453, denominator: 1000 })).toBe(4104180);
    expect(shareOfCents(8760000, { numerator: 2, denominator: 3 })).toBe(5840000);
    expect(shareOfCents(8760000, { numerator: 13, denominator: 25 })).toBe(4555200);
    expect(shareOfCents(100, { numerator: 1, denominator: 3 })).toBe(33);
    expect(shareOfCents(200, { numerator: 1, denominator: 3 })).toBe(67);
  });
});
