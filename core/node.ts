/**
 * The Node main entry: the typed core API plus every catalogue function under its sheet name,
 * taking sheet-style arguments (numbers, text, Date, 2-D arrays) and returning values, 2-D arrays,
 * Date objects for dates, and RuleError values for errors.
 */
import { CATALOGUE } from './functions';
import { callFunction, type HostOptions } from './catalogue/call';

export * from './index';

export type SheetFunction = (...args: unknown[]) => unknown;

/** All catalogue functions bound to host options (default: English, errors as RuleError values). */
export function sheetFunctions(opts: HostOptions = {}): Record<string, SheetFunction> {
  const out: Record<string, SheetFunction> = {};
  for (const def of CATALOGUE) out[def.name] = (...args: unknown[]) => callFunction(def, args, opts);
  return out;
}
