/**
 * Nationalities as a profile gives them (ISO 3166-1 alpha-2 code or German short name) matched against the
 * German state names a statute lists ("Albanien, Bosnien und Herzegowina, Kosovo, …").
 */

/** German short names by ISO 3166-1 alpha-2 code (XK: Kosovo, user-assigned code in common use). */
const GERMAN_NAMES: Record<string, string[]> = {
  AD: ['Andorra'],
  AE: ['Vereinigte Arabische Emirate'],
  AF: ['Afghanistan'],
  AL: ['Albanien'],
  AM: ['Armenien'],
  AR: ['Argentinien'],
  AT: ['Österreich'],
  AU: ['Australien'],
  AZ: ['Aserbaidschan'],
  BA: ['Bosnien und Herzegowina'],
  BD: ['Bangladesch'],
  BE: ['Belgien'],
  BG: ['Bulgarien'],
  BR: ['Brasilien'],
  BY: ['Belarus', 'Weißrussland'],
  CA: ['Kanada'],
  CH: ['Schweiz'],
  CL: ['Chile'],
  CM: ['Kamerun'],
  CN: ['China'],
  CO: ['Kolumbien'],
  CY: ['Zypern'],
  CZ: ['Tschechien', 'Tschechische Republik'],
  DE: ['Deutschland'],
  DK: ['Dänemark'],
  DZ: ['Algerien'],
  EE: ['Estland'],
  EG: ['Ägypten'],
  ES: ['Spanien'],
  ET: ['Äthiopien'],
  FI: ['Finnland'],
  FR: ['Frankreich'],
  GB: ['Vereinigtes Königreich', 'Vereinigtes Königreich Großbritannien und Nordirland', 'Großbritannien'],
  GE: ['Georgien'],
  GH: ['Ghana'],
  GR: ['Griechenland'],
  HR: ['Kroatien'],
  HU: ['Ungarn'],
  ID: ['Indonesien'],
  IE: ['Irland'],
  IL: ['Israel'],
  IN: ['Indien'],
  IQ: ['Irak'],
  IR: ['Iran'],
  IS: ['Island'],
  IT: ['Italien'],
  JO: ['Jordanien'],
  JP: ['Japan'],
  KE: ['Kenia'],
  KR: ['Republik Korea', 'Südkorea', 'Korea'],
  KZ: ['Kasachstan'],
  LB: ['Libanon'],
  LI: ['Liechtenstein'],
  LK: ['Sri Lanka'],
  LT: ['Litauen'],
  LU: ['Luxemburg'],
  LV: ['Lettland'],
  MA: ['Marokko'],
  MC: ['Monaco'],
  MD: ['Republik Moldau', 'Moldau', 'Moldawien'],
  ME: ['Montenegro'],
  MK: ['Nordmazedonien', 'Mazedonien'],
  MT: ['Malta'],
  MX: ['Mexiko'],
  MY: ['Malaysia'],
  NG: ['Nigeria'],
  NL: ['Niederlande'],
  NO: ['Norwegen'],
  NP: ['Nepal'],
  NZ: ['Neuseeland'],
  PE: ['Peru'],
  PH: ['Philippinen'],
  PK: ['Pakistan'],
  PL: ['Polen'],
  PT: ['Portugal'],
  RO: ['Rumänien'],
  RS: ['Serbien'],
  RU: ['Russische Föderation', 'Russland'],
  SA: ['Saudi-Arabien'],
  SE: ['Schweden'],
  SI: ['Slowenien'],
  SK: ['Slowakei'],
  SM: ['San Marino'],
  SY: ['Syrien', 'Arabische Republik Syrien'],
  TH: ['Thailand'],
  TN: ['Tunesien'],
  TR: ['Türkei', 'Türkiye'],
  UA: ['Ukraine'],
  US: ['Vereinigte Staaten', 'Vereinigte Staaten von Amerika', 'USA'],
  UZ: ['Usbekistan'],
  VN: ['Vietnam'],
  XK: ['Kosovo'],
  ZA: ['Südafrika'],
};

/** EU and EEA states and Switzerland: free movement, none of the national residence titles is needed. */
const FREE_MOVEMENT = new Set(['AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']);

function norm(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export interface Nationality {
  /** as given in the profile */
  given: string;
  /** ISO code, when given or when the German name is in our table */
  code?: string;
  /** German names to compare with statute lists */
  names: string[];
  /** the code or name is in our table */
  known: boolean;
}

/** Read a profile's nationality: an ISO alpha-2 code ("XK") or a German name ("Kosovo"). */
export function readNationality(given: string): Nationality {
  const t = given.trim();
  if (/^[A-Za-z]{2}$/.test(t)) {
    const code = t.toUpperCase();
    const names = GERMAN_NAMES[code];
    return { given, code, names: names ?? [], known: names !== undefined };
  }
  const code = Object.keys(GERMAN_NAMES).find((c) => GERMAN_NAMES[c].some((n) => norm(n) === norm(t)));
  return code ? { given, code, names: GERMAN_NAMES[code], known: true } : { given, names: [t], known: false };
}

function codeOfName(name: string): string | undefined {
  return Object.keys(GERMAN_NAMES).find((c) => GERMAN_NAMES[c].some((n) => norm(n) === norm(name)));
}

/**
 * Is the person a national of one of the listed states? undefined when that cannot be told: a name we do not
 * know that matches none of the list, or a code we do not know while some listed state is unknown to us.
 */
export function isNationalOf(n: Nationality, listed: string[]): boolean | undefined {
  const wanted = new Set(listed.map(norm));
  if (n.names.some((name) => wanted.has(norm(name)))) return true;
  if (n.known) return false;
  if (n.code === undefined) return undefined;
  const listedCodes = listed.map(codeOfName);
  return listedCodes.every((c) => c !== undefined) ? !listedCodes.includes(n.code) : undefined;
}

export function enjoysFreeMovement(n: Nationality): boolean {
  return n.code !== undefined && FREE_MOVEMENT.has(n.code);
}

export function isKnownCountryCode(code: string): boolean {
  return code.toUpperCase() in GERMAN_NAMES;
}
