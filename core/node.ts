/**
 * The Node main entry: the typed core API plus every catalogue function under its sheet name,
 * taking sheet-style arguments (numbers, text, Date, 2-D arrays) and returning values, 2-D arrays,
 * Date objects for dates, and RuleError values for errors.
 *
 * Dates: text and Excel serials are wall-clock times; a JS Date is read by its wall clock in this
 * machine's time zone (new Date(2024, 5, 1, 10, 0) is "2024-06-01 10:00", like the text), and date
 * results come back as Dates showing the same wall clock locally. "Today" is the local date.
 */
import { CATALOGUE } from './functions';
import { callFunction, type HostOptions } from './catalogue/call';
import { localWallMs, localWallNow, wallToLocalDate } from './coerce';

export * from './index';

export type SheetFunction = (...args: unknown[]) => unknown;

const isDate = (x: unknown): x is Date => x instanceof Date;
const wallDate = (d: Date) => (Number.isNaN(d.getTime()) ? d : new Date(localWallMs(d)));

/** Dates in an argument (a value or a 2-D range) → Dates whose UTC clock is the local wall clock. */
function wallArg(x: unknown): unknown {
  if (isDate(x)) return wallDate(x);
  if (!Array.isArray(x) || !x.some((r) => isDate(r) || (Array.isArray(r) && r.some(isDate)))) return x;
  return x.map((r) => (isDate(r) ? wallDate(r) : Array.isArray(r) ? r.map((c) => (isDate(c) ? wallDate(c) : c)) : r));
}

/** All catalogue functions bound to host options (default: English, errors as RuleError values). */
export function sheetFunctions(opts: HostOptions = {}): Record<string, SheetFunction> {
  const o: HostOptions = { dateOut: wallToLocalDate, ...opts, now: opts.now ?? undefined };
  const out: Record<string, SheetFunction> = {};
  for (const def of CATALOGUE) {
    out[def.name] = (...args: unknown[]) => callFunction(def, args.map(wallArg), { ...o, now: o.now ?? localWallNow() });
  }
  return out;
}
