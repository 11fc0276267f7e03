/**
 * Write the consolidation to disk: `<law>/<date>.md`, `<law>/<date>.json`, `changes.json`,
 * `diagnostics.json`, `index.json` (and whatever extra files the caller adds, e.g. facts.json).
 * Deterministic (stable key order, no timestamps) and atomic: everything is written into a temporary
 * directory beside the target, which then replaces the target in one rename; a failing run leaves the
 * previous output intact.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { serializeLaw } from '../model/serialize.js';
import type { Consolidation } from './types.js';

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => v, 2) + '\n';
}

export interface OutputFile {
  path: string;
  content: string;
}

export function consolidationFiles(c: Consolidation): OutputFile[] {
  const files: OutputFile[] = [];
  const index = {
    laws: c.laws.map((l) => ({
      law: l.law,
      title: l.title,
      abbreviation: l.abbreviation,
      versions: l.versions.map((v) => ({
        validFrom: v.validFrom,
        validTo: v.validTo,
        isBase: v.isBase,
        complete: v.complete,
        missing: v.missing,
        changes: v.changes,
        tiers: v.tiers,
        markdown: `${l.law}/${v.validFrom}.md`,
        json: `${l.law}/${v.validFrom}.json`,
      })),
    })),
  };
  files.push({ path: 'index.json', content: stableJson(index) });
  for (const l of c.laws) {
    for (const v of l.versions) {
      let md = serializeLaw(v.tree, 'gesetze-tools');
      if (!v.complete) {
        md = `<!-- fassung: UNVOLLSTÄNDIGE Fassung (incomplete version), gültig ab ${v.validFrom}. Nicht angewendet:\n${v.missing.map((m) => `  - ${m}`).join('\n')}\n-->\n\n${md}`;
      }
      files.push({ path: `${l.law}/${v.validFrom}.md`, content: md });
      files.push({ path: `${l.law}/${v.validFrom}.json`, content: stableJson({ law: l.law, validFrom: v.validFrom, validTo: v.validTo, isBase: v.isBase, complete: v.complete, missing: v.missing, changes: v.changes, official: v.official, tiers: v.tiers, units: v.units, tree: v.tree }) });
    }
  }
  files.push({ path: 'changes.json', content: stableJson(c.changes) });
  files.push({ path: 'diagnostics.json', content: stableJson(c.diagnostics) });
  return files;
}

/** Atomically replace `outDir`'s generated content with `files` (keeps outDir/README.md and site/). */
export function writeOutputAtomic(outDir: string, files: OutputFile[], keep: string[] = ['README.md', 'site']): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    for (const f of files) {
      const p = join(tmp, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content);
    }
    // carry over kept entries from the previous output
    if (existsSync(outDir)) {
      for (const name of readdirSync(outDir)) {
        if (keep.includes(name) && !existsSync(join(tmp, name))) renameSync(join(outDir, name), join(tmp, name));
      }
    }
    const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
    rmSync(old, { recursive: true, force: true });
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
