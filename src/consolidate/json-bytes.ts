/**
 * `JSON.stringify(value, null, 2) + '\n'` as UTF-8 bytes, put together from parts so that the objects
 * many documents share (the §§ the versions of a law have in common) are stringified and encoded once.
 *
 * Why: the output holds one JSON file per version, 1.8 MB each for the AufenthG, and nearly all of it is
 * §§ of the version before. Stringifying and encoding each file whole cost ~20 ms per file, most of it
 * in flattening the string V8's JSON.stringify builds out of many pieces.
 *
 * The containers on the paths `expand` accepts are written here, exactly as JSON.stringify writes them
 * (same key order, `undefined` and functions left out of objects and written as null in arrays, holes of
 * sparse arrays as null, toJSON called with the key); every other value is stringified natively and its
 * lines indented to its depth (JSON never holds a raw line break inside a string, so the indentation
 * cannot land inside one). An object value for which `share` says yes is kept in `memo` per indentation.
 * Where JSON.stringify would give no text at all (a top-level undefined) or throw (a cycle, a BigInt),
 * this throws a TypeError; so does a toJSON that returns an object with a toJSON of its own.
 */
export type JsonMemo = WeakMap<object, Map<number, Buffer>>;

export type JsonPath = ReadonlyArray<string | number>;

export interface JsonBytesOptions {
  /** write this container (plain object or array at this key path) part by part */
  expand: (path: JsonPath) => boolean;
  /** keep the bytes of this object for the next document that holds it */
  share?: (value: object) => boolean;
  memo?: JsonMemo;
}

const NEWLINE = Buffer.from('\n');

export function indentedJsonBytes(value: unknown, options: JsonBytesOptions): Buffer {
  return Buffer.concat(indentedJsonChunks(value, options));
}

/** indentedJsonBytes in parts, as they were made (the shared objects' bytes are the memo's own buffers: not to be changed). */
export function indentedJsonChunks(value: unknown, options: JsonBytesOptions): Buffer[] {
  const parts: Buffer[] = [];
  const pending: string[] = [];
  const text = (s: string) => pending.push(s);
  const flush = () => {
    if (pending.length) parts.push(Buffer.from(pending.join(''), 'utf8'));
    pending.length = 0;
  };
  const bytes = (b: Buffer) => {
    flush();
    parts.push(b);
  };

  /** The JSON of a value written natively at `indent` spaces (undefined: the value is not JSON). */
  const leaf = (v: unknown, indent: number): string | undefined => {
    const json = JSON.stringify(v, null, 2) as string | undefined;
    if (json === undefined || indent === 0) return json;
    return json.includes('\n') ? json.replace(/\n/g, `\n${' '.repeat(indent)}`) : json;
  };

  /** the containers being written (a cycle through them is a TypeError, as in JSON.stringify) */
  const open = new Set<object>();

  /** Write `v` at `indent`; false when it is not JSON (left out of objects, null in arrays). */
  const write = (value: unknown, path: (string | number)[], indent: number): boolean => {
    let v = value;
    if (hasToJSON(v)) {
      // as JSON.stringify: toJSON gets the key (or index) and its result is written instead
      v = v.toJSON(String(path.length ? path[path.length - 1] : ''));
      if (hasToJSON(v)) throw new TypeError('indentedJsonBytes: toJSON returned an object with toJSON of its own');
    }
    if (isObject(v) && (Array.isArray(v) || isPlainObject(v)) && options.expand(path)) {
      if (open.has(v)) throw new TypeError('indentedJsonBytes: circular structure');
      open.add(v);
      writeContainer(v, path, indent);
      open.delete(v);
      return true;
    }
    if (isObject(v) && options.memo && options.share?.(v)) {
      const byIndent = options.memo.get(v) ?? new Map<number, Buffer>();
      let b = byIndent.get(indent);
      if (!b) {
        b = Buffer.from(leaf(v, indent)!, 'utf8');
        byIndent.set(indent, b);
        options.memo.set(v, byIndent);
      }
      bytes(b);
      return true;
    }
    const json = leaf(v, indent);
    if (json === undefined) return false;
    text(json);
    return true;
  };

  /** An array or plain object, part by part. */
  const writeContainer = (v: object, path: (string | number)[], indent: number): void => {
    const inner = ' '.repeat(indent + 2);
    if (Array.isArray(v)) {
      if (!v.length) return void text('[]');
      text('[');
      // a for loop, not forEach: a hole in a sparse array is null, as in JSON.stringify
      for (let i = 0; i < v.length; i++) {
        text(`${i ? ',' : ''}\n${inner}`);
        path.push(i);
        if (!write(v[i], path, indent + 2)) text('null');
        path.pop();
      }
      return void text(`\n${' '.repeat(indent)}]`);
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const item = (v as Record<string, unknown>)[key];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      const mark = pending.length;
      text(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
      path.push(key);
      const written = write(item, path, indent + 2);
      path.pop();
      if (written) first = false;
      else pending.length = mark; // e.g. a toJSON that gives undefined: the key goes too
    }
    text(first ? '{}' : `\n${' '.repeat(indent)}}`);
  };

  if (!write(value, [], 0)) throw new TypeError('indentedJsonBytes: the value has no JSON form');
  bytes(NEWLINE);
  return parts;
}

function isObject(v: unknown): v is object {
  return v !== null && typeof v === 'object';
}

function hasToJSON(v: unknown): v is { toJSON: (key: string) => unknown } {
  return v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
