/**
 * `fassung synopsis --act DRAFT.(txt|pdf) --law X [--date D] [--base FILE.md] [--out FILE]`: apply a
 * draft's instructions to the law as in force on D (or to a given statute text) and write the
 * synopsis as HTML (FILE) and JSON (FILE with .json), with every instruction's status.
 * Exit code 0 when every instruction on the law applied, 1 when one did not, 2 on bad input.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stableJson } from '../consolidate/write-output.js';
import { readTextFile, type LawEntry, type Manifest } from '../corpus/manifest.js';
import { PROJECT_ROOT } from '../package-root.js';
import { UserError } from '../diagnostics/diagnostic.js';
import type { Law } from '../model/types.js';
import { contextOf } from './context.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';

interface SynopsisOpts {
  act: string;
  law: string;
  date?: string;
  base?: string;
  out?: string;
}

function lawOf(m: Manifest, name: string): LawEntry {
  const n = name.toLowerCase();
  const law = m.laws.find((l) => l.id === n || l.abbreviation.toLowerCase() === n || l.names.some((x) => x.toLowerCase() === n));
  if (!law) throw new UserError(`unknown law ${JSON.stringify(name)} (known: ${m.laws.map((l) => l.id).join(', ')})`, 'unknown-law');
  return law;
}

async function readCss(): Promise<string> {
  for (const f of [fileURLToPath(new URL('../site/assets/site.css', import.meta.url)), join(PROJECT_ROOT, 'src', 'site', 'assets', 'site.css')]) {
    if (existsSync(f)) return readFile(f, 'utf8');
  }
  throw new Error('site stylesheet not found');
}

export function registerSynopsis(program: Command): void {
  program
    .command('synopsis')
    .description("synopsis of a draft against the law in force: apply the draft's instructions (no in-force date needed) and write HTML and JSON")
    .requiredOption('--act <file>', 'the draft (text or PDF)')
    .requiredOption('--law <law>', 'the law it amends (id, abbreviation or name)')
    .option('--date <date>', 'the law as in force on this date (default: the latest version of the corpus)')
    .option('--base <file>', 'a statute Markdown file to apply the draft to instead of the corpus version')
    .option('--out <file>', 'the HTML file to write (the JSON goes next to it, .json); default synopse-<law>-<date>.html')
    .action(async function (this: Command, o: SynopsisOpts) {
      const c = contextOf(this);
      const date0 = c.checkDate(o.date);
      const { manifest } = c.ctx();
      const law = lawOf(manifest, o.law);
      const { readActText } = await import('./act-file.js'); // a text file or a BGBl PDF
      const text = await readActText(c.path(o.act));
      let tree: Law;
      let date: string;
      if (o.base) {
        const { parseStatute } = await import('../model/parse-statute.js');
        tree = parseStatute(readTextFile(c.path(o.base)), { lawId: law.id });
        date = date0 ?? law.base.validFrom;
      } else {
        const result = await c.consolidation();
        const versions = result.laws.find((l) => l.law === law.id)!.versions;
        date = date0 ?? versions[versions.length - 1].validFrom;
        const v = [...versions].reverse().find((x) => x.validFrom <= date);
        if (!v) throw new UserError(`no version of ${law.id} valid on ${date} (the corpus starts on ${versions[0].validFrom})`, 'no-version');
        tree = v.tree;
      }
      const { applyDraft, draftJson, renderDraftPage } = await import('../site/draft.js');
      const r = applyDraft({ file: o.act, text }, law, tree);
      const out = c.path(o.out ?? `synopse-${law.id}-${date}.html`);
      const jsonFile = out.replace(/\.html?$/i, '') + '.json';
      const opts = { law, date, draftFile: o.act };
      writeFileAtomic(out, renderDraftPage(r, { ...opts, css: await readCss() }));
      writeFileAtomic(jsonFile, stableJson(draftJson(r, opts)));
      const onLaw = r.instructions.filter((i) => i.status !== 'other law' && i.status !== 'not-in-corpus');
      const applied = onLaw.filter((i) => i.status === 'applied').length;
      c.line(`synopsis: ${applied} of ${onLaw.length} instructions on ${law.abbreviation} applied → ${out} (+ ${basename(jsonFile)})`);
      if (applied < onLaw.length || onLaw.length === 0) c.exitCode = 1;
    });
}
