/**
 * An in-memory Excel workbook behind the slice of the Excel JavaScript API the add-in uses, for tests
 * without Excel. No imports: the browser test transpiles this file alone and serves it as a mock
 * office.js.
 *
 * Proxy objects (ranges, worksheets, settings, tables) are built by `makeProxy(seed)`; the Node tests
 * pass office-addin-mock's `new OfficeMockObject(seed)`, so reading a property that was not loaded
 * and synced gives office-addin-mock's error string, exactly like forgetting load()/sync() would
 * fail in Excel. Writes (values, numberFormat, fills, bold) are committed to the store at
 * context.sync(), and every sync measures its payload: a request or response over 5 MB is rejected
 * with Excel on the web's error code, so the host's chunking is tested against the real limit.
 *
 * Strings written through `values` are parsed like typed input, as Excel does (typedInput): numeric
 * text becomes a number with 15 significant digits ("8012345678901234567" → 8012345678901230000,
 * "0012" → 12, "12%" → 0.12), ISO dates become serial numbers, TRUE/FALSE booleans, and text starting
 * with = + - @ a formula (recorded in `formulas`); a leading apostrophe (the quote prefix) keeps the
 * rest as text.
 */

export type Cell = string | number | boolean;

export interface FakeChart {
  type: string;
  title: { text: string };
  sourceAddress: string;
  series: { name: string; values?: string; xValues?: string; axisGroup?: string; chartType?: string }[];
  /** Axis titles by "Type/Group", e.g. "Value/Primary", "Value/Secondary". */
  axisTitles: Record<string, string>;
  position?: [string, string];
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Cell[][];
  /** Formulas Excel made from written text ("row,col" → formula). */
  formulas: Map<string, string>;
  formats: Map<string, string>;
  /** 0-based rows with a fill, and its colour (whole-row or partial, the test only needs rows). */
  fills: Map<number, string>;
  boldRows: Set<number>;
  charts: FakeChart[];
  frozenRows: number;
}

export interface FakeTable {
  name: string;
  sheetId: string;
  row: number;
  col: number;
  /** Including the header row. */
  rowCount: number;
  columnCount: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  rejected?: string;
}

export const LIMIT_BYTES = 5 * 1024 * 1024;

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
const jsonBytes = (x: unknown) => utf8Bytes(JSON.stringify(x) ?? '');

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
export function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const NUMERIC = /^[+-]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** What Excel stores for a value written through range.values (strings parsed like typed input). */
export function typedInput(v: unknown): { value: Cell; formula?: string } {
  if (typeof v !== 'string') return { value: v as Cell };
  if (v.startsWith("'")) return { value: v.slice(1) }; // the quote prefix: text, apostrophe not stored
  const t = v.trim();
  if (t === '') return { value: v };
  if (NUMERIC.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(t.replace(/[,%]/g, '')) / (pct ? 100 : 1);
    if (Number.isFinite(n)) return { value: Number(n.toPrecision(15)) }; // Excel keeps 15 significant digits
  }
  if (/^[=+\-@]/.test(t)) return { value: '', formula: t.startsWith('=') ? t : `=${t}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const d = ISO_DATE.exec(t);
  if (d) {
    const ms = Date.UTC(+d[1], +d[2] - 1, +d[3], +(d[4] ?? 0), +(d[5] ?? 0), +(d[6] ?? 0));
    return { value: ms / 86_400_000 + 25_569 };
  }
  return { value: v };
}

const quoteSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  settings = new Map<string, string>();
  activeId = '';
  syncs: SyncRecord[] = [];
  /** Request / response limit (Excel on the web: 5 MB); tests lower it to force a rejection. */
  limitBytes = LIMIT_BYTES;
  /**
   * Worksheet.getRanges rejects an address with more areas or characters than this, as Excel does
   * near 500 areas / 8 KB (office-js#5198: 513 areas / 8,207 characters failed, some 500+ worked):
   * the whole sync fails with InvalidArgument. Set just under the failures seen; tests may lower them.
   */
  getRangesMaxAreas = 499;
  getRangesMaxChars = 7999;
  /** Every getRanges call: its area count, address length and whether Excel rejected it. */
  getRangesCalls: { areas: number; chars: number; rejected: boolean }[] = [];
  private nextId = 1;

  addSheet(name: string, rows: Cell[][] = []): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw Object.assign(new Error(`A sheet named ${name} already exists.`), { code: 'ItemAlreadyExists' });
    }
    const s: FakeSheet = { id: `{sheet-${this.nextId++}}`, name, cells: rows.map((r) => r.slice()), formulas: new Map(), formats: new Map(), fills: new Map(), boldRows: new Set(), charts: [], frozenRows: 0 };
    this.sheets.push(s);
    if (!this.activeId) this.activeId = s.id;
    return s;
  }
  sheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheets.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase());
  }
  addTable(name: string, sheet: FakeSheet, row: number, col: number, rowCount: number, columnCount: number): void {
    this.tables.push({ name, sheetId: sheet.id, row, col, rowCount, columnCount });
  }
  /** Bounding box of non-empty cells (valuesOnly used range), or undefined. */
  used(s: FakeSheet): { row: number; col: number; rows: number; cols: number } | undefined {
    let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
    s.cells.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === '' || v === undefined || v === null) return;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
    });
    return r1 < 0 ? undefined : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  read(s: FakeSheet, row: number, col: number, rows: number, cols: number): Cell[][] {
    const out: Cell[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const src = s.cells[row + r];
      const line: Cell[] = new Array(cols);
      for (let c = 0; c < cols; c++) {
        const v = src?.[col + c];
        line[c] = v === undefined || v === null ? '' : v;
      }
      out[r] = line;
    }
    return out;
  }
  write(s: FakeSheet, row: number, col: number, values: unknown[][]): void {
    values.forEach((line, r) => {
      const dst = (s.cells[row + r] ??= []);
      line.forEach((v, c) => {
        const { value, formula } = typedInput(v);
        dst[col + c] = value;
        const key = `${row + r},${col + c}`;
        if (formula) s.formulas.set(key, formula);
        else s.formulas.delete(key);
      });
    });
  }
  clear(s: FakeSheet): void {
    s.cells = [];
    s.formulas.clear();
    s.formats.clear();
    s.fills.clear();
    s.boldRows.clear();
  }
  address(s: FakeSheet, row: number, col: number, rows: number, cols: number): string {
    const a = `${colName(col)}${row + 1}`;
    const b = `${colName(col + cols - 1)}${row + rows}`;
    return `${quoteSheet(s.name)}!${a === b ? a : `${a}:${b}`}`;
  }
}

type Proxy = any; // eslint-disable-line @typescript-eslint/no-explicit-any
export type MakeProxy = (seed: Record<string, unknown>) => Proxy;

/** Without office-addin-mock (browser): plain objects whose load/sync do nothing. */
export const plainProxy: MakeProxy = (seed) => ({ ...seed, load() { return this; }, sync: async () => undefined });

const isErrString = (v: unknown) => typeof v === 'string' && v.startsWith('Error, ');

/** `Excel`-shaped global over a FakeWorkbook: `Excel.run(batch)` plus the few enums used. */
export function createExcel(wb: FakeWorkbook, makeProxy: MakeProxy = plainProxy) {
  function newContext() {
    // commit(): measures the object's pending writes and returns how to apply them (after the
    // payload check, so a rejected request changes nothing, as in Excel).
    const created: { proxy: Proxy; commit?: () => (() => void) | undefined; responseBytes?: () => number }[] = [];
    let requestBytes = 0;
    const track = (proxy: Proxy, commit?: () => (() => void) | undefined, responseBytes?: () => number) => {
      created.push({ proxy, commit, responseBytes });
      return proxy;
    };

    function rangeProxy(s: FakeSheet | undefined, row: number, col: number, rows: number, cols: number, isNull = false): Proxy {
      // Seed only the cells that can hold data (a whole-sheet range is 1,048,576 × 16,384).
      const maxCols = s ? s.cells.reduce((m, r) => Math.max(m, r ? r.length : 0), 0) : 0;
      const seedValues = s && !isNull ? wb.read(s, row, col, Math.max(0, Math.min(rows, s.cells.length - row)), Math.max(0, Math.min(cols, maxCols - col))) : [];
      const seed: Record<string, unknown> = {
        address: s && !isNull ? wb.address(s, row, col, rows, cols) : '',
        rowIndex: row,
        columnIndex: col,
        rowCount: rows,
        columnCount: cols,
        values: seedValues,
      };
      const p = makeProxy(seed);
      p.isNullObject = isNull;
      p.format = { fill: {}, font: {}, autofitColumns() {} };
      p.clear = () => {
        if (s && row === 0 && col === 0 && rows >= 1_048_576) wb.clear(s);
        else if (s) wb.write(s, row, col, Array.from({ length: Math.min(rows, s.cells.length) }, () => new Array(cols).fill('')));
      };
      let loaded = false;
      // What was already committed (every sync looks at every object of the context).
      let lastV: unknown, lastNf: unknown, lastFill: unknown, lastBold = false;
      const load = p.load.bind(p);
      p.load = (what?: unknown) => {
        if (typeof what === 'string' && /\bvalues\b/.test(what)) loaded = true;
        return load(what);
      };
      return track(
        p,
        () => {
          if (!s) return undefined;
          const v = p.values;
          const nf = p.numberFormat;
          const fill = p.format.fill.color;
          const bold = p.format.font.bold === true;
          const writes = Array.isArray(v) && v !== seedValues && v !== lastV;
          const nfNew = Array.isArray(nf) && nf !== lastNf;
          const fillNew = typeof fill === 'string' && !isErrString(fill) && fill !== lastFill;
          const boldNew = bold && !lastBold;
          lastV = writes ? v : lastV;
          lastNf = nfNew ? nf : lastNf;
          lastFill = fillNew ? fill : lastFill;
          lastBold = lastBold || bold;
          if (writes) {
            if (v.length !== rows || v.some((line: unknown[]) => line.length !== cols)) throw new Error(`fake Excel: values ${v.length}×${v[0]?.length} do not fit ${rows}×${cols}`);
            requestBytes += jsonBytes(v);
          }
          if (nfNew) requestBytes += jsonBytes(nf);
          return () => {
            if (writes) wb.write(s, row, col, v);
            if (nfNew) nf.forEach((line: string[], r: number) => line.forEach((f, c) => s.formats.set(`${row + r},${col + c}`, f)));
            if (fillNew) for (let r = row; r < row + rows; r++) s.fills.set(r, fill);
            if (boldNew) for (let r = row; r < row + rows; r++) s.boldRows.add(r);
          };
        },
        () => {
          if (!loaded) return 0;
          loaded = false; // counted in this response only
          return jsonBytes(seedValues);
        },
      );
    }

    function sheetProxy(s: FakeSheet | undefined): Proxy {
      const p = makeProxy({ name: s?.name ?? '', id: s?.id ?? '', position: s ? wb.sheets.indexOf(s) : -1 });
      p.isNullObject = !s;
      const need = (): FakeSheet => {
        if (!s) throw Object.assign(new Error('The requested resource does not exist.'), { code: 'ItemNotFound' });
        return s;
      };
      p.getRangeByIndexes = (r: number, c: number, nr: number, nc: number) => rangeProxy(need(), r, c, nr, nc);
      p.getRange = (address?: string) => {
        if (address) throw new Error('fake Excel: getRange(address) not supported');
        return rangeProxy(need(), 0, 0, 1_048_576, 16_384);
      };
      p.getUsedRangeOrNullObject = () => {
        const u = s ? wb.used(s) : undefined;
        return u ? rangeProxy(s, u.row, u.col, u.rows, u.cols) : rangeProxy(s, 0, 0, 0, 0, true);
      };
      p.getRanges = (address: string) => {
        const sh = need();
        const areas = { format: { fill: {} as { color?: string } } };
        requestBytes += utf8Bytes(address);
        const count = address.split(',').length;
        const rejected = count > wb.getRangesMaxAreas || address.length > wb.getRangesMaxChars;
        wb.getRangesCalls.push({ areas: count, chars: address.length, rejected });
        let done = false;
        return track(areas, () => {
          // Rejected at its (first) sync, taking the whole batch with it; a failed batch is gone.
          if (rejected && !done) {
            done = true;
            throw Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' });
          }
          return () => {
          const color = areas.format.fill.color;
          if (!color || done) return;
          done = true;
          for (const part of address.split(',')) {
            const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(part.trim());
            if (!m) throw new Error(`fake Excel: bad address ${part}`);
            const r0 = Number(m[2]) - 1;
            const r1 = Number(m[4] ?? m[2]) - 1;
            for (let r = r0; r <= r1; r++) sh.fills.set(r, color);
          }
          };
        });
      };
      p.charts = {
        get items() {
          return need().charts.map((ch) => ({ name: ch.title.text, delete: () => need().charts.splice(need().charts.indexOf(ch), 1) }));
        },
        load() {
          return this;
        },
        add(type: string, source: Proxy, seriesBy: string) {
          const sh = need();
          const chart: FakeChart = { type: `${type}/${seriesBy}`, title: { text: '' }, sourceAddress: source.address ?? '', series: [{ name: 'first' }], axisTitles: {} };
          sh.charts.push(chart);
          // A series proxy: setters record axisGroup / chartType as Excel would apply them.
          const seriesProxy = (rec: FakeChart['series'][number]) => ({
            setXAxisValues: (r: Proxy) => void (rec.xValues = r.address),
            setValues: (r: Proxy) => void (rec.values = r.address),
            set axisGroup(g: string) {
              if (g !== 'Primary' && g !== 'Secondary') throw new Error(`fake Excel: bad axisGroup ${g}`);
              rec.axisGroup = g;
            },
            set chartType(t: string) {
              rec.chartType = t;
            },
          });
          const axis = (key: string) => ({
            title: {
              set text(t: string) {
                chart.axisTitles[key] = t;
              },
            },
          });
          return {
            title: chart.title,
            series: {
              getItemAt: (i: number) => seriesProxy(chart.series[i]),
              add: (name: string) => {
                const s2: FakeChart['series'][number] = { name };
                chart.series.push(s2);
                return seriesProxy(s2);
              },
            },
            axes: {
              valueAxis: axis('Value/Primary'),
              categoryAxis: axis('Category/Primary'),
              getItem: (type: string, group = 'Primary') => axis(`${type}/${group}`),
            },
            setPosition: (a: string, b: string) => void (chart.position = [a, b]),
          };
        },
      };
      p.freezePanes = { freezeRows: (n: number) => void (need().frozenRows = n), unfreeze: () => void (need().frozenRows = 0) };
      p.activate = () => void (wb.activeId = need().id);
      p.delete = () => void wb.sheets.splice(wb.sheets.indexOf(need()), 1);
      return track(p);
    }

    /** A collection: `load('items/a,items/b')` loads those properties of every item. */
    function collection(make: () => Proxy[]) {
      let items: Proxy[] | undefined;
      const c = {
        get items() {
          if (!items) throw new Error('fake Excel: collection items read before load()/sync()');
          return items;
        },
        load(what?: string) {
          items = make();
          const props = String(what ?? '')
            .split(',')
            .map((x) => x.trim().replace(/^items\//, ''))
            .filter((x) => x && x !== 'items');
          for (const it of items) it.load(props.length ? props.join(',') : undefined);
          return c;
        },
      };
      return c;
    }

    function tableProxy(t: FakeTable | undefined): Proxy {
      const p = makeProxy({ name: t?.name ?? '', showHeaders: true });
      p.isNullObject = !t;
      const sh = t ? wb.sheet(t.sheetId) : undefined;
      p.getRange = () => (t ? rangeProxy(sh, t.row, t.col, t.rowCount, t.columnCount) : rangeProxy(undefined, 0, 0, 0, 0, true));
      p.worksheet = sheetProxy(sh);
      return track(p);
    }

    const sheetsCol = collection(() => wb.sheets.map((s) => sheetProxy(s)));
    const tablesCol = collection(() => wb.tables.map((t) => tableProxy(t)));
    const workbook = {
      worksheets: Object.assign(sheetsCol, {
        getItem: (key: string) => {
          const s = wb.sheet(key);
          if (!s) throw Object.assign(new Error(`ItemNotFound: ${key}`), { code: 'ItemNotFound' });
          return sheetProxy(s);
        },
        getItemOrNullObject: (key: string) => sheetProxy(wb.sheet(key)),
        add: (name: string) => sheetProxy(wb.addSheet(name)),
        getActiveWorksheet: () => sheetProxy(wb.sheet(wb.activeId)),
      }),
      tables: Object.assign(tablesCol, {
        getItemOrNullObject: (name: string) => tableProxy(wb.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())),
      }),
      settings: {
        getItemOrNullObject: (key: string) => {
          const p = makeProxy({ key, value: wb.settings.get(key) ?? '' });
          p.isNullObject = !wb.settings.has(key);
          return track(p);
        },
        add: (key: string, value: unknown) => {
          wb.settings.set(key, typeof value === 'string' ? value : JSON.stringify(value));
        },
      },
    };

    const context = {
      workbook,
      application: { suspendApiCalculationUntilNextSync() {} },
      async sync() {
        // Every object of this context: later load() calls and writes on older objects count too.
        const batch = created;
        let apply: ((() => void) | undefined)[];
        try {
          apply = batch.map((b) => b.commit?.());
        } catch (e) {
          // An invalid request (e.g. getRanges over its limits): nothing of this batch is applied.
          wb.syncs.push({ requestBytes, responseBytes: 0, rejected: (e as { code?: string }).code ?? 'Error' });
          requestBytes = 0;
          throw e;
        }
        let responseBytes = 0;
        for (const b of batch) responseBytes += b.responseBytes?.() ?? 0;
        const rec: SyncRecord = { requestBytes, responseBytes };
        requestBytes = 0;
        wb.syncs.push(rec);
        if (rec.requestBytes > wb.limitBytes) {
          rec.rejected = 'RequestPayloadSizeLimitExceeded';
          throw Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
        }
        if (rec.responseBytes > wb.limitBytes) {
          rec.rejected = 'ResponsePayloadSizeLimitExceeded';
          throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
        }
        for (const a of apply) a?.();
        for (const b of batch) await b.proxy.sync?.();
      },
    };
    return context;
  }

  return {
    run: async <T>(batch: (context: ReturnType<typeof newContext>) => Promise<T>): Promise<T> => batch(newContext()),
    ChartType: { columnClustered: 'ColumnClustered' },
    ChartSeriesBy: { columns: 'Columns' },
  };
}
