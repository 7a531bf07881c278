/**
 * The call layer: sheet-style arguments → coerced scalars → implementation, broadcast over ranges
 * (DESIGN.md "data flow of one formula"). Never throws: every failure is a RuleError value, which the
 * host maps once through `errorOut`.
 */
import { RuleError, isRuleError, valueError, naError, numError, withArg } from '../errors';
import { isEmpty, localWallNow, msToSerial, show, toAppeal, toBool, toCountry, toDate, toGrams, toNumber, toNumberOrNoEnd, toPresent, toRate, toText, type Cell } from '../coerce';
import { cardFor, cardFromTable, type RateCard } from '../rates';
import { Localized, parseLang, type Lang } from '../text';
import { RANGE_KINDS, type ArgDef, type CallContext, type FunctionDef, type ScalarKind } from './types';

export interface HostOptions {
  lang?: Lang;
  /**
   * "Now" as wall-clock ms read as UTC, like every core time (tests pin it). Default: the local wall
   * clock of this runtime (localWallNow), not Date.now(), which is 8 h off for a user in China.
   */
  now?: number;
  /** How the host shows a date result (Excel: serial number; Sheets/Node: Date). */
  dateOut?: (ms: number) => unknown;
  /** How the host shows an error (Excel: CustomFunctions.Error; Sheets: text; Node: the RuleError). */
  errorOut?: (e: RuleError, lang: Lang) => unknown;
  /** What a cell whose every input is empty shows inside a range result (default ""). */
  blank?: unknown;
  /**
   * Spreadsheet hosts (Excel, Sheets) set this: a range result stops at the last row (column) where
   * some range argument holds something, so a whole-column reference (E:E, A2:A) does not answer a
   * million blank rows. Unset (Node): the result has the arguments' full shape.
   */
  trimTrailingEmpty?: boolean;
  /**
   * Most result cells one call may give (after trailing empty rows/columns are dropped); above it the
   * call is one clear #VALUE! asking to split the range. Unset: no cap (Node). Excel sets one so a
   * response stays far below Excel on the web's 5 MB limit (docs/EXCEL-HOST.md).
   */
  maxCells?: number;
  /**
   * How a JS Date cell is read (Node: by this machine's wall clock). Applied to the cells as they are
   * read, so arguments without a Date cost nothing (no scan of a million-row range).
   */
  dateIn?: (d: Date) => Date;
}

type Coerced = unknown;

function coerceScalar(kind: ScalarKind, x: Cell, arg?: ArgDef): Coerced | RuleError {
  switch (kind) {
    case 'number':
    case 'integer':
    case 'money':
      return arg?.unit === 'g' ? toGrams(x) : arg?.noEnd ? toNumberOrNoEnd(x) : toNumber(x);
    case 'rate':
      return toRate(x);
    case 'bool':
      return arg?.presence ? toPresent(x) : arg?.appeal ? toAppeal(x) : toBool(x);
    case 'date':
      return toDate(x);
    case 'country':
      return toCountry(x);
    case 'lang': {
      const l = parseLang(x);
      return l ?? valueError(`must be "en" or "zh", got ${show(x)}`, `必须是 "en" 或 "zh"，得到 ${show(x)}`);
    }
    case 'text':
    case 'carrier':
      return toText(x);
  }
}

function checkBounds(arg: ArgDef, v: Coerced): Coerced | RuleError {
  if (typeof v !== 'number') return v;
  if (arg.kind === 'integer' && !Number.isInteger(v)) {
    return valueError(`must be a whole number, got ${v}`, `必须是整数，得到 ${v}`);
  }
  if (arg.min !== undefined && v < arg.min) {
    return valueError(`must be ≥ ${arg.min}, got ${v}`, `必须 ≥ ${arg.min}，得到 ${v}`);
  }
  if (arg.max !== undefined && v > arg.max) {
    // Input out of range is bad input: #VALUE! with the reason (Excel shows no message with #NUM!).
    return valueError(`must be ≤ ${arg.max}, got ${v}`, `必须 ≤ ${arg.max}，得到 ${v}`);
  }
  return v;
}

/** Coerce one cell for one argument; the error names the argument. */
export function coerceArg(arg: ArgDef, x: Cell): Coerced | RuleError {
  // An error cell the host handed over (Excel: an error value in a range) is that cell's own error.
  if (isRuleError(x)) return x;
  if (arg.raw && !Array.isArray(x)) return x;
  if (isEmpty(x)) {
    return arg.optional ? undefined : valueError(`${arg.name} is required (the cell is empty)`, `${arg.nameZh} 为必填项（单元格为空）`);
  }
  const v = checkBounds(arg, coerceScalar(arg.kind as ScalarKind, x, arg));
  return isRuleError(v) ? withArg(v, arg.name, arg.nameZh) : v;
}

/** Same answer as isEmpty, without allocating for ordinary text (the common case in big ranges). */
function blankCell(x: Cell): boolean {
  if (x === null || x === undefined) return true;
  if (typeof x !== 'string') return false;
  if (x.length === 0) return true;
  const k = x.charCodeAt(0);
  // Printable ASCII other than the space is never whitespace, so the text is not blank.
  if (k > 0x20 && k < 0x7f) return false;
  return isEmpty(x);
}

/** A host may hand a 1-D array (Node users); read it as a column. */
function as2D(x: Cell): Cell[][] | undefined {
  if (!Array.isArray(x)) return undefined;
  if (x.length === 0) return [[null]];
  for (let i = 0; i < x.length; i++) if (!Array.isArray(x[i])) return x.map((v) => [v]);
  return x as Cell[][];
}

const flat = (x: Cell): Cell[] => (Array.isArray(x) ? (x as Cell[]).flat(Infinity as 1) : [x]);

/** A range argument with every Date read through dateIn (range arguments are small: a card, a list). */
function datesIn(x: Cell, dateIn: ((d: Date) => Date) | undefined): Cell {
  if (!dateIn) return x;
  if (x instanceof Date) return dateIn(x);
  if (!Array.isArray(x)) return x;
  return x.map((r) => (r instanceof Date ? dateIn(r) : Array.isArray(r) ? r.map((c) => (c instanceof Date ? dateIn(c) : c)) : r));
}

function coerceRange(arg: ArgDef, x: Cell): Coerced | RuleError {
  // A range argument is one value: an error cell in it is the whole call's error.
  const bad = flat(x).find(isRuleError);
  if (bad) return bad as RuleError;
  if (arg.kind === 'rates') {
    // Excel desktop hands the empty cells of a range as 0: a range of blanks and zeros is "not given".
    if (flat(x).every((c) => isEmpty(c) || c === 0)) return undefined;
    return cardFromTable(as2D(x) ?? [[x]]);
  }
  const cells = flat(x).filter((c) => !isEmpty(c));
  if (cells.length === 0 && !arg.optional) {
    return valueError(`${arg.name} is required (the range is empty)`, `${arg.nameZh} 为必填项（区域为空）`);
  }
  if (arg.kind === 'texts') {
    const out: string[] = [];
    for (const c of cells) {
      const t = toText(c);
      if (isRuleError(t)) return withArg(t, arg.name, arg.nameZh);
      out.push(t);
    }
    return out;
  }
  const nums: number[] = [];
  for (const c of cells) {
    const n = checkBounds(arg, arg.percent ? toRate(c) : toNumber(c));
    if (isRuleError(n)) return withArg(n, arg.name, arg.nameZh);
    nums.push(n as number);
  }
  return nums;
}

/**
 * The rows and columns of the broadcast result that reach the last non-blank cell of some range
 * argument. A 1-row (1-column) range broadcasts and counts as one row (column) whatever it holds.
 * Scans a tall range from the bottom, so a whole column with ten filled rows costs little.
 */
function usedExtent(grids: readonly (Cell[][] | undefined)[]): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const g of grids) {
    if (!g) continue;
    let last = g.length === 1 ? 0 : -1;
    for (let r = g.length - 1; r >= 0 && last < 0; r--) {
      const row = g[r];
      if (row) for (let c = 0; c < row.length; c++) if (!blankCell(row[c])) { last = r; break; }
    }
    rows = Math.max(rows, last + 1);
    let width = 0;
    let wide = false;
    for (let r = 0; r <= last; r++) {
      const row = g[r];
      if (!row) continue;
      if (row.length <= 1) {
        width = Math.max(width, row.length);
        continue;
      }
      wide = true;
      for (let c = row.length - 1; c >= width; c--) if (!blankCell(row[c])) { width = c + 1; break; }
    }
    // A column range (every row one cell wide) counts as one column even where it is blank.
    cols = Math.max(cols, wide ? width : Math.min(width, 1) || (last >= 0 ? 1 : 0));
  }
  return { rows, cols };
}

const defaultErrorOut = (e: RuleError) => e;
const defaultDateOut = (ms: number) => new Date(ms);

function render(def: FunctionDef, out: unknown, lang: Lang, o: Required<Pick<HostOptions, 'dateOut' | 'errorOut'>>): unknown {
  if (isRuleError(out)) return o.errorOut(out, lang);
  if (out instanceof Localized) return out.in(lang);
  if (def.result === 'date' && typeof out === 'number') {
    // Only dates every host can show: Excel's serial range, 1900-01-01 to 9999-12-31.
    const serial = msToSerial(out);
    if (!(serial >= 1 && serial < 2_958_466)) return o.errorOut(numError('the resulting date is outside 1900–9999', '结果日期超出 1900–9999 年范围'), lang);
    return o.dateOut(out);
  }
  if (typeof out === 'number' && !Number.isFinite(out)) return o.errorOut(numError('result is not a finite number', '结果不是有限数字'), lang);
  return out;
}

function runImpl(def: FunctionDef, args: unknown[], ctx: CallContext): unknown {
  try {
    return def.impl(args, ctx);
  } catch (err) {
    // A bug, not a user error: still a value, with the reason, never an exception through the host.
    const msg = err instanceof Error ? err.message : String(err);
    return valueError(`internal error in ${def.name}: ${msg}`, `${def.name} 内部错误：${msg}`);
  }
}

/**
 * Call a function with sheet-style arguments. Scalars in → scalar out; any range in a scalar
 * argument → a 2-D array of the broadcast shape, one result (or error) per cell.
 */
export function callFunction(def: FunctionDef, rawArgs: readonly Cell[], opts: HostOptions = {}): unknown {
  return call(def, rawArgs, opts, def.fast !== undefined);
}

/** A 2-D range whose first row is an array, taken as it is (the fast column loop checks every row). */
const rowsUnchecked = (x: Cell): Cell[][] | undefined => (Array.isArray(x) && x.length > 0 && Array.isArray(x[0]) ? (x as Cell[][]) : as2D(x));

function call(def: FunctionDef, rawArgs: readonly Cell[], opts: HostOptions, tryFast: boolean): unknown {
  const lang = opts.lang ?? 'en';
  const o = { dateOut: opts.dateOut ?? defaultDateOut, errorOut: opts.errorOut ?? defaultErrorOut };
  const now = opts.now ?? localWallNow();
  const fail = (e: RuleError) => o.errorOut(e, lang);

  // Trailing omitted arguments (undefined) are simply not given.
  let n = rawArgs.length;
  while (n > 0 && rawArgs[n - 1] === undefined) n--;
  if (n > def.args.length) {
    return fail(valueError(`${def.name} takes at most ${def.args.length} arguments, got ${n}`, `${def.name} 最多接受 ${def.args.length} 个参数，得到 ${n} 个`));
  }

  // Range-kind arguments are coerced once; scalar-kind ones are inspected for broadcasting.
  const fixed: unknown[] = new Array(def.args.length);
  const grids: (Cell[][] | undefined)[] = new Array(def.args.length);
  let rows = 1;
  let cols = 1;
  let userCard: RateCard | undefined;
  for (let i = 0; i < def.args.length; i++) {
    const arg = def.args[i];
    const x = i < n ? rawArgs[i] : undefined;
    if (RANGE_KINDS.includes(arg.kind)) {
      const v = coerceRange(arg, datesIn(x, opts.dateIn));
      if (isRuleError(v)) return fail(v);
      fixed[i] = v;
      if (arg.kind === 'rates') userCard = v as RateCard | undefined;
      continue;
    }
    // The fast column loop (Node: no trimming) checks that every row is an array as it reads it,
    // so a million-row range is not scanned twice.
    const g = tryFast && !opts.trimTrailingEmpty ? rowsUnchecked(x) : as2D(x);
    if (g) {
      grids[i] = g;
      rows = Math.max(rows, g.length);
      cols = Math.max(cols, g[0]?.length ?? 1);
    }
  }

  // Whole-column references (E:E, A2:A), for spreadsheet hosts: the result stops at the last row
  // (column) where some range argument holds something. The empty rows below would only be blanks
  // (a 1,048,576-row call gave a 59 MB response); empty rows in between still give their blank cell.
  if (opts.trimTrailingEmpty && grids.some(Boolean)) {
    const used = usedExtent(grids);
    rows = Math.min(rows, used.rows);
    cols = Math.min(cols, used.cols);
    if (rows === 0 || cols === 0) return [[opts.blank ?? '']];
  }
  if (grids.some(Boolean)) {
    if (opts.maxCells !== undefined && rows * cols > opts.maxCells) {
      const r = rows.toLocaleString('en-US');
      const m = opts.maxCells.toLocaleString('en-US');
      // The block size in rows for this width (the cap counts cells).
      const b = Math.max(1, Math.floor(opts.maxCells / cols)).toLocaleString('en-US');
      return fail(
        valueError(
          `${def.name}: ${r} rows × ${cols} columns of input (up to the last non-empty row) is more than ${m} result cells in one call; split the range into blocks of at most ${b} rows`,
          `${def.name}：输入有 ${r} 行 × ${cols} 列（到最后一个非空行为止），单次调用最多 ${m} 个结果单元格；请把区域拆成每段不超过 ${b} 行`,
        ),
      );
    }
  }

  const cardCache = new Map<number, RateCard | RuleError>();
  // The cells as handed over for the current result cell (ctx.input), overwritten per cell.
  const dateIn = opts.dateIn;
  const inputs: unknown[] = def.args.map((a, i) => (i >= n ? undefined : RANGE_KINDS.includes(a.kind) ? datesIn(rawArgs[i], dateIn) : rawArgs[i]));
  const ctx: CallContext = {
    lang,
    now,
    input: (i: number) => inputs[i],
    card(atMs?: number) {
      if (userCard) return userCard;
      const t = atMs ?? now;
      let c = cardCache.get(t);
      if (!c) cardCache.set(t, (c = cardFor(t)));
      return c;
    },
  };

  const anyGrid = grids.some(Boolean);
  const scalarCaches = def.args.map(() => new Map<unknown, unknown>());
  // Hot loop (a million-row range is one call): per-argument facts computed once, no allocation for
  // ordinary text cells, one cache lookup per string. Same results as the straightforward version.
  const nArgs = def.args.length;
  const isRange = def.args.map((a) => RANGE_KINDS.includes(a.kind));
  const isRaw = def.args.map((a) => a.raw === true);
  const multi = anyGrid && rows * cols > 1;

  // One argument array for every cell: range arguments stay put, scalar slots are overwritten per
  // cell (implementations read their arguments and never keep the array).
  const args = fixed.slice();
  const cell = (r: number, c: number): unknown => {
    // Inside a multi-cell result a row whose every input is empty stays blank (trailing rows of a column).
    let allEmpty = multi;
    for (let i = 0; i < nArgs; i++) {
      if (isRange[i]) continue;
      const arg = def.args[i];
      const g = grids[i];
      let x: Cell;
      if (g) {
        const rr = g.length === 1 ? 0 : r;
        const row = g[rr];
        const cc = row && row.length === 1 ? 0 : c;
        if (!row || cc >= row.length) {
          return fail(naError(`${arg.name} range is smaller than the others`, `${arg.nameZh} 区域比其他参数小`));
        }
        x = row[cc];
        if (allEmpty && !blankCell(x)) allEmpty = false;
      } else {
        x = i < n ? rawArgs[i] : undefined;
      }
      if (dateIn !== undefined && typeof x === 'object' && x instanceof Date) x = dateIn(x);
      inputs[i] = x;
      let v: unknown;
      if (isRaw[i]) v = coerceArg(arg, x);
      else if (typeof x === 'string') {
        const cache = scalarCaches[i];
        v = cache.get(x);
        if (v === undefined && !cache.has(x)) {
          v = coerceArg(arg, x);
          if (cache.size < 10_000) cache.set(x, v);
        }
      } else v = coerceArg(arg, x);
      args[i] = v;
    }
    if (allEmpty) return opts.blank ?? '';
    for (let i = 0; i < nArgs; i++) if (isRuleError(args[i])) return fail(args[i] as RuleError);
    return render(def, runImpl(def, args, ctx), lang, o);
  };

  if (!anyGrid) return cell(0, 0);
  const out: unknown[][] = new Array(rows);
  if (tryFast && def.fast && cols === 1 && !isRange.some(Boolean)) {
    // A column with a fast reader (TRACK_VALID): the raw cells of each row straight to it; the
    // general path answers only the cells it leaves (blank, numbers, errors, short rows).
    const fast = def.fast();
    // Scalar arguments are set once; each row overwrites only the range arguments' cells.
    const raw: unknown[] = new Array(nArgs);
    const ranges: Cell[][][] = [];
    const at: number[] = [];
    for (let i = 0; i < nArgs; i++) {
      const g = grids[i];
      if (g) {
        ranges.push(g);
        at.push(i);
      } else raw[i] = i < n ? rawArgs[i] : undefined;
    }
    for (let r = 0; r < rows; r++) {
      let v: unknown;
      let whole = true;
      // A row whose every range cell is blank stays blank (the general path says so).
      let filled = !multi;
      for (let j = 0; j < ranges.length; j++) {
        const g = ranges[j];
        const row = g.length === 1 ? g[0] : g[r];
        // A 1-D array mixing values and rows (a Node caller): the general path reads it.
        if (!Array.isArray(row)) return call(def, rawArgs, opts, false);
        if (row.length === 0) {
          whole = false;
          break;
        }
        const x = row[0];
        if (!filled && !blankCell(x)) filled = true;
        raw[at[j]] = x;
      }
      if (whole && filled) v = fast(raw);
      out[r] = [v === undefined ? cell(r, 0) : v];
    }
    return out;
  }
  if (tryFast && !opts.trimTrailingEmpty) {
    // Not the fast column shape: rows were taken unchecked above, so read them the general way.
    for (let i = 0; i < nArgs; i++) if (grids[i] && grids[i]!.some((row) => !Array.isArray(row))) return call(def, rawArgs, opts, false);
  }
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      // A column (the common shape): a packed one-element row, allocated in one step.
      out[r] = [cell(r, 0)];
      continue;
    }
    const line = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cell(r, c);
    out[r] = line;
  }
  return out;
}
