#!/usr/bin/env node
/**
 * fassung — consolidated German statutes from amending acts.
 *
 * Pipeline: act text → instructions → operations → statute tree → dated versions → facts → site.
 *
 * The contract (test/cli/contract.test.ts): exit code 0 ok, 1 failure or differences found (consolidate
 * or apply with errors, verify with differences, output locked), 2 usage or bad input; every error is
 * one line `fassung: error[code]: …` (a usage error adds where to look, never the whole help); output to
 * a closed pipe (`| head -1`) ends quietly; `--json` on every read command carries validity and
 * completeness. `runCli(argv, io)` runs the CLI in-process (tests); the bin wrapper at the end maps its
 * result to the process's exit code.
 *
 * New commands live in `src/cli/<command>.ts`, export `register<Command>(program)` and get one line in
 * buildProgram below; they reach the shared helpers through `contextOf(cmd)` (src/cli/context.ts).
 */
import { Command, CommanderError, Option } from 'commander';
import { existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from './diagnostics/diagnostic.js';
import { readCorpusText, readTextFile } from './corpus/manifest.js';
import { PROJECT_ROOT } from './package-root.js';
import { readJsonFile } from './corpus/read-file.js';
import { serializeLaw, serializeParagraph } from './model/serialize.js';
import { parseAddress, formatAddress } from './act/address.js';
import { describeOperation } from './act/operations.js';
import { resolveAddress } from './model/resolve-address.js';
import { paragraphText, unitText } from './model/text-of.js';
import { compareLabels, humanLabelFromId } from './model/labels.js';
import { acquireOutputLock, checkOutDir, consolidationFiles, OUTPUT_MARKER, outputContentUpToDate, outputUpToDate, recoverOutput, stableJson, writeOutputAtomic, writeOutputStamp } from './consolidate/write-output.js';
import { sha } from './cache/cache-root.js';
import { toolFingerprint } from './cache/derived-cache.js';
import type { Law, Paragraph } from './model/types.js';
import { attachContext, CliContext, contextOf, newCliCache, normalizeUnit, validityOf, versionOn, type CliCache, type CliIo } from './cli/context.js';
import { registerEval } from './cli/eval.js';
import { registerSynopsis } from './cli/synopsis.js';
import { registerReconcile } from './cli/reconcile.js';
import { provenanceOf, showWithProvenance, tierSummary } from './cli/provenance.js';

export { newCliCache, type CliCache, type CliIo };

function version(): string {
  try {
    const pkg = readJsonFile(join(PROJECT_ROOT, 'package.json'), { what: 'package.json' }) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** the addressed units of a tree; a unit given leniently ("§26 Abs. 2 S. 3") */
function unitsOf(tree: Law, unit: string) {
  const addr = parseAddress(normalizeUnit(unit));
  if (!addr) throw new UserError(`unit not understood: ${JSON.stringify(unit)} (write e.g. "§ 26 Abs. 2 Satz 3" or "§26 Abs. 2 S. 3")`, 'unknown-unit');
  const r = resolveAddress(tree, addr);
  if (!r.ok) throw new UserError(`${r.code}: ${r.message.split('\n')[0]}`, 'unknown-unit');
  return r.units;
}

function unitTextOf(tree: Law, unit: string): string {
  return unitsOf(tree, unit)
    .map((u) => (u.kind === 'paragraph' ? serializeParagraph(u, { dialect: 'gesetze-tools' }) : `${humanLabelFromId(u.id)}\n${unitText(u)}`))
    .join('\n\n');
}

/** ports as users type them: an integer 0–65535 */
function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw.trim()) || Number(raw) > 65535) throw new UserError(`--port: not a port number 0–65535: ${JSON.stringify(raw)}`, 'bad-port');
  return Number(raw);
}

/** the check's text, with each caveat and each quoted wording said once (later: a reference back) */
function sayOnce(text: string): string {
  const caveats: string[] = [];
  const quoted = new Set<string>();
  const lines = text.split('\n').map((line) => {
    const c = / — cannot be relied on: (.{200,})$/.exec(line);
    if (c) {
      let k = caveats.indexOf(c[1]);
      if (k < 0) k = caveats.push(c[1]) - 1;
      return `${line.slice(0, c.index)} — cannot be relied on (caveat [${k + 1}] below)`;
    }
    const q = /^(\s+\S.*?\]): („.*“)$/.exec(line);
    if (q && q[2].length > 30) {
      if (quoted.has(line)) return `${q[1]}: (wording quoted above)`;
      quoted.add(line);
    }
    return line;
  });
  let out = lines.join('\n').replace(/\n+$/, '\n');
  if (caveats.length) out += '\n' + caveats.map((c, i) => `caveat [${i + 1}]: ${c}`).join('\n') + '\n';
  return out;
}

function registerCoreCommands(program: Command): void {
  program
    .command('laws')
    .description('list the laws and acts of the manifest')
    .option('--json', 'JSON output')
    .action(function (this: Command, o: { json?: boolean }) {
      const c = contextOf(this);
      const { manifest } = c.ctx();
      if (o.json) return void c.out(stableJson(manifest));
      for (const l of manifest.laws) c.line(`${l.id.padEnd(10)} ${l.abbreviation.padEnd(9)} ${l.title} (base: ${l.base.file}, Stand: ${l.base.stand})`);
      for (const a of manifest.acts) c.line(`${a.id.padEnd(16)} ${a.citation}: ${a.title} vom ${a.date}${a.missing ? ' — text incomplete' : ''}`);
    });

  program
    .command('show <law>')
    .description('print a law (or one unit) — the base text, or the text valid on --date')
    .option('--unit <unit>', 'unit, e.g. "§ 26 Abs. 2 Satz 3" (also "§26 Abs. 2 S. 3")')
    .option('--date <date>', 'the text valid on this date (2024-03-01 or 1.3.2024)')
    .option('--json', 'JSON output with validity and completeness')
    .action(async function (this: Command, lawName: string, o: { unit?: string; date?: string; json?: boolean }) {
      const c = contextOf(this);
      const { dir } = c.ctx();
      const law = c.law(lawName);
      const date = c.checkDate(o.date);
      let tree: Law;
      let validity: ReturnType<typeof validityOf> | undefined;
      let provenance: Map<string, object> | undefined;
      if (date || o.json) {
        const lv = await c.lawVersions(law);
        const v = date ? versionOn(lv, law, date) : lv.versions[0];
        if (!v.complete && !o.json) c.err(`note: this version of ${law.abbreviation} (valid from ${v.validFrom}) is incomplete: ${v.missing.length} change(s) not applied (see --json or "fassung versions ${law.id}")\n`);
        // the version's units with their tier and source (derived, official, pending)
        if (date && v.units && !o.json) return void c.out(showWithProvenance(law.abbreviation, v, o.unit, (t, unit) => (unit ? unitTextOf(t, unit) : serializeLaw(t, 'gesetze-tools'))) + '\n');
        tree = v.tree;
        validity = { ...validityOf(v), ...(v.units ? { tiers: v.tiers } : {}) };
        provenance = v.units ? new Map(provenanceOf(v, undefined).map((u) => [u.id, { tier: u.tier, since: u.since, source: u.source }])) : undefined;
      } else {
        const { parseStatute } = await import('./model/parse-statute.js');
        tree = parseStatute(readCorpusText(dir, law.base.file, { what: `base text of ${law.abbreviation}` }), { lawId: law.id });
      }
      if (o.json) {
        // each unit with the tier and source of its § (or Anlage) in this version
        const units = o.unit ? unitsOf(tree, o.unit).map((u) => ({ id: u.id, label: humanLabelFromId(u.id), text: unitText(u), node: u, ...(provenance?.get(u.id.split('/')[0]) ?? {}) })) : undefined;
        return void c.out(stableJson({ law: law.id, abbreviation: law.abbreviation, date: date ?? null, ...validity!, unit: o.unit ?? null, ...(units ? { units } : { tree }) }));
      }
      c.out((o.unit ? unitTextOf(tree, o.unit) : serializeLaw(tree, 'gesetze-tools')).replace(/\n*$/, '\n'));
    });

  program
    .command('instructions <act>')
    .description('list every instruction of an act with path, source line, in-force date and operations')
    .option('--json', 'JSON output')
    .option('--stats', 'counts per action and status')
    .action(async function (this: Command, actId: string, o: { json?: boolean; stats?: boolean }) {
      const c = contextOf(this);
      // an act of the manifest by its id, or any act file (text or a BGBl PDF) by its path
      const isFile = !/^[a-z0-9-]+$/.test(actId) || (!c.ctx().manifest.acts.some((a) => a.id === actId) && existsSync(c.path(actId)));
      const { loadActFileAlone, readActText } = await import('./cli/act-file.js');
      const act = isFile ? loadActFileAlone(actId, await readActText(c.path(actId))) : (await c.corpus()).acts.find((a) => a.entry.id === c.act(actId).id)!;
      const entry = act.entry;
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
        if (o.json) return void c.out(stableJson({ act: entry.id, instructions: rows.length, byStatus, byAction }));
        c.line(`${entry.id}: ${rows.length} instructions`);
        for (const [k, v] of Object.entries(byStatus).sort()) c.line(`  status ${k.padEnd(16)} ${v}`);
        for (const [k, v] of Object.entries(byAction).sort()) c.line(`  action ${k.padEnd(16)} ${v}`);
        return;
      }
      if (o.json) return void c.out(stableJson({ act: entry.id, inkrafttreten: act.inkrafttreten, diagnostics: act.diagnostics, instructions: rows }));
      rows.forEach((r, k) => {
        c.line(`${r.source.file}:${r.source.line}: ${r.path} [${r.status}] ${r.law ?? '(not in corpus)'} in force ${r.effective ?? 'unknown'}`);
        for (const op of act.instructions[k].operations) c.line(`    ${describeOperation(op)}`);
        for (const d of r.diagnostics) c.line(`    ${d.severity}[${d.code}]: ${d.message}`);
      });
      c.printDiagnostics(act.diagnostics);
    });

  program
    .command('consolidate')
    .description('build every version of every law and write them (Markdown + JSON), the effects table and diagnostics; exit code 1 when errors were reported')
    .option('--out <dir>', 'output folder (a fassung output folder, an empty or a new one)', join(PROJECT_ROOT, 'consolidated'))
    .option('--json', 'print the summary as JSON')
    .option('--verbose', 'print warnings too')
    .action(async function (this: Command, o: { out: string; json?: boolean; verbose?: boolean }) {
      const c = contextOf(this);
      const out = checkOutDir(o.out, { cwd: c.cwd, protect: [PROJECT_ROOT, c.ctx().dir] });
      const cached = await c.consolidation();
      const result = { ...cached, diagnostics: [...cached.diagnostics] };
      const { factsOutputFile } = await import('./pipeline.js');
      const facts = await c.facts();
      result.diagnostics.push(...facts.diagnostics);
      // the same tool on the same inputs: an output folder still as the last run left it stays as it is
      const key = c.consolidationKey && c.factsKey ? sha(toolFingerprint(), 'consolidate-output', c.consolidationKey, c.factsKey) : undefined;
      const files = consolidationFiles(result, [factsOutputFile(result, facts)]);
      const unchanged = !writeOutputAtomic(out, files, { onWait: (m) => c.err(m + '\n'), key });
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
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors) c.exitCode = 1;
      if (o.json) return void c.out(stableJson({ out, errors, summary }));
      c.printDiagnostics(result.diagnostics, o.verbose ? 'warning' : 'error');
      for (const s of summary) {
        c.line(`${s.law}: ${s.versions} versions ${unchanged ? 'up to date' : 'written'}, operations applied ${s.applied}, failed ${s.failed}, text incomplete ${s.incomplete}${s.complete ? '' : ' (some versions incomplete)'}`);
      }
      c.line(`output: ${out}${unchanged ? ' (unchanged: same tool, same inputs; nothing rewritten)' : ''}`);
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
      if (warnings && !o.verbose) c.line(`${warnings} warnings (typos read as meant, truncated act text, missing Inhaltsübersicht, facts read from incomplete versions): see diagnostics.json, or rerun with --verbose`);
      if (errors) c.err(`fassung: ${errors} error(s) reported (see above and diagnostics.json); the output was written\n`);
    });

  program
    .command('versions <law>')
    .description('list the versions of a law with their validity')
    .option('--json', 'JSON output')
    .action(async function (this: Command, lawName: string, o: { json?: boolean }) {
      const c = contextOf(this);
      const law = c.law(lawName);
      const lv = await c.lawVersions(law);
      const rows = lv.versions.map((v) => ({ ...validityOf(v), changes: v.changes.length, tiers: v.tiers, official: v.official }));
      if (o.json) return void c.out(stableJson(rows));
      lv.versions.forEach((v, k) => {
        const r = rows[k];
        const changes = r.isBase ? 'Basistext' : `${r.changes} ${r.changes === 1 ? 'Änderung' : 'Änderungen'}`;
        c.line(`${r.validFrom} – ${r.validTo ?? 'offen'}  ${changes}${r.complete ? '' : `  UNVOLLSTÄNDIG: ${r.missing.length} ${r.missing.length === 1 ? 'Punkt' : 'Punkte'} nicht angewendet`}`);
        if (v.tiers) c.line(`    §§ je Stufe: ${tierSummary(v)}${v.official ? ` (verglichen mit ${v.official})` : ''}`);
      });
    });

  program
    .command('diff <law>')
    .description('word diff of a law (or a unit) between two dates')
    .requiredOption('--from <date>', 'first date')
    .requiredOption('--to <date>', 'second date (not before --from)')
    .option('--unit <unit>', 'unit, e.g. "§ 26"')
    .option('--json', 'JSON output with the validity of both versions')
    .addOption(new Option('--format <format>', 'text (word diff), synopsis (old and new side by side, Absätze and Nummern kept) or json').choices(['text', 'synopsis', 'json']).default('text'))
    .action(async function (this: Command, lawName: string, o: { from: string; to: string; unit?: string; json?: boolean; format?: string }) {
      const c = contextOf(this);
      if (o.format === 'json') o.json = true;
      const law = c.law(lawName);
      const from = c.checkDate(o.from, '--from')!;
      const to = c.checkDate(o.to, '--to')!;
      if (from > to) throw new UserError(`--from ${from} is after --to ${to} (swap them)`, 'bad-date');
      const lv = await c.lawVersions(law);
      const { wordDiff } = await import('./text/word-diff.js');
      const a = versionOn(lv, law, from);
      const b = versionOn(lv, law, to);
      // the units compared: one (--unit) or every § of the law
      let pairs: Array<{ label: string; before: string | null; after: string | null }>;
      if (o.unit) {
        pairs = [{ label: normalizeUnit(o.unit), before: unitTextOf(a.tree, o.unit), after: unitTextOf(b.tree, o.unit) }];
      } else {
        const texts = (t: Law) => new Map(t.body.flatMap((n) => (n.kind === 'paragraph' ? [[n.id, paragraphText(n)] as const] : [])));
        const ma = texts(a.tree);
        const mb = texts(b.tree);
        const ids = [...new Set([...ma.keys(), ...mb.keys()])].sort((x, y) => compareLabels(x.slice(5), y.slice(5)));
        pairs = ids.map((id) => ({ label: humanLabelFromId(id), before: ma.get(id) ?? null, after: mb.get(id) ?? null }));
      }
      const changed = pairs.filter((p) => p.before !== p.after);
      if (o.format === 'synopsis') {
        const { alignBlocks, paragraphBlocks } = await import('./site/synopsis.js');
        // old and new side by side per changed §, row by row along Absätze, Sätze and list items
        const para = (t: Law, label: string) => t.body.find((n): n is Paragraph => n.kind === 'paragraph' && `§ ${n.label}` === label);
        const labels = o.unit ? [`§ ${/§\s*(\d+[a-z]*)/.exec(normalizeUnit(o.unit))?.[1] ?? ''}`] : changed.map((p) => p.label);
        const width = 58;
        // both columns wrapped at word boundaries, line by line side by side
        const wrap = (t: string): string[] => {
          const lines: string[] = [];
          let cur = '';
          for (const w of t.split(/\s+/).filter(Boolean)) {
            if (cur && (cur + ' ' + w).length > width) {
              lines.push(cur);
              cur = w;
            } else cur = cur ? `${cur} ${w}` : w;
          }
          if (cur || !lines.length) lines.push(cur);
          return lines;
        };
        const out: string[] = [`${law.abbreviation}: Synopse ${a.validFrom} → ${b.validFrom}`, `${'bisherige Fassung'.padEnd(width)} | neue Fassung`];
        for (const label of labels) {
          const rows = alignBlocks(paragraphBlocks(para(a.tree, label)), paragraphBlocks(para(b.tree, label)));
          if (!rows.some((r) => r.changed)) continue;
          out.push('', label);
          for (const r of rows) {
            const indent = '  '.repeat(r.depth);
            const left = r.oldText === undefined ? '' : `${indent}${r.oldLabel} ${r.oldText}`.trimEnd();
            const right = r.newText === undefined ? '' : `${indent}${r.newLabel} ${r.newText}`.trimEnd();
            const l = wrap(left);
            const rr = wrap(right);
            for (let k = 0; k < Math.max(l.length, rr.length); k++) out.push(`${k === 0 && r.changed ? '*' : ' '} ${(l[k] ?? '').padEnd(width)} | ${rr[k] ?? ''}`.trimEnd());
          }
        }
        if (out.length === 2) return void c.line(`no change: ${o.unit ? normalizeUnit(o.unit) : law.abbreviation} is the same on ${from} and ${to}`);
        return void c.line(out.join('\n'));
      }
      if (o.json) {
        return void c.out(
          stableJson({
            law: law.id,
            abbreviation: law.abbreviation,
            from: { date: from, ...validityOf(a) },
            to: { date: to, ...validityOf(b) },
            unit: o.unit ? normalizeUnit(o.unit) : null,
            sameVersion: a === b,
            changed: changed.map((p) => ({ label: p.label, before: p.before, after: p.after, diff: wordDiff(p.before ?? '', p.after ?? '') })),
          }),
        );
      }
      for (const v of a === b ? [a] : [a, b]) if (!v.complete) c.err(`note: the version of ${law.abbreviation} valid from ${v.validFrom} is incomplete (${v.missing.length} change(s) not applied)\n`);
      if (!changed.length) {
        const what = o.unit ? normalizeUnit(o.unit) : law.abbreviation;
        const why = a === b ? `both dates fall within the version valid from ${a.validFrom}${a.validTo ? ` to ${a.validTo}` : ''}` : `the versions from ${a.validFrom} and ${b.validFrom} have the same words`;
        return void c.line(`no change: ${what} is the same on ${from} and ${to} (${why})`);
      }
      const color = !!c.io.isTTY;
      const render = (ta: string, tb: string) =>
        wordDiff(ta, tb)
          .map((seg) =>
            seg.type === 'ins' ? (color ? `\x1b[32m{+${seg.text}+}\x1b[0m` : `{+${seg.text}+}`) : seg.type === 'del' ? (color ? `\x1b[31m[-${seg.text}-]\x1b[0m` : `[-${seg.text}-]`) : seg.text,
          )
          .join('');
      c.line(changed.map((p) => (o.unit ? render(p.before ?? '', p.after ?? '') : `${p.label}\n${render(p.before ?? '', p.after ?? '')}`)).join('\n\n'));
    });

  program
    .command('changes')
    .description('the effects table: one row per operation')
    .option('--act <act>', 'only this act')
    .option('--law <law>', 'only this law')
    .option('--json', 'JSON output')
    .action(async function (this: Command, o: { act?: string; law?: string; json?: boolean }) {
      const c = contextOf(this);
      const act = o.act ? c.act(o.act).id : undefined;
      const law = o.law ? c.law(o.law).id : undefined;
      const rows = (await c.consolidation()).changes.filter((r) => (!act || r.act === act) && (!law || r.law === law));
      if (o.json) return void c.out(stableJson(rows));
      for (const r of rows) c.line(`${r.source.file}:${r.source.line}:${r.source.column}: ${r.effective ?? '????-??-??'} ${r.law || '-'} ${r.path}: ${r.action} ${r.target} [${r.status}]${r.reason ? ' – ' + r.reason : ''}`);
    });

  const stepOptions = (cmd: Command): Command =>
    cmd
      .requiredOption('--from <file>', 'the law text valid the day before (either Markdown dialect)')
      .requiredOption('--date <date>', 'apply the operations that enter into force on this date')
      .addOption(new Option('--except <paths...>', 'instruction paths to leave out, e.g. "Artikel 5 Nummer 2"'));

  const runStep = async (c: CliContext, lawName: string, o: { from: string; date: string; except?: string[] }) => {
    const law = c.law(lawName);
    const date = c.checkDate(o.date)!;
    const { parseStatute } = await import('./model/parse-statute.js');
    const { applyStep } = await import('./consolidate/consolidate.js');
    const before = parseStatute(readTextFile(c.path(o.from), { what: '--from text' }), { lawId: law.id });
    const except = o.except ?? [];
    const r = applyStep(await c.corpus(), law.id, date, before, { except: (i) => except.some((e) => i.path === e || i.path.startsWith(e + ' ')) });
    return { ...r, law, before };
  };

  program
    .command('apply [law]')
    .description('apply exactly one step to a law text and print the result as Markdown; with --act, any act file (text or PDF) to any law text, no manifest; exit code 1 when an operation failed or, with --date, an instruction was left out because its in-force date is unknown')
    .requiredOption('--from <file>', 'the law text valid the day before (either Markdown dialect)')
    .option('--date <date>', 'apply the operations that enter into force on this date (with --act and no date: every instruction)')
    .option('--act <file>', 'an act file outside the manifest (text or BGBl PDF)')
    .addOption(new Option('--except <paths...>', 'instruction paths to leave out, e.g. "Artikel 5 Nummer 2"'))
    .action(async function (this: Command, lawName: string | undefined, o: { from: string; date?: string; act?: string; except?: string[] }) {
      const c = contextOf(this);
      if (o.act) {
        const date = c.checkDate(o.date);
        const { applyActFile, readActText } = await import('./cli/act-file.js');
        const r = applyActFile(o.act, await readActText(c.path(o.act)), c.path(o.from), { law: lawName, date, except: o.except });
        c.printDiagnostics(r.diagnostics);
        c.out(serializeLaw(r.tree));
        if (r.diagnostics.some((d) => d.severity === 'error')) c.exitCode = 1;
        if (r.undated) {
          // the step may lack them: not everything was applied, as with a failed operation
          c.exitCode = 1;
          c.err(`fassung: ${r.undated} instruction(s) not applied: their in-force date is unknown (see effective-date-unknown above); the text printed may lack them\n`);
        }
        return;
      }
      if (!lawName) throw new UserError('apply: name a law of the manifest, or give --act FILE (see fassung apply --help)', 'usage');
      if (!o.date) throw new UserError('apply: --date is required for a law of the manifest (see fassung apply --help)', 'usage');
      const r = await runStep(c, lawName, { ...o, date: o.date });
      c.printDiagnostics(r.diagnostics);
      c.out(serializeLaw(r.tree));
      const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors) {
        c.exitCode = 1;
        c.err(`fassung: ${errors} error(s): the text printed lacks those changes\n`);
      }
    });

  stepOptions(program.command('verify <law>').description('apply one step and compare § by § with an official text; exit code 1 when provisions differ'))
    .requiredOption('--against <file>', 'the official text of that date')
    .option('--json', 'JSON output')
    .action(async function (this: Command, lawName: string, o: { from: string; date: string; against: string; json?: boolean; except?: string[] }) {
      const c = contextOf(this);
      const r = await runStep(c, lawName, o);
      const { parseStatute } = await import('./model/parse-statute.js');
      const { formatVerifyReport, verifyAgainst } = await import('./consolidate/verify.js');
      const official = parseStatute(readTextFile(c.path(o.against), { what: '--against text' }), { lawId: r.law.id });
      const report = verifyAgainst(r.tree, official, r.changes);
      if (report.differ.length) c.exitCode = 1;
      if (o.json) return void c.out(stableJson({ ...report, changes: r.changes, diagnostics: r.diagnostics }));
      c.printDiagnostics(r.diagnostics);
      c.line(formatVerifyReport(report));
    });

  /** a date for facts and check: never before the corpus's first version */
  const factsDate = (c: CliContext, raw: string | undefined): string | undefined => {
    const date = c.checkDate(raw);
    if (date && date < c.firstDay()) throw new UserError(`--date ${date} is before any version in the corpus (the first is valid from ${c.firstDay()})`, 'no-version');
    return date;
  };

  program
    .command('facts')
    .description('eligibility facts with their value per period and the wording they rest on')
    .option('--date <date>', 'only the values valid on this date')
    .option('--fact <id>', 'only this fact (e.g. westbalkan.quota)')
    .option('--json', 'JSON output')
    .action(async function (this: Command, o: { date?: string; fact?: string; json?: boolean }) {
      const c = contextOf(this);
      const date = factsDate(c, o.date);
      const r = await c.facts();
      if (o.fact && !r.timelines.some((t) => t.id === o.fact)) {
        throw new UserError(`unknown fact ${JSON.stringify(o.fact)} (known: ${r.timelines.map((t) => t.id).join(', ')})`, 'unknown-fact');
      }
      if (o.json) {
        const { corpusFactsJson } = await import('./pipeline.js');
        const json = corpusFactsJson(await c.consolidation(), r);
        const facts = json.facts
          .filter((f) => !o.fact || f.id === o.fact)
          .map((f) => ({ ...f, timeline: date ? f.timeline.filter((e) => e.validFrom <= date && (e.validTo === null || date <= e.validTo)) : f.timeline }));
        return void c.out(stableJson({ ...json, facts }));
      }
      c.printDiagnostics(r.diagnostics, 'error');
      const { formatFactsText } = await import('./facts/output.js');
      c.line(formatFactsText(r.timelines, { date, factId: o.fact }));
    });

  program
    .command('check')
    .description("evaluate a person's profile against the pathways the corpus carries on a date (information, not legal advice)")
    .requiredOption('--profile <file>', 'profile JSON (see test/profiles/)')
    .option('--date <date>', 'the date to check (without it: today, and the answer says so)')
    .option('--json', 'JSON output')
    .action(async function (this: Command, o: { profile: string; date?: string; json?: boolean }) {
      const c = contextOf(this);
      let date = factsDate(c, o.date);
      if (!date) {
        date = c.today();
        c.err(`note: no --date given: checking for today, ${date}\n`);
      }
      const file = c.path(o.profile);
      const { loadProfile } = await import('./facts/profile.js');
      const { checkProfile, formatProfileCheckText } = await import('./facts/check-profile.js');
      const profile = loadProfile(file);
      const check = checkProfile(profile, date, (await c.facts()).context);
      if (o.json) return void c.out(stableJson(check));
      c.out(sayOnce(formatProfileCheckText(check)));
    });

  program
    .command('site')
    .description('build the static point-in-time statute website')
    .option('--out <dir>', 'output folder', join(PROJECT_ROOT, 'consolidated', 'site'))
    .option('--no-search', 'skip the pagefind search index')
    .action(async function (this: Command, o: { out: string; search: boolean }) {
      const c = contextOf(this);
      const out = checkOutDir(o.out, { cwd: c.cwd, protect: [PROJECT_ROOT, c.ctx().dir] });
      const { siteCodeChangedSinceStart, siteContentKey } = await import('./site/site-key.js');
      const result = await c.consolidation();
      const factsResult = await c.facts();
      // the same tool on the same inputs: a site still as the last run left it stays as it is
      const key = c.consolidationKey && c.factsKey ? sha(toolFingerprint(), 'site', c.consolidationKey, c.factsKey, o.search ? 'search' : 'no-search') : undefined;
      const lock = acquireOutputLock(out, { onWait: (m) => c.err(m + '\n') });
      try {
        recoverOutput(out); // a swap a crashed build left half done is finished, its temporary folders removed
        if (outputUpToDate(out, key)) return void c.line(`site: up to date (same tool, same inputs; nothing rebuilt) → ${out}`);
        const corpus = await c.corpus();
        const { corpusFactsJson } = await import('./pipeline.js');
        const facts = corpusFactsJson(result, factsResult);
        const { buildSite } = await import('./site/build-site.js');
        const { siteInput } = await import('./site-input.js');
        const input = siteInput(corpus, result, facts);
        // the tool changed, but not what the site is made of (its input, its code): keep it
        const content = siteContentKey(input, { search: o.search });
        if (content && outputContentUpToDate(out, content)) {
          if (key) writeOutputStamp(out, key, [], content);
          return void c.line(`site: up to date (same pages: the site's input and code are unchanged; nothing rebuilt) → ${out}`);
        }
        const r = await buildSite(input, out, {
          search: o.search,
          // last in the finished folder, before the swap: after a crash the next `site` run restores a site
          // (recoverOutput); a `consolidate` run first rebuilds without it and the next `site` builds it anew
          beforeSwap: (dir) => writeFileSync(join(dir, OUTPUT_MARKER), 'This folder is generated by fassung (site) and replaced as a whole on every run.\n'),
        });
        // code written while this process ran may not be the code it loaded: no content key then
        if (key) writeOutputStamp(out, key, [], siteCodeChangedSinceStart() ? undefined : content);
        c.line(`site: ${r.pages} pages in ${r.ms.toFixed(0)} ms → ${out}`);
      } finally {
        lock.release();
      }
    });

  program
    .command('serve')
    .description('serve the built site on 127.0.0.1')
    .option('--dir <dir>', 'site directory', join(PROJECT_ROOT, 'consolidated', 'site'))
    .option('--port <port>', 'port (0 picks a free one)', '8080')
    .action(async function (this: Command, o: { dir: string; port: string }) {
      const c = contextOf(this);
      const port = parsePort(o.port);
      const dir = c.path(o.dir);
      if (!statSync(join(dir, 'index.html'), { throwIfNoEntry: false })?.isFile()) throw new UserError(`no site in ${dir}: run "fassung site" first`, 'site-missing');
      const { serveSite } = await import('./site/serve.js');
      const s = await serveSite(dir, port).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE') throw new UserError(`--port ${port} is in use (choose another, or 0 for a free one)`, 'port-in-use');
        if (e.code === 'EACCES') throw new UserError(`--port ${port} needs privileges (choose one above 1023)`, 'port-denied');
        throw e;
      });
      c.line(`serving ${dir} on ${s.url}`);
    });
}

/** A fresh program for one run (commander keeps parsed options on the program). */
export function buildProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('fassung')
    .description('Consolidated German statutes (AufenthG, BeschV, AufenthV) from amending acts, dated versions, facts and a statute website.')
    .version(version(), '-V, --version', 'print the version')
    .option('--corpus <dir>', 'corpus directory (default ../shared/corpus, or $FASSUNG_CORPUS)')
    .option('--manifest <file>', 'manifest file (default corpus/manifest.json of the project)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: () => {}, // runCli prints usage errors itself, in one line
    });
  attachContext(program, new CliContext(program, io));
  registerCoreCommands(program);
  // New commands: one registration line each (src/cli/<command>.ts exporting register<Command>(program)).
  registerEval(program);
  registerSynopsis(program);
  registerReconcile(program);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} });
  return program;
}

const SYSTEM_ERROR = /^E[A-Z0-9]+$/;

/**
 * Run the CLI with `argv` (the arguments after the program name) and return the exit code; all output
 * goes to `io`. Never calls process.exit.
 */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = {
    stdout: io.stdout ?? ((s) => void process.stdout.write(s)),
    stderr: io.stderr ?? ((s) => void process.stderr.write(s)),
    ...io,
  } as CliIo;
  const program = buildProgram(full);
  const line = (code: string, message: string) => full.stderr(`fassung: error[${code}]: ${message}\n`);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return contextOf(program).exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.exitCode === 0) return 0;
      const sub = program.commands.find((c) => argv.includes(c.name()));
      const help = sub ? `fassung ${sub.name()} --help` : 'fassung --help';
      line('usage', `${e.message.replace(/^error:\s*/, '').split('\n')[0]} (see "${help}")`);
      return 2;
    }
    if (e instanceof UserError) {
      // a listing ("malformed manifest X:\n  - a\n  - b") becomes one line: "…: a; b"
      line(e.code, e.message.replace(/:\s*\n\s*-\s*/, ': ').replace(/\s*\n\s*-\s*/g, '; ').replace(/\s*\n\s*/g, ' '));
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && SYSTEM_ERROR.test(err.code)) {
      line(err.code.toLowerCase(), (err.message ?? String(e)).split('\n')[0]);
      return 2;
    }
    const env = full.env ?? process.env;
    if (env.FASSUNG_DEBUG) full.stderr(`${(err && err.stack) || String(e)}\n`);
    line('internal', `${String((err && err.message) || e).split('\n')[0]} (a bug in fassung; FASSUNG_DEBUG=1 shows where)`);
    return 2;
  }
}

/** The bin wrapper: a closed stdout (`| head -1`) ends the process quietly; the result is the exit code. */
async function main(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      process.exit(2);
    });
  }
  process.exitCode = await runCli(process.argv.slice(2), { isTTY: !!process.stdout.isTTY });
}

function invokedDirectly(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) void main();
