/**
 * Read a BGBl PDF as plain text, laid out like a text extraction (pdftotext), so that the act cleaner
 * and parser read it as they read an extracted act.txt.
 *
 * pdfjs-dist (legacy build for Node, no system binary) gives positioned text items per page. We put
 * them in reading order (top to bottom by baseline, then left to right), break lines where the
 * baseline changes, put a space where the horizontal gap between two items is a word space, and a
 * line break where the gap is so wide that the items are separate blocks (a running head and its page
 * number, form fields); two-column pages are read column by column. Pages are separated by a blank
 * line. Nothing is added but spaces and line breaks; page furniture is kept (the cleaner drops it).
 * pdfjs runs in a worker thread with a time budget and a memory cap: a PDF that makes it hang or
 * explode is a one-line error, never a hung process.
 *
 * Known limit: pdfjs does not read /ActualText, so a hyphen that the PDF marks as a soft hyphen
 * (e-Verkündung PDFs: `/Span <</ActualText (U+00AD)>>` around "-") comes out as the drawn "-"; the
 * cleaner then undoes the hyphenation at the line end as it does for any hyphenated line.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../diagnostics/diagnostic.js';
import { decodeUtf8, MAX_INPUT_BYTES, readRegularFile, refuseNul } from '../corpus/read-file.js';

export interface PdfText {
  text: string;
  pages: number;
}

export interface ActFileText {
  text: string;
  format: 'pdf' | 'text';
}

/** Largest PDF we read (a long BGBl issue with Anlagen stays well below). */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;
/** Largest extracted-text act we read: the limit of every text input. */
export const MAX_TEXT_BYTES = MAX_INPUT_BYTES;
/** Time budget for reading one PDF (a BGBl PDF of 42 pages takes well under a second). */
export const PDF_TIMEOUT_MS = 60_000;

/** One positioned run of text in device space (y grows downwards). */
export interface TextRun {
  str: string;
  x: number;
  /** baseline */
  y: number;
  width: number;
  /** font size (em) in device units */
  size: number;
  /** content-stream order, the last tie-breaker: keeps the order deterministic */
  seq: number;
}

/** pdfjs-dist's Node build and its data folders (font metrics of the 14 standard fonts, CMaps). */
function pdfjsLocation(): { module: string; standardFontDataUrl: string; cMapUrl: string } {
  const module = import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = (name: string) => fileURLToPath(new URL(`../../${name}/`, module));
  return { module, standardFontDataUrl: dir('standard_fonts'), cMapUrl: dir('cmaps') };
}

/** What the worker sends back: per page its width and the text items in device space. */
interface WorkerPage {
  width: number;
  /** [str, a, b, c, d, e, f, width]: the item's transform with the page's viewport applied */
  items: Array<[string, number, number, number, number, number, number, number]>;
}
type WorkerReply = { ok: true; pages: WorkerPage[] } | { ok: false; name: string; message: string };

/**
 * pdfjs runs in a worker thread: its "fake worker" works on the main thread in microtasks, where no
 * timer can interrupt it; a thread can be terminated when it runs past the time budget or its memory
 * cap. One thread serves one PDF at a time and stays for the next (loading pdfjs takes most of the
 * time of a small PDF); it does not keep the process alive when idle. The source is plain JavaScript
 * (evaluated; valid as a script and as a module, without the parent's Node flags) so that it runs the
 * same from src (tests), from dist and under any --input-type.
 */
const WORKER_SOURCE = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  // pdfjs' own console messages are not ours to print (and an unread stdout stream would fill up)
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) console[level] = () => undefined;
  const { module, standardFontDataUrl, cMapUrl } = workerData;
  const loading = import(module);
  async function extract(data) {
    const pdfjs = await loading;
    const task = pdfjs.getDocument({
      data,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      isOffscreenCanvasSupported: false,
      stopAtErrors: true,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      standardFontDataUrl,
      cMapUrl,
      cMapPacked: true,
    });
    try {
      const doc = await task.promise;
      const pages = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const items = [];
        for (const item of content.items) {
          if (typeof item.str !== 'string' || item.str === '') continue;
          const m = pdfjs.Util.transform(viewport.transform, item.transform);
          items.push([item.str, m[0], m[1], m[2], m[3], m[4], m[5], Math.abs(item.width)]);
        }
        pages.push({ width: viewport.width, items });
        page.cleanup();
      }
      return pages;
    } finally {
      await task.destroy().catch(() => undefined);
    }
  }
  parentPort.on('message', async ({ id, data }) => {
    try {
      parentPort.postMessage({ id, ok: true, pages: await extract(data) });
    } catch (e) {
      parentPort.postMessage({ id, ok: false, name: String((e && e.name) || ''), message: String((e && e.message) || e) });
    }
  });
})();
`;

/** Memory cap of the pdfjs worker (a 100 MB PDF needs far less; a crafted one is stopped). */
const WORKER_HEAP_MB = 2048;

let sharedWorker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextJob = 1;

function pdfWorker(): Worker {
  if (sharedWorker) return sharedWorker;
  let where: ReturnType<typeof pdfjsLocation>;
  try {
    where = pdfjsLocation();
  } catch (e) {
    throw new UserError(`pdfjs-dist is not installed (${oneLine(String(e))})`, 'pdf-unreadable');
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [],
    workerData: where,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: true,
    stderr: true,
  });
  worker.unref();
  const forget = () => {
    if (sharedWorker === worker) sharedWorker = undefined;
  };
  // a worker that fails between jobs is dropped (never an unhandled 'error' event); the next job starts a new one
  worker.on('error', forget);
  worker.on('exit', forget);
  sharedWorker = worker;
  return worker;
}

/** Extract the text items of every page, one PDF at a time (same bytes, same items, same order). */
function extractInWorker(bytes: Uint8Array, timeoutMs: number): Promise<WorkerPage[]> {
  const job = queue.then(() => runJob(bytes, timeoutMs));
  queue = job.catch(() => undefined);
  return job;
}

function runJob(bytes: Uint8Array, timeoutMs: number): Promise<WorkerPage[]> {
  return new Promise<WorkerPage[]>((resolve, reject) => {
    const worker = pdfWorker();
    const id = nextJob++;
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.unref();
      f();
    };
    const onMessage = (reply: WorkerReply & { id: number }) => {
      if (reply.id !== id) return;
      settle(() => {
        if (reply.ok) resolve(reply.pages);
        else reject(Object.assign(new Error(reply.message), { name: reply.name }));
      });
    };
    const onError = (e: Error) => settle(() => reject(e));
    const onExit = (code: number) =>
      settle(() => reject(new UserError(`the PDF reader stopped (exit code ${code}) before giving the text`, 'pdf-unreadable')));
    const timer = setTimeout(() => {
      settle(() => reject(new UserError(`reading the PDF took longer than ${timeoutMs} ms; given up`, 'pdf-unreadable')));
      if (sharedWorker === worker) sharedWorker = undefined;
      void worker.terminate();
    }, timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.ref();
    // a copy of the bytes goes to the worker; the caller's buffer stays as it is. A view into a larger
    // buffer is cut out first (posting a view clones its whole buffer).
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    worker.postMessage({ id, data: whole ? bytes : new Uint8Array(bytes) });
  });
}

/** Does the buffer start like a PDF ("%PDF-" within the first 1024 bytes, as readers accept it)? */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.indexOf('%PDF-', 0, 'latin1') >= 0;
}

/** A complete PDF (or its last incremental update) ends with "%%EOF", give or take trailing bytes. */
export function endsLikePdf(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.byteLength - 1024);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.byteLength - from);
  return tail.indexOf('%%EOF', 0, 'latin1') >= 0;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Turn a pdfjs failure into a one-line UserError. */
function pdfError(e: unknown): UserError {
  if (e instanceof UserError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = oneLine(e instanceof Error ? e.message : String(e));
  if (name === 'PasswordException') {
    return new UserError('PDF is encrypted and needs a password: cannot read its text', 'pdf-encrypted');
  }
  if (name === 'InvalidPDFException') {
    return new UserError(`not a readable PDF (${message || 'invalid structure'})`, 'pdf-unreadable');
  }
  return new UserError(`cannot read the PDF: ${message || name || 'unknown error'}`, 'pdf-unreadable');
}

/**
 * The text of a PDF, page by page, in reading order. Throws a one-line UserError for bytes that are
 * not a readable PDF or a PDF that needs a password.
 */
export async function readPdfText(bytes: Uint8Array, options: { timeoutMs?: number } = {}): Promise<PdfText> {
  if (!looksLikePdf(bytes)) throw new UserError('not a PDF (no "%PDF-" header)', 'pdf-unreadable');
  if (bytes.byteLength > MAX_PDF_BYTES) {
    throw new UserError(`PDF too large (${bytes.byteLength} bytes; limit ${MAX_PDF_BYTES})`, 'file-too-large');
  }
  if (!endsLikePdf(bytes)) {
    throw new UserError('PDF is truncated or damaged (no "%%EOF" marker at its end)', 'pdf-unreadable');
  }
  let pages: WorkerPage[];
  try {
    pages = await extractInWorker(bytes, options.timeoutMs ?? PDF_TIMEOUT_MS);
  } catch (e) {
    throw pdfError(e);
  }
  const pageTexts = pages.map((page) => {
    const runs: TextRun[] = [];
    const other: string[] = [];
    page.items.forEach(([str, a, b, c, d, e, f, width], seq) => {
      const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
      const horizontal = Math.abs(b) <= 0.01 * Math.abs(a) && Math.abs(c) <= 0.01 * Math.abs(d) && a > 0;
      if (!horizontal) {
        // rotated or mirrored text (a margin note set vertically): kept, in content order, after the page
        if (str.trim() !== '') other.push(str.trim());
        return;
      }
      runs.push({ str, x: e, y: f, width, size, seq });
    });
    const lines = layoutLines(runs, page.width);
    return [...lines, ...other].join('\n').replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
  });
  return { text: pageTexts.join('\n\n') + (pageTexts.length ? '\n' : ''), pages: pages.length };
}

/**
 * Lay out the runs of one page as lines: sorted by baseline, then x; runs whose baselines lie within
 * half a font size of the line's first run form one line (half the larger size for a superscript). Within a line a gap of more than a fifth of
 * the font size is a word space; a gap of more than three font sizes separates two blocks (own line).
 * A blank line marks a vertical gap of more than two font sizes (a new block, like pdftotext).
 *
 * Two-column pages (the BGBl before the e-Verkündung of 2023) are read column by column: given the
 * page width, a vertical gutter near the middle that no line crosses, with at least five lines of text
 * on either side, makes the lines between two crossing (full-width) lines a two-column stretch; its
 * left column is read before its right column.
 */
export function layoutLines(runs: TextRun[], pageWidth?: number): string[] {
  const groups = lineGroups(runs);
  const gutter = pageWidth ? findGutter(groups, pageWidth) : undefined;
  const state: RenderState = { out: [] };
  if (gutter === undefined) {
    renderLines(groups, state);
    return state.out;
  }
  let stretch: TextRun[][] = [];
  const flush = () => {
    if (stretch.length === 0) return;
    if (isTwoColumn(stretch, gutter)) {
      const last = stretch[stretch.length - 1];
      renderLines(stretch.map((g) => g.filter((r) => r.x < gutter)).filter((g) => g.length > 0), state);
      state.out.push('');
      state.prevY = undefined;
      renderLines(stretch.map((g) => g.filter((r) => r.x >= gutter)).filter((g) => g.length > 0), state);
      state.prevY = last[0].y;
      state.prevSize = Math.max(...last.map((r) => r.size));
    } else {
      renderLines(stretch, state);
    }
    stretch = [];
  };
  for (const g of groups) {
    if (crosses(g, gutter)) {
      flush();
      renderLines([g], state);
    } else {
      stretch.push(g);
    }
  }
  flush();
  return state.out;
}

interface RenderState {
  out: string[];
  /** baseline and font size of the line rendered last */
  prevY?: number;
  prevSize?: number;
}

const MIN_COLUMN_LINES = 5;

function lineGroups(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((p, q) => p.y - q.y || p.x - q.x || p.seq - q.seq);
  const groups: TextRun[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g) {
      const first = g[0];
      // same line: baselines within half a font size; a smaller run (a footnote marker "*" or "1)"
      // set as a superscript) joins the line whose baseline is within half of the larger size
      const small = Math.min(first.size, r.size);
      const large = Math.max(first.size, r.size);
      if (r.y - first.y <= 0.5 * (small <= 0.8 * large ? large : small)) {
        g.push(r);
        continue;
      }
    }
    groups.push([r]);
  }
  for (const g of groups) g.sort((p, q) => p.x - q.x || p.seq - q.seq);
  return groups;
}

const visible = (r: TextRun) => r.str.trim() !== '';

/** Does a line have text across the gutter band (half a font size either side of x)? */
function crosses(g: TextRun[], x: number): boolean {
  return g.some((r) => visible(r) && r.x < x + 0.5 * r.size && r.x + r.width > x - 0.5 * r.size);
}

/**
 * A stretch is set in two columns of text when both sides hold enough lines and the text runs up to
 * the gutter from both sides (justified columns), unlike a table or form whose short cells leave the
 * middle of the page empty: those are read row by row.
 */
function isTwoColumn(stretch: TextRun[][], x: number): boolean {
  const { left, right } = countSides(stretch, x);
  if (left < MIN_COLUMN_LINES || right < MIN_COLUMN_LINES) return false;
  const ends: number[] = [];
  const starts: number[] = [];
  const sizes: number[] = [];
  for (const g of stretch) {
    const l = g.filter((r) => visible(r) && r.x + r.width <= x);
    const r = g.filter((q) => visible(q) && q.x >= x);
    if (l.length) ends.push(Math.max(...l.map((q) => q.x + q.width)));
    if (r.length) starts.push(Math.min(...r.map((q) => q.x)));
    for (const q of g) sizes.push(q.size);
  }
  const em = median(sizes);
  return median(ends) >= x - 3 * em && median(starts) <= x + 3 * em;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[(s.length - 1) >> 1];
}

function countSides(stretch: TextRun[][], x: number): { left: number; right: number } {
  let left = 0;
  let right = 0;
  for (const g of stretch) {
    if (g.some((r) => visible(r) && r.x + r.width <= x)) left++;
    if (g.some((r) => visible(r) && r.x >= x)) right++;
  }
  return { left, right };
}

/**
 * The x of a column gutter in the middle 40 % of the page, or undefined for a one-column page. Each
 * candidate x is scored by the lines on its smaller side summed over the stretches between crossing
 * lines. Of the best-scoring candidates, the page's centre line wins when it is one of them (columns
 * of equal width; a heading centred on the page then crosses the gutter), else the centre of the
 * best-scoring range nearest to it.
 */
function findGutter(groups: TextRun[][], pageWidth: number): number | undefined {
  const from = Math.floor(0.3 * pageWidth);
  const to = Math.ceil(0.7 * pageWidth);
  const scores: Array<{ x: number; score: number }> = [];
  for (let x = from; x <= to; x++) {
    let score = 0;
    let stretch: TextRun[][] = [];
    const close = () => {
      if (isTwoColumn(stretch, x)) {
        const { left, right } = countSides(stretch, x);
        score += Math.min(left, right);
      }
      stretch = [];
    };
    for (const g of groups) {
      if (crosses(g, x)) close();
      else stretch.push(g);
    }
    close();
    scores.push({ x, score });
  }
  const best = Math.max(...scores.map((c) => c.score));
  if (best <= 0) return undefined;
  const mid = pageWidth / 2;
  // ranges of consecutive best-scoring candidates
  const ranges: Array<[number, number]> = [];
  for (const c of scores) {
    if (c.score !== best) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === c.x - 1) last[1] = c.x;
    else ranges.push([c.x, c.x]);
  }
  let chosen = ranges[0];
  let distance = Infinity;
  for (const r of ranges) {
    const d = mid < r[0] ? r[0] - mid : mid > r[1] ? mid - r[1] : 0;
    if (d < distance) {
      distance = d;
      chosen = r;
    }
  }
  return distance === 0 ? mid : (chosen[0] + chosen[1]) / 2;
}

/** Render line groups: word spaces, block breaks within a line, blank lines for vertical gaps. */
function renderLines(groups: TextRun[][], state: RenderState): void {
  const out = state.out;
  for (const g of groups) {
    const y = g[0].y;
    const size = Math.max(...g.map((r) => r.size));
    if (state.prevY !== undefined && y - state.prevY > 2 * Math.max(size, state.prevSize ?? 0)) out.push('');
    state.prevY = y;
    state.prevSize = size;
    let line = '';
    let end = -Infinity;
    let prev: TextRun | undefined;
    for (const r of g) {
      const em = Math.min(r.size, size);
      if (line !== '') {
        const gap = r.x - end;
        if (gap > 3 * em) {
          out.push(line.trimEnd());
          line = '';
        } else if (gap < -0.5 * em && prev && r.str === prev.str && Math.abs(r.x - prev.x) < 0.2 * em) {
          // the same run drawn twice, slightly offset (simulated bold): read once
          continue;
        } else if (gap > 0.2 * em && !/\s$/.test(line) && !/^\s/.test(r.str)) {
          line += ' ';
        }
      }
      line += r.str;
      end = Math.max(end, r.x + r.width);
      prev = r;
    }
    if (line.trim() !== '') out.push(line.trimEnd());
  }
}

/**
 * Read an act file: a PDF (sniffed by its "%PDF-" header) through readPdfText, anything else as UTF-8
 * text. Regular files only, with a size limit (a PDF may be larger than a text); every failure is a
 * one-line UserError, with the codes of the corpus reader.
 */
export async function readActFile(path: string): Promise<ActFileText> {
  const what = 'act file';
  const buf = readRegularFile(path, { what, maxBytes: MAX_PDF_BYTES });
  if (looksLikePdf(buf.subarray(0, 1024))) {
    let read: PdfText;
    try {
      read = await readPdfText(buf);
    } catch (e) {
      const err = pdfError(e);
      throw new UserError(`${path}: ${err.message}`, err.code);
    }
    if (read.text.trim() === '') {
      throw new UserError(`${path}: the PDF has no text layer (a scan?); fassung reads no images`, 'pdf-no-text');
    }
    return { text: read.text, format: 'pdf' };
  }
  if (buf.length > MAX_TEXT_BYTES) throw new UserError(`${what} too large: ${path} (${buf.length} bytes; limit ${MAX_TEXT_BYTES} for a text)`, 'file-too-large');
  refuseNul(buf, path, what);
  return { text: decodeUtf8(buf, path, what), format: 'text' };
}
