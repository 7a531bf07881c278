/**
 * ExcelAuditHost: the audit pane's host (pane/host.ts) over Excel.run.
 *
 * Safety rules it keeps:
 *  - It only ever writes to sheets the add-in created itself. Their worksheet ids are kept in a
 *    workbook setting (OUTPUT_SETTING), so a re-run replaces the previous run's output sheets (even
 *    if the user renamed them), and a user's own sheet that happens to be called "Findings" is never
 *    touched: the add-in picks "Findings (2)" instead. The source range is only ever read.
 *  - Every request stays under Excel on the web's 5 MB payload limit: rows are read and written in
 *    chunks sized from the measured JSON size of the data (target CHUNK_TARGET_BYTES), one
 *    context.sync() per chunk; a payload-size error from Excel halves the chunk and retries.
 *  - Every non-empty string is written with a quote prefix ('), so Excel stores it as the text it is:
 *    writing through range.values is parsed like typed input, which would turn an order id
 *    "8012345678901234567" into 8012345678901230000 (15 digits), "0012" into 12, "2024-06-01" into a
 *    date, "TRUE" into a boolean and "=…" into a formula. See toCell.
 */
import type { AuditHost, SheetChoice, SheetValues, SourceInfo, WriteOptions } from '../pane/host';
import { RATE_CARD_SHEET, type ChartSpec } from '../core/audit/types';
import { columnLetter, findHeaderRow } from '../core/audit/columns';
import { MONEY_FORMAT, PERCENT_FORMAT } from '../core/audit/about';
import { localWallNow, msToSerial } from '../core/coerce';
import { langFromLocale, type Lang } from '../core/text';

/** Excel on the web rejects requests/responses over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one chunk aims for: well under the limit, leaving room for the request envelope. */
export const CHUNK_TARGET_BYTES = 2 * 1024 * 1024;
/** Rows per chunk never exceed this, whatever the size estimate. */
export const MAX_CHUNK_ROWS = 20_000;
/** Workbook setting holding { [outputName]: worksheetId } for the sheets this add-in created. */
export const OUTPUT_SETTING = 'AE.outputSheets';
/** Workbook setting holding the worksheet ids of the rate-card sheets "Insert rate card" created. */
export const RATE_CARD_SETTING = 'AE.rateCardSheets';
/** readSheet reads at most this many rows (a rate card has about 60) and only the first two columns. */
export const MAX_SHEET_ROWS = 5000;

/** Rows read from the top of a used range to find its header row below a title (findHeaderRow). */
export const HEADER_SCAN_ROWS = 25;

/**
 * Worksheet.getRanges fails ("The argument is invalid or missing or has an incorrect format.") near
 * 500 areas / 8 KB of address text, with no documented limit (office-js#5198). Each call stays far
 * below both; a call Excel still rejects falls back to one range per span.
 */
export const HIGHLIGHT_MAX_AREAS = 200;
export const HIGHLIGHT_MAX_CHARS = 4000;
/** Spans filled per sync in the per-span fallback. */
export const HIGHLIGHT_FALLBACK_BATCH = 100;

/** What the last highlighting pass did (tests and diagnostics; highlighting never fails a write). */
export interface HighlightStats {
  /** getRanges calls made, with their area counts and address lengths. */
  calls: { areas: number; chars: number; ok: boolean }[];
  /** Spans filled one by one after a rejected getRanges call. */
  fallbackSpans: number;
  /** Spans left unfilled because Excel rejected even the per-span fill. */
  skippedSpans: number;
}

/** Comma-joined A1 addresses of row spans, cut into getRanges calls within both limits. */
export function highlightCalls(areas: readonly [number, number][], lastColumn: string, maxAreas = HIGHLIGHT_MAX_AREAS, maxChars = HIGHLIGHT_MAX_CHARS): { address: string; spans: [number, number][] }[] {
  const out: { address: string; spans: [number, number][] }[] = [];
  let parts: string[] = [];
  let spansOf: [number, number][] = [];
  let chars = 0;
  for (const span of areas) {
    const part = `A${span[0]}:${lastColumn}${span[1]}`;
    const add = part.length + (parts.length ? 1 : 0);
    if (parts.length && (parts.length >= maxAreas || chars + add > maxChars)) {
      out.push({ address: parts.join(','), spans: spansOf });
      parts = [];
      spansOf = [];
      chars = 0;
    }
    chars += part.length + (parts.length ? 1 : 0);
    parts.push(part);
    spansOf.push(span);
  }
  if (parts.length) out.push({ address: parts.join(','), spans: spansOf });
  return out;
}

const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
const BAD_ROW_FILL = '#FDE2E1';
const HEADER_FILL = '#EDEBE9';
/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
const SHEET_NAME_MAX = 31;

type Ctx = Excel.RequestContext;
type Run = <T>(batch: (context: Ctx) => Promise<T>) => Promise<T>;

interface Geometry {
  sheetId: string;
  /** 0-based sheet row / column of the header's first cell. */
  row: number;
  col: number;
  /** Data rows (header excluded) and columns. */
  rows: number;
  columns: number;
}

/** UTF-8 byte length of a value's JSON: what goes over the wire for a values payload. */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x) ?? '';
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

const isPayloadError = (e: unknown): boolean =>
  /PayloadSize|payload size|too large|RequestEntityTooLarge/i.test(`${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''}`);

/**
 * Queue the requests for `n` rows (`queue(n)`) and sync them, one sync per chunk; when Excel rejects
 * the payload as too large, halve the rows and queue again. Returns the row count that went through.
 */
async function syncShrinking(context: Ctx, n: number, queue: (rows: number) => void): Promise<number> {
  for (;;) {
    queue(n);
    try {
      await context.sync();
      return n;
    } catch (e) {
      if (!isPayloadError(e) || n <= 1) throw e;
      n = Math.ceil(n / 2);
    }
  }
}

/**
 * A cell as Excel's `values` setter takes it. Excel parses a string written there like typed input,
 * so every non-empty string gets the quote prefix, Microsoft's documented way to enter a number
 * (or anything else) as text (KB 269370 "Last digits are changed to zeros when you type long
 * numbers"): the apostrophe is not part of the value, `values` reads the text back without it.
 * Why the prefix on every string rather than a detector or numberFormat "@": what Excel parses
 * depends on the locale (decimal and thousands separators, date order, month names such as
 * "June 2024", localized TRUE/FALSE), so no detector is complete; the prefix travels with the value
 * in the same payload (no second numberFormat matrix per chunk, no clash with the money / percent
 * formats of the same column), and it is what the Sheets host does (storeCell).
 * Dates go out as serial numbers (the core's times are wall clock read as UTC, like serials).
 */
export function toCell(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return isNaN(v.getTime()) ? '' : msToSerial(v.getTime());
  const s = typeof v === 'string' ? v : typeof v === 'object' && v !== null && 'en' in v ? String((v as { en: unknown }).en) : String(v);
  return s === '' ? '' : `'${s}`;
}

/** Consecutive 1-based rows merged into spans: [2,3,4,9] → [[2,4],[9,9]]. */
export function spans(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows.filter((r) => Number.isInteger(r) && r > 0))].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

function cleanSheetName(name: string): string {
  const s = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  return s.slice(0, SHEET_NAME_MAX);
}

const msg = (lang: Lang, en: string, zh: string) => (lang === 'zh' ? zh : en);

export interface ExcelHostOptions {
  /** Excel.run (injectable for tests). */
  run?: Run;
  /** Chunk target in bytes (tests lower it). */
  chunkTargetBytes?: number;
  /** Called with the JSON byte size of every values payload read or written (tests measure it). */
  onPayload?: (kind: 'read' | 'write', bytes: number, rows: number) => void;
}

export class ExcelAuditHost implements AuditHost {
  private readonly run: Run;
  private readonly target: number;
  private readonly onPayload?: ExcelHostOptions['onPayload'];
  private readonly geometry = new Map<string, Geometry>();
  /** Output sheets written in this session, by requested and by actual name (chart target, series names). */
  private readonly written = new Map<string, { id: string; header: unknown[] }>();

  constructor(opts: ExcelHostOptions = {}) {
    this.run = opts.run ?? (<T>(batch: (c: Ctx) => Promise<T>) => Excel.run(batch));
    this.target = Math.min(opts.chunkTargetBytes ?? CHUNK_TARGET_BYTES, PAYLOAD_LIMIT_BYTES / 2);
    this.onPayload = opts.onPayload;
  }

  lang(): Lang {
    try {
      return langFromLocale(Office.context.displayLanguage);
    } catch {
      return 'en';
    }
  }

  // ---------------------------------------------------------------- sources

  async listSources(): Promise<SourceInfo[]> {
    const lang = this.lang();
    return this.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets;
      sheets.load('items/name,items/id');
      const active = sheets.getActiveWorksheet();
      active.load('id');
      const tables = wb.tables;
      tables.load('items/name');
      const ownSheets = loadOwnSheets(wb);
      await context.sync();

      // The add-in's output sheets and its rate-card sheets are never audit sources.
      const { outputs, cards } = ownSheets();
      const own = new Set([...outputs, ...cards]);
      const tableInfo = tables.items.map((t) => {
        const range = t.getRange();
        range.load('address,rowIndex,columnIndex,rowCount,columnCount');
        const ws = t.worksheet;
        ws.load('id,name');
        return { t, range, ws };
      });
      const used = sheets.items
        .filter((s) => !own.has(s.id))
        .map((s) => {
          const range = s.getUsedRangeOrNullObject(true);
          range.load('address,rowIndex,columnIndex,rowCount,columnCount');
          return { s, range };
        });
      await context.sync();
      // The top rows of each used range: its header may sit below a title row (findHeaderRow).
      const tops = used.map(({ s, range }) => (range.isNullObject ? undefined : topRows(s, range)));
      await context.sync();

      const out: (SourceInfo & { active: boolean })[] = [];
      for (const { t, range, ws } of tableInfo) {
        if (own.has(ws.id)) continue;
        const id = `table:${t.name}`;
        const g: Geometry = { sheetId: ws.id, row: range.rowIndex, col: range.columnIndex, rows: Math.max(0, range.rowCount - 1), columns: range.columnCount };
        this.geometry.set(id, g);
        out.push({
          id,
          label: msg(lang, `Table ${t.name} (${range.address})`, `表格 ${t.name}（${range.address}）`),
          rows: g.rows,
          columns: g.columns,
          headerRow: g.row + 1,
          active: ws.id === active.id,
        });
      }
      for (const [i, { s, range }] of used.entries()) {
        if (range.isNullObject) continue;
        const id = `sheet:${s.id}`;
        const g = usedGeometry(s.id, range, tops[i]);
        this.geometry.set(id, g);
        const a1 = `${columnLetter(g.col)}${g.row + 1}:${columnLetter(g.col + g.columns - 1)}${g.row + 1 + g.rows}`;
        out.push({
          id,
          label: msg(lang, `${s.name} (used range ${a1})`, `${s.name}（已用区域 ${a1}）`),
          rows: g.rows,
          columns: g.columns,
          headerRow: g.row + 1,
          active: s.id === active.id,
        });
      }
      // The active sheet's sources first (tables before the used range), then the rest in workbook order.
      const ordered = [...out.filter((s) => s.active), ...out.filter((s) => !s.active)];
      return ordered.map(({ active: _a, ...s }) => s);
    });
  }

  /** Where a source is now (re-read: the user may have added rows since the list was made). */
  private async locate(context: Ctx, sourceId: string): Promise<Geometry> {
    const lang = this.lang();
    const [kind, key] = [sourceId.slice(0, sourceId.indexOf(':')), sourceId.slice(sourceId.indexOf(':') + 1)];
    if (kind === 'table') {
      const t = context.workbook.tables.getItemOrNullObject(key);
      const range = t.getRange();
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      const ws = t.worksheet;
      ws.load('id');
      t.load('name');
      await context.sync();
      if (t.isNullObject) throw new Error(msg(lang, `Table "${key}" no longer exists. Press Refresh.`, `表格“${key}”已不存在，请点击“刷新”。`));
      return { sheetId: ws.id, row: range.rowIndex, col: range.columnIndex, rows: Math.max(0, range.rowCount - 1), columns: range.columnCount };
    }
    if (kind === 'sheet') {
      const ws = context.workbook.worksheets.getItemOrNullObject(key);
      const range = ws.getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (ws.isNullObject) throw new Error(msg(lang, 'That sheet no longer exists. Press Refresh.', '该工作表已不存在，请点击“刷新”。'));
      if (range.isNullObject) return { sheetId: key, row: 0, col: 0, rows: 0, columns: 0 };
      const top = topRows(ws, range);
      await context.sync();
      return usedGeometry(key, range, top);
    }
    throw new Error(msg(lang, `Unknown data source "${sourceId}". Press Refresh.`, `未知的数据源“${sourceId}”，请点击“刷新”。`));
  }

  /** The local wall clock (Excel's own dates are local wall-clock serials too). */
  async now(): Promise<number> {
    return localWallNow();
  }

  /** Every sheet but the add-in's output sheets; the rate-card sheets it inserted first. */
  async listSheets(): Promise<SheetChoice[]> {
    return this.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets;
      sheets.load('items/name,items/id');
      const ownSheets = loadOwnSheets(wb);
      await context.sync();
      const { outputs, cards } = ownSheets();
      const out: SheetChoice[] = sheets.items.filter((s) => !outputs.has(s.id)).map((s) => ({ id: s.id, name: s.name, ...(cards.has(s.id) ? { rateCard: true } : {}) }));
      return [...out.filter((s) => s.rateCard), ...out.filter((s) => !s.rateCard)];
    });
  }

  /**
   * The first two columns of a sheet's used range (all a rate card uses: key, value), at most
   * MAX_SHEET_ROWS rows; one small request, far under the payload limit.
   */
  async readSheet(id: string): Promise<SheetValues> {
    const lang = this.lang();
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(id);
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (ws.isNullObject) throw new Error(msg(lang, 'That sheet no longer exists. Press Refresh.', '该工作表已不存在，请点击“刷新”。'));
      if (used.isNullObject) return { top: 1, left: 1, values: [] };
      if (used.rowCount > MAX_SHEET_ROWS) {
        throw new Error(
          msg(lang, `"${ws.name}" has ${used.rowCount} rows: too many for a rate card (at most ${MAX_SHEET_ROWS}).`, `“${ws.name}”有 ${used.rowCount} 行，不像费率卡（最多 ${MAX_SHEET_ROWS} 行）。`),
        );
      }
      const range = ws.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, Math.min(2, used.columnCount));
      range.load('values');
      await context.sync();
      this.onPayload?.('read', jsonBytes(range.values), used.rowCount);
      return { top: used.rowIndex + 1, left: used.columnIndex + 1, values: range.values };
    });
  }

  async readHeader(sourceId: string): Promise<unknown[]> {
    return this.run(async (context) => {
      const g = await this.locate(context, sourceId);
      this.geometry.set(sourceId, g);
      if (g.columns === 0) return [];
      const range = context.workbook.worksheets.getItem(g.sheetId).getRangeByIndexes(g.row, g.col, 1, g.columns);
      range.load('values');
      await context.sync();
      this.onPayload?.('read', jsonBytes(range.values), 1);
      return range.values[0] ?? [];
    });
  }

  async readRows(sourceId: string, start: number, count: number): Promise<unknown[][]> {
    return this.run(async (context) => {
      let g = this.geometry.get(sourceId);
      if (!g) {
        g = await this.locate(context, sourceId);
        this.geometry.set(sourceId, g);
      }
      const from = Math.max(0, Math.floor(start));
      const end = Math.min(g.rows, from + Math.max(0, Math.floor(count)));
      const sheet = context.workbook.worksheets.getItem(g.sheetId);
      const out: unknown[][] = [];
      // First guess: ~60 bytes per cell; then measured bytes per row of the previous chunk.
      let bytesPerRow = Math.max(1, g.columns) * 60;
      let r = from;
      while (r < end) {
        let range!: Excel.Range;
        const n = await syncShrinking(context, Math.max(1, Math.min(MAX_CHUNK_ROWS, end - r, Math.floor(this.target / bytesPerRow))), (k) => {
          range = sheet.getRangeByIndexes(g.row + 1 + r, g.col, k, g.columns);
          range.load('values');
        });
        const values = range.values;
        const bytes = jsonBytes(values);
        this.onPayload?.('read', bytes, n);
        // Plan the next chunk from the largest rows seen so far (+25 % margin).
        bytesPerRow = Math.max(bytesPerRow * 0.5, (bytes / n) * 1.25, 1);
        for (const row of values) out.push(row);
        r += n;
      }
      return out;
    });
  }

  // ---------------------------------------------------------------- output sheets

  /**
   * The add-in's own sheet for `name`: the one it created before (cleared, charts removed), or a new
   * sheet whose name no existing sheet uses. Never a sheet the add-in did not create.
   */
  private async outputSheet(context: Ctx, name: string): Promise<Excel.Worksheet> {
    const wb = context.workbook;
    const setting = wb.settings.getItemOrNullObject(OUTPUT_SETTING);
    setting.load('value');
    await context.sync();
    const registry = parseRegistry(setting);
    const knownId = registry[name];
    if (knownId) {
      const ws = wb.worksheets.getItemOrNullObject(knownId);
      ws.load('id,name');
      const charts = ws.charts;
      await context.sync();
      if (!ws.isNullObject) {
        charts.load('items/name');
        await context.sync();
        for (const c of charts.items) c.delete();
        ws.getRange().clear();
        ws.freezePanes.unfreeze();
        await context.sync();
        return ws;
      }
    }
    const sheetName = await this.freeName(context, name);
    const ws = wb.worksheets.add(sheetName);
    ws.load('id,name');
    await context.sync();
    registry[name] = ws.id;
    wb.settings.add(OUTPUT_SETTING, JSON.stringify(registry));
    await context.sync();
    return ws;
  }

  /** `base`, or `base (2)`, `base (3)`, … : the first name no sheet has. */
  private async freeName(context: Ctx, base: string): Promise<string> {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const clean = cleanSheetName(base);
    if (!taken.has(clean.toLowerCase())) return clean;
    for (let i = 2; ; i++) {
      const suffix = ` (${i})`;
      const candidate = clean.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }

  /**
   * Write `table` (header first) to a sheet in chunks under the payload limit; formats apply per
   * chunk (money / date columns) and bad rows are filled with RangeAreas.
   */
  private async writeTable(context: Ctx, ws: Excel.Worksheet, table: unknown[][], opts: WriteOptions & { dateColumns?: number[] } = {}): Promise<void> {
    const width = table.reduce((m, r) => Math.max(m, Array.isArray(r) ? r.length : 0), 0);
    if (width === 0) return;
    const rows = table.map((r) => {
      const line = new Array(width);
      for (let c = 0; c < width; c++) line[c] = toCell(Array.isArray(r) ? r[c] : undefined);
      return line;
    });
    const money = new Set((opts.moneyColumns ?? []).filter((c) => c >= 0 && c < width));
    const percent = new Set((opts.percentColumns ?? []).filter((c) => c >= 0 && c < width && !money.has(c)));
    const dates = new Set((opts.dateColumns ?? []).filter((c) => c >= 0 && c < width && !money.has(c) && !percent.has(c)));
    const formatted = money.size + percent.size + dates.size > 0;
    const formatRow = Array.from({ length: width }, (_, c) => (money.has(c) ? MONEY_FORMAT : percent.has(c) ? PERCENT_FORMAT : dates.has(c) ? DATE_FORMAT : 'General'));
    const formatRowBytes = formatted ? jsonBytes(formatRow) + 1 : 0;
    const total = rows.length;
    let r = 0;
    while (r < total) {
      // Greedy chunk: add rows while the measured payload stays under the target.
      let bytes = 2;
      let n = 0;
      while (r + n < total && n < MAX_CHUNK_ROWS) {
        const rowBytes = jsonBytes(rows[r + n]) + 1 + formatRowBytes;
        if (n > 0 && bytes + rowBytes > this.target) break;
        bytes += rowBytes;
        n++;
      }
      const chunk = rows.slice(r, r + n);
      n = await syncShrinking(context, n, (k) => {
        context.application.suspendApiCalculationUntilNextSync();
        const range = ws.getRangeByIndexes(r, 0, k, width);
        range.values = chunk.slice(0, k);
        // Data rows only: the header stays General.
        if (formatted) range.numberFormat = chunk.slice(0, k).map((_, i) => (r + i === 0 ? formatRow.map(() => 'General') : formatRow));
      });
      this.onPayload?.('write', jsonBytes(chunk.slice(0, n)) + (formatted ? n * formatRowBytes : 0), n);
      r += n;
      opts.onProgress?.(Math.max(0, r - 1), Math.max(0, total - 1));
    }

    const header = ws.getRangeByIndexes(0, 0, 1, width);
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    ws.freezePanes.freezeRows(1);
    // Autofit on the first rows only (autofit over 100k rows is slow and the widths are the same).
    ws.getRangeByIndexes(0, 0, Math.min(total, 500), width).format.autofitColumns();
    // Committed on its own: a rejected highlighting request must not take the header formats with it.
    await context.sync();

    await this.highlight(context, ws, opts.highlightRows ?? [], total, width);
  }

  /** Stats of the last highlighting pass that had rows to fill. */
  lastHighlight: HighlightStats = { calls: [], fallbackSpans: 0, skippedSpans: 0 };

  /**
   * Fill the bad rows (1-based data rows; sheet row = data row + 1): RangeAreas of merged spans in
   * calls within HIGHLIGHT_MAX_AREAS / HIGHLIGHT_MAX_CHARS; a call Excel rejects is redone one span
   * per range. Never throws: the report's values are already written, a missing fill is cosmetic.
   */
  private async highlight(context: Ctx, ws: Excel.Worksheet, rows: readonly number[], total: number, width: number): Promise<void> {
    const areas = spans(rows)
      .filter(([a]) => a <= total - 1)
      .map(([a, b]): [number, number] => [a + 1, Math.min(b, total - 1) + 1]);
    if (areas.length === 0) return;
    const stats: HighlightStats = { calls: [], fallbackSpans: 0, skippedSpans: 0 };
    this.lastHighlight = stats;
    const last = columnLetter(width - 1);
    for (const call of highlightCalls(areas, last)) {
      try {
        ws.getRanges(call.address).format.fill.color = BAD_ROW_FILL;
        await context.sync();
        stats.calls.push({ areas: call.spans.length, chars: call.address.length, ok: true });
        continue;
      } catch {
        stats.calls.push({ areas: call.spans.length, chars: call.address.length, ok: false });
      }
      // Fallback: one range per span, a bounded number per sync; a failing batch is skipped.
      for (let i = 0; i < call.spans.length; i += HIGHLIGHT_FALLBACK_BATCH) {
        const batch = call.spans.slice(i, i + HIGHLIGHT_FALLBACK_BATCH);
        try {
          for (const [a, b] of batch) ws.getRangeByIndexes(a - 1, 0, b - a + 1, width).format.fill.color = BAD_ROW_FILL;
          await context.sync();
          stats.fallbackSpans += batch.length;
        } catch {
          stats.skippedSpans += batch.length;
        }
      }
    }
  }

  /** Writes to the add-in's own sheet for `name` and resolves to that sheet's actual name. */
  async writeSheet(name: string, table: unknown[][], opts: WriteOptions = {}): Promise<string> {
    return this.run(async (context) => {
      const ws = await this.outputSheet(context, name);
      await this.writeTable(context, ws, table, opts);
      const header = Array.isArray(table[0]) ? table[0] : [];
      this.written.set(name, { id: ws.id, header });
      this.written.set(ws.name, { id: ws.id, header });
      return ws.name;
    });
  }

  async addChart(spec: ChartSpec): Promise<void> {
    const lang = this.lang();
    await this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(OUTPUT_SETTING);
      setting.load('value');
      await context.sync();
      // spec.sheet is the requested name or the actual one writeSheet resolved to; both only ever
      // lead to a sheet this add-in created.
      const own = new Set(Object.values(parseRegistry(setting)));
      const id = parseRegistry(setting)[spec.sheet] ?? [this.written.get(spec.sheet)?.id].find((x) => x && own.has(x));
      if (!id) throw new Error(msg(lang, `Write the ${spec.sheet} sheet before its chart.`, `请先写入“${spec.sheet}”工作表再添加图表。`));
      const ws = context.workbook.worksheets.getItem(id);
      if (spec.rows <= 0 || spec.seriesColumns.length === 0) return;
      const header = this.written.get(spec.sheet)?.header ?? [];
      const name = (col: number) => String(header[col] ?? columnLetter(col));
      const categories = ws.getRangeByIndexes(1, spec.categoryColumn, spec.rows, 1);
      const [first, ...rest] = spec.seriesColumns;
      // Series in another unit (penalties USD next to gift fees CNY) go on a secondary value axis,
      // drawn as a line with markers so they do not hide the columns behind them (ExcelApi 1.8).
      const secondary = new Set((spec.secondaryAxisColumns ?? []).filter((c) => spec.seriesColumns.includes(c)));
      const twoAxes = secondary.size > 0 && secondary.size < spec.seriesColumns.length && excelApi('1.8');
      // Header + data of the first series; the rest are added with their own value ranges.
      const chart = ws.charts.add('ColumnClustered', ws.getRangeByIndexes(0, first, spec.rows + 1, 1), 'Columns');
      chart.title.text = (spec.lang ?? lang) === 'zh' ? spec.title.zh : spec.title.en;
      const series: [number, Excel.ChartSeries][] = [[first, chart.series.getItemAt(0)]];
      series[0][1].setXAxisValues(categories);
      for (const col of rest) {
        const s = chart.series.add(name(col));
        s.setValues(ws.getRangeByIndexes(1, col, spec.rows, 1));
        s.setXAxisValues(categories);
        series.push([col, s]);
      }
      if (twoAxes) {
        for (const [col, s] of series) {
          if (!secondary.has(col)) continue;
          s.chartType = 'LineMarkers';
          s.axisGroup = 'Secondary';
        }
        // Axis titles carry the units (the series headers say them: "Gift fees (CNY)").
        chart.axes.valueAxis.title.text = spec.seriesColumns.filter((c) => !secondary.has(c)).map(name).join(' / ');
        chart.axes.getItem('Value', 'Secondary').title.text = spec.seriesColumns.filter((c) => secondary.has(c)).map(name).join(' / ');
      }
      const width = Math.max(spec.categoryColumn, ...spec.seriesColumns) + 2;
      chart.setPosition(`${columnLetter(width)}2`, `${columnLetter(width + 8)}20`);
      await context.sync();
    });
  }

  async insertRateCard(table: unknown[][], base?: string): Promise<string> {
    const lang = this.lang();
    return this.run(async (context) => {
      // The pane names it in its own language (RATE_CARD_SHEET); the display language otherwise.
      const name = await this.freeName(context, base || RATE_CARD_SHEET[lang]);
      const ws = context.workbook.worksheets.add(name);
      ws.load('id');
      const cardSetting = context.workbook.settings.getItemOrNullObject(RATE_CARD_SETTING);
      cardSetting.load('value');
      await context.sync();
      // Remember it as the add-in's rate card: offered first as the audit's card, never as a source.
      context.workbook.settings.add(RATE_CARD_SETTING, JSON.stringify([...parseIdList(cardSetting), ws.id]));
      await this.writeTable(context, ws, table);
      ws.activate();
      await context.sync();
      return name;
    });
  }
}

/** The first HEADER_SCAN_ROWS rows of a loaded used range, queued for loading (read after the next sync). */
function topRows(ws: Excel.Worksheet, range: Excel.Range): Excel.Range {
  const top = ws.getRangeByIndexes(range.rowIndex, range.columnIndex, Math.min(HEADER_SCAN_ROWS, range.rowCount), range.columnCount);
  top.load('values');
  return top;
}

/** A used range as a source: its header is the row findHeaderRow picks (a title row above it is skipped). */
function usedGeometry(sheetId: string, range: Excel.Range, top: Excel.Range | undefined): Geometry {
  const k = top ? Math.max(0, findHeaderRow(top.values)) : 0;
  return { sheetId, row: range.rowIndex + k, col: range.columnIndex, rows: Math.max(0, range.rowCount - 1 - k), columns: range.columnCount };
}

/** Whether the Excel JavaScript API set is there (true when it cannot be asked, e.g. in tests). */
function excelApi(version: string): boolean {
  try {
    const req = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
    return typeof req?.isSetSupported === 'function' ? req.isSetSupported('ExcelApi', version) : true;
  } catch {
    return true;
  }
}

/** A setting holding a JSON list of worksheet ids (damaged or absent: empty). */
/** Queue loading the add-in's two workbook settings; after the sync, the ids of its output and rate-card sheets. */
function loadOwnSheets(wb: Excel.Workbook): () => { outputs: Set<string>; cards: Set<string> } {
  const outputs = wb.settings.getItemOrNullObject(OUTPUT_SETTING);
  outputs.load('value');
  const cards = wb.settings.getItemOrNullObject(RATE_CARD_SETTING);
  cards.load('value');
  return () => ({ outputs: new Set(Object.values(parseRegistry(outputs))), cards: new Set(parseIdList(cards)) });
}

function parseIdList(setting: Excel.Setting): string[] {
  if (setting.isNullObject) return [];
  try {
    const v = typeof setting.value === 'string' ? JSON.parse(setting.value) : setting.value;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function parseRegistry(setting: Excel.Setting): Record<string, string> {
  if (setting.isNullObject) return {};
  try {
    const v = typeof setting.value === 'string' ? JSON.parse(setting.value) : setting.value;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out: Record<string, string> = {};
      for (const [k, id] of Object.entries(v)) if (typeof id === 'string') out[k] = id;
      return out;
    }
  } catch {
    /* a damaged setting: start a fresh registry (new sheets get free names, nothing is overwritten) */
  }
  return {};
}
