/**
 * indentedJsonBytes gives exactly the bytes of JSON.stringify(value, null, 2) + '\n', whatever it writes
 * itself and whatever it takes from its memo; the memo makes a shared object's bytes once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indentedJsonBytes, type JsonMemo } from '../../src/consolidate/json-bytes.js';

const reference = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8');

/** JSON-like values with the traps: undefined and functions in objects and arrays, toJSON, line breaks in strings, non-ASCII. */
const VALUE = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string({ unit: fc.constantFrom('a', '„', '“', '\n', '"', '\\', '§', ' ', '\u00a0', '😀') }),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.constant({ toJSON: () => 'from toJSON' }),
    fc.constant({ toJSON: () => undefined }),
    fc.constant({ toJSON: (key: string) => `key ${key}` }),
    fc.constant({ toJSON: () => ({ kind: 'paragraph', via: 'toJSON' }) }),
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('sparse'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 4 }),
  sparse: fc.sparseArray(tie('node'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom('kind', 'body', 'tree', 'a', 'ä b', '"q"', '0'), tie('node'), { maxKeys: 5 }),
}));

describe('indentedJsonBytes', () => {
  it('equals JSON.stringify(value, null, 2) + "\\n" on arbitrary values, with any containers expanded', () => {
    fc.assert(
      fc.property(VALUE.node, fc.integer({ min: 0, max: 4 }), (value, depth) => {
        const memo: JsonMemo = new WeakMap();
        const options = { expand: (path: ReadonlyArray<string | number>) => path.length < depth, share: (o: object) => 'kind' in o, memo };
        if (JSON.stringify(value) === undefined) {
          expect(() => indentedJsonBytes(value, options)).toThrow(TypeError);
          return;
        }
        // twice: the second time the shared objects come from the memo
        expect(indentedJsonBytes(value, options).equals(reference(value))).toBe(true);
        expect(indentedJsonBytes(value, options).equals(reference(value))).toBe(true);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('throws a TypeError where JSON.stringify throws or gives no text', () => {
    const options = { expand: () => true };
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(() => JSON.stringify(cyclic)).toThrow(TypeError);
    expect(() => indentedJsonBytes(cyclic, options)).toThrow(TypeError);
    expect(() => indentedJsonBytes({ n: 1n }, options)).toThrow(TypeError);
    expect(() => indentedJsonBytes(undefined, options)).toThrow(TypeError);
  });

  it('writes a shared object once, and again only at another indentation', () => {
    let calls = 0;
    const para = { kind: 'paragraph', id: 'para-1', text: 'Die „Zustimmung“ wird erteilt.' };
    const counted = { kind: 'paragraph', get id() {
      calls++;
      return 'para-2';
    } };
    const memo: JsonMemo = new WeakMap();
    const options = { expand: (p: ReadonlyArray<string | number>) => p.length < 3, share: (o: object) => 'kind' in o, memo };
    const v1 = { law: 'x', tree: { body: [para, counted] } };
    const v2 = { law: 'x', tree: { body: [counted, para] } };
    expect(indentedJsonBytes(v1, options).equals(reference(v1))).toBe(true);
    const before = calls;
    expect(indentedJsonBytes(v2, options).equals(reference(v2))).toBe(true);
    expect(calls).toBe(before + 1); // read again only by the reference stringification
    expect(memo.get(para)?.size).toBe(1);
    const nested = { deeper: { tree: { body: [para] } } };
    expect(indentedJsonBytes(nested, { ...options, expand: (p) => p.length < 4 }).equals(reference(nested))).toBe(true);
    expect(memo.get(para)?.size).toBe(2);
  });
});
