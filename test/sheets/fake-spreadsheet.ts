/**
 * An in-memory fake of the SpreadsheetApp surface the Sheets add-on uses (and of Session, Utilities,
 * HtmlService, Charts, Logger), close enough to Apps Script to catch the mistakes that matter:
 *  - getRange outside the sheet's grid throws (as Sheets does: "The coordinates of the range are
 *    outside the dimensions of the sheet"), so the code must grow the sheet first;
 *  - setValues checks dimensions, and interprets strings like a user typing them: "=…" becomes a
 *    formula, numeric text a number, TRUE/FALSE a boolean, ISO dates a Date — unless the string
 *    starts with an apostrophe, which is dropped and keeps the rest as text;
 *  - getValues returns "" for empty cells and Date objects for dates;
 *  - every write is recorded, so tests can prove the source was never touched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type CellValue = string | number | boolean | Date;

export interface WriteLog {
  sheet: string;
  op: string;
  a1: string;
}

let nextSheetId = 1000;

function colLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** How Sheets stores a value given to setValue(s). */
export function interpret(v: unknown): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (Object.prototype.toString.call(v) === '[object Date]') return { value: new Date((v as Date).getTime()) };
  if (typeof v !== 'string') return { value: String(v) };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith('=')) return { value: '', formula: v };
  const t = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (d) return { value: new Date(Date.UTC(+d[1], +d[2] - 1, +d[3])) };
  return { value: v };
}

export class FakeChart {
  constructor(
    readonly type: string,
    readonly ranges: string[],
    readonly options: Record<string, unknown>,
    readonly position: number[],
    readonly numHeaders: number,
  ) {}
  getOptions() {
    return { get: (k: string) => this.options[k] };
  }
}

class FakeChartBuilder {
  type = '';
  ranges: string[] = [];
  options: Record<string, unknown> = {};
  position: number[] = [];
  numHeaders = -1;
  setChartType(t: string) {
    this.type = t;
    return this;
  }
  addRange(r: FakeRange) {
    this.ranges.push(r.getA1Notation());
    return this;
  }
  setOption(k: string, v: unknown) {
    this.options[k] = v;
    return this;
  }
  setNumHeaders(n: number) {
    this.numHeaders = n;
    return this;
  }
  setPosition(row: number, col: number, ox: number, oy: number) {
    this.position = [row, col, ox, oy];
    return this;
  }
  build() {
    if (!this.type) throw new Error('Chart type not set');
    if (!this.ranges.length) throw new Error('Chart has no ranges');
    return new FakeChart(this.type, this.ranges, this.options, this.position, this.numHeaders);
  }
}

class FakeMetadata {
  constructor(
    readonly key: string,
    readonly value: string | null,
  ) {}
  getKey() {
    return this.key;
  }
  getValue() {
    return this.value;
  }
}

export class FakeSheet {
  cells: CellValue[][] = [];
  formulas = new Map<string, string>();
  backgrounds = new Map<string, string>();
  numberFormats = new Map<string, string>();
  fontWeights = new Map<string, string>();
  frozenRows = 0;
  charts: FakeChart[] = [];
  metadata: FakeMetadata[] = [];
  readonly id = nextSheetId++;
  maxRows: number;
  maxCols: number;

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    rows = 1000,
    cols = 26,
  ) {
    this.maxRows = rows;
    this.maxCols = cols;
  }

  /** Fill from a 2-D array (test setup; bypasses the write log and grows the grid). */
  load(values: CellValue[][]): this {
    this.cells = values.map((r) => r.slice());
    this.maxRows = Math.max(this.maxRows, values.length);
    this.maxCols = Math.max(this.maxCols, ...values.slice(0, 100).map((r) => r.length));
    return this;
  }

  getName() {
    return this.name;
  }
  setName(n: string) {
    this.name = n;
    return this;
  }
  getSheetId() {
    return this.id;
  }
  getIndex() {
    return this.book.sheets.indexOf(this) + 1;
  }
  activate() {
    this.book.active = this;
    return this;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  insertRowsAfter(after: number, n: number) {
    if (after > this.maxRows) throw new Error('insertRowsAfter: position beyond the sheet');
    this.maxRows += n;
    this.book.log(this, 'insertRowsAfter', String(n));
    return this;
  }
  insertColumnsAfter(after: number, n: number) {
    if (after > this.maxCols) throw new Error('insertColumnsAfter: position beyond the sheet');
    this.maxCols += n;
    this.book.log(this, 'insertColumnsAfter', String(n));
    return this;
  }
  getLastRow() {
    for (let r = this.cells.length - 1; r >= 0; r--) if (this.cells[r]?.some((v) => v !== '' && v !== undefined)) return r + 1;
    return 0;
  }
  getLastColumn() {
    let last = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== '' && row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }
  getRange(row: number, col: number, numRows = 1, numCols = 1) {
    if (typeof row === 'string') throw new Error('A1 notation is not supported by the fake');
    for (const [k, v] of Object.entries({ row, col, numRows, numCols })) {
      if (!Number.isInteger(v)) throw new Error(`getRange: ${k} must be an integer, got ${v}`);
    }
    if (row < 1 || col < 1) throw new Error(`getRange: starting row/column must be ≥ 1, got ${row}, ${col}`);
    if (numRows < 1 || numCols < 1) throw new Error('The number of rows/columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxCols) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, numRows, numCols);
  }
  getDataRange() {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  clear() {
    this.cells = [];
    this.formulas.clear();
    this.backgrounds.clear();
    this.numberFormats.clear();
    this.fontWeights.clear();
    this.book.log(this, 'clear', '');
    return this;
  }
  clearContents() {
    this.cells = [];
    this.formulas.clear();
    this.book.log(this, 'clearContents', '');
    return this;
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
    this.book.log(this, 'setFrozenRows', String(n));
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  autoResizeColumns(_c: number, _n: number) {
    return this;
  }
  getDeveloperMetadata() {
    return this.metadata.slice();
  }
  addDeveloperMetadata(key: string, value?: string) {
    this.metadata.push(new FakeMetadata(key, value ?? null));
    this.book.log(this, 'addDeveloperMetadata', key);
    return this;
  }
  getCharts() {
    return this.charts.slice();
  }
  removeChart(c: FakeChart) {
    this.charts = this.charts.filter((x) => x !== c);
    this.book.log(this, 'removeChart', '');
  }
  newChart() {
    return new FakeChartBuilder();
  }
  insertChart(c: FakeChart) {
    if (!(c instanceof FakeChart)) throw new Error('insertChart: not a chart');
    this.charts.push(c);
    this.book.log(this, 'insertChart', c.ranges.join(','));
  }
  /** Test helper: a copy of all values. */
  snapshot(): CellValue[][] {
    return this.cells.map((r) => (r ? r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)) : []));
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}
  getA1Notation() {
    const a = `${colLetter(this.col)}${this.row}`;
    return this.numRows === 1 && this.numCols === 1 ? a : `${a}:${colLetter(this.col + this.numCols - 1)}${this.row + this.numRows - 1}`;
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  getValues(): CellValue[][] {
    const out: CellValue[][] = new Array(this.numRows);
    for (let r = 0; r < this.numRows; r++) {
      const src = this.sheet.cells[this.row - 1 + r];
      const line: CellValue[] = new Array(this.numCols);
      for (let c = 0; c < this.numCols; c++) {
        const v = src?.[this.col - 1 + c];
        line[c] = v === undefined ? '' : v instanceof Date ? new Date(v.getTime()) : v;
      }
      out[r] = line;
    }
    this.sheet.book.reads++;
    return out;
  }
  getValue() {
    return this.getValues()[0][0];
  }
  setValues(values: unknown[][]) {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${values?.length} but the range has ${this.numRows}.`);
    }
    for (let r = 0; r < this.numRows; r++) {
      const line = values[r];
      if (!Array.isArray(line) || line.length !== this.numCols) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${line?.length} but the range has ${this.numCols}.`);
      }
      const rr = this.row - 1 + r;
      const dest = (this.sheet.cells[rr] ??= []);
      for (let c = 0; c < this.numCols; c++) {
        const { value, formula } = interpret(line[c]);
        dest[this.col - 1 + c] = value;
        const key = `${rr + 1}:${this.col + c}`;
        if (formula) this.sheet.formulas.set(key, formula);
        else this.sheet.formulas.delete(key);
      }
    }
    for (let r = 0; r < this.sheet.cells.length; r++) if (!this.sheet.cells[r]) this.sheet.cells[r] = [];
    this.sheet.book.log(this.sheet, 'setValues', this.getA1Notation());
    return this;
  }
  setValue(v: unknown) {
    return this.setValues([[v]]);
  }
  private each(map: Map<string, string>, v: (r: number, c: number) => string | null) {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numCols; c++) {
        const key = `${this.row + r}:${this.col + c}`;
        const x = v(r, c);
        if (x === null) map.delete(key);
        else map.set(key, x);
      }
    }
  }
  setBackground(color: string | null) {
    this.each(this.sheet.backgrounds, () => color);
    this.sheet.book.log(this.sheet, 'setBackground', this.getA1Notation());
    return this;
  }
  setBackgrounds(colors: (string | null)[][]) {
    if (colors.length !== this.numRows || colors.some((r) => r.length !== this.numCols)) throw new Error('setBackgrounds: dimensions do not match the range');
    this.each(this.sheet.backgrounds, (r, c) => colors[r][c]);
    this.sheet.book.log(this.sheet, 'setBackgrounds', this.getA1Notation());
    return this;
  }
  setNumberFormat(f: string) {
    this.each(this.sheet.numberFormats, () => f);
    this.sheet.book.log(this.sheet, 'setNumberFormat', this.getA1Notation());
    return this;
  }
  setNumberFormats(f: string[][]) {
    this.each(this.sheet.numberFormats, (r, c) => f[r][c]);
    this.sheet.book.log(this.sheet, 'setNumberFormats', this.getA1Notation());
    return this;
  }
  setFontWeight(w: string) {
    this.each(this.sheet.fontWeights, () => w);
    this.sheet.book.log(this.sheet, 'setFontWeight', this.getA1Notation());
    return this;
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  active: FakeSheet | undefined;
  writes: WriteLog[] = [];
  reads = 0;
  toasts: string[] = [];

  constructor(
    public timeZone = 'Asia/Shanghai',
    public locale = 'en_US',
  ) {}

  log(sheet: FakeSheet, op: string, a1: string) {
    this.writes.push({ sheet: sheet.name, op, a1 });
  }
  addSheet(name: string, values?: CellValue[][]): FakeSheet {
    const s = this.insertSheet(name);
    if (values) s.load(values);
    this.writes = this.writes.filter((w) => w.sheet !== name);
    return s;
  }
  getSheets() {
    return this.sheets.slice();
  }
  getNumSheets() {
    return this.sheets.length;
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getActiveSheet() {
    return this.active ?? this.sheets[0] ?? null;
  }
  setActiveSheet(s: FakeSheet) {
    this.active = s;
    return s;
  }
  insertSheet(name?: string, index?: number) {
    const n = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.getSheetByName(n)) throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    const s = new FakeSheet(this, n);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(s);
    else this.sheets.splice(Math.max(0, index), 0, s);
    this.active = s;
    this.log(s, 'insertSheet', '');
    return s;
  }
  deleteSheet(s: FakeSheet) {
    this.sheets = this.sheets.filter((x) => x !== s);
    this.log(s, 'deleteSheet', '');
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getSpreadsheetLocale() {
    return this.locale;
  }
  toast(msg: string) {
    this.toasts.push(msg);
  }
}

export interface FakeUi {
  menus: { items: [string, string][]; added: boolean }[];
  sidebars: { html: string; title: string }[];
  dialogs: { html: string; title: string; width: number; height: number; modal: boolean }[];
}

/** Offset like Utilities.formatDate(d, tz, 'Z'): "+0800". */
function zoneOffset(d: Date, tz: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
  return m ? `${m[1]}${m[2]}${m[3]}` : '+0000';
}

export interface FakeGasOptions {
  userLocale?: string;
  /** Directory holding the built HTML files (for HtmlService.createHtmlOutputFromFile). */
  htmlDir?: string;
  /** Simulate the custom-function auth mode: Session throws (no user info). */
  noSession?: boolean;
}

/** The Apps Script globals over one fake spreadsheet, ready to become a vm context. */
export function fakeGas(book: FakeSpreadsheet, opts: FakeGasOptions = {}) {
  const ui: FakeUi = { menus: [], sidebars: [], dialogs: [] };
  const htmlOutput = (html: string) => {
    const out = {
      title: '',
      width: 0,
      height: 0,
      getContent: () => html,
      setTitle(t: string) {
        out.title = t;
        return out;
      },
      setWidth(w: number) {
        out.width = w;
        return out;
      },
      setHeight(h: number) {
        out.height = h;
        return out;
      },
    };
    return out;
  };
  type Out = ReturnType<typeof htmlOutput>;
  const globals = {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => book,
      getActive: () => book,
      flush: () => undefined,
      getUi: () => ({
        createAddonMenu: () => {
          const menu = { items: [] as [string, string][], added: false };
          const api = {
            addItem(label: string, fn: string) {
              menu.items.push([label, fn]);
              return api;
            },
            addSeparator() {
              return api;
            },
            addToUi() {
              menu.added = true;
              ui.menus.push(menu);
            },
          };
          return api;
        },
        showSidebar: (out: Out) => ui.sidebars.push({ html: out.getContent(), title: out.title }),
        showModelessDialog: (out: Out, title: string) => ui.dialogs.push({ html: out.getContent(), title, width: out.width, height: out.height, modal: false }),
        showModalDialog: (out: Out, title: string) => ui.dialogs.push({ html: out.getContent(), title, width: out.width, height: out.height, modal: true }),
      }),
    },
    Session: {
      getActiveUserLocale: () => {
        if (opts.noSession) throw new Error('You do not have permission to call Session.getActiveUserLocale');
        return opts.userLocale ?? 'en';
      },
    },
    Utilities: {
      formatDate: (d: Date, tz: string, pattern: string) => {
        if (pattern !== 'Z') throw new Error(`fake Utilities.formatDate supports only 'Z', got ${pattern}`);
        return zoneOffset(d, tz);
      },
    },
    HtmlService: {
      createHtmlOutputFromFile: (name: string) => htmlOutput(readFileSync(path.join(opts.htmlDir ?? 'dist/sheets', `${name}.html`), 'utf8')),
      createHtmlOutput: (html: string) => htmlOutput(html),
    },
    Charts: { ChartType: { COLUMN: 'COLUMN', BAR: 'BAR', LINE: 'LINE' } },
    Logger: { log: () => undefined },
    console,
  };
  return { globals, ui };
}
