/**
 * The line tokenizer must give exactly remark-parse's block nodes (types, nesting, positions): on
 * generated statute-like Markdown of both dialects (fast-check, fixed seed) and on real corpus texts.
 * It stays linear in the input and bounded in nesting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_DEPTH, blockChunks, blockStats, parseBlocks, parseBlocksRemark } from '../../src/model/block-lines.js';
import { CORPUS, HAS_CORPUS } from '../helpers.js';

type N = { type: string; ordered?: boolean | null; depth?: number; position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } }; children?: N[] };

/** The block skeleton of a node list: what parse-statute reads from it. */
function skeleton(nodes: N[], out: string[] = [], d = 0): string[] {
  for (const n of nodes) {
    const p = n.position!;
    out.push(`${' '.repeat(d)}${n.type}${n.ordered ? '[o]' : ''}${n.depth ?? ''} ${p.start.line}:${p.start.column}@${p.start.offset}-${p.end.offset}`);
    if (n.type !== 'paragraph' && n.type !== 'heading' && n.children) skeleton(n.children, out, d + 1);
  }
  return out;
}
const same = (src: string) => expect(skeleton(parseBlocks(src) as N[])).toEqual(skeleton(parseBlocksRemark(src) as N[]));

const LINE = fc.oneof(
  fc.constantFrom(
    '', '', '', '# § 1 – Überschrift', '### § 2 Titel', '## Teil 1 - Allgemeines', '#', '#Kein', '(1) Die Zustimmung wird erteilt.',
    'Text der Vorschrift', 'weiter im Satz,', '1. erste Nummer', '2. zweite', '1.  gesetze', '10. zehn',
    '    a)  Buchstabe', '        aa) Doppel', '    1.  verschachtelt', '    Fortsetzung', '  zwei', '   drei',
    '1.', '2)', '1)  Klammer', '-', '- Strich', '*    *   1.', '    *', '* * *', '---', '===', '<table>', '<tr>',
    '</table>', '<td>Zelle</td>', '<br>', '<!-- -->', '| 1\\. | a |', '> Zitat', '[^1]: Fußnote', '+ plus',
    '1.      weit', '    <table>', '\tTab', '1.\tTab', '-datum', '§ 3 Abs. 1: mWv 1.3.2024', '(+++ Text +++)',
    '<!-- Kommentar -->', '<!---->', '<!-->', '<!--->', '<!-- a --> b', '   <!-- -->', '    <!-- -->', '<!-- offen', 'zu -->',
  ),
  fc.tuple(fc.constantFrom('', '  ', '    ', '        ', '     '), fc.constantFrom('1.', '2.', 'a)', '*', '-', 'Wort', '<p>', '#', '<!-- -->'), fc.constantFrom('', ' x', '  y z'))
    .map(([a, b, c]) => a + b + c),
);

describe('block tokenizer = remark-parse', () => {
  it('on generated statute-like Markdown', () => {
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 40 }), (lines) => {
        same(lines.join('\n') + '\n');
      }),
      { seed: 14, numRuns: 3000 },
    );
  });

  it('on texts without a final line break, with headings only, empty', () => {
    for (const src of ['', '\n', '# a', 'a\n# b', '1. x\n\n    # y\n', '<table>\n# § 1\n', '```\n# § 1\n```\n', '<!--\n# § 1\n-->\n']) same(src);
    // a block that runs across headings holds only its own stretch, the rest is tokenized
    const law = (n: number) => Array.from({ length: n }, (_, i) => `# § ${i + 1}\n\n(1) Text ${i}.\n`).join('\n');
    for (const mid of ['<!-- offen\n# § x\nnoch -->\n', '<pre>\n# § x\n</pre>\n', '<?php\n# § x\n?>\n', '<!X\n# § x\n>\n', '1. x\n\n    <!--\n# § x\n-->\n', '```\n# § x\n```\n', '    ```\n# § x\n']) {
      same(`${law(3)}\n${mid}\n${law(3)}`);
    }
  });

  it.runIf(HAS_CORPUS)('on the base texts and official snapshots of the corpus', () => {
    for (const f of ['base/beschv_2013.md', 'base/aufenthv.md', 'official/aufenthg_2004/2024-03-01.md', 'official/beschv_2013/2024-03-01.md']) {
      const src = readFileSync(join(CORPUS, f), 'utf8');
      same(src);
    }
  });

  it('hands nesting beyond MAX_LIST_DEPTH to remark-parse without a stack overflow', () => {
    const deep = Array.from({ length: MAX_LIST_DEPTH + 4 }, (_, i) => `${' '.repeat(3 * i)}1. x`).join('\n') + '\n';
    same(deep);
  });

  it('is linear: ten times the text costs about ten times the time, and hands little to remark-parse', () => {
    const unit = Array.from({ length: 400 }, (_, i) =>
      `# § ${i + 1} – Titel\n\n(1) Die Zustimmung wird erteilt, wenn\n\n1.  der Ausländer\n    weiter\nlazy Zeile\n\n2.  die Stelle\n\n        aa) tief\n\n(2) Ende.\n`,
    ).join('\n');
    /** CPU time (less disturbed by other processes than wall time), best of five */
    const time = (s: string) => {
      let best = Infinity;
      for (let r = 0; r < 5; r++) {
        const c = process.cpuUsage();
        let n = 0;
        for (const nodes of blockChunks(s)) n += nodes.length;
        const d = process.cpuUsage(c);
        expect(n).toBeGreaterThan(0);
        best = Math.min(best, d.user + d.system);
      }
      return best;
    };
    const before = blockStats.handedOver;
    time(unit.repeat(4)); // warm up the JIT
    const t1 = time(unit.repeat(4));
    const t10 = time(unit.repeat(40));
    expect(blockStats.handedOver).toBe(before);
    // 10 for linear; the bound leaves room for garbage collection on a loaded machine, quadratic
    // growth would give ~100
    expect(t10 / t1).toBeLessThan(30);
  });
});
