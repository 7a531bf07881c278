/**
 * Server side of the audit sidebar. The audit engine runs in the sidebar's browser JS; these functions
 * only read and write ranges, in chunks the client chooses, and return JSON-safe values (no Date:
 * google.script.run cannot carry one). See addin-sheets/client/host.ts for the caller.
 *
 * Safety rules:
 *  - sources are only read (getValues), never formatted or written;
 *  - output goes only to sheets this add-in created, recognised by developer metadata
 *    (key "aeSellerRules.role", value "output:<name>" or "rateCard"), not by name: a user's sheet
 *    called "Findings" is left alone and the output goes to "Findings (2)";
 *  - re-running replaces the add-in's own earlier output sheet (cleared, same sheet, charts removed);
 *  - strings are written with a leading apostrophe so Sheets stores them as typed (an order id
 *    "0012", "8012345678901234567" or "=1+1" stays text instead of becoming a number or a formula).
 */
import { RATE_CARD_SHEET, type ChartSpec } from '../../core/audit/types';
import { columnLetter } from '../../core/audit/a1';
import { MONEY_FORMAT, PERCENT_FORMAT } from '../../core/audit/about';
import { wallIso } from '../../core/coerce';
import type { SheetChoice, SheetValues } from '../../pane/host';
import { SCAN_COLUMNS, SCAN_ROWS, parseSourceId, sheetIdOf, type SourceScan } from '../sources';
import { dateToWallMs, isDate, say, userError, userLang } from './env';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const ROLE_KEY = 'aeSellerRules.role';
export const OUTPUT_ROLE = (base: string) => `output:${base}`;
export const RATE_CARD_ROLE = 'rateCard';

/** Server-side caps per call, whatever the client asks (keeps every call far from the 6-minute limit). */
export const MAX_READ_ROWS = 10_000;
export const MAX_WRITE_CELLS = 200_000;

const HIGHLIGHT = '#fde2e1';
const HEADER_BG = '#eef1f5';
/** readSheet returns at most this many rows (a rate card has about 60), first two columns only. */
export const MAX_SHEET_ROWS = 5000;

function book(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw userError('No active spreadsheet: open the sidebar from a spreadsheet.', '没有打开的表格：请在表格中打开侧边栏。');
  return ss;
}

export function roleOf(sheet: Sheet): string | undefined {
  for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === ROLE_KEY) return m.getValue() ?? undefined;
  return undefined;
}

/** A JSON-safe copy of a cell as the sidebar sees it. */
export function safeCell(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return wallIso(dateToWallMs(v));
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** A cell value as setValues must receive it so Sheets stores it unchanged. */
export function storeCell(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isDate(v)) return v;
  return `'${String(v)}`;
}

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

// ---- sources --------------------------------------------------------------------------------

interface Geometry {
  sheet: Sheet;
  headerRow: number;
  left: number;
  columns: number;
}

/** The sheet and table a source id names (the sidebar found the table: addin-sheets/sources.ts). */
function resolveSource(id: string): Geometry {
  const g = parseSourceId(id);
  if (!g) throw userError(`Unknown source ${id}. Refresh the list of sources.`, `未知的数据源 ${id}。请刷新数据源列表。`);
  const sheet = book()
    .getSheets()
    .find((s) => s.getSheetId() === g.sheetId);
  if (!sheet) throw userError('The source sheet no longer exists. Refresh the list of sources.', '数据源工作表已不存在。请刷新数据源列表。');
  return { sheet, headerRow: g.headerRow, left: g.left, columns: g.columns };
}

/**
 * The first rows of every user sheet with data (the add-in's own sheets are not offered), the active
 * sheet first: the sidebar finds each table's header in them (issue 12: header detection is not in
 * the script Sheets loads for every formula cell).
 */
export function scanSources(): SourceScan[] {
  const ss = book();
  let active = '';
  try {
    active = ss.getActiveSheet()?.getName() ?? '';
  } catch {
    /* no active sheet */
  }
  const out: SourceScan[] = [];
  for (const sheet of ss.getSheets()) {
    if (roleOf(sheet)) continue;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    if (lastRow < 1 || lastColumn < 1) continue;
    const rows = sheet.getRange(1, 1, Math.min(SCAN_ROWS, lastRow), Math.min(SCAN_COLUMNS, lastColumn)).getValues();
    for (const row of rows) for (let c = 0; c < row.length; c++) row[c] = safeCell(row[c]);
    const scan: SourceScan = { sheetId: sheet.getSheetId(), name: sheet.getName(), lastRow, lastColumn, rows };
    if (scan.name === active) out.unshift(scan);
    else out.push(scan);
  }
  return out;
}

/** "Now" as the wall clock of the spreadsheet's time zone (ms, read as UTC like every core time). */
export function now(): number {
  return dateToWallMs(new Date());
}

/** Sheets a rate card can be read from: all but the add-in's outputs, its rate-card sheets first. */
export function listSheets(): SheetChoice[] {
  const out: SheetChoice[] = [];
  for (const sheet of book().getSheets()) {
    const role = roleOf(sheet);
    if (role && role !== RATE_CARD_ROLE) continue;
    out.push({ id: String(sheet.getSheetId()), name: sheet.getName(), ...(role === RATE_CARD_ROLE ? { rateCard: true } : {}) });
  }
  return [...out.filter((s) => s.rateCard), ...out.filter((s) => !s.rateCard)];
}

/** The first two columns (key, value) of a sheet's data area, JSON-safe; only read. */
export function readSheet(id: string): SheetValues {
  const sheet = book()
    .getSheets()
    .find((s) => String(s.getSheetId()) === String(id));
  const role = sheet && roleOf(sheet);
  if (!sheet || (role && role !== RATE_CARD_ROLE)) {
    throw userError('That sheet no longer exists. Refresh the list.', '该工作表已不存在。请刷新列表。');
  }
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return { top: 1, left: 1, values: [] };
  if (lastRow > MAX_SHEET_ROWS) {
    throw userError(`"${sheet.getName()}" has ${lastRow} rows: too many for a rate card (at most ${MAX_SHEET_ROWS}).`, `“${sheet.getName()}”有 ${lastRow} 行，不像费率卡（最多 ${MAX_SHEET_ROWS} 行）。`);
  }
  const all = sheet.getRange(1, 1, lastRow, lastCol).getValues();
  let top = 0;
  while (top < all.length && all[top].every(isBlank)) top++;
  let left = lastCol;
  for (const row of all) {
    const c = row.findIndex((v) => !isBlank(v));
    if (c >= 0 && c < left) left = c;
  }
  if (top >= all.length) return { top: 1, left: 1, values: [] };
  const values = all.slice(top).map((row) => row.slice(left, left + 2).map(safeCell));
  return { top: top + 1, left: left + 1, values };
}

export function readHeader(id: string): unknown[] {
  const g = resolveSource(id);
  return g.sheet.getRange(g.headerRow, g.left, 1, g.columns).getValues()[0].map(safeCell);
}

/** Data rows [start, start + count) of a source (0-based, header excluded), JSON-safe. */
export function readRows(id: string, start: number, count: number): unknown[][] {
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 0) {
    throw userError(`Bad row range: start ${start}, count ${count}.`, `行范围错误：起始 ${start}，行数 ${count}。`);
  }
  if (count > MAX_READ_ROWS) {
    throw userError(`At most ${MAX_READ_ROWS} rows per call, asked for ${count}.`, `每次最多读取 ${MAX_READ_ROWS} 行，请求了 ${count} 行。`);
  }
  const g = resolveSource(id);
  const first = g.headerRow + 1 + start;
  const n = Math.min(count, g.sheet.getLastRow() - first + 1);
  if (n <= 0) return [];
  const values = g.sheet.getRange(first, g.left, n, g.columns).getValues();
  for (const row of values) for (let c = 0; c < row.length; c++) row[c] = safeCell(row[c]);
  return values;
}

// ---- outputs --------------------------------------------------------------------------------

function* candidates(base: string): Generator<string> {
  yield base;
  for (let i = 2; ; i++) yield `${base} (${i})`;
}

function sheetByName(name: string): Sheet | undefined {
  return book().getSheetByName(name) ?? undefined;
}

function ownOutput(name: string): Sheet {
  const sheet = sheetByName(name);
  const role = sheet && roleOf(sheet);
  if (!sheet || !role || !role.startsWith('output:')) {
    throw userError(`"${name}" is not one of this add-in's output sheets; nothing was written.`, `“${name}”不是本插件的输出工作表；未写入任何内容。`);
  }
  return sheet;
}

const cleanName = (base: string) =>
  String(base ?? '')
    .replace(/[\u0000-\u001f]/g, ' ')
    .trim()
    .slice(0, 90) || 'Output';

/**
 * Start (or restart) the output sheet `base`: the add-in's own earlier sheet for that name is cleared
 * and reused; otherwise a new sheet is created under the first free name ("Findings", "Findings (2)", …).
 * `avoidSourceId`: never reuse the sheet being audited. Returns the sheet's actual name.
 */
export function beginOutput(base: string, avoidSourceId?: string): string {
  const ss = book();
  const name = cleanName(base);
  const role = OUTPUT_ROLE(name);
  const avoidSheetId = sheetIdOf(avoidSourceId);
  let sheet = ss.getSheets().find((s) => roleOf(s) === role && String(s.getSheetId()) !== avoidSheetId);
  if (sheet) {
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    sheet.clear();
    sheet.setFrozenRows(0);
    return sheet.getName();
  }
  let free = name;
  for (const n of candidates(name)) {
    if (!ss.getSheetByName(n)) {
      free = n;
      break;
    }
  }
  sheet = ss.insertSheet(free, ss.getNumSheets());
  sheet.addDeveloperMetadata(ROLE_KEY, role);
  return sheet.getName();
}

function ensureSize(sheet: Sheet, rows: number, cols: number) {
  const maxR = sheet.getMaxRows();
  if (rows > maxR) sheet.insertRowsAfter(maxR, rows - maxR);
  const maxC = sheet.getMaxColumns();
  if (cols > maxC) sheet.insertColumnsAfter(maxC, cols - maxC);
}

/**
 * Write rows of an output table: `start` is the 0-based table row of rows[0] (row 0 = header = sheet
 * row 1). `highlight`: 0-based indexes into `rows` to colour as bad.
 */
export function writeRows(sheetName: string, start: number, rows: unknown[][], highlight?: number[]): number {
  const sheet = ownOutput(sheetName);
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw userError('Rows must be a 2-D array.', '行数据必须是二维数组。');
  if (!Number.isInteger(start) || start < 0) throw userError(`Bad start row ${start}.`, `起始行错误：${start}。`);
  if (rows.length === 0) return 0;
  let width = 1;
  for (const r of rows) if (r.length > width) width = r.length;
  if (rows.length * width > MAX_WRITE_CELLS) {
    throw userError(`At most ${MAX_WRITE_CELLS} cells per call, got ${rows.length * width}.`, `每次最多写入 ${MAX_WRITE_CELLS} 个单元格，收到 ${rows.length * width} 个。`);
  }
  const values = rows.map((r) => {
    const out = new Array(width);
    for (let c = 0; c < width; c++) out[c] = storeCell(r[c]);
    return out;
  });
  ensureSize(sheet, start + rows.length, width);
  const range = sheet.getRange(start + 1, 1, rows.length, width);
  range.setValues(values);
  const marks = (highlight ?? []).filter((i) => Number.isInteger(i) && i >= 0 && i < rows.length);
  if (marks.length) {
    const set = new Set(marks);
    range.setBackgrounds(rows.map((_, i) => new Array(width).fill(set.has(i) ? HIGHLIGHT : null)));
  }
  return rows.length;
}

/** Header style, frozen header, money and percent formats. `rows`: data rows written (header excluded). */
export function finishOutput(sheetName: string, rows: number, columns: number, moneyColumns?: number[], percentColumns?: number[]): void {
  const sheet = ownOutput(sheetName);
  if (columns < 1) return;
  const header = sheet.getRange(1, 1, 1, columns);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BG);
  sheet.setFrozenRows(1);
  for (const c of moneyColumns ?? []) {
    if (Number.isInteger(c) && c >= 0 && c < columns && rows > 0) sheet.getRange(2, c + 1, rows, 1).setNumberFormat(MONEY_FORMAT);
  }
  const money = new Set(moneyColumns ?? []);
  for (const c of percentColumns ?? []) {
    if (Number.isInteger(c) && c >= 0 && c < columns && rows > 0 && !money.has(c)) sheet.getRange(2, c + 1, rows, 1).setNumberFormat(PERCENT_FORMAT);
  }
}

/** A native column chart of the weekly table (replacing the add-in's earlier chart on that sheet). */
export function addChart(sheetName: string, spec: ChartSpec, lang?: string): boolean {
  const sheet = ownOutput(sheetName);
  for (const c of sheet.getCharts()) sheet.removeChart(c);
  const rows = Math.max(0, Math.floor(Number(spec?.rows) || 0));
  if (rows === 0 || !spec.seriesColumns?.length) return false;
  const height = rows + 1;
  let builder = sheet
    .newChart()
    .setChartType(Charts.ChartType.COLUMN)
    .addRange(sheet.getRange(1, spec.categoryColumn + 1, height, 1));
  for (const c of spec.seriesColumns) builder = builder.addRange(sheet.getRange(1, c + 1, height, 1));
  const title = (lang === 'zh' || lang === 'en' ? lang : userLang()) === 'zh' ? spec.title.zh : spec.title.en;
  const lastCol = Math.max(spec.categoryColumn, ...spec.seriesColumns) + 1;
  builder = builder
    .setNumHeaders(1)
    .setOption('title', title)
    .setOption('legend', { position: 'bottom' })
    .setPosition(1, lastCol + 2, 0, 0);
  // Series in another unit (penalties USD next to gift fees CNY) on a second value axis: series
  // options are indexed by data series (the domain column is not one); vAxes 0 / 1 carry the units.
  const secondary = new Set((spec.secondaryAxisColumns ?? []).filter((c) => spec.seriesColumns.includes(c)));
  if (secondary.size > 0 && secondary.size < spec.seriesColumns.length) {
    const header = sheet.getRange(1, 1, 1, Math.max(lastCol, 1)).getValues()[0];
    const name = (c: number) => String(header[c] ?? '') || columnLetter(c);
    const series: Record<number, { targetAxisIndex: number }> = {};
    spec.seriesColumns.forEach((c, i) => {
      series[i] = { targetAxisIndex: secondary.has(c) ? 1 : 0 };
    });
    builder = builder.setOption('series', series).setOption('vAxes', {
      0: { title: spec.seriesColumns.filter((c) => !secondary.has(c)).map(name).join(' / ') },
      1: { title: spec.seriesColumns.filter((c) => secondary.has(c)).map(name).join(' / ') },
    });
  }
  sheet.insertChart(builder.build());
  return true;
}

/**
 * Insert a rate-card table as a NEW sheet (`name` from the pane, else RATE_CARD_SHEET in the user's
 * language; "(2)"… when taken); returns its name.
 */
export function insertRateCard(table: unknown[][], name?: string): string {
  if (!Array.isArray(table) || table.length === 0 || !table.every(Array.isArray)) {
    throw userError('The rate card must be a 2-D table.', '费率卡必须是二维表格。');
  }
  const ss = book();
  const base = (typeof name === 'string' && name.trim()) || say(RATE_CARD_SHEET.en, RATE_CARD_SHEET.zh);
  let free = base;
  for (const n of candidates(base)) {
    if (!ss.getSheetByName(n)) {
      free = n;
      break;
    }
  }
  const sheet = ss.insertSheet(free, ss.getNumSheets());
  sheet.addDeveloperMetadata(ROLE_KEY, RATE_CARD_ROLE);
  let width = 1;
  for (const r of table) if (r.length > width) width = r.length;
  const values = table.map((r) => {
    const out = new Array(width);
    for (let c = 0; c < width; c++) out[c] = storeCell(r[c]);
    return out;
  });
  ensureSize(sheet, values.length, width);
  sheet.getRange(1, 1, values.length, width).setValues(values);
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BG);
  sheet.setFrozenRows(1);
  sheet.autoResizeColumns(1, width);
  return sheet.getName();
}
