/**
 * A person's profile for the eligibility check (JSON), validated with clear errors, and the derived facts
 * about the person the pathways ask for (age on a day, Fachkraft status, ICT occupation, language levels,
 * recent experience).
 */
import { readJsonFile } from '../corpus/read-file.js';
import { UserError } from '../diagnostics/diagnostic.js';
import { isValidIsoDate } from '../corpus/manifest.js';
import { readNationality, type Nationality } from './nationality.js';

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type Cefr = (typeof CEFR_LEVELS)[number];

export const QUALIFICATION_KINDS = ['none', 'vocational', 'academic'] as const;
/**
 * german: domestic training or degree; recognised: equivalence established (Gleichwertigkeit festgestellt /
 * anerkannt); comparable: foreign degree comparable to a German one (academic only); partial: partly
 * equivalent; not-recognised; not-applied; unknown.
 */
export const RECOGNITION = ['german', 'recognised', 'comparable', 'partial', 'not-recognised', 'not-applied', 'unknown'] as const;

export interface Profile {
  /** a name for the example, not used in the check */
  label?: string;
  /** age in years; taken as the age on every day checked (give birthDate for exact results) */
  age?: number;
  birthDate?: string;
  /** ISO 3166-1 alpha-2 code or German short name */
  nationality: string;
  qualification: {
    kind: (typeof QUALIFICATION_KINDS)[number];
    recognition: (typeof RECOGNITION)[number];
    /** recognised by the state where it was obtained (BeschV § 6, Chancenkarte points route) */
    stateRecognisedAbroad?: boolean;
    /** years of training of a vocational qualification */
    trainingYears?: number;
    /** vocational qualification issued by a German chamber abroad (AHK) */
    chamberAbroad?: boolean;
  };
  /** date of the university degree */
  degreeDate?: string;
  occupation?: { isco08?: string; title?: string };
  /** gross annual salary offered, euros */
  salaryOffer?: number | null;
  languages?: { de?: Cefr | null; en?: Cefr | null };
  /** years of professional experience relevant to the job */
  yearsOfExperience?: number;
  /** when that experience ended; absent or null = it continues up to the day checked */
  experienceEnded?: string | null;
  employerCollectiveAgreement?: boolean | null;
  jobOffer: boolean;
  /** proof of an adequate old-age provision (relevant from age 45) */
  adequatePensionProvision?: boolean | null;
  livelihoodSecured?: boolean | null;
}

const KNOWN_FIELDS = new Set([
  'label', 'age', 'birthDate', 'nationality', 'qualification', 'degreeDate', 'occupation', 'salaryOffer', 'languages',
  'yearsOfExperience', 'experienceEnded', 'employerCollectiveAgreement', 'jobOffer', 'adequatePensionProvision', 'livelihoodSecured', '$comment',
]);

/** Validate parsed JSON as a profile; throws UserError listing every problem. */
export function validateProfile(data: unknown, file: string): Profile {
  const p: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError(`malformed profile ${file}: expected a JSON object`, 'profile-invalid');
  }
  const o = data as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KNOWN_FIELDS.has(k)) p.push(`unknown field ${JSON.stringify(k)}`);
  const optBool = (k: string) => {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'boolean') p.push(`${k}: expected true, false or null, got ${JSON.stringify(o[k])}`);
  };
  const optDate = (v: unknown, k: string) => {
    if (v !== undefined && v !== null && (typeof v !== 'string' || !isValidIsoDate(v))) p.push(`${k}: expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
  };
  const optNumber = (v: unknown, k: string, max: number) => {
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max)) p.push(`${k}: expected a number from 0 to ${max}, got ${JSON.stringify(v)}`);
  };
  if (o.age === undefined && o.birthDate === undefined) p.push('age or birthDate: one is required');
  optNumber(o.age, 'age', 130);
  optDate(o.birthDate, 'birthDate');
  if (typeof o.nationality !== 'string' || o.nationality.trim() === '') p.push(`nationality: expected an ISO code ("XK") or a German name ("Kosovo"), got ${JSON.stringify(o.nationality)}`);
  const q = o.qualification as Record<string, unknown> | undefined;
  if (typeof q !== 'object' || q === null) {
    p.push('qualification: expected an object {kind, recognition, …}');
  } else {
    if (!QUALIFICATION_KINDS.includes(q.kind as never)) p.push(`qualification.kind: expected one of ${QUALIFICATION_KINDS.join(' | ')}, got ${JSON.stringify(q.kind)}`);
    if (!RECOGNITION.includes(q.recognition as never)) p.push(`qualification.recognition: expected one of ${RECOGNITION.join(' | ')}, got ${JSON.stringify(q.recognition)}`);
    for (const k of ['stateRecognisedAbroad', 'chamberAbroad']) {
      if (q[k] !== undefined && typeof q[k] !== 'boolean') p.push(`qualification.${k}: expected true or false, got ${JSON.stringify(q[k])}`);
    }
    optNumber(q.trainingYears, 'qualification.trainingYears', 20);
  }
  optDate(o.degreeDate, 'degreeDate');
  optDate(o.experienceEnded, 'experienceEnded');
  const occ = o.occupation as Record<string, unknown> | undefined;
  if (occ !== undefined) {
    if (typeof occ !== 'object' || occ === null) p.push('occupation: expected an object {isco08, title}');
    else if (occ.isco08 !== undefined && (typeof occ.isco08 !== 'string' || !/^\d{1,4}$/.test(occ.isco08))) p.push(`occupation.isco08: expected an ISCO-08 code of 1 to 4 digits as a string, got ${JSON.stringify(occ.isco08)}`);
  }
  optNumber(o.salaryOffer, 'salaryOffer', 10_000_000);
  optNumber(o.yearsOfExperience, 'yearsOfExperience', 80);
  const lang = o.languages as Record<string, unknown> | undefined;
  if (lang !== undefined) {
    if (typeof lang !== 'object' || lang === null) p.push('languages: expected an object {de, en}');
    else {
      for (const [k, v] of Object.entries(lang)) {
        if (k !== 'de' && k !== 'en') p.push(`languages.${k}: only "de" and "en" are used`);
        else if (v !== null && !CEFR_LEVELS.includes(v as never)) p.push(`languages.${k}: expected a CEFR level A1…C2 or null, got ${JSON.stringify(v)}`);
      }
    }
  }
  if (typeof o.jobOffer !== 'boolean') p.push(`jobOffer: expected true or false, got ${JSON.stringify(o.jobOffer)}`);
  optBool('employerCollectiveAgreement');
  optBool('adequatePensionProvision');
  optBool('livelihoodSecured');
  if (p.length) throw new UserError(`malformed profile ${file}:\n  - ${p.join('\n  - ')}`, 'profile-invalid');
  return o as unknown as Profile;
}

export function loadProfile(file: string): Profile {
  const data = readJsonFile(file, { what: 'profile', missingCode: 'profile-missing', invalidCode: 'profile-invalid' });
  return validateProfile(data, file);
}

// ---- derived facts about the person -------------------------------------------------------------

/** Full years of age on a day (from birthDate), else the given age. */
export function ageOn(profile: Profile, date: string): number | undefined {
  if (profile.birthDate) {
    const [by, bm, bd] = profile.birthDate.split('-').map(Number);
    const [y, m, d] = date.split('-').map(Number);
    return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  }
  return profile.age;
}

export type FachkraftKind = 'vocational' | 'academic';

/**
 * The person's status as Fachkraft (§ 18 Abs. 3 AufenthG): a domestic or equivalent (recognised) vocational
 * qualification, or a German, recognised or comparable degree. undefined = the profile does not tell.
 */
export function fachkraftKind(profile: Profile): FachkraftKind | null | undefined {
  const { kind, recognition } = profile.qualification;
  if (kind === 'none') return null;
  if (recognition === 'unknown') return undefined;
  if (kind === 'vocational') return recognition === 'german' || recognition === 'recognised' ? 'vocational' : null;
  return recognition === 'german' || recognition === 'recognised' || recognition === 'comparable' ? 'academic' : null;
}

/**
 * A foreign qualification recognised by the state where it was obtained, as BeschV § 6 Abs. 1 Nr. 3 and
 * § 20a Abs. 4 AufenthG ask: vocational with at least `minTrainingYears` of training, a degree, or an AHK
 * qualification. undefined = the profile does not tell.
 */
export function stateRecognisedQualification(profile: Profile, minTrainingYears: number): boolean | undefined {
  const q = profile.qualification;
  if (q.chamberAbroad) return true;
  if (q.kind === 'none') return false;
  // a qualification recognised or found comparable in Germany is recognised where it was obtained
  const recognisedAbroad = q.stateRecognisedAbroad ?? (q.recognition === 'recognised' || q.recognition === 'comparable' ? true : undefined);
  if (recognisedAbroad === false) return false;
  if (q.kind === 'academic') return recognisedAbroad;
  if (q.trainingYears !== undefined && q.trainingYears < minTrainingYears) return false;
  if (q.trainingYears === undefined) return undefined;
  return recognisedAbroad;
}

/** ISCO-08 groups this tool counts as information and communication technology occupations (BeschV § 6). */
export const ICT_ISCO_GROUPS = ['133', '25', '35'];

/**
 * Is the occupation in one of the ISCO-08 groups (a group contains every code it prefixes)? undefined = no
 * code given, or a code too coarse to tell ("2" against group "25").
 */
export function inIscoGroups(profile: Profile, groups: string[]): boolean | undefined {
  const code = profile.occupation?.isco08;
  if (code === undefined) return undefined;
  if (groups.some((g) => code.startsWith(g))) return true;
  if (groups.some((g) => g.startsWith(code) && g !== code)) return undefined;
  return false;
}

export function cefrAtLeast(level: Cefr | null | undefined, min: Cefr): boolean | undefined {
  if (level === undefined) return undefined;
  if (level === null) return false;
  return CEFR_LEVELS.indexOf(level) >= CEFR_LEVELS.indexOf(min);
}

/**
 * Years of experience gained within the last `window` years before `date`, assuming the experience is one
 * stretch ending at `experienceEnded` (or continuing up to the day). undefined = not given.
 */
export function experienceWithin(profile: Profile, date: string, window: number): number | undefined {
  if (profile.yearsOfExperience === undefined) return undefined;
  const end = profile.experienceEnded && profile.experienceEnded < date ? profile.experienceEnded : date;
  const gapYears = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${end}T00:00:00Z`)) / (365.25 * 86_400_000);
  return Math.max(0, Math.min(profile.yearsOfExperience, window - gapYears));
}

export function nationalityOf(profile: Profile): Nationality {
  return readNationality(profile.nationality);
}
