/**
 * Excel custom functions: every catalogue function registered under its sheet name (`=AE.SG_FEE`).
 * Built as its own bundle, functions.js, which the shared-runtime page (taskpane.html) loads next
 * to the task pane bundle and which tests load standalone in a Node `vm`.
 *
 * All the work (coercion, broadcasting over ranges, per-cell errors) is the core's callFunction;
 * this file only adapts Excel's calling convention:
 *  - parameters are declared matrices (functions.json), so every argument arrives as a 2-D array;
 *    a 1×1 matrix is a single value and is unwrapped, so scalar calls give scalar semantics;
 *  - an omitted optional argument arrives as null (or [[null]]): it means "not given";
 *    empty cells inside a range arrive as null on the web, "" sometimes, and as 0 on desktop
 *    (office-js#4702, #5262: indistinguishable from a typed 0). Where 0 can never be a real value
 *    it is read as empty: an OPTIONAL 'date' (excelEmptyZeros; serial 0 is no date); a 'rates' card
 *    range's 0 keys and all-0 ranges are handled by the core itself. Elsewhere a 0 stays 0;
 *  - results are declared matrices, so a scalar result is returned as [[value]];
 *  - dates go out as Excel serial numbers; a blank result cell is "" (Excel shows null as 0);
 *  - "now" (the default of on_date) is the local wall clock, like the serials Excel hands over;
 *  - core errors map ONCE (toExcelError) to CustomFunctions.Error with the message in the user's
 *    Office display language; #NUM! takes no custom message in Excel.
 */
import { CATALOGUE } from '../core/functions';
import { callFunction } from '../core/catalogue/call';
import { localWallNow, msToSerial } from '../core/coerce';
import type { RuleError } from '../core/errors';
import type { ArgDef, FunctionDef } from '../core/catalogue/types';
import { langFromLocale, type Lang } from '../core/text';

/** The user's language, read per call (Office can switch it; absent outside Office = English). */
export function officeLang(): Lang {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    return langFromLocale(office?.context?.displayLanguage);
  } catch {
    return 'en';
  }
}

/** The one place a core RuleError becomes an Excel error value. */
export function toExcelError(e: RuleError, lang: Lang): CustomFunctions.Error {
  const message = lang === 'zh' ? e.zh : e.en;
  switch (e.kind) {
    case '#N/A':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
    case '#NUM!':
      // Excel allows a custom message only with #VALUE! and #N/A.
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case '#VALUE!':
    default:
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  }
}

const isMatrix = (x: unknown): x is unknown[][] => Array.isArray(x) && x.every(Array.isArray);

/** One Excel argument → the core's sheet-style argument. */
/**
 * The invocation object Excel appends after the declared arguments. When Excel still holds an older
 * cached functions.json (it caches metadata for up to a day, office-js#2777), it can arrive in the
 * place of a newly added optional argument: read it as "not given".
 */
const isInvocation = (x: unknown): boolean =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && ('functionName' in x || 'setResult' in x || 'address' in x);

export function fromExcelArg(x: unknown): unknown {
  if (x === null || x === undefined || isInvocation(x)) return undefined; // omitted optional argument
  if (isMatrix(x)) {
    if (x.length === 0 || x.every((r) => r.length === 0)) return undefined;
    if (x.length === 1 && x[0].length === 1) return fromExcelArg(x[0][0]);
    return x;
  }
  return x;
}

const isZero = (v: unknown) => v === 0;

/**
 * Excel desktop's empty cell (0) → null in an optional 'date' argument, where 0 cannot be meant
 * (serial 0 is no date): a single 0 is "not given". Rate-card ranges need nothing here: the core
 * reads a 0 key as a blank row and a range of only 0s as not given, for every host.
 */
export function excelEmptyZeros(arg: ArgDef, x: unknown): unknown {
  if (arg.kind === 'date' && arg.optional) {
    if (isZero(x)) return null;
    if (isMatrix(x)) return x.map((r) => r.map((c) => (isZero(c) ? null : c)));
    return x;
  }
  return x;
}

/** A core result → what Excel shows: always a matrix (the declared result dimensionality). */
function toExcelResult(v: unknown): unknown[][] {
  const cell = (c: unknown) => (c === null || c === undefined ? '' : c);
  if (isMatrix(v)) return v.length === 0 ? [['']] : v.map((r) => (r.length === 0 ? [''] : r.map(cell)));
  return [[cell(v)]];
}

/** The Excel implementation of one catalogue function. Never throws anything but a CustomFunctions.Error. */
export function excelFunction(def: FunctionDef): (...args: unknown[]) => unknown[][] {
  return (...raw: unknown[]) => {
    const lang = officeLang();
    let out: unknown[][];
    try {
      // Excel passes exactly the declared parameters (optional ones as null); ignore anything extra
      // such as an invocation object a future runtime might append.
      const args = raw.slice(0, def.args.length).map((x, i) => fromExcelArg(excelEmptyZeros(def.args[i], x)));
      out = toExcelResult(
        callFunction(def, args, {
          lang,
          // Core times are wall clocks read as UTC (serials are too): "today" is the user's local date.
          now: localWallNow(),
          dateOut: msToSerial,
          errorOut: (e, l) => toExcelError(e, l),
          blank: '',
        }),
      );
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      throw new CustomFunctions.Error(
        CustomFunctions.ErrorCode.invalidValue,
        lang === 'zh' ? `${def.name} 内部错误：${msg}` : `internal error in ${def.name}: ${msg}`,
      );
    }
    // A single error result is thrown, the documented way that keeps its code and message on every
    // platform (an error inside a returned array can show as a bare #VALUE!, office-js#2174).
    if (out.length === 1 && out[0].length === 1 && out[0][0] instanceof CustomFunctions.Error) throw out[0][0];
    return out;
  };
}

/** Register every catalogue function (ids = sheet names, as in functions.json). */
export function registerAll(): string[] {
  const ids: string[] = [];
  for (const def of CATALOGUE) {
    CustomFunctions.associate(def.name, excelFunction(def));
    ids.push(def.name);
  }
  return ids;
}

if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function') {
  registerAll();
}
