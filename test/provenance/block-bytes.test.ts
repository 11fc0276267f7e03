/**
 * The official snapshots are split into their "# " blocks as bytes (only new blocks are decoded):
 * the split must be the one the text split gives, for any text.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitBlockBytes } from '../../src/provenance/official-series.js';

/** The reference: a kmein text split into its header and its top-level "# " blocks, as text. */
function splitBlocks(text: string): { header: string; blocks: string[] } {
  const lines = text.split('\n');
  const header: string[] = [];
  const blocks: string[] = [];
  let cur: string[] | null = null;
  for (const line of lines) {
    if (line.startsWith('# ')) {
      if (cur) blocks.push(cur.join('\n'));
      cur = [line];
    } else if (cur) cur.push(line);
    else header.push(line);
  }
  if (cur) blocks.push(cur.join('\n'));
  return { header: header.join('\n'), blocks };
}

const LINE = fc.oneof(
  fc.constantFrom('# § 1 – Zweck', '# Inhaltsübersicht', '#', '# ', ' # kein Block', '## Abschnitt', '', '(1) Satz „Ä“.', '% Titel', '\r'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

describe('splitBlockBytes', () => {
  test('gives the header and blocks of splitBlocks, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 30 }), fc.boolean(), (lines, trailing) => {
        const text = lines.join('\n') + (trailing ? '\n' : '');
        const want = splitBlocks(text);
        const got = splitBlockBytes(Buffer.from(text, 'utf8'));
        expect(got.header.toString('utf8')).toBe(want.header);
        expect(got.blocks.map((b) => b.toString('utf8'))).toEqual(want.blocks);
      }),
      { seed: 14, numRuns: 2000 },
    );
  });

  test('a real-looking snapshot: header, then one block per "# " line', () => {
    const text = '% AufenthG\n% Stand\n\n# § 1 – Zweck\n\n(1) Text.\n\n# § 2 – Begriffe\n\nText.\n';
    const { header, blocks } = splitBlockBytes(Buffer.from(text));
    expect(header.toString()).toBe('% AufenthG\n% Stand\n');
    expect(blocks.map(String)).toEqual(['# § 1 – Zweck\n\n(1) Text.\n', '# § 2 – Begriffe\n\nText.\n']);
  });
});
