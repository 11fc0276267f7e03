/**
 * The vocabulary (vocabularyOf) answers exactly as the set of all words would: the matches of \p{L}+(?:-\p{L}+)* in the
 * lower-cased texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vocabularyOf } from '../../src/text/vocabulary.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

/** the reference: every word, collected */
const wordSet = (texts: string[]) => new Set(texts.flatMap((t) => t.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []));

describe('vocabularyOf', () => {
  it('agrees with the set of all words on random texts and random questions', () => {
    const unit = fc.constantFrom('a', 'b', 'B', 'ä', 'Ä', 'ß', 'İ', 'ǅ', '-', '--', ' ', '\n', '1', '.', '𝔄', '\ud835', '\udd04', '\u0301', 'ab', 'a-b');
    const text = fc.array(unit, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), fc.array(text, { maxLength: 8 }), (texts, questions) => {
        const ref = wordSet(texts);
        const v = vocabularyOf(texts);
        // every word there is, substrings of the texts, and arbitrary strings
        const asked = [...ref, ...questions, ...texts.flatMap((t) => [t.slice(1, 5).toLowerCase(), t.slice(2).toLowerCase()])];
        for (const q of asked) expect(v.has(q), JSON.stringify({ texts, q })).toBe(ref.has(q));
      }),
      { seed: 11, numRuns: 3000 },
    );
  });

  it.runIf(HAS_CORPUS)('agrees with the set of all words of the BeschV, also on words that are only parts of words', () => {
    const text = readFileSync(join(CORPUS, 'base', 'beschv_2013.md'), 'utf8');
    const ref = wordSet([text]);
    const v = vocabularyOf([text]);
    for (const w of ref) expect(v.has(w), w).toBe(true);
    for (const w of ['zustimm', 'beschäftigungs', 'verordnung-über', 'aufenthaltsgesetzes-x', 'Beschäftigung', '']) expect(v.has(w), w).toBe(ref.has(w));
  });
});
