/**
 * Input coercion shared by every function: cells as Excel, Sheets and Node hand them over,
 * turned into typed scalars or a RuleError that says what was wrong.
 */
import { countryCode } from './countries';
import { RuleError, valueError, isRuleError } from './errors';
import { L, type Text } from './text';

export type Cell = unknown;

/** null, undefined, "" and whitespace-only text all mean "not given". */
export function isEmpty(x: Cell): boolean {
  return x === null || x === undefined || (typeof x === 'string' && x.trim() === '');
}

/** Short, safe quote of what the user gave, for error messages. */
export function show(x: Cell): string {
  if (typeof x === 'string') {
    const s = x.length > 40 ? `${x.slice(0, 37)}…` : x;
    return JSON.stringify(s);
  }
  if (x instanceof Date) return isNaN(x.getTime()) ? 'an invalid date' : x.toISOString();
  if (Array.isArray(x)) return 'a range';
  if (typeof x === 'object' && x !== null) return 'an object';
  return String(x);
}

/**
 * Longest text a cell of each kind can hold and still be valid: a longer cell is #VALUE! "too long"
 * at once (issue 12: every text reader answers in linear time, whatever a cell holds).
 */
export const MAX_DATE_TEXT = 64;
export const MAX_WEIGHT_TEXT = 64;
export const MAX_LEVEL_TEXT = 32;

/** #VALUE! for a cell longer than any valid value of its kind (its start shown, the length said). */
export function tooLong(x: unknown, n: number, max: number, what: Text): RuleError {
  const head = typeof x === 'string' ? JSON.stringify(x.slice(0, 24)) : show(x);
  return valueError(
    `is too long to be ${what.en}: ${n} characters (at most ${max}), starting ${head}`,
    `文本过长，不可能是${what.zh}：${n} 个字符（最多 ${max} 个），开头为 ${head}`,
  );
}

/** NFKC folds full-width digits, letters, ％ and the ideographic space to ASCII. */
export const fold = (s: string): string => s.normalize('NFKC');

const NUM_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const CURRENCY_RE = /^(?:US\$|USD|CNY|RMB|\$|¥|￥|元)|(?:USD|CNY|RMB|元|美元|块)$/i;

/** Plain decimal text ("45", "-3.5"): the common cell, read as is (the general path gives the same number). */
const PLAIN_NUM = /^-?\d{1,17}(?:\.\d{1,17})?$/;

/** Number from a number or numeric text ("1,200", " １２３ ", "95%", "$30", "-5"). */
export function toNumber(x: Cell): number | RuleError {
  if (typeof x === 'string' && PLAIN_NUM.test(x)) return Number(x);
  if (typeof x === 'number') {
    // Bad input is #VALUE! with a message (Excel shows no message with #NUM!): FUNCTIONS.md conventions.
    return Number.isFinite(x) ? x : valueError(`must be a finite number, got ${show(x)}`, `必须是有限数字，得到 ${show(x)}`);
  }
  if (typeof x === 'string') {
    let s = fold(x).replace(/[\s\u00a0\u2009\u202f]+/g, '');
    s = s.replace(/^[−–]/, '-');
    let scale = 1;
    if (s.endsWith('%')) {
      scale = 0.01;
      s = s.slice(0, -1);
    }
    let sign = '';
    if (/^[+-]/.test(s)) {
      sign = s[0] === '-' ? '-' : '';
      s = s.slice(1);
    }
    s = s.replace(CURRENCY_RE, '');
    if (GROUPED_RE.test(s)) s = s.replace(/,/g, '');
    if (NUM_RE.test(s)) {
      const n = Number(sign + s) * scale;
      if (Number.isFinite(n)) return scale === 1 ? n : roundSig(n);
      return valueError(`is too large: ${show(x)}`, `数值过大：${show(x)}`);
    }
  }
  if (typeof x === 'boolean') {
    return valueError(`must be a number, got ${x ? 'TRUE' : 'FALSE'}`, `必须是数字，得到 ${x ? 'TRUE' : 'FALSE'}`);
  }
  return valueError(`must be a number, got ${show(x)}`, `必须是数字，得到 ${show(x)}`);
}

/** Undo binary noise from a percent division (95% → 0.95, not 0.9500000000000001). */
const roundSig = (n: number): number => Number(n.toPrecision(12));

/** Money as exact integer cents (0.1+0.2 → 30 cents, 29.99 → 2999). */
export function toCents(n: number): number {
  const x = n * 100;
  const r = Math.round(x);
  // Fast path (the hot loop of every money function): when x is not within float noise of a half
  // cent, rounding it directly gives the same result as rounding its 15-significant-digit form.
  if (0.5 - Math.abs(x - r) > Math.abs(x) * 1e-13) return r + 0; // + 0: never -0
  return Math.round(Number(x.toPrecision(15)));
}
export const fromCents = (c: number): number => c / 100;

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1', '是', '对', '有', '真', '已', '已认证', '√', '✓', '✔', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f', '0', '否', '错', '无', '没有', '假', '未', '未认证', '×', '✗', 'off']);

/** toBool's reading without the error (undefined): for readers that try it first. */
function boolWord(x: Cell): boolean | undefined {
  if (typeof x === 'boolean') return x;
  if (typeof x === 'number') {
    if (x === 1) return true;
    if (x === 0) return false;
  }
  if (typeof x === 'string') {
    const s = fold(x).trim().toLowerCase();
    if (TRUE_WORDS.has(s)) return true;
    if (FALSE_WORDS.has(s)) return false;
  }
  return undefined;
}

/** Boolean from TRUE/FALSE, 1/0, yes/no, 是/否, 有/无. */
export function toBool(x: Cell): boolean | RuleError {
  const b = boolWord(x);
  if (b !== undefined) return b;
  return valueError(`must be TRUE or FALSE (yes/no, 是/否), got ${show(x)}`, `必须是 TRUE 或 FALSE（是/否），得到 ${show(x)}`);
}

const DAY_MS = 86_400_000;
/** Days between 1899-12-30 (Excel's day 0, with its 1900 leap-year bug folded in) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;
const MAX_SERIAL = 2_958_465; // 9999-12-31

export const serialToMs = (serial: number): number => Math.round((serial - EXCEL_EPOCH_OFFSET) * DAY_MS);
export const msToSerial = (ms: number): number => ms / DAY_MS + EXCEL_EPOCH_OFFSET;

const DATE_RE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T|(?<=日))(\d{1,2})[:：时点](\d{2})(?:(?:[:：]|分)(\d{2})(?:\.(\d{1,3})\d*)?秒?|分)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const PLAIN_DATE_RE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

/**
 * "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" (space or T) read without a regex or
 * allocation: the hot path of an audit, which reads several dates per row. Undefined for anything else
 * (including impossible dates), which then goes through the general path and its messages.
 */
function plainDate(s: string): number | undefined {
  const n = s.length;
  if (n !== 10 && n !== 16 && n !== 19) return undefined;
  const c = (i: number) => s.charCodeAt(i) - 48;
  const two = (i: number) => {
    const a = c(i), b = c(i + 1);
    return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
  };
  if (s[4] !== '-' || s[7] !== '-') return undefined;
  const hi = two(0), lo = two(2), M = two(5), D = two(8);
  if (hi < 0 || lo < 0 || M < 1 || M > 12 || D < 1) return undefined;
  const Y = hi * 100 + lo;
  const dim = M === 2 ? (Y % 4 === 0 && (Y % 100 !== 0 || Y % 400 === 0) ? 29 : 28) : M === 4 || M === 6 || M === 9 || M === 11 ? 30 : 31;
  if (D > dim) return undefined;
  let H = 0, MI = 0, S = 0;
  if (n > 10) {
    if ((s[10] !== ' ' && s[10] !== 'T') || s[13] !== ':') return undefined;
    H = two(11);
    MI = two(14);
    if (H < 0 || H > 23 || MI < 0 || MI > 59) return undefined;
    if (n === 19) {
      if (s[16] !== ':') return undefined;
      S = two(17);
      if (S < 0 || S > 59) return undefined;
    }
  }
  return Date.UTC(Y, M - 1, D, H, MI, S);
}

/**
 * Wall-clock time (epoch ms read as UTC, like every core time) from an Excel serial, a JS Date whose
 * UTC clock is the wall clock (the hosts convert Dates first), or ISO-like text ("2024-06-01",
 * "2024/06/01 10:30", "2024年6月1日", "2024-06-01T10:30:00+08:00").
 * Text without a zone is that wall clock, read as UTC like serial numbers, so durations are exact.
 * Text WITH a zone ("…+08:00", "…Z") names an instant: it becomes that instant's wall clock in this
 * runtime's time zone (localWallMs), so it lines up with zone-less text typed by the same user
 * ("2024-07-05T08:00:00+08:00" is "2024-07-05 08:00" on a machine in China, 00:00 on one in UTC).
 */
export function toDate(x: Cell): number | RuleError {
  if (x instanceof Date) {
    const t = x.getTime();
    return Number.isNaN(t) ? valueError('is an invalid date', '是无效日期') : t;
  }
  if (typeof x === 'number') {
    if (x === 0) {
      // Excel desktop hands an empty date cell of a range as 0, which would be 1899-12-30.
      return valueError(
        'must be a date, got 0 (an empty cell in Excel reads as 0; Excel dates start at 1 = 1900-01-01)',
        '必须是日期，得到 0（Excel 中的空单元格读作 0；Excel 日期从 1 = 1900-01-01 开始）',
      );
    }
    if (!Number.isFinite(x) || x < 1 || x > MAX_SERIAL) {
      return valueError(
        `must be a date (an Excel date serial 1–${MAX_SERIAL}, i.e. 1900-01-01 to 9999-12-31, or text like 2024-06-01), got ${show(x)}`,
        `必须是日期（Excel 日期序列号 1–${MAX_SERIAL}，即 1900-01-01 至 9999-12-31，或 2024-06-01 这样的文本），得到 ${show(x)}`,
      );
    }
    return serialToMs(x);
  }
  if (typeof x === 'string') {
    const fast = plainDate(x);
    if (fast !== undefined) return fast;
    // ASCII ISO text (what ERP exports and the Sheets sidebar send) skips the NFKC fold: audits parse
    // several dates per row, and fold dominates their cost. Same result as the general path.
    const s = PLAIN_DATE_RE.test(x) ? x : fold(x).trim();
    // No date text is longer than this ("2024 年 06 月 01 日 10 时 30 分 00.000 秒 +08:00" is ~45): a
    // longer cell is answered at once, and DATE_RE only ever sees short text (linear time on any input).
    if (s.length > MAX_DATE_TEXT) return tooLong(x, s.length, MAX_DATE_TEXT, L('a date', '日期'));
    const m = DATE_RE.exec(s);
    if (m) {
      const [, y, mo, d, h = '0', mi = '0', se = '0', ms = '0', zone] = m;
      const Y = +y, M = +mo, D = +d, H = +h, MI = +mi, S = +se;
      const t = Date.UTC(Y, M - 1, D, H, MI, S, +ms.padEnd(3, '0'));
      const back = new Date(t);
      if (M >= 1 && M <= 12 && back.getUTCDate() === D && H < 24 && MI < 60 && S < 60) {
        let offset = 0;
        if (zone && zone.toUpperCase() !== 'Z') {
          const z = zone.replace(':', '');
          offset = (z[0] === '-' ? -1 : 1) * (+z.slice(1, 3) * 60 + +z.slice(3, 5)) * 60_000;
        }
        return zone ? localWallMs(new Date(t - offset)) : t;
      }
      return valueError(`is not a real date: ${show(x)}`, `不是有效日期：${show(x)}`);
    }
    const named = monthNameDate(s);
    if (named !== undefined) return named;
    const n = toNumber(s);
    if (typeof n === 'number') return toDate(n);
  }
  return valueError(`must be a date (Excel date, Sheets date or text like 2024-06-01 10:30), got ${show(x)}`, `必须是日期（Excel/Sheets 日期或 2024-06-01 10:30 这样的文本），得到 ${show(x)}`);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const NAMED_DMY = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;
const NAMED_MDY = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;

/** "01 Jun 2024 10:00", "1-Jun-2024", "Jun 1, 2024 10:00" (English month names, as exports spell them). */
function monthNameDate(s: string): number | RuleError | undefined {
  let d: string, mon: string, y: string, h: string | undefined, mi: string | undefined, se: string | undefined;
  let m = NAMED_DMY.exec(s);
  if (m) [, d, mon, y, h, mi, se] = m;
  else if ((m = NAMED_MDY.exec(s))) [, mon, d, y, h, mi, se] = m;
  else return undefined;
  // "Jun", "June", "Sept": a prefix (3 letters at least, as the patterns ask) of one month's full name.
  const k = mon.toLowerCase();
  const M = MONTHS.findIndex((full) => full.startsWith(k));
  if (M < 0) return undefined;
  const D = +d, H = +(h ?? 0), MI = +(mi ?? 0), S = +(se ?? 0);
  const t = Date.UTC(+y, M, D, H, MI, S);
  if (new Date(t).getUTCDate() !== D || H > 23 || MI > 59 || S > 59) return valueError(`is not a real date: ${show(s)}`, `不是有效日期：${show(s)}`);
  return t;
}

/**
 * Money as exports spell it, with its currency: "$12.34", "US $12.34", "USD 400.00", "12.34 USD",
 * "1,234.56" (USD when no currency is written), "RMB 88", "CNY 88", "¥88", "€12", "EUR 12". The
 * amount is toNumber's reading; `currency` is the ISO code written in the cell, undefined when none.
 */
export interface MoneyReading {
  amount: number;
  currency?: string;
}
const CURRENCY_WORDS: [RegExp, string][] = [
  [/^(?:US\s*\$|USD|U\.S\.\s*\$|美元|美金|\$)|(?:USD|美元|美金)$/i, 'USD'],
  [/^(?:CNY|RMB|¥|￥|人民币)|(?:CNY|RMB|元|人民币|块)$/i, 'CNY'],
  [/^(?:EUR|€)|(?:EUR|€|欧元)$/i, 'EUR'],
  [/^(?:GBP|£)|(?:GBP|£|英镑)$/i, 'GBP'],
  [/^(?:HKD|HK\$)|HKD$/i, 'HKD'],
  [/^(?:BRL|R\$)|BRL$/i, 'BRL'],
  [/^(?:RUB|₽)|(?:RUB|₽|руб\.?)$/i, 'RUB'],
  [/^(?:JPY)|JPY$/i, 'JPY'],
  [/^(?:KRW|₩)|KRW$/i, 'KRW'],
  [/^(?:MXN|MX\$)|MXN$/i, 'MXN'],
  [/^(?:CAD|C\$|CA\$)|CAD$/i, 'CAD'],
  [/^(?:AUD|A\$|AU\$)|AUD$/i, 'AUD'],
  [/^(?:PLN)|(?:PLN|zł)$/i, 'PLN'],
  [/^(?:TRY|₺)|TRY$/i, 'TRY'],
  [/^(?:INR|₹)|INR$/i, 'INR'],
];
/**
 * The ISO code of a currency cell on its own ("USD", "US $", "$", "美元", "RMB", "人民币", "€", "eur"),
 * read with readMoney's table; any other text as written, upper case (an unknown code is kept, never
 * taken for USD).
 */
export function currencyCode(text: string): string {
  const k = fold(text).trim();
  if (/^US\s*DOLLARS?$/i.test(k)) return 'USD';
  for (const [re, code] of CURRENCY_WORDS) {
    const m = re.exec(k);
    if (m && m[0].length === k.length) return code;
  }
  return k.toUpperCase();
}

export function readMoney(x: Cell): MoneyReading | RuleError {
  if (typeof x === 'string' && PLAIN_NUM.test(x)) return { amount: Number(x) };
  if (typeof x !== 'string') {
    const n = toNumber(x);
    return isRuleError(n) ? n : { amount: n };
  }
  const s = fold(x).trim().replace(/^[+]/, '');
  let currency: string | undefined;
  let rest = s;
  for (const [re, code] of CURRENCY_WORDS) {
    const m = re.exec(rest.replace(/^-/, ''));
    if (m) {
      currency = code;
      rest = (rest.startsWith('-') ? '-' : '') + rest.replace(/^-/, '').replace(re, '').trim();
      break;
    }
  }
  // Any other three-letter code ("SAR 12", "12 PHP").
  if (!currency) {
    const m = /^([A-Z]{3})\s*(?=[\d.-])|(?<=[\d.])\s*([A-Z]{3})$/.exec(s);
    if (m) {
      currency = m[1] ?? m[2];
      rest = s.replace(m[0], '').trim();
    }
  }
  const n = toNumber(rest);
  if (isRuleError(n)) return n;
  return currency ? { amount: n, currency } : { amount: n };
}

/** ISO-2 country code from any spelling people use. */
export function toCountry(x: Cell): string | RuleError {
  if (typeof x === 'string') {
    const c = countryCode(x);
    if (c) return c;
  }
  return valueError(
    `unknown country ${show(x)} (use an ISO code like BR or BRA, or a name like Brazil / 巴西)`,
    `无法识别的国家 ${show(x)}（请用 BR、BRA 这样的 ISO 代码，或 Brazil / 巴西 这样的名称）`,
  );
}

/** Plain text: numbers become their decimal text, other types are an error. */
export function toText(x: Cell): string | RuleError {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return valueError(`must be text, got ${show(x)}`, `必须是文本，得到 ${show(x)}`);
}

/** How a rate cell was read: `bare` when it was a plain number without "%" (0.5 → 50%, 95 → 95%). */
export interface RateReading {
  readonly value: number;
  /** The number as typed, without "%" (0.5 for a cell 0.5 or "0.5"). */
  readonly typed: number;
  /** True when the cell had no "%": a bare number ≤ 1 is a fraction, above 1 a percent. */
  readonly bare: boolean;
}

/**
 * A rate with how it was read: 0.95, "95%", or 95 (a bare number above 1 is a percent).
 * Out of range is #VALUE! (bad input) with the reason.
 */
export function readRate(x: Cell): RateReading | RuleError {
  const n = toNumber(x);
  if (typeof n !== 'number') return n;
  // A bare 95 means 95%; text that already says "%" is never scaled again ("120%" is out of range, not 1.2%).
  const explicitPct = typeof x === 'string' && /[%％]\s*$/.test(fold(x));
  const r = !explicitPct && n > 1 && n <= 100 ? roundSig(n / 100) : n;
  if (r < 0 || r > 1) {
    return valueError(`must be a rate between 0% and 100% (0.95, 95% or 95), got ${show(x)}`, `必须是 0% 到 100% 之间的比率（0.95、95% 或 95），得到 ${show(x)}`);
  }
  return { value: r, typed: explicitPct ? roundSig(n * 100) : n, bare: !explicitPct };
}

/**
 * A rate: 0.95, "95%", or 95 (read as a percent when above 1). Returns a fraction in 0..1.
 */
export function toRate(x: Cell): number | RuleError {
  const r = readRate(x);
  return isRuleError(r) ? r : r.value;
}

const GRAM_SUFFIX = /(?:g|gr|grams?|grammes?|克|公克)$/i;
const OTHER_WEIGHT = /(?:kg|kgs|kilos?|kilograms?|千克|公斤|斤|lbs?|pounds?|oz|ounces?|mg)$/i;

/**
 * A weight in grams: a number, numeric text, or text with a gram unit ("50 g", "50克", "50 grams").
 * Other units (kg, 千克, lb, oz) are #VALUE! asking for grams, never converted silently.
 */
export function toGrams(x: Cell): number | RuleError {
  if (typeof x !== 'string') return toNumber(x);
  const s = fold(x).trim();
  if (s.length > MAX_WEIGHT_TEXT) return tooLong(x, s.length, MAX_WEIGHT_TEXT, L('a weight', '重量'));
  if (OTHER_WEIGHT.test(s)) {
    return valueError(`must be in grams (e.g. 50 or "50 g"), got ${show(x)}: convert it to grams`, `必须以克为单位（如 50 或 "50 克"），得到 ${show(x)}：请换算成克`);
  }
  // The unit, then the spaces before it (trimEnd): no `\s*` scanned from every position of the text.
  return toNumber(s.replace(GRAM_SUFFIX, '').trimEnd());
}

/**
 * Placeholders people type for "no value" in a document, NFe or tax-id cell (beyond the FALSE/no/否
 * words of toBool): "N/A", "-", "无", "pending", "待补", "unknown", "tbd", "未提供", "000", "xxx", "?".
 * The ONE list for the functions (SG_FEE has_nfe) and every presence column of the audit.
 */
const ABSENT_RE =
  /^(?:n\/?a|na|none|null|nil|nope|missing|pending|unknown|unk|tbd|tba|tbc|to\s*be\s*(?:provided|added|confirmed)|not\s*(?:provided|available|given|applicable)|no\s*(?:nfe|invoice|tax\s*id|document)|without\s*(?:nfe|invoice)|-+|—+|–+|_+|\/|\\|\.+|\?+|0+|x+|无|没有|暂无|缺|缺失|缺少|不适用|未提供|未填|未填写|未知|待定|待补|待开|待提供|未开|无税号|无发票|无nfe|没有nfe)$/i;

/** True when the text is a "no value" placeholder (ABSENT_RE) or a FALSE/no/否 word. */
export function isAbsentWord(s: string): boolean {
  const t = fold(s).trim();
  if (t === '') return true;
  return ABSENT_RE.test(t) || boolWord(t) === false;
}

/**
 * "Is the thing there?" for a cell that holds either yes/no or the thing itself (an NFe number, an
 * invoice number, a tax id). The ONE reading for SG_FEE's has_nfe and the audit's invoice / NFe /
 * tax-id columns:
 *  - TRUE/FALSE, 1/0 and the yes/no words of toBool (是/否, 有/无, yes/no) as toBool;
 *  - a placeholder (isAbsentWord: N/A, -, 无, pending, missing, 待补, unknown, tbd, 未提供, 000, x…) is FALSE;
 *  - any other non-empty text or finite number is TRUE (the number itself was given); a valid Date too;
 *  - empty is FALSE; anything else (NaN, an object) is #VALUE!.
 */
export function toPresent(x: Cell): boolean | RuleError {
  const b = boolWord(x);
  if (typeof b === 'boolean') return b;
  if (typeof x === 'number' && Number.isFinite(x)) return true;
  if (x instanceof Date && !Number.isNaN(x.getTime())) return true;
  if (typeof x === 'string') return !isAbsentWord(x);
  return valueError(`must be TRUE/FALSE (是/否) or the number itself, got ${show(x)}`, `必须是 TRUE/FALSE（是/否）或号码本身，得到 ${show(x)}`);
}

/*
 * [X-PEN-TIMEOUT] appeal results. The ONE reading for PENALTY's `appealed` argument and the audit's
 * appeal column. Three groups of words, matched on the folded, lower-cased text, English on word
 * boundaries ("reopened" is not "open", "invalid" is not "valid"):
 *  - APPEAL_NO: no appeal, or one that failed ("驳回", "rejected", "未申诉", "not appealed", "N/A");
 *  - APPEAL_WAIT: not decided yet ("pending", "申诉中", "under review", "submitted"): not appealed,
 *    unless an outcome word says otherwise ("approved after review", "Approved (submitted 06-20)");
 *  - APPEAL_YES: a valid appeal ("申诉成立", "approved", "valid", "通过", "有效").
 * NO and WAIT phrases are taken out before YES is looked for, so "未通过" / "not approved" / "待通过"
 * never count as 通过 / approved. Both YES and NO in one cell, or no word at all, is unreadable.
 */
const APPEAL_NO =
  /^(?:无|没有|否|未|不|-+|—+|–+|\/|n\/?a|na|none|nil|null|no|n)$|未申诉|没有申诉|无申诉|不申诉|没申诉|未提交|未发起|驳回|拒绝|被拒|失败|无效|未通过|不通过|没通过|不成功|未成功|不成立|未成立|不予|未批准|不批准|不同意|撤回|撤销|已撤|过期|超时|败诉|\b(?:reject(?:ed|ion)?|denied|deny|declined?|invalid|not\s+valid|not\s+approved|disapproved|unapproved|unsuccessful|fail(?:ed|s|ure)?|lost|withdrawn|expired|overruled|dismissed|refused|not\s+appealed|no\s+appeal|never\s+appealed|not\s+(?:filed|submitted)|none|n\/a|no|not)\b/gi;
const APPEAL_WAIT =
  /已申诉|已经申诉|申诉中|审核中|审批中|处理中|受理中|待审|待处理|待定|待通过|待批准|待审核|待审批|未审核|未处理|已提交|\b(?:pending(?:\s+(?:review|approval|decision))?|in\s+progress|under\s+review|in\s+review|awaiting(?:\s+(?:review|approval|decision))?|waiting(?:\s+for\s+(?:review|approval|decision))?|processing|open|submitted|tbd|appealed|filed|appeal\s+filed)\b/gi;
const APPEAL_YES = /成立|通过|有效|成功|批准|同意|胜诉|\b(?:valid|approved|accepted|upheld|granted|successful|success|succeeded|won|win|waived)\b/i;

const APPEAL_HELP = L(
  'write yes/no (是/否), or an outcome such as "申诉成立" / "appeal approved" (upheld: the penalty is waived), "未申诉" / "not appealed", "驳回" / "rejected", "已申诉" / "申诉中" / "pending" (filed, outcome unknown: the penalty counts)',
  '请填写 是/否，或“申诉成立” / “appeal approved”（申诉成立，免罚）、“未申诉” / “not appealed”、“驳回” / “rejected”、“已申诉” / “申诉中” / “pending”（已申诉、结果未知：仍计罚款）这样的结果',
);

/**
 * An appeal cell → true (a valid appeal: the timeout penalty is waived), false (none, filed but not
 * decided — "已申诉", "申诉中", "appealed", "pending" — or rejected), or #VALUE! saying why it cannot be
 * read (yes and no words together, or none). RULES.md [X-PEN-TIMEOUT]: only an upheld appeal waives.
 */
export function toAppeal(x: Cell): boolean | RuleError {
  const s = appealState(x);
  return isRuleError(s) ? s : s === 'upheld';
}

/**
 * [X-PEN-TIMEOUT] the appeal state of a cell: 'upheld' (waives the penalty), 'filed' (filed, outcome
 * unknown: the penalty is counted, with a note that it may be waived), 'none' (no appeal, or
 * rejected), or #VALUE!.
 */
export function appealState(x: Cell): 'upheld' | 'filed' | 'none' | RuleError {
  const b = toBool(x);
  if (typeof b === 'boolean') return b ? 'upheld' : 'none';
  if (typeof x === 'string') {
    const s = fold(x).trim().toLowerCase();
    APPEAL_NO.lastIndex = 0;
    const no = APPEAL_NO.test(s);
    const rest = s.replace(APPEAL_NO, ' ').replace(APPEAL_WAIT, ' ');
    APPEAL_WAIT.lastIndex = 0;
    const wait = APPEAL_WAIT.test(s);
    APPEAL_WAIT.lastIndex = 0;
    const yes = APPEAL_YES.test(rest);
    if (yes && no) {
      return valueError(
        `${show(x)} says both yes and no about the appeal: ${APPEAL_HELP.en}`,
        `${show(x)} 同时包含“是”和“否”的申诉结果：${APPEAL_HELP.zh}`,
      );
    }
    if (yes) return 'upheld';
    if (no) return 'none';
    if (wait) return 'filed';
  }
  return valueError(`${show(x)} is not a readable appeal result: ${APPEAL_HELP.en}`, `${show(x)} 不是可识别的申诉结果：${APPEAL_HELP.zh}`);
}

export const HOUR_MS = 3_600_000;
export { DAY_MS };

/** ISO date text (YYYY-MM-DD) of an instant, UTC. */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Times in the core are wall-clock times read as UTC (a sheet's "2024-06-01 10:00" is 10:00, whatever
 * the zone). These convert a JS Date (an instant) to and from the wall clock of the machine's zone,
 * for hosts that hand over Dates (Node) and for "now" (the pane, the CLI).
 */
export const localWallMs = (d: Date): number => d.getTime() - d.getTimezoneOffset() * 60_000;
export const localWallNow = (): number => localWallMs(new Date());

/** True when `tz` is an IANA time zone this runtime knows ("America/Los_Angeles", "Asia/Shanghai", "UTC"). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall clock of an instant in a time zone (ms read as UTC, like every core time), via Intl: the
 * "now" of a file whose times are in another zone than this machine's (--tz, the pane's setting).
 */
export function wallMsIn(d: Date, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(d);
  const v = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return Date.UTC(v('year'), v('month') - 1, v('day'), v('hour') % 24, v('minute'), v('second'), d.getUTCMilliseconds());
}

/** "Now" as the wall clock of `tz` (default: this machine's zone). */
export const wallNow = (tz?: string): number => (tz ? wallMsIn(new Date(), tz) : localWallNow());
export function wallToLocalDate(wall: number): Date {
  const guess = new Date(wall);
  const d = new Date(wall + guess.getTimezoneOffset() * 60_000);
  // Near a DST change the offset of the result can differ from the guess: correct once.
  return new Date(wall + d.getTimezoneOffset() * 60_000);
}

const pad2 = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Wall-clock ms → zone-less ISO text, "2024-06-01" at midnight else "2024-06-01 10:30:00" (what the
 * hosts hand the audit for a date cell; toDate reads it back to the same wall clock). '' if not finite.
 */
export function wallIso(wall: number): string {
  if (!Number.isFinite(wall)) return '';
  const d = new Date(wall);
  if (Number.isNaN(d.getTime())) return '';
  const day = `${pad2(d.getUTCFullYear(), 4)}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours(), m = d.getUTCMinutes(), s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/** Words for "no end date" on a licence or permit: 长期, 永久, long-term, permanent, no expiry… */
const NO_END_RE = /^(?:长期|长期有效|永久|永久有效|无期限|无固定期限|不限期|不限|long[\s-]*term|permanent|perpetual|indefinite(?:ly)?|unlimited|no\s*(?:expiry|expiration|end(?:\s*date)?|limit)|never\s*expires?)$/i;

/**
 * [X-ONBOARD] A time left that may have no end (a business licence "营业期限：长期"): a number as
 * toNumber reads it, or one of the no-end words above, read as Infinity (valid for ever).
 */
export function toNumberOrNoEnd(x: Cell): number | RuleError {
  if (typeof x === 'string' && NO_END_RE.test(fold(x).trim())) return Infinity;
  const n = toNumber(x);
  if (!isRuleError(n)) return n;
  return valueError(`${n.en}; write a number of months, or 长期 / long-term when it has no end date`, `${n.zh}；请填写月数，无固定期限时填“长期”`);
}
