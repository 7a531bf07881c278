/**
 * Reading an orders file for the audit (Node only): .xlsx via exceljs, .csv with a small RFC 4180
 * parser (UTF-8 with or without BOM, or GB18030/GBK as Chinese Excel saves it). CSV cells stay text:
 * a 16-digit order id must not become a float, and dates are read by the core's toDate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { L, type Text } from '../core/text';
import { findHeaderRow } from '../core/audit/columns';

export interface SourceTable {
  sheet: string;
  header: unknown[];
  rows: unknown[][];
  /** 1-based row of the header in the sheet. */
  headerRow: number;
  /** Every row of the sheet (index = sheet row − 1), for picking another header row (--map). */
  sheetRows?: unknown[][];
}

export type ReadResult = { ok: true; table: SourceTable } | { ok: false; error: Text };

/** An exceljs cell value as the core's coercion expects it. */
export function plainCell(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('result' in o) return plainCell(o.result);
  if ('formula' in o || 'sharedFormula' in o) return null;
  if (typeof o.text === 'string') return o.text;
  if (typeof o.error === 'string') return o.error;
  return String(v);
}

/** Parse CSV text (RFC 4180: quotes, doubled quotes, CR/LF inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const sep = detectSeparator(text);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Comma, semicolon (European Excel) or tab: whichever the first line has most of, outside quotes. */
function detectSeparator(text: string): string {
  const first = text.slice(0, text.search(/\r?\n/) >>> 0 || text.length).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((s) => [s, first.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/** Bytes → text: UTF-8 (BOM stripped) when valid, else GB18030 (a superset of GBK). */
export function decodeText(buf: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/**
 * Header = among the first 20 non-empty rows, the one naming the most audit fields (a title row such
 * as "6月订单导出" or a group row above the headers is skipped; core findHeaderRow, the same as the
 * hosts); else the first non-empty row (the audit then says which column is missing). Rows after it
 * are the data.
 */
function split(sheet: string, all: unknown[][]): ReadResult {
  const h = findHeaderRow(all);
  if (h < 0) return { ok: false, error: L(`sheet "${sheet}" is empty`, `工作表“${sheet}”是空的`) };
  return { ok: true, table: { sheet, header: all[h], rows: all.slice(h + 1), headerRow: h + 1, sheetRows: all } };
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);

export async function readOrders(file: string, sheetName?: string): Promise<ReadResult> {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: L(`file not found: ${file}`, `找不到文件：${file}`) };
    return { ok: false, error: L(`cannot read ${file}: ${why(e)}`, `无法读取 ${file}：${why(e)}`) };
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    if (sheetName) return { ok: false, error: L('--sheet applies to .xlsx files only; a CSV file has one table', '--sheet 仅适用于 .xlsx 文件；CSV 文件只有一个表') };
    if (buf.includes(0)) return { ok: false, error: L(`${path.basename(file)} is not a text CSV file (it contains binary data)`, `${path.basename(file)} 不是文本 CSV 文件（含有二进制数据）`) };
    return split(path.basename(file, ext), parseCsv(decodeText(buf)));
  }
  if (ext !== '.xlsx' && ext !== '.xlsm') {
    return { ok: false, error: L(`unsupported file type "${ext || '(none)'}": give an .xlsx or .csv file (save .xls as .xlsx first)`, `不支持的文件类型“${ext || '（无）'}”：请提供 .xlsx 或 .csv 文件（.xls 请先另存为 .xlsx）`) };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, error: L(`${path.basename(file)} is not a readable .xlsx workbook (damaged or truncated?): ${why(e)}`, `${path.basename(file)} 不是可读取的 .xlsx 工作簿（文件损坏或不完整？）：${why(e)}`) };
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    return sheetName
      ? { ok: false, error: L(`no sheet named "${sheetName}"; the workbook has: ${names.join(', ')}`, `没有名为“${sheetName}”的工作表；工作簿中有：${names.join('、')}`) }
      : { ok: false, error: L('the workbook has no sheets', '工作簿中没有工作表') };
  }
  const all: unknown[][] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = new Array(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = plainCell(cell.value);
    });
    all[n - 1] = cells;
  });
  for (let i = 0; i < all.length; i++) all[i] ??= [];
  return split(ws.name, all);
}
