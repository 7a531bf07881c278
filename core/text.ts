/** Bilingual text: every user-facing string exists in English and Simplified Chinese. */
export type Lang = 'en' | 'zh';
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** A text result that the call layer renders in the caller's language. */
export class Localized implements Text {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {}
  in(lang: Lang): string {
    return lang === 'zh' ? this.zh : this.en;
  }
}

export const L = (en: string, zh: string): Localized => new Localized(en, zh);

/** Join localized parts with the separator right for each language. */
export function joinL(parts: readonly Text[], sepEn = '; ', sepZh = '；'): Localized {
  return new Localized(parts.map((p) => p.en).join(sepEn), parts.map((p) => p.zh).join(sepZh));
}

/** Read a language argument: 'en', 'zh', 'zh-CN', '中文', 'english', … Anything else is undefined. */
export function parseLang(raw: unknown): Lang | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().toLowerCase();
  if (/^(zh|cn|chs|zh[-_](cn|hans|sg)|chinese|中文|简体中文|简体|汉语)$/.test(s)) return 'zh';
  if (/^(en|en[-_][a-z]{2}|english|英文|英语)$/.test(s)) return 'en';
  return undefined;
}

/** Map a host locale (Office displayLanguage, Sheets user locale, navigator.language) to a Lang. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === 'string' && /^zh/i.test(locale.trim()) ? 'zh' : 'en';
}
