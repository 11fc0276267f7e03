/**
 * checkProfile with the example profiles of test/profiles on the facts resolved from the official snapshots,
 * plus hand-made versions for 1.6.2024 (BeschV quota replaced, AufenthG incomplete with the act's text).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfile, formatProfileCheckText, DISCLAIMER, type ProfileCheck } from '../../src/facts/check-profile.js';
import { loadProfile, validateProfile, experienceWithin, inIscoGroups } from '../../src/facts/profile.js';
import { resolveFacts } from '../../src/facts/resolve-facts.js';
import { officialSnapshotsFromManifest } from '../../src/facts/official-snapshots.js';
import { pendingActText } from '../../src/facts/act-text.js';
import { findById } from '../../src/model/walk.js';
import { UserError } from '../../src/diagnostics/diagnostic.js';
import type { CheckContext } from '../../src/facts/facts-on-date.js';
import type { PathwayResult } from '../../src/facts/pathways/common.js';
import { CORPUS, acts, catalogue, changeRecord, cloneTree, manifest, official, parameters, versionsFromOfficial } from './helpers.js';

const NBSP = '\u00a0';
const PROFILES = join(import.meta.dirname, '..', 'profiles');
const cook = loadProfile(join(PROFILES, 'kosovar-cook.json'));
const developer = loadProfile(join(PROFILES, 'software-developer.json'));
const recognised = loadProfile(join(PROFILES, 'recognised-vocational-no-offer.json'));

function buildContext(): CheckContext {
  // TODO(consolidation): replace both hand-made 1.6.2024 versions by the engine's versions.
  const beschv0601 = cloneTree(official('beschv', '2024-03-01'));
  const quota = findById(beschv0601, 'para-26/abs-2/satz-3');
  if (quota?.kind !== 'satz') throw new Error('no quota Satz');
  quota.text = quota.text!.replace(/25[\s\u00a0]000/u, `50${NBSP}000`);
  const aufenthg0601 = official('aufenthg', '2024-03-01'); // the consolidation lacks most of Artikel 3
  const changes = [changeRecord({ act: 'bgbl-2023-i-233', artikel: '3', path: 'Artikel 3 Nummer 1', law: 'beschv', targetId: 'para-26/abs-2/satz-3', paragraphId: 'para-26' })];
  const { timelines } = resolveFacts({
    laws: [
      versionsFromOfficial('beschv', [{ validFrom: '2024-06-01', tree: beschv0601, changes: [0] }]),
      versionsFromOfficial('aufenthv'),
      versionsFromOfficial('aufenthg', [{ validFrom: '2024-06-01', tree: aufenthg0601, complete: false, missing: ['Artikel 3 des Gesetzes BGBl. 2023 I Nr. 217 ab Seite 19: Text nicht im Korpus'] }]),
    ],
    changes,
    catalogue,
    parameters,
    ...officialSnapshotsFromManifest(manifest, CORPUS),
    actText: pendingActText({ acts: acts(), catalogue }),
  });
  return { timelines, catalogue, parameters };
}

const ctx = buildContext();

function pathway(check: ProfileCheck, id: PathwayResult['id']): PathwayResult {
  return check.pathways.find((p) => p.id === id)!;
}

function outcomes(check: ProfileCheck): Record<string, string> {
  return Object.fromEntries(check.pathways.map((p) => [p.id, p.outcome]));
}

function reasonTexts(p: PathwayResult): string {
  return p.reasons.map((r) => `${r.status}: ${r.text}`).join('\n');
}

describe('every check', () => {
  it('states that it is information, not legal advice, and cites provisions with their words and tier', () => {
    const check = checkProfile(cook, '2023-11-01', ctx);
    expect(check.disclaimer).toBe(DISCLAIMER);
    expect(DISCLAIMER.de).toMatch(/^Information, keine Rechtsberatung/);
    expect(DISCLAIMER.en).toMatch(/^Information, not legal advice/);
    const text = formatProfileCheckText(check);
    expect(text.startsWith(DISCLAIMER.en)).toBe(true);
    for (const p of check.pathways) {
      for (const r of p.reasons.filter((x) => x.status !== 'info')) {
        for (const c of r.citations) {
          expect(c.wording.length).toBeGreaterThan(10);
          expect(['consolidated', 'official-snapshot', 'act-text']).toContain(c.tier);
        }
      }
    }
  });

  it('rejects an invalid date and a malformed profile with clear errors', () => {
    expect(() => checkProfile(cook, '2024-02-30', ctx)).toThrow(UserError);
    let err: unknown;
    try {
      validateProfile({ nationality: '', qualification: { kind: 'phd', recognition: 'yes' }, occupation: { isco08: 25 }, languages: { de: 'B3' }, jobOffer: 'ja', salary: 1 }, 'p.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const msg = (err as UserError).message;
    for (const part of ['unknown field "salary"', 'age or birthDate', 'nationality', 'qualification.kind', 'qualification.recognition', 'occupation.isco08', 'languages.de', 'jobOffer']) {
      expect(msg).toContain(part);
    }
  });
});

describe('Kosovar cook with a binding job offer', () => {
  it('2023-11-01: Westbalkanregelung applies, limited to the years 2021 to 2023, quota 25 000', () => {
    const check = checkProfile(cook, '2023-11-01', ctx);
    const wb = pathway(check, 'westbalkan');
    expect(wb.outcome).toBe('eligible');
    expect(wb.provision).toBe('BeschV § 26 Abs. 2');
    const limit = wb.reasons.find((r) => r.citations.some((c) => c.factId === 'westbalkan.time-limit'))!;
    expect(limit.status).toBe('met');
    expect(limit.text).toContain('„den Jahren 2021 bis einschließlich 2023“');
    expect(limit.citations[0]).toMatchObject({ law: 'BeschV', provision: '§ 26 Abs. 2 Satz 1', tier: 'consolidated' });
    expect(limit.citations[0].wording).toContain('in den Jahren 2021 bis einschließlich 2023');
    expect(reasonTexts(wb)).toContain(`at most 25${NBSP}000 approvals per calendar year`);
    expect(outcomes(check)).toEqual({ 'blaue-karte-eu': 'not-eligible', fachkraft: 'not-eligible', 'beschv-6': 'not-eligible', westbalkan: 'eligible', chancenkarte: 'not-eligible' });
  });

  it('2024-03-01: no longer limited in time, quota still 25 000', () => {
    const wb = pathway(checkProfile(cook, '2024-03-01', ctx), 'westbalkan');
    expect(wb.outcome).toBe('eligible');
    expect(reasonTexts(wb)).toContain('met: the rule is not limited in time on this day');
    expect(reasonTexts(wb)).toContain(`at most 25${NBSP}000 approvals per calendar year`);
  });

  it('2024-06-01: quota 50 000 (hand-made BeschV version, to be replaced by the consolidation)', () => {
    const check = checkProfile(cook, '2024-06-01', ctx);
    const wb = pathway(check, 'westbalkan');
    expect(wb.outcome).toBe('eligible');
    expect(reasonTexts(wb)).toContain(`at most 50${NBSP}000 approvals per calendar year`);
    // not a Fachkraft: the Chancenkarte depends on points, which the corpus cannot tell
    expect(pathway(check, 'chancenkarte').outcome).toBe('cannot-tell');
    expect(reasonTexts(pathway(check, 'chancenkarte'))).toContain('that text is not in the corpus');
  });

  it('2024-03-01: BeschV § 6 now open to any occupation, but 30 000 € is below 45 % of 90 600 €', () => {
    const p = pathway(checkProfile(cook, '2024-03-01', ctx), 'beschv-6');
    expect(p.outcome).toBe('not-eligible');
    expect(p.figures.map((f) => f.display)).toContain(`40${NBSP}770${NBSP}€`);
    expect(reasonTexts(p)).toContain('not-met: minimum salary 45');
  });
});

describe('software developer, ISCO-08 2512, degree, 44 000 € offer', () => {
  it('2023-11-01: no Blue Card — 44 000 € is below 52 % of 87 600 € = 45 552 € under § 18b Abs. 2', () => {
    const bc = pathway(checkProfile(developer, '2023-11-01', ctx), 'blaue-karte-eu');
    expect(bc.outcome).toBe('not-eligible');
    expect(bc.provision).toBe('AufenthG § 18b Abs. 2');
    const salary = bc.reasons.find((r) => r.status === 'not-met')!;
    expect(salary.text).toContain(`52${NBSP}% of the BBG 2023 (87${NBSP}600${NBSP}€) = 45${NBSP}552${NBSP}€`);
    expect(salary.citations.map((c) => c.provision)).toEqual(['§ 18b Abs. 2 Satz 1', '§ 18b Abs. 2 Satz 2']);
    expect(bc.figures.map((f) => [f.factId, f.amount])).toEqual([
      ['bluecard.salary.general', 58400],
      ['bluecard.salary.shortage', 45552],
    ]);
  });

  it('2023-11-18: Blue Card under § 18g Abs. 1; the reduced minimum is 45,3 % = 39 682,80 €', () => {
    const bc = pathway(checkProfile(developer, '2023-11-18', ctx), 'blaue-karte-eu');
    expect(bc.outcome).toBe('eligible');
    expect(bc.provision).toBe('AufenthG § 18g Abs. 1');
    expect(bc.figures.map((f) => [f.factId, f.display])).toEqual([
      ['bluecard.salary.general', `43${NBSP}800${NBSP}€`],
      ['bluecard.salary.shortage', `39${NBSP}682,80${NBSP}€`],
    ]);
  });

  it('2024-03-01: Blue Card through the reduced minimum for ISCO-08 group 25, 41 041,80 € in 2024', () => {
    const bc = pathway(checkProfile(developer, '2024-03-01', ctx), 'blaue-karte-eu');
    expect(bc.outcome).toBe('eligible');
    const salary = bc.reasons.find((r) => r.citations.some((c) => c.factId === 'bluecard.salary.shortage'))!;
    expect(salary.status).toBe('met');
    expect(salary.text).toContain(`45,3${NBSP}% of the BBG 2024 (90${NBSP}600${NBSP}€) = 41${NBSP}041,80${NBSP}€`);
    expect(salary.text).toContain('occupation 2512 belongs to ISCO-08 group 25, a listed shortage occupation');
    expect(bc.figures.map((f) => f.display)).toEqual([`45${NBSP}300${NBSP}€`, `41${NBSP}041,80${NBSP}€`]);
  });

  it('BeschV § 6: IT only and 60 % before 1.3.2024 (not reached), 45 % and any occupation from 1.3.2024', () => {
    expect(pathway(checkProfile(developer, '2023-11-01', ctx), 'beschv-6').outcome).toBe('not-eligible');
    expect(pathway(checkProfile(developer, '2024-03-01', ctx), 'beschv-6').outcome).toBe('eligible');
  });

  it('2024-06-01: the AufenthG text of that day is incomplete, so the Blue Card cannot be told', () => {
    const check = checkProfile(developer, '2024-06-01', ctx);
    const bc = pathway(check, 'blaue-karte-eu');
    expect(bc.outcome).toBe('cannot-tell');
    expect(reasonTexts(bc)).toContain('cannot be relied on: Fassung ab 2024-06-01 unvollständig');
    // the Chancenkarte is read from the act text: a Fachkraft mit akademischer Ausbildung qualifies
    expect(pathway(check, 'chancenkarte').outcome).toBe('eligible');
    // BeschV § 6 rests on the BeschV alone, complete on that day
    expect(pathway(check, 'beschv-6').outcome).toBe('eligible');
  });
});

describe('recognised foreign vocational qualification, no job offer', () => {
  it('2024-03-01: no Chancenkarte — § 20a is not in the law yet', () => {
    const check = checkProfile(recognised, '2024-03-01', ctx);
    const ck = pathway(check, 'chancenkarte');
    expect(ck.outcome).toBe('not-eligible');
    expect(reasonTexts(ck)).toContain('the AufenthG has no Chancenkarte on 2024-03-01; § 20a applies from 2024-06-01');
    expect(outcomes(check)).toEqual({ 'blaue-karte-eu': 'not-eligible', fachkraft: 'not-eligible', 'beschv-6': 'not-eligible', westbalkan: 'not-eligible', chancenkarte: 'not-eligible' });
  });

  it('2024-06-01: Chancenkarte under § 20a Abs. 3 Nr. 1, marked as read from the act text', () => {
    const ck = pathway(checkProfile(recognised, '2024-06-01', ctx), 'chancenkarte');
    expect(ck.outcome).toBe('eligible');
    expect(ck.provision).toBe('AufenthG § 20a Abs. 3');
    const route = ck.reasons.find((r) => r.status === 'met')!;
    expect(route.text).toContain('§ 20a Abs. 3 Nr. 1');
    expect(route.citations[0]).toMatchObject({ law: 'AufenthG', provision: '§ 20a Abs. 3 Satz 1 Nr. 1', tier: 'act-text', wording: '1. er eine Fachkraft ist oder' });
    expect(route.citations[0].source).toContain('BGBl. 2023 I Nr. 217, Artikel 3 Nummer 3');
    expect(reasonTexts(ck)).toContain('allows employment of up to 20 hours a week on average');
    expect(reasonTexts(ck)).toContain('allows trial employments of up to 2 weeks each');
    expect(ck.openPoints).toContain('the livelihood is secured (§ 20a Abs. 4 Satz 1)');
  });
});

describe('profile helpers', () => {
  it('counts experience within a window, assuming one stretch up to its end', () => {
    expect(experienceWithin({ ...developer, yearsOfExperience: 7 }, '2024-03-01', 5)).toBe(5);
    expect(experienceWithin({ ...developer, yearsOfExperience: 3, experienceEnded: '2021-03-01' }, '2024-03-01', 5)).toBeCloseTo(2, 1);
  });

  it('matches ISCO-08 codes against groups by prefix, and cannot tell for coarser codes', () => {
    expect(inIscoGroups(developer, ['21', '221', '25'])).toBe(true);
    expect(inIscoGroups({ ...developer, occupation: { isco08: '5120' } }, ['21', '25'])).toBe(false);
    expect(inIscoGroups({ ...developer, occupation: { isco08: '2' } }, ['21', '25'])).toBeUndefined();
    expect(inIscoGroups({ ...developer, occupation: {} }, ['25'])).toBeUndefined();
  });
});
