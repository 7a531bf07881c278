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
 *
 * Real-host rules (docs/EXCEL-HOST.md, checked by hand with docs/VERIFY.md):
 *  - error cells IN: functions.json sets allowErrorForDataTypeAny, so an error cell of a range
 *    argument arrives as an error value (a CustomFunctions.Error-like { code: "#N/A" }); it becomes
 *    that one result cell's error (inputErrors), the other cells keep their values;
 *  - errors OUT inside a multi-cell result: Excel builds before mid-2026 show the whole array as one
 *    #VALUE! when it holds an error object (office-js#2174). arrayErrorsAsValues() decides per call:
 *    error objects on builds that show them per cell, else the error as TEXT ("#N/A: …"), which
 *    every build shows per cell (as the Sheets add-on does). A single-cell error is always thrown;
 *  - whole columns: results stop at the last non-empty input row (the core drops trailing empty
 *    rows; here a whole-column range's trailing 0s, Excel desktop's empty cells, count as empty too);
 *    above MAX_RESULT_CELLS, or a response estimated over RESPONSE_BUDGET_BYTES, one clear #VALUE!.
 */
import { CATALOGUE } from '../core/functions';
import { callFunction } from '../core/catalogue/call';
import { localWallNow, msToSerial } from '../core/coerce';
import { isRuleError, naError, numError, valueError, type RuleError } from '../core/errors';
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

/** Rows of an Excel worksheet: a range argument this tall is a whole-column reference (E:E). */
export const SHEET_ROWS = 1_048_576;
/** Most result cells per call (after trailing empty rows are dropped); above: #VALUE! "split the range". */
export const MAX_RESULT_CELLS = 100_000;
/** Estimated JSON size a response may have; Excel limits custom-function payloads to 5 MB. */
export const RESPONSE_BUDGET_BYTES = 4_000_000;
/**
 * First Excel builds taken to show error values inside a returned array per cell (office-js#2174 is
 * fixed "mid-2026" per issue 10; no Microsoft build number was found): Windows 16.0.20200.x ≈
 * Version 2607 (July 2026), Mac 16.111 (July 2026). Excel on the web is always current. Older or
 * unknown builds get error text. Confirm on a real build with docs/VERIFY.md step E3.
 */
export const ARRAY_ERRORS_MIN_BUILD = { windows: 20_200, mac: 111 } as const;

/** An error cell code Excel lets a custom function return (with or without a message). */
const OUT_CODES: Record<string, keyof typeof CustomFunctions.ErrorCode> = {
  '#N/A': 'notAvailable',
  '#NUM!': 'invalidNumber',
  '#DIV/0!': 'divisionByZero',
  '#NULL!': 'nullReference',
  '#VALUE!': 'invalidValue',
};

/** A RuleError standing for an error cell of the input; keeps Excel's own code. */
type InputError = RuleError & { excelCode?: string };

/** The one place a core RuleError becomes an Excel error value. */
export function toExcelError(e: RuleError, lang: Lang): CustomFunctions.Error {
  const message = lang === 'zh' ? e.zh : e.en;
  const code = (e as InputError).excelCode;
  if (code && code !== '#VALUE!' && OUT_CODES[code]) {
    // An input error cell passes through as itself (#DIV/0! stays #DIV/0!); messages only where allowed.
    const ec = CustomFunctions.ErrorCode[OUT_CODES[code]];
    return code === '#N/A' ? new CustomFunctions.Error(ec, message) : new CustomFunctions.Error(ec);
  }
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

/**
 * The error code of an error value Excel hands over for an error cell (allowErrorForDataTypeAny):
 * a CustomFunctions.Error, or the same shape ({ code: "#N/A" }), or an ErrorCellValue
 * ({ type: "Error", basicValue: "#N/A" }). undefined for anything else.
 */
export function excelInputErrorCode(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return undefined;
  if (isRuleError(x)) return undefined;
  const o = x as { code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  // A CustomFunctions.Error or a plain { code } object: the code is what counts.
  if (typeof o.code === 'string' && o.code.startsWith('#')) return o.code;
  if (o.type === 'Error') {
    if (typeof o.basicValue === 'string' && o.basicValue.startsWith('#')) return o.basicValue;
    return '#VALUE!';
  }
  return undefined;
}

function inputError(code: string, arg: ArgDef | undefined): InputError {
  const en = arg ? `${arg.name}: the input cell is ${code}` : `the input cell is ${code}`;
  const zh = arg ? `${arg.nameZh}：输入单元格为 ${code}` : `输入单元格为 ${code}`;
  const e: InputError = code === '#N/A' ? naError(en, zh) : code === '#NUM!' ? numError(en, zh) : valueError(en, zh);
  e.excelCode = code;
  return e;
}

/** Error cells of one Excel argument → RuleErrors the core passes through as that cell's result. */
export function inputErrors(arg: ArgDef | undefined, x: unknown): unknown {
  if (excelInputErrorCode(x)) return inputError(excelInputErrorCode(x)!, arg);
  if (!isMatrix(x)) return x;
  let out: unknown[][] | undefined;
  for (let r = 0; r < x.length; r++) {
    const row = x[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'object' || v === null) continue;
      const code = excelInputErrorCode(v);
      if (!code) continue;
      out ??= x.slice();
      if (out[r] === row) out[r] = row.slice();
      out[r][c] = inputError(code, arg);
    }
  }
  return out ?? x;
}

/**
 * Whole-column arguments (as tall as the sheet) end at the last row holding something other than an
 * empty cell, "" or 0: Excel desktop hands the empty cells of a range as 0 (office-js#4702, #5262),
 * so without this `=AE.TRACK_VALID("DHL", E:E)` would compute a million rows. All whole-column
 * arguments are cut at the same row, so their rows stay aligned. (A typed 0 in the LAST data rows
 * of a whole column reads as empty: use a bounded range there; docs/EXCEL-HOST.md.)
 */
export function trimWholeColumns(args: unknown[]): unknown[] {
  const tall = (x: unknown): x is unknown[][] => Array.isArray(x) && x.length >= SHEET_ROWS && Array.isArray(x[0]);
  if (!args.some(tall)) return args;
  let end = 1;
  for (const x of args) {
    if (!tall(x)) continue;
    // Plain loops from the bottom (a million rows: no callbacks, no allocation).
    scan: for (let r = x.length - 1; r >= end; r--) {
      const row = x[r];
      // typeof, not Array.isArray: the latter is slow on arrays from another realm (tests' vm).
      if (row === null || typeof row !== 'object') continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== null && v !== undefined && v !== '' && v !== 0) {
          end = r + 1;
          break scan;
        }
      }
    }
  }
  return args.map((x) => (tall(x) ? x.slice(0, end) : x));
}

/** Office.context.diagnostics, when the runtime has it. */
function diagnostics(): { platform?: string; version?: string } | undefined {
  try {
    return (globalThis as unknown as { Office?: { context?: { diagnostics?: { platform?: string; version?: string } } } }).Office?.context?.diagnostics;
  } catch {
    return undefined;
  }
}

/**
 * Whether this Excel shows error values inside a returned array per cell (else the whole array
 * becomes one #VALUE!, office-js#2174). The documented rule (docs/EXCEL-HOST.md):
 *  - Excel on the web (platform OfficeOnline): yes (always the current build);
 *  - Windows "16.0.BUILD.x": yes from ARRAY_ERRORS_MIN_BUILD.windows; Mac "16.NN": from .mac;
 *  - anything else (older builds, no diagnostics): no → error text in the cell.
 */
export function arrayErrorsAsValues(d: { platform?: string; version?: string } | undefined = diagnostics()): boolean {
  if (!d) return false;
  if (/^OfficeOnline$/i.test(String(d.platform ?? ''))) return true;
  const v = String(d.version ?? '');
  const win = /^16\.0\.(\d+)\./.exec(v);
  if (win) return Number(win[1]) >= ARRAY_ERRORS_MIN_BUILD.windows;
  const mac = /^16\.(\d+)(?:\.|$)/.exec(v);
  if (mac && /^mac$/i.test(String(d.platform ?? ''))) return Number(mac[1]) >= ARRAY_ERRORS_MIN_BUILD.mac;
  return false;
}

/** How an error shows as text inside an array on builds that cannot show error values there. */
export const errorAsText = (e: RuleError, lang: Lang): string => `${e.kind === '#VALUE!' && (e as InputError).excelCode ? (e as InputError).excelCode : e.kind}: ${lang === 'zh' ? e.zh : e.en}`;

/** Rough UTF-8 JSON size of one result cell as it crosses to Excel. */
function cellBytes(c: unknown): number {
  if (typeof c === 'number') return 24;
  if (typeof c === 'boolean') return 6;
  if (typeof c === 'string') {
    let n = 3;
    for (let i = 0; i < c.length; i++) n += c.charCodeAt(i) < 0x80 ? 1 : 3;
    return n;
  }
  if (c instanceof CustomFunctions.Error) return 40 + cellBytes(c.message ?? '');
  return 16;
}
const resultBytes = (m: unknown[][]): number => {
  let n = 2;
  for (const row of m) for (const c of row) n += cellBytes(c);
  return n;
};

/**
 * A core result → what Excel shows: always a matrix (the declared result dimensionality). A single
 * error is thrown (the documented way, keeping code and message everywhere); errors inside a bigger
 * result are error values or text (arrayErrorsAsValues); an oversized response is one #VALUE!.
 */
function toExcelResult(v: unknown, lang: Lang, name: string): unknown[][] {
  const single = !isMatrix(v) || (v.length === 1 && v[0].length === 1);
  if (single) {
    const c = isMatrix(v) ? v[0][0] : v;
    if (isRuleError(c)) throw toExcelError(c, lang);
    return [[c === null || c === undefined ? '' : c]];
  }
  const asValues = arrayErrorsAsValues();
  const m = v as unknown[][];
  const build = (full: boolean): unknown[][] =>
    m.length === 0
      ? [['']]
      : m.map((r) =>
          r.length === 0
            ? ['']
            : r.map((c) => {
                if (c === null || c === undefined) return '';
                if (!isRuleError(c)) return c;
                const code = (c as InputError).excelCode ?? c.kind;
                if (asValues) return full ? toExcelError(c, lang) : new CustomFunctions.Error(CustomFunctions.ErrorCode[OUT_CODES[code] ?? 'invalidValue']);
                return full ? errorAsText(c, lang) : code;
              }),
        );
  let out = build(true);
  if (resultBytes(out) <= RESPONSE_BUDGET_BYTES) return out;
  // Too big with the messages: the same result with bare error codes.
  out = build(false);
  if (resultBytes(out) <= RESPONSE_BUDGET_BYTES) return out;
  const mb = (resultBytes(out) / 1e6).toFixed(1);
  throw new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    lang === 'zh'
      ? `${name}：结果约 ${mb} MB，超过 Excel 单次返回上限；请把区域拆成较小的几段`
      : `${name}: the result is about ${mb} MB, more than Excel takes in one response; split the range into smaller blocks`,
  );
}

/** The Excel implementation of one catalogue function. Never throws anything but a CustomFunctions.Error. */
export function excelFunction(def: FunctionDef): (...args: unknown[]) => unknown[][] {
  return (...raw: unknown[]) => {
    const lang = officeLang();
    let result: unknown;
    try {
      // Excel passes exactly the declared parameters (optional ones as null); ignore anything extra
      // such as an invocation object a future runtime might append.
      const declared = trimWholeColumns(raw.slice(0, def.args.length));
      const args = declared.map((x, i) => fromExcelArg(inputErrors(def.args[i], excelEmptyZeros(def.args[i], x))));
      result = callFunction(def, args, {
        lang,
        // Core times are wall clocks read as UTC (serials are too): "today" is the user's local date.
        now: localWallNow(),
        dateOut: msToSerial,
        // Errors stay RuleErrors here; toExcelResult shows them (thrown, error value or text).
        errorOut: (e) => e,
        blank: '',
        trimTrailingEmpty: true,
        maxCells: MAX_RESULT_CELLS,
      });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      throw new CustomFunctions.Error(
        CustomFunctions.ErrorCode.invalidValue,
        lang === 'zh' ? `${def.name} 内部错误：${msg}` : `internal error in ${def.name}: ${msg}`,
      );
    }
    return toExcelResult(result, lang, def.name);
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
