/**
 * An in-memory workbook and an AuditHost over it: the pane's tests and the local demo page run on it,
 * and it is the reference behaviour for the Excel and Sheets hosts:
 *  - sources are the tables and the used ranges of the user's sheets, the active sheet's first;
 *  - readRows returns JSON-safe copies (Date → ISO text), so nothing can change the source;
 *  - writeSheet only ever replaces a sheet the add-in created; a user's sheet with the same name is
 *    left alone and the output goes to "Findings (2)", "Findings (3)", … (reused on the next run);
 *  - insertRateCard always creates a new sheet ("AE Rate Card", "AE Rate Card (2)", …).
 */
import { RATE_CARD_SHEET, type ChartSpec } from '../core/audit/types';
import { jsonCell } from './cells';
import type { Lang } from '../core/text';
import type { AuditHost, SheetChoice, SheetValues, SourceInfo, WriteOptions } from './host';

export type SheetKind = 'user' | 'output' | 'rateCard';

export interface MemorySheet {
  name: string;
  /** Row-major cells; rows may be ragged. */
  cells: unknown[][];
  kind: SheetKind;
  /** Formatting the host was asked for (outputs only). */
  format?: { highlightRows: number[]; moneyColumns: number[]; percentColumns: number[] };
}

export interface MemoryTable {
  name: string;
  sheet: string;
  /** 0-based row of the table's header and 0-based first column. */
  top: number;
  left: number;
  /** Data rows (excluding the header) and columns. */
  rows: number;
  columns: number;
}

export interface MemoryChart extends ChartSpec {
  /** The chart title in the language it was inserted in. */
  titleText: string;
}

export class MemoryWorkbook {
  readonly sheets: MemorySheet[] = [];
  readonly tables: MemoryTable[] = [];
  readonly charts: MemoryChart[] = [];
  activeSheet: string | undefined;

  constructor(init?: { sheets?: Record<string, unknown[][]>; tables?: MemoryTable[]; active?: string }) {
    for (const [name, cells] of Object.entries(init?.sheets ?? {})) this.addSheet(name, cells);
    for (const t of init?.tables ?? []) this.addTable(t);
    if (init?.active) this.activeSheet = init.active;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  getSheet(name: string): MemorySheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  /** Cells of a sheet (the live array; copy it if you keep it). */
  values(name: string): unknown[][] | undefined {
    return this.getSheet(name)?.cells;
  }

  addSheet(name: string, cells: unknown[][] = [], kind: SheetKind = 'user'): MemorySheet {
    if (this.getSheet(name)) throw new Error(`A sheet named "${name}" already exists`);
    const sheet: MemorySheet = { name, cells, kind };
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    return sheet;
  }

  removeSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (i >= 0) this.sheets.splice(i, 1);
    for (let j = this.charts.length - 1; j >= 0; j--) if (this.charts[j].sheet.toLowerCase() === name.toLowerCase()) this.charts.splice(j, 1);
  }

  addTable(t: MemoryTable): void {
    if (!this.getSheet(t.sheet)) throw new Error(`No sheet "${t.sheet}" for table ${t.name}`);
    this.tables.push({ ...t });
  }

  /** Bounding box of the non-empty cells of a sheet (0-based), or undefined when it is empty. */
  usedRange(name: string): { top: number; left: number; rows: number; columns: number } | undefined {
    const cells = this.values(name);
    if (!cells) return undefined;
    let top = -1, bottom = -1, left = Infinity, right = -1;
    cells.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      });
    });
    if (top < 0) return undefined;
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }
}

export interface MemoryHostOptions {
  /** What host.lang() answers (default 'en'). */
  lang?: Lang;
  /** Simulated latency of every host call, in ms (the demo uses it to make progress visible). */
  delayMs?: number;
  /** Test hook: called before each host method runs; throw to simulate a host failure. */
  intercept?: (method: keyof AuditHost, args: unknown[]) => void;
  /** What host.now() answers (wall-clock ms); without it the host has no now() and the pane uses its own clock. */
  now?: number | (() => number);
}

/** Output sheet base name → candidates "Name", "Name (2)", … */
function* candidates(base: string): Generator<string> {
  yield base;
  for (let i = 2; ; i++) yield `${base} (${i})`;
}

const TABLE_PREFIX = 'table:';
const SHEET_PREFIX = 'sheet:';

/** The AuditHost over a MemoryWorkbook. */
export function createMemoryHost(wb: MemoryWorkbook, options: MemoryHostOptions = {}): AuditHost & {
  /** The sheet name the last writeSheet(name) went to (e.g. "Findings (2)"). */
  outputName(base: string): string | undefined;
} {
  const delay = options.delayMs ?? 0;
  const written = new Map<string, string>();

  async function call<R>(method: keyof AuditHost, args: unknown[], body: () => R): Promise<R> {
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    options.intercept?.(method, args);
    return body();
  }

  /** Rectangle of a source, 0-based, including its header row. */
  function region(id: string): { sheet: string; top: number; left: number; rows: number; columns: number } {
    if (id.startsWith(TABLE_PREFIX)) {
      const t = wb.tables.find((x) => x.name === id.slice(TABLE_PREFIX.length));
      if (!t) throw new Error(`The table ${id.slice(TABLE_PREFIX.length)} no longer exists`);
      return { sheet: t.sheet, top: t.top, left: t.left, rows: t.rows + 1, columns: t.columns };
    }
    if (id.startsWith(SHEET_PREFIX)) {
      const name = id.slice(SHEET_PREFIX.length);
      const used = wb.usedRange(name);
      if (!used) throw new Error(`The sheet ${name} is empty or no longer exists`);
      return { sheet: name, ...used };
    }
    throw new Error(`Unknown source ${id}`);
  }

  function readBlock(id: string, fromRow: number, count: number): unknown[][] {
    const g = region(id);
    const cells = wb.values(g.sheet) ?? [];
    const out: unknown[][] = [];
    const end = Math.min(fromRow + count, g.rows);
    for (let r = Math.max(0, fromRow); r < end; r++) {
      const src = cells[g.top + r] ?? [];
      const row: unknown[] = new Array(g.columns);
      for (let c = 0; c < g.columns; c++) row[c] = jsonCell(src[g.left + c]);
      out.push(row);
    }
    return out;
  }

  /** The sheet an output called `base` goes to: the add-in's own earlier one, else the first free name. */
  function outputSheetFor(base: string): string {
    for (const name of candidates(base)) {
      const s = wb.getSheet(name);
      if (s?.kind === 'output') return s.name;
      if (!s) break;
    }
    // An own output may sit behind a gap the user created (deleted "Findings"): prefer it.
    const own = written.get(base);
    if (own && wb.getSheet(own)?.kind === 'output') return own;
    for (const name of candidates(base)) if (!wb.getSheet(name)) return name;
    throw new Error('unreachable');
  }

  const now = options.now;
  return {
    lang: () => options.lang ?? 'en',

    ...(now !== undefined ? { now: () => call('now', [], () => (typeof now === 'function' ? now() : now)) } : {}),

    listSheets: () =>
      call('listSheets', [], () => {
        const out: SheetChoice[] = wb.sheets.filter((s) => s.kind !== 'output').map((s) => ({ id: s.name, name: s.name, ...(s.kind === 'rateCard' ? { rateCard: true } : {}) }));
        return [...out.filter((s) => s.rateCard), ...out.filter((s) => !s.rateCard)];
      }),

    readSheet: (id: string) =>
      call('readSheet', [id], (): SheetValues => {
        const sheet = wb.getSheet(id);
        if (!sheet || sheet.kind === 'output') throw new Error(`The sheet ${id} no longer exists`);
        const used = wb.usedRange(sheet.name);
        if (!used) return { top: 1, left: 1, values: [] };
        const values: unknown[][] = [];
        for (let r = 0; r < used.rows; r++) {
          const src = sheet.cells[used.top + r] ?? [];
          const row: unknown[] = new Array(used.columns);
          for (let c = 0; c < used.columns; c++) row[c] = jsonCell(src[used.left + c]);
          values.push(row);
        }
        return { top: used.top + 1, left: used.left + 1, values };
      }),

    listSources: () =>
      call('listSources', [], () => {
        const out: SourceInfo[] = [];
        // The active sheet's sources first; on each sheet its tables, else its used range (a sheet
        // holding a table usually has titles or notes around it, so the table is the better source).
        const sheets = wb.sheets.filter((s) => s.kind === 'user');
        sheets.sort((a, b) => Number(b.name === wb.activeSheet) - Number(a.name === wb.activeSheet));
        for (const s of sheets) {
          const tables = wb.tables.filter((t) => t.sheet === s.name);
          for (const t of tables) {
            out.push({ id: TABLE_PREFIX + t.name, label: `${t.name} (${s.name})`, rows: t.rows, columns: t.columns, headerRow: t.top + 1 });
          }
          if (tables.length) continue;
          const used = wb.usedRange(s.name);
          if (!used || used.rows < 2) continue; // empty, or a header / note without data rows
          out.push({ id: SHEET_PREFIX + s.name, label: s.name, rows: used.rows - 1, columns: used.columns, headerRow: used.top + 1 });
        }
        return out;
      }),

    readHeader: (id) => call('readHeader', [id], () => readBlock(id, 0, 1)[0] ?? []),

    readRows: (id, start, count) => {
      if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 0) {
        return Promise.reject(new Error(`readRows: bad range start=${start} count=${count}`));
      }
      return call('readRows', [id, start, count], () => readBlock(id, start + 1, count));
    },

    writeSheet: (name: string, table: unknown[][], opts: WriteOptions = {}) =>
      call('writeSheet', [name, table, opts], () => {
        if (!Array.isArray(table) || !table.every(Array.isArray)) throw new Error(`writeSheet(${name}): the table must be a 2-D array`);
        const target = outputSheetFor(name);
        const cells = table.map((row) => row.map(jsonCell));
        const total = cells.length;
        const existing = wb.getSheet(target);
        if (existing) {
          existing.cells = cells;
          // Charts on a replaced sheet are stale.
          for (let j = wb.charts.length - 1; j >= 0; j--) if (wb.charts[j].sheet === target) wb.charts.splice(j, 1);
        } else {
          wb.addSheet(target, cells, 'output');
        }
        wb.getSheet(target)!.format = {
          highlightRows: [...(opts.highlightRows ?? [])],
          moneyColumns: [...(opts.moneyColumns ?? [])],
          percentColumns: [...(opts.percentColumns ?? [])],
        };
        written.set(name, target);
        opts.onProgress?.(total, total);
        return target;
      }),

    addChart: (spec: ChartSpec) =>
      call('addChart', [spec], () => {
        const sheet = wb.getSheet(spec.sheet);
        if (!sheet || sheet.kind !== 'output') throw new Error(`addChart: "${spec.sheet}" is not one of the add-in's output sheets`);
        wb.charts.push({ ...spec, titleText: (spec.lang ?? options.lang ?? 'en') === 'zh' ? spec.title.zh : spec.title.en });
      }),

    insertRateCard: (table: unknown[][], base?: string) =>
      call('insertRateCard', [table], () => {
        let name = '';
        for (const n of candidates(base || RATE_CARD_SHEET[options.lang ?? 'en'])) if (!wb.getSheet(n)) { name = n; break; }
        wb.addSheet(name, table.map((r) => r.map(jsonCell)), 'rateCard');
        return name;
      }),

    outputName: (base: string) => written.get(base),
  };
}
