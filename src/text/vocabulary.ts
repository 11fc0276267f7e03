/**
 * The words of the law texts, for undoing hyphenation in act texts ("Aufenthalts-\ngesetz" is one word
 * when the laws know "aufenthaltsgesetz"). A word is a run of letters, with single hyphens between
 * letters ("schengen-staaten"), lower-cased: exactly the matches of the pattern \p{L}+(?:-\p{L}+)* (global,
 * Unicode) in the lower-cased text.
 *
 * The few words an act asks about (a dozen for the corpus) are looked up in the text itself instead of
 * collecting every word of 0.8 MB of law first (55 ms of a cold run).
 */
export interface Vocabulary {
  has(word: string): boolean;
}

const WORD = /^\p{L}+(?:-\p{L}+)*$/u;
const LETTER = /^\p{L}$/u;

const isLetter = (cp: number | undefined): boolean => cp !== undefined && LETTER.test(String.fromCodePoint(cp));

/** The code point that ends just before `at` (a surrogate pair counts as one). */
function codePointBefore(t: string, at: number): number | undefined {
  if (at <= 0) return undefined;
  const low = t.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = t.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return t.codePointAt(at - 2);
  }
  return low;
}

const HYPHEN = 0x2d;

/**
 * Is the word at [at, at + length) of `t` one whole match of the word pattern? The scan that finds the
 * matches takes every letter into one, so: it starts a match (no letter before it, and no hyphen that
 * joins it to letters before), and the match ends with it (no letter after it, and no hyphen that joins
 * letters after it).
 */
function wholeWordAt(t: string, at: number, length: number): boolean {
  const before = codePointBefore(t, at);
  if (isLetter(before)) return false;
  if (before === HYPHEN && isLetter(codePointBefore(t, at - 1))) return false;
  const end = at + length;
  const after = t.codePointAt(end);
  if (isLetter(after)) return false;
  if (after === HYPHEN && isLetter(t.codePointAt(end + 1))) return false;
  return true;
}

class TextVocabulary implements Vocabulary {
  private lower?: string[];
  /** answers given (an act with many broken words asks about the same ones again) */
  private readonly known = new Map<string, boolean>();
  constructor(private readonly texts: string[]) {}

  has(word: string): boolean {
    let found = this.known.get(word);
    if (found === undefined) this.known.set(word, (found = this.find(word)));
    return found;
  }

  private find(word: string): boolean {
    if (!WORD.test(word)) return false;
    this.lower ??= this.texts.map((t) => t.toLowerCase());
    for (const t of this.lower) {
      for (let at = t.indexOf(word); at >= 0; at = t.indexOf(word, at + 1)) if (wholeWordAt(t, at, word.length)) return true;
    }
    return false;
  }
}

/** The vocabulary of these law texts. */
export function vocabularyOf(texts: string[]): Vocabulary {
  return new TextVocabulary(texts);
}
