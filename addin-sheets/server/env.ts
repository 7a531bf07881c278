/**
 * What the Sheets server code needs from its surroundings: the user's language and the spreadsheet's
 * time zone. Every lookup is guarded, because custom functions run with a restricted service set
 * (AuthMode.CUSTOM_FUNCTION) and onOpen may run in AuthMode.NONE.
 */
import { langFromLocale, type Lang } from '../../core/text';

let cachedLang: Lang | undefined;
let cachedTz: string | null | undefined;

/** Forget memoised values (one Apps Script execution = one load of the script, so only tests need this). */
export function resetEnv(): void {
  cachedLang = undefined;
  cachedTz = undefined;
  offsets.clear();
}

function tryCall<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * The user's language: Session.getActiveUserLocale(), else the spreadsheet's locale, else English.
 */
export function userLang(): Lang {
  if (cachedLang) return cachedLang;
  const locale =
    tryCall(() => (typeof Session !== 'undefined' ? Session.getActiveUserLocale() : undefined)) ||
    tryCall(() => (typeof SpreadsheetApp !== 'undefined' ? SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetLocale() : undefined)) ||
    '';
  return (cachedLang = langFromLocale(locale));
}

/** Pick the text of a bilingual message in the user's language. */
export const say = (en: string, zh: string): string => (userLang() === 'zh' ? zh : en);

/** An Error whose message is in the user's language (the sidebar shows it as is). */
export const userError = (en: string, zh: string): Error => new Error(say(en, zh));

/** The spreadsheet's time zone (e.g. "Asia/Shanghai"), or null when it cannot be read. */
export function sheetTimeZone(): string | null {
  if (cachedTz !== undefined) return cachedTz;
  const tz = tryCall(() => (typeof SpreadsheetApp !== 'undefined' ? SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone() : undefined));
  return (cachedTz = tz || null);
}

const HOUR = 3_600_000;
const offsets = new Map<number, number>();

/**
 * Offset (ms) of the spreadsheet's time zone from UTC at an instant, via Utilities.formatDate(…, 'Z')
 * ("+0800"). Cached per hour; without Utilities or a time zone, the script's own zone (Date's local time).
 */
function offsetAt(ms: number): number {
  const bucket = Math.floor(ms / HOUR);
  const hit = offsets.get(bucket);
  if (hit !== undefined) return hit;
  const tz = sheetTimeZone();
  let off: number | undefined;
  if (tz && typeof Utilities !== 'undefined') {
    const z = tryCall(() => Utilities.formatDate(new Date(ms), tz, 'Z'));
    const m = typeof z === 'string' ? /^([+-])(\d{2}):?(\d{2})$/.exec(z.trim()) : null;
    if (m) off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  }
  if (off === undefined) off = -new Date(ms).getTimezoneOffset() * 60_000;
  if (offsets.size > 5000) offsets.clear();
  offsets.set(bucket, off);
  return off;
}

/**
 * The core reads times as wall-clock instants in UTC (like Excel serials and zone-less ISO text).
 * A Sheets Date is an absolute instant; its wall clock is the one shown in the spreadsheet's zone.
 */
export const dateToWallMs = (d: Date): number => {
  const t = d.getTime();
  return Number.isNaN(t) ? t : t + offsetAt(t);
};

/** A Date that the spreadsheet shows with the given wall clock (inverse of dateToWallMs, DST-aware). */
export function wallMsToDate(wall: number): Date {
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

/** Date check that works for Dates from any realm (Apps Script has one; tests use Node vm). */
export const isDate = (x: unknown): x is Date => Object.prototype.toString.call(x) === '[object Date]';
