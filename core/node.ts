/**
 * The Node main entry: the typed core API plus every catalogue function under its sheet name,
 * taking sheet-style arguments (numbers, text, Date, 2-D arrays) and returning values, 2-D arrays,
 * Date objects for dates, and RuleError values for errors.
 *
 * Dates: text and Excel serials are wall-clock times; a JS Date is read by its wall clock in this
 * machine's time zone (new Date(2024, 5, 1, 10, 0) is "2024-06-01 10:00", like the text), and date
 * results come back as Dates showing the same wall clock locally. "Today" is the local date.
 * The audit exported here (auditTable, createAudit) reads Date cells (and a Date `now`) the same way;
 * the core/audit versions, which the CLI uses for exceljs Dates (UTC-encoded wall clocks), are unchanged.
 */
import { CATALOGUE } from './functions';
import { callFunction, type HostOptions } from './catalogue/call';
import { localWallMs, localWallNow, wallToLocalDate } from './coerce';
import { auditTable as coreAuditTable, createAudit as coreCreateAudit, type AuditSession, type AuditTableOptions } from './audit/session';
import type { AuditOptions, AuditReport } from './audit/types';
import type { RuleError } from './errors';

export * from './index';
export { checkBuiltinData } from './builtin-check';

export type SheetFunction = (...args: unknown[]) => unknown;

const isDate = (x: unknown): x is Date => x instanceof Date;
const wallDate = (d: Date) => (Number.isNaN(d.getTime()) ? d : new Date(localWallMs(d)));

/** All catalogue functions bound to host options (default: English, errors as RuleError values). */
export function sheetFunctions(opts: HostOptions = {}): Record<string, SheetFunction> {
  // Date cells are read by the local wall clock as the call layer reads them (dateIn), so a
  // million-row range of text is never scanned for Dates.
  const o: HostOptions = { dateOut: wallToLocalDate, dateIn: wallDate, ...opts, now: opts.now ?? undefined };
  const out: Record<string, SheetFunction> = {};
  for (const def of CATALOGUE) {
    out[def.name] = (...args: unknown[]) => callFunction(def, args, { ...o, now: o.now ?? localWallNow() });
  }
  return out;
}

/** A JS Date (an instant) → the Date whose UTC clock is this machine's wall clock; other values as given. */
export function wallDateOf<T>(x: T): T | Date {
  return isDate(x) ? wallDate(x) : x;
}

/** Rows of cells with every JS Date read by the local wall clock (rows without a Date are kept as they are). */
function wallRows(rows: readonly (readonly unknown[])[]): readonly (readonly unknown[])[] {
  if (!Array.isArray(rows)) return rows;
  let out: (readonly unknown[])[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!Array.isArray(r) || !r.some(isDate)) continue;
    out ??= rows.slice();
    out[i] = r.map(wallDateOf);
  }
  return out ?? rows;
}

/** Audit options of the Node entry: `now` may also be a JS Date (read by the local wall clock). */
export type NodeAuditOptions = Omit<AuditOptions, 'now'> & { now?: number | Date };
export type NodeAuditTableOptions = Omit<AuditTableOptions, 'now'> & { now?: number | Date };

function wallOptions<O extends { now?: number | Date }>(o: O): Omit<O, 'now'> & { now?: number } {
  if (!isDate(o.now)) return o as Omit<O, 'now'> & { now?: number };
  return { ...o, now: localWallMs(o.now) };
}

/**
 * createAudit of the core, reading JS Date cells like sheetFunctions does: by their wall clock in
 * this machine's time zone (new Date(2024, 5, 1, 10) is "2024-06-01 10:00").
 */
export function createAudit(header: readonly unknown[], options: NodeAuditOptions = {}): AuditSession {
  const s = coreCreateAudit(header, wallOptions(options));
  return {
    mapping: s.mapping,
    error: s.error,
    push: (rows, firstDataRowIndex) => s.push(wallRows(rows), firstDataRowIndex),
    finish: () => s.finish(),
    get interleaved() {
      return s.interleaved;
    },
  };
}

/** auditTable of the core, reading JS Date cells (and a Date `now`) by this machine's wall clock. */
export function auditTable(header: readonly unknown[], rows: readonly (readonly unknown[])[], options: NodeAuditTableOptions = {}): Promise<AuditReport | RuleError> {
  return coreAuditTable(header, wallRows(rows), wallOptions(options));
}
