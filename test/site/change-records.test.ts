/**
 * Every "eingefügt"/"angefügt" record of the real consolidation names the unit that was inserted (not
 * the sibling it follows): the named unit exists in the version the record produced and did not exist
 * in the version before. (Issue 15 item 8: "§ 2: eingefügt" used to link to § 2a.)
 */
import { describe, expect, test } from 'vitest';
import { parseAddress } from '../../src/act/address.js';
import { loadManifest, resolveCorpusDir } from '../../src/corpus/manifest.js';
import { consolidate, loadCorpus } from '../../src/consolidate/consolidate.js';
import { resolveAddress } from '../../src/model/resolve-address.js';
import type { Law } from '../../src/model/types.js';
import { unitText } from '../../src/model/text-of.js';
import { HAS_CORPUS } from '../helpers.js';

/** Text of the unit a record names, undefined when there is no such unit. */
function textAt(law: Law, target: string): string | undefined {
  const angabe = /^Inhaltsübersicht Angabe zu (§.*)$/.exec(target);
  if (angabe) {
    const e = (law.inhalt?.entries ?? []).find((x) => `${x.label} ${x.text}`.replace(/\s+/g, ' ').startsWith(`${angabe[1]} `));
    return e ? `${e.label} ${e.text}` : undefined;
  }
  // several labels ("Nr. 9, 10, 11"): the first one
  const first = target.replace(/(\S+), [^ ]+(?:, [^ ]+)*$/, '$1');
  const address = parseAddress(first.replace(/\bAbs\. /g, 'Absatz ').replace(/\bNr\. /g, 'Nummer ').replace(/\bBuchst\. /g, 'Buchstabe '));
  if (!address) throw new Error(`unreadable target ${JSON.stringify(target)}`);
  const r = resolveAddress(law, address);
  return r.ok ? r.units.map(unitText).join(' ') : undefined;
}

describe.skipIf(!HAS_CORPUS)('change records name the inserted unit', () => {
  test('every applied insertion names a unit that is new in the version it produced', () => {
    const c = consolidate(loadCorpus(loadManifest(), resolveCorpusDir()));
    const checked: string[] = [];
    for (const law of c.laws) {
      law.versions.forEach((v, k) => {
        if (k === 0) return;
        const prev = law.versions[k - 1];
        for (const i of v.changes) {
          const r = c.changes[i];
          if (r.status !== 'applied' || (r.action !== 'insert-units' && r.action !== 'append-units')) continue;
          // an appended Satz without a number names its container: nothing new to look up
          if (r.action === 'append-units' && !/(Nr\.|Buchst\.|Abs\.) \S+$/.test(r.target) && !/^§ \S+$/.test(r.target)) continue;
          if (r.action === 'append-units' && /^§ \S+$/.test(r.target)) continue;
          checked.push(`${law.law} ${r.target}`);
          const after = textAt(v.tree, r.target);
          expect(after, `${law.law} ${r.path}: ${r.target} after`).toBeDefined();
          // an inserted unit did not exist, or (a Satz inserted before others) read differently
          if (r.action === 'insert-units') expect(textAt(prev.tree, r.target), `${law.law} ${r.path}: ${r.target} before`).not.toBe(after);
        }
      });
    }
    // the five records that used to name the preceding §
    for (const t of ['beschv § 2a', 'beschv § 15d', 'beschv § 22a', 'aufenthv § 30a', 'aufenthv § 59b']) expect(checked).toContain(t);
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });
});
