import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/act/address.js';
import { parseStatute } from '../../src/model/parse-statute.js';
import { resolveAddress } from '../../src/model/resolve-address.js';

const LAW = `% Test
 
# § 31 – Zustimmung

(1) Ein Visum bedarf der Zustimmung, wenn

1. der Ausländer arbeiten will,

2. der Ausländer im Bundesgebiet

a) eine selbständige Tätigkeit ausüben will,

c) eine sonstige Beschäftigung ausüben will oder

3. die Daten übermittelt werden.

Das Visum des Ehegatten bedarf nicht der Zustimmung, wenn

1. das Visum nicht zustimmungspflichtig ist und

2. die Anträge zusammen gestellt werden.

(2) Satz eins. Satz zwei.

(3) Drei.

(4) Vier.
`;

const resolve = (phrase: string) => resolveAddress(parseStatute(LAW), parseAddress(phrase)!);

describe('resolveAddress', () => {
  it('finds a Buchstabe by its full address', () => {
    const r = resolve('§ 31 Absatz 1 Satz 1 Nummer 2 Buchstabe c');
    expect(r.ok && r.units.map((u) => u.id)).toEqual(['para-31/abs-1/satz-1/nr-2/bst-c']);
  });
  it('finds plural and ranges: "Absätze 3 und 4", "Absätzen 2 bis 4"', () => {
    const r = resolve('§ 31 Absätze 3 und 4');
    expect(r.ok && r.units.map((u) => u.id)).toEqual(['para-31/abs-3', 'para-31/abs-4']);
    const r2 = resolve('§ 31 den Absätzen 2 bis 4');
    expect(r2.ok && r2.units).toHaveLength(3);
  });
  it('finds a Satz', () => {
    const r = resolve('§ 31 Absatz 2 Satz 2');
    expect(r.ok && r.units.map((u) => u.id)).toEqual(['para-31/abs-2/satz-2']);
  });
  it('reports what is not there', () => {
    expect(resolve('§ 31 Absatz 9')).toMatchObject({ ok: false, code: 'target-not-found' });
    expect(resolve('§ 99')).toMatchObject({ ok: false, code: 'target-not-found' });
  });
  it('reports an address that matches more than one unit', () => {
    // Nummer 1 exists in Satz 1 and in Satz 2 of Absatz 1
    const r = resolve('§ 31 Absatz 1 Nummer 1');
    expect(r).toMatchObject({ ok: false, code: 'target-ambiguous' });
    if (!r.ok) expect(r.message).toContain('para-31/abs-1/satz-1/nr-1');
  });
});
