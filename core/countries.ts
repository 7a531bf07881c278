/**
 * Country input as people type it: ISO alpha-2 / alpha-3, English or Chinese names, any case and
 * spacing, full-width letters. Backed by the data of i18n-iso-countries (its ISO code table and the
 * en + zh name lists, read directly: the package's lookup functions are a few lines over the same
 * data, and every formula cell in Sheets loads what is bundled, issue 12) plus the short forms
 * sellers actually type (沙特, 南韩, Syria, KSA, …).
 */
import codes from 'i18n-iso-countries/codes.json';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { L, type Lang } from './text';

/** ISO 3166-1 rows: alpha-2, alpha-3 (and, in the package's file, the numeric code). */
const CODES = codes as unknown as readonly (readonly string[])[];
/** Names per alpha-2 code; where the package lists several, the first is the official one. */
const NAMES: Record<Lang, Record<string, string | readonly string[]>> = { en: en.countries, zh: zh.countries };
const namesOf = (v: string | readonly string[] | undefined): readonly string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

/** Everyday names missing from the ISO data, mapped to ISO-2. */
const EXTRA_ALIASES: Record<string, string> = {
  沙特: 'SA', 沙地阿拉伯: 'SA', KSA: 'SA', 阿拉伯联合酋长国: 'AE', 'U.A.E.': 'AE',
  南韩: 'KR', 大韩民国: 'KR', Korea: 'KR', 'South Korea': 'KR', 北韩: 'KP', 'North Korea': 'KP', DPRK: 'KP',
  Syria: 'SY', America: 'US', 美國: 'US', 美利坚合众国: 'US', 'United States': 'US',
  英格兰: 'GB', 'Great Britain': 'GB', Britain: 'GB', England: 'GB', 大不列颠: 'GB',
  Holland: 'NL', 荷兰王国: 'NL', Brasil: 'BR', 巴西联邦共和国: 'BR', 'México': 'MX',
  Russia: 'RU', 俄国: 'RU', 俄羅斯: 'RU', 俄罗斯联邦: 'RU', Deutschland: 'DE', España: 'ES',
  Polska: 'PL', 'Türkiye': 'TR', Turkey: 'TR', 台湾: 'TW', 中国台湾: 'TW', 中国香港: 'HK',
  中国澳门: 'MO', 澳門: 'MO', Macau: 'MO', 'Czech': 'CZ', 'Ivory Coast': 'CI', Vietnam: 'VN', 'Viet Nam': 'VN',
  Iran: 'IR', Laos: 'LA', Moldova: 'MD', Bolivia: 'BO', Venezuela: 'VE', Tanzania: 'TZ',
};

export function normaliseKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

let lookup: Map<string, string> | undefined;

function buildLookup(): Map<string, string> {
  const m = new Map<string, string>();
  const put = (name: string, code: string) => {
    const k = normaliseKey(name);
    if (k && !m.has(k)) m.set(k, code);
  };
  // Codes first so that a code always wins over a name that happens to normalise the same way.
  for (const [a2] of CODES) put(a2, a2);
  for (const [a2, a3] of CODES) put(a3, a2);
  put('UK', 'GB');
  for (const [k, v] of Object.entries(EXTRA_ALIASES)) put(k, v);
  for (const lang of ['en', 'zh'] as const) {
    for (const [code, names] of Object.entries(NAMES[lang])) for (const n of namesOf(names)) put(n, code);
  }
  return m;
}

/** ISO-2 code for a typed country, or undefined when unknown. */
export function countryCode(input: string): string | undefined {
  lookup ??= buildLookup();
  return lookup.get(normaliseKey(input));
}

/** Display name of an ISO-2 code in a language (falls back to the code). */
export function countryName(code: string, lang: Lang): string {
  return namesOf(NAMES[lang === 'zh' ? 'zh' : 'en'][code])[0] ?? code;
}

/** "Brazil (BR)" / "巴西 (BR)" as a bilingual text. */
export function countryLabel(code: string) {
  return L(`${countryName(code, 'en')} (${code})`, `${countryName(code, 'zh')} (${code})`);
}

export function allCountryCodes(): string[] {
  return CODES.map((c) => c[0]);
}
