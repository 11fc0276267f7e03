#!/usr/bin/env node
/**
 * fassung — consolidated German statutes from amending acts.
 *
 * Pipeline: act text → instructions → operations → statute tree → dated versions → facts → site.
 */
import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { wordDiff } from './text/word-diff.js';
import { formatDiagnostic, UserError, type Diagnostic } from './diagnostics/diagnostic.js';
import { findAct, findLaw, isValidIsoDate, loadManifest, PROJECT_ROOT, readTextFile, resolveCorpusDir, type Manifest } from './corpus/manifest.js';
import { parseStatute } from './model/parse-statute.js';
import { serializeLaw, serializeParagraph } from './model/serialize.js';
import { parseAddress, formatAddress } from './act/address.js';
import { resolveAddress } from './model/resolve-address.js';
import { paragraphText, unitText } from './model/text-of.js';
import { compareLabels, humanLabelFromId } from './model/labels.js';
import { applyStep, consolidate, loadCorpus, type Corpus } from './consolidate/consolidate.js';
import { consolidationFiles, stableJson, writeOutputAtomic } from './consolidate/write-output.js';
import { formatVerifyReport, verifyAgainst } from './consolidate/verify.js';
import type { Law } from './model/types.js';
import type { Consolidation, LawVersion } from './consolidate/types.js';
import { extraOutputs, factsJsonFor, resolveCorpusFacts, corpusFactsJson } from './pipeline.js';
import { formatFactsText } from './facts/output.js';
import { checkProfile, formatProfileCheckText } from './facts/check-profile.js';
import { loadProfile } from './facts/profile.js';
import { siteInput } from './site-input.js';
import { registerReconcile } from './cli/reconcile.js';
import { formatVersionsWithTiers, showWithProvenance } from './cli/provenance.js';

interface GlobalOpts {
  corpus?: string;
  manifest?: string;
}

const program = new Command();
program
  .name('fassung')
  .description('Consolidated German statutes (AufenthG, BeschV, AufenthV) from amending acts, dated versions, facts and a statute website.')
  .option('--corpus <dir>', 'corpus directory (default ../shared/corpus, or $FASSUNG_CORPUS)')
  .option('--manifest <file>', 'manifest file (default corpus/manifest.json of the project)')
  .showHelpAfterError();

function ctx(): { manifest: Manifest; dir: string } {
  const o = program.opts<GlobalOpts>();
  const dir = resolveCorpusDir(o.corpus);
  const manifest = loadManifest(o.manifest ? resolve(o.manifest) : undefined);
  return { manifest, dir };
}

let corpusCache: Corpus | undefined;
function corpus(): Corpus {
  if (!corpusCache) {
    const { manifest, dir } = ctx();
    corpusCache = loadCorpus(manifest, dir);
  }
  return corpusCache;
}

function checkDate(d: string | undefined, what = '--date'): string | undefined {
  if (d === undefined) return undefined;
  if (!isValidIsoDate(d)) throw new UserError(`${what}: not a date YYYY-MM-DD: ${JSON.stringify(d)}`, 'bad-date');
  return d;
}

function printDiagnostics(ds: Diagnostic[], min: 'error' | 'warning' | 'info' = 'warning'): void {
  const rank = { error: 0, warning: 1, info: 2 };
  for (const d of ds) if (rank[d.severity] <= rank[min]) process.stderr.write(formatDiagnostic(d) + '\n');
}

function versionOn(c: Consolidation, law: string, date: string): LawVersion {
  const lv = c.laws.find((l) => l.law === law)!;
  const v = [...lv.versions].reverse().find((x) => x.validFrom <= date);
  if (!v) throw new UserError(`no version of ${law} valid on ${date} (the base text is valid from ${lv.versions[0].validFrom})`, 'no-version');
  return v;
}

function showUnit(tree: Law, unit: string | undefined, json: boolean): string {
  if (!unit) return json ? stableJson(tree) : serializeLaw(tree, 'gesetze-tools');
  const addr = parseAddress(unit.replace(/\bAbs\.\s*/g, 'Absatz ').replace(/\bNr\.\s*/g, 'Nummer ').replace(/\bBuchst\.\s*/g, 'Buchstabe ').replace(/\bDoppelbuchst\.\s*/g, 'Doppelbuchstabe '));
  if (!addr) throw new UserError(`unit not understood: ${JSON.stringify(unit)} (write e.g. "§ 26 Abs. 2 Satz 3")`, 'unknown-unit');
  const r = resolveAddress(tree, addr);
  if (!r.ok) throw new UserError(`${r.code}: ${r.message}`, 'unknown-unit');
  const out = r.units.map((u) => (json ? stableJson({ id: u.id, label: humanLabelFromId(u.id), text: unitText(u), node: u }) : u.kind === 'paragraph' ? serializeParagraph(u, { dialect: 'gesetze-tools' }) : `${humanLabelFromId(u.id)}\n${unitText(u)}`));
  return out.join('\n\n');
}

program
  .command('laws')
  .description('list the laws and acts of the manifest')
  .option('--json', 'JSON output')
  .action((o: { json?: boolean }) => {
    const { manifest } = ctx();
    if (o.json) return void process.stdout.write(stableJson(manifest));
    for (const l of manifest.laws) console.log(`${l.id.padEnd(10)} ${l.abbreviation.padEnd(9)} ${l.title} (base: ${l.base.file}, Stand: ${l.base.stand})`);
    for (const a of manifest.acts) console.log(`${a.id.padEnd(16)} ${a.citation}: ${a.title} vom ${a.date}${a.missing ? ' — text incomplete' : ''}`);
  });

program
  .command('show <law>')
  .description('print a law (or one unit) — the base text, or the text valid on --date')
  .option('--unit <unit>', 'unit, e.g. "§ 26 Abs. 2 Satz 3"')
  .option('--date <date>', 'the text valid on this date (YYYY-MM-DD)')
  .option('--json', 'JSON output')
  .action((lawId: string, o: { unit?: string; date?: string; json?: boolean }) => {
    const { manifest, dir } = ctx();
    const law = findLaw(manifest, lawId);
    const date = checkDate(o.date);
    let tree: Law;
    if (date) {
      const v = versionOn(consolidate(corpus()), law.id, date);
      if (!v.complete) process.stderr.write(`note: this version of ${law.abbreviation} (valid from ${v.validFrom}) is incomplete:\n${v.missing.map((m) => '  - ' + m).join('\n')}\n`);
      if (v.units) return void process.stdout.write(showWithProvenance(law.abbreviation, v, o.unit, !!o.json, showUnit) + '\n');
      tree = v.tree;
    } else {
      tree = parseStatute(readTextFile(join(dir, law.base.file)), { lawId: law.id });
    }
    process.stdout.write(showUnit(tree, o.unit, !!o.json) + '\n');
  });

program
  .command('instructions <act>')
  .description('list every instruction of an act with path, source line, in-force date and operations')
  .option('--json', 'JSON output')
  .option('--stats', 'counts per action and status')
  .action((actId: string, o: { json?: boolean; stats?: boolean }) => {
    const { manifest } = ctx();
    findAct(manifest, actId);
    const act = corpus().acts.find((a) => a.entry.id === actId)!;
    const rows = act.instructions.map((i) => ({
      path: i.path,
      artikel: i.artikel,
      law: i.law,
      effective: i.effective,
      status: i.status,
      operations: i.operations.map((op) => ({ ...op, target: formatAddress(op.target) })),
      diagnostics: i.diagnostics,
      source: { file: i.source.file, line: i.source.line, column: i.source.column },
      wording: i.wording,
    }));
    if (o.stats) {
      const byAction: Record<string, number> = {};
      const byStatus: Record<string, number> = {};
      for (const r of rows) {
        byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
        for (const op of r.operations) byAction[op.action] = (byAction[op.action] ?? 0) + 1;
      }
      if (o.json) return void process.stdout.write(stableJson({ act: actId, instructions: rows.length, byStatus, byAction }));
      console.log(`${actId}: ${rows.length} instructions`);
      for (const [k, v] of Object.entries(byStatus).sort()) console.log(`  status ${k.padEnd(16)} ${v}`);
      for (const [k, v] of Object.entries(byAction).sort()) console.log(`  action ${k.padEnd(16)} ${v}`);
      return;
    }
    if (o.json) return void process.stdout.write(stableJson({ act: actId, inkrafttreten: act.inkrafttreten, diagnostics: act.diagnostics, instructions: rows }));
    for (const r of rows) {
      console.log(`${r.source.file}:${r.source.line}: ${r.path} [${r.status}] ${r.law ?? '(not in corpus)'} in force ${r.effective ?? 'unknown'}`);
      for (const op of r.operations) console.log(`    ${op.action} ${op.target}`);
      for (const d of r.diagnostics) console.log(`    ${d.severity}[${d.code}]: ${d.message}`);
    }
    printDiagnostics(act.diagnostics);
  });

program
  .command('consolidate')
  .description('build every version of every law and write them (Markdown + JSON), the effects table and diagnostics')
  .option('--out <dir>', 'output directory', join(PROJECT_ROOT, 'consolidated'))
  .option('--json', 'print the summary as JSON')
  .option('--verbose', 'print warnings too')
  .action(async (o: { out: string; json?: boolean; verbose?: boolean }) => {
    const c = corpus();
    const result = consolidate(c);
    const files = [...consolidationFiles(result), ...(await extraOutputs(c, result))];
    writeOutputAtomic(resolve(o.out), files);
    const summary = result.laws.map((l) => {
      const rows = result.changes.filter((x) => x.law === l.law);
      return {
        law: l.law,
        versions: l.versions.length,
        applied: rows.filter((r) => r.status === 'applied').length,
        failed: rows.filter((r) => r.status === 'failed').length,
        incomplete: rows.filter((r) => r.status === 'incomplete-text').length,
        complete: l.versions.every((v) => v.complete),
      };
    });
    if (o.json) return void process.stdout.write(stableJson({ out: resolve(o.out), summary }));
    printDiagnostics(result.diagnostics, 'error');
    if (o.verbose) printDiagnostics(result.diagnostics, 'warning');
    for (const s of summary) {
      console.log(`${s.law}: ${s.versions} versions written, operations applied ${s.applied}, failed ${s.failed}, text incomplete ${s.incomplete}${s.complete ? '' : ' (some versions incomplete)'}`);
    }
    console.log(`output: ${resolve(o.out)}`);
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    if (warnings) console.log(`${warnings} warnings (typos read as meant, truncated act text, missing Inhaltsübersicht, facts read from incomplete versions): see diagnostics.json, or rerun with --verbose`);
  });

program
  .command('versions <law>')
  .description('list the versions of a law with their validity')
  .option('--json', 'JSON output')
  .action((lawId: string, o: { json?: boolean }) => {
    const { manifest } = ctx();
    findLaw(manifest, lawId);
    const lv = consolidate(corpus()).laws.find((l) => l.law === lawId)!;
    const rows = lv.versions.map((v) => ({ validFrom: v.validFrom, validTo: v.validTo, isBase: v.isBase, complete: v.complete, changes: v.changes.length, missing: v.missing, tiers: v.tiers, official: v.official }));
    if (o.json) return void process.stdout.write(stableJson(rows));
    if (lv.versions.some((v) => v.tiers)) return void process.stdout.write(formatVersionsWithTiers(lv.versions) + '\n');
    for (const r of rows) console.log(`${r.validFrom} – ${r.validTo ?? 'heute'}  ${r.isBase ? 'Basistext' : `${r.changes} Änderungen`}${r.complete ? '' : '  UNVOLLSTÄNDIG: ' + r.missing.length + ' Punkte nicht angewendet'}`);
  });

program
  .command('diff <law>')
  .description('word diff of a law (or a unit) between two dates')
  .requiredOption('--from <date>', 'first date')
  .requiredOption('--to <date>', 'second date')
  .option('--unit <unit>', 'unit, e.g. "§ 26"')
  .action((lawId: string, o: { from: string; to: string; unit?: string }) => {
    const { manifest } = ctx();
    findLaw(manifest, lawId);
    checkDate(o.from, '--from');
    checkDate(o.to, '--to');
    const c = consolidate(corpus());
    const a = versionOn(c, lawId, o.from);
    const b = versionOn(c, lawId, o.to);
    const color = process.stdout.isTTY;
    const render = (ta: string, tb: string) =>
      wordDiff(ta, tb)
        .map((seg) =>
          seg.type === 'ins' ? (color ? `\x1b[32m{+${seg.text}+}\x1b[0m` : `{+${seg.text}+}`) : seg.type === 'del' ? (color ? `\x1b[31m[-${seg.text}-]\x1b[0m` : `[-${seg.text}-]`) : seg.text,
        )
        .join('');
    let out: string;
    if (o.unit) {
      out = render(showUnit(a.tree, o.unit, false), showUnit(b.tree, o.unit, false));
    } else {
      // the whole law: every § whose words differ, each with its own diff
      const texts = (t: Law) => new Map(t.body.flatMap((n) => (n.kind === 'paragraph' ? [[n.id, paragraphText(n)] as const] : [])));
      const ma = texts(a.tree);
      const mb = texts(b.tree);
      const ids = [...new Set([...ma.keys(), ...mb.keys()])].sort((x, y) => compareLabels(x.slice(5), y.slice(5)));
      out = ids
        .filter((id) => ma.get(id) !== mb.get(id))
        .map((id) => `${humanLabelFromId(id)}\n${render(ma.get(id) ?? '', mb.get(id) ?? '')}`)
        .join('\n\n');
    }
    process.stdout.write((out || '(no differences)') + '\n');
  });

program
  .command('changes')
  .description('the effects table: one row per operation')
  .option('--act <act>', 'only this act')
  .option('--law <law>', 'only this law')
  .option('--json', 'JSON output')
  .action((o: { act?: string; law?: string; json?: boolean }) => {
    const { manifest } = ctx();
    if (o.act) findAct(manifest, o.act);
    if (o.law) findLaw(manifest, o.law);
    const rows = consolidate(corpus()).changes.filter((r) => (!o.act || r.act === o.act) && (!o.law || r.law === o.law));
    if (o.json) return void process.stdout.write(stableJson(rows));
    for (const r of rows) console.log(`${r.source.file}:${r.source.line}:${r.source.column}: ${r.effective ?? '????-??-??'} ${r.law || '-'} ${r.path}: ${r.action} ${r.target} [${r.status}]${r.reason ? ' – ' + r.reason : ''}`);
  });

function stepOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--from <file>', 'the law text valid the day before (either Markdown dialect)')
    .requiredOption('--date <date>', 'apply the operations that enter into force on this date')
    .addOption(new Option('--except <paths...>', 'instruction paths to leave out, e.g. "Artikel 5 Nummer 2"'));
}

function runStep(lawId: string, o: { from: string; date: string; except?: string[] }) {
  const { manifest } = ctx();
  findLaw(manifest, lawId);
  checkDate(o.date);
  const before = parseStatute(readTextFile(resolve(o.from)), { lawId });
  const except = o.except ?? [];
  const r = applyStep(corpus(), lawId, o.date, before, { except: (i) => except.some((e) => i.path === e || i.path.startsWith(e + ' ')) });
  return { ...r, before };
}

stepOptions(program.command('apply <law>').description('apply exactly one step to a law text and print the result as Markdown')).action(
  (lawId: string, o: { from: string; date: string; except?: string[] }) => {
    const r = runStep(lawId, o);
    printDiagnostics(r.diagnostics);
    process.stdout.write(serializeLaw(r.tree));
  },
);

stepOptions(program.command('verify <law>').description('apply one step and compare § by § with an official text'))
  .requiredOption('--against <file>', 'the official text of that date')
  .option('--json', 'JSON output')
  .action((lawId: string, o: { from: string; date: string; against: string; json?: boolean; except?: string[] }) => {
    const r = runStep(lawId, o);
    const official = parseStatute(readTextFile(resolve(o.against)), { lawId });
    const report = verifyAgainst(r.tree, official, r.changes);
    if (o.json) return void process.stdout.write(stableJson({ ...report, changes: r.changes, diagnostics: r.diagnostics }));
    printDiagnostics(r.diagnostics);
    process.stdout.write(formatVerifyReport(report) + '\n');
  });

program
  .command('facts')
  .description('eligibility facts with their value per period and the wording they rest on')
  .option('--date <date>', 'only the values valid on this date')
  .option('--fact <id>', 'only this fact (e.g. westbalkan.quota)')
  .option('--json', 'JSON output')
  .action((o: { date?: string; fact?: string; json?: boolean }) => {
    const date = checkDate(o.date);
    const c = corpus();
    const result = consolidate(c);
    const r = resolveCorpusFacts(c, result);
    if (o.fact && !r.timelines.some((t) => t.id === o.fact)) {
      throw new UserError(`unknown fact ${JSON.stringify(o.fact)} (known: ${r.timelines.map((t) => t.id).join(', ')})`, 'unknown-fact');
    }
    if (o.json) {
      const json = corpusFactsJson(result, r);
      const facts = json.facts
        .filter((f) => !o.fact || f.id === o.fact)
        .map((f) => ({ ...f, timeline: date ? f.timeline.filter((e) => e.validFrom <= date && (e.validTo === null || date <= e.validTo)) : f.timeline }));
      return void process.stdout.write(stableJson({ ...json, facts }));
    }
    printDiagnostics(r.diagnostics, 'error');
    process.stdout.write(formatFactsText(r.timelines, { date, factId: o.fact }) + '\n');
  });

program
  .command('check')
  .description("evaluate a person's profile against the pathways the corpus carries on a date (information, not legal advice)")
  .requiredOption('--profile <file>', 'profile JSON (see test/profiles/)')
  .option('--date <date>', 'the date to check (default: today)')
  .option('--json', 'JSON output')
  .action((o: { profile: string; date?: string; json?: boolean }) => {
    const date = checkDate(o.date) ?? new Date().toISOString().slice(0, 10);
    const profile = loadProfile(resolve(o.profile));
    const c = corpus();
    const r = resolveCorpusFacts(c, consolidate(c));
    const check = checkProfile(profile, date, r.context);
    if (o.json) return void process.stdout.write(stableJson(check));
    process.stdout.write(formatProfileCheckText(check) + '\n');
  });

program
  .command('site')
  .description('build the static point-in-time statute website')
  .option('--out <dir>', 'output directory', join(PROJECT_ROOT, 'consolidated', 'site'))
  .option('--no-search', 'skip the pagefind search index')
  .action(async (o: { out: string; search: boolean }) => {
    const c = corpus();
    const result = consolidate(c);
    const facts = await factsJsonFor(c, result);
    const { buildSite } = await import('./site/build-site.js');
    const r = await buildSite(siteInput(c, result, facts), resolve(o.out), { search: o.search });
    console.log(`site: ${r.pages} pages in ${r.ms.toFixed(0)} ms → ${resolve(o.out)}`);
  });

program
  .command('serve')
  .description('serve the built site on 127.0.0.1')
  .option('--dir <dir>', 'site directory', join(PROJECT_ROOT, 'consolidated', 'site'))
  .option('--port <port>', 'port', '8080')
  .action(async (o: { dir: string; port: string }) => {
    if (!existsSync(join(resolve(o.dir), 'index.html'))) throw new UserError(`no site in ${resolve(o.dir)}: run "fassung site" first`, 'site-missing');
    const { serveSite } = await import('./site/serve.js');
    const s = await serveSite(resolve(o.dir), Number(o.port));
    console.log(`serving ${resolve(o.dir)} on ${s.url ?? 'http://127.0.0.1:' + o.port}`);
  });

registerReconcile(program);

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`fassung: error[${e.code}]: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

void main();
