/**
 * Reading an orders file from its bytes, with no host: the CLI (cli/read.ts, a thin fs wrapper) and
 * the browser app (a dropped file) share it. It must NOT be imported by the Sheets / Excel
 * custom-function bundles (SheetJS is large).
 *
 * The format is found from the CONTENT, never the extension (a Seller Center ".xls" may be HTML, a
 * ".csv" may be UTF-16 "Unicode Text"):
 *  - OLE2 (D0 CF 11 E0: .xls BIFF8, Excel 97–2003), zip (PK: .xlsx / .xlsm / .ods), BIFF2–5 records,
 *    SpreadsheetML 2003 / HTML tables (text starting with "<") → SheetJS (`@e965/xlsx`), dense mode,
 *    only the cells that exist are read (a workbook's declared dimension never drives allocation);
 *  - anything else is delimited text: UTF-16 LE/BE (BOM, or NUL bytes in every other position),
 *    UTF-8 (BOM or not) when valid, else GB18030 (a superset of GBK); comma, semicolon or tab; parsed
 *    by `csv-parse` in strict mode: a stray or unterminated quote is an error naming the line.
 * Cells come back as the core's coercion expects them: text stays text (a 16-digit order id is never
 * a float), numbers are numbers, a date-formatted cell is a JS Date whose UTC clock is the wall clock.
 */
import * as XLSX from '@e965/xlsx';
import { parse as parseCsvSync } from 'csv-parse/browser/esm/sync';
import { L, type Text } from '../text';
import { serialToMs } from '../coerce';
import { findHeaderRow } from '../audit/columns';
import { fastRecords, fastParse, type CsvEol } from './csv-fast';

export interface SourceTable {
  sheet: string;
  header: unknown[];
  rows: unknown[][];
  /** 1-based row of the header in the sheet. */
  headerRow: number;
  /** Every row of the sheet (index = sheet row − 1), for picking another header row (--map). */
  sheetRows?: unknown[][];
}

export type ReadResult =
  | {
      ok: true;
      table: SourceTable;
      /** Sheet names of a workbook (one name, the file's, for a text file). */
      sheets: string[];
      /** What the reader left out and why (cells beyond the column cap). Additive. */
      notes?: Text[];
      /** The format found from the content. Additive. */
      format?: FileFormat;
    }
  | { ok: false; error: Text };

export type FileFormat = 'xls' | 'zip' | 'biff' | 'markup' | 'csv' | 'csv-utf16' | 'csv-gb18030' | 'other';

/** First bytes of files that are no table (PDF, images, archives, RTF, PostScript): never read as CSV text. */
const NOT_A_TABLE: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
  [0x25, 0x21, 0x50, 0x53], // %!PS
];

/** Columns read per row: a real export has tens; a cell at XFD (16,384) is noise, reported, not allocated for. */
export const MAX_COLUMNS = 1024;

const why = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);

/** A PDF, image or archive given as the orders file. */
function notATable(fileName: string): { ok: false; error: Text } {
  const ext = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase() ?? '(none)';
  return { ok: false, error: L(`unsupported file type "${ext}": ${fileName} holds no table; give an .xlsx, .xls, .ods or .csv export`, `不支持的文件类型“${ext}”：${fileName} 不含表格；请提供 .xlsx、.xls、.ods 或 .csv 导出文件`) };
}

/** What the bytes hold, by their first bytes. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1) return 'xls';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05 || b[2] === 0x07)) return 'zip';
  // BIFF2–5 worksheets start with a BOF record: 09 00 / 09 02 / 09 04 / 09 08, then a small length.
  if (b.length >= 4 && b[0] === 0x09 && (b[1] === 0x00 || b[1] === 0x02 || b[1] === 0x04 || b[1] === 0x08) && b[3] === 0x00) return 'biff';
  if (NOT_A_TABLE.some((sig) => b.length >= sig.length && sig.every((x, i) => b[i] === x))) return 'other';
  if (utf16Order(b)) return 'csv-utf16';
  // HTML tables and SpreadsheetML 2003 saved as ".xls" by older ERPs.
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && i < 1024 && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  if (b[i] === 0x3c /* < */) {
    const head = new TextDecoder('latin1').decode(b.subarray(i, i + 512)).toLowerCase();
    if (/^<(\?xml|html|!doctype html|table|meta|head|body|workbook|ss:workbook)/.test(head)) return 'markup';
  }
  return isUtf8(b) ? 'csv' : 'csv-gb18030';
}

/** 'le' / 'be' for UTF-16 text (BOM, or NUL in every other byte of the start), else undefined. */
function utf16Order(b: Uint8Array): 'le' | 'be' | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'be';
  const n = Math.min(b.length - (b.length % 2), 400);
  if (n < 4) return undefined;
  let evenNul = 0, oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  if (oddNul > n / 2 * 0.6 && evenNul === 0) return 'le';
  if (evenNul > n / 2 * 0.6 && oddNul === 0) return 'be';
  return undefined;
}

/**
 * Valid UTF-8 (what a fatal TextDecoder accepts: no overlong forms, surrogates or code points past
 * U+10FFFF, no cut sequence), checked without decoding the file into a string.
 */
export function isUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= n || (b[i + 1] & 0xc0) !== 0x80) return false;
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= n) return false;
      const c1 = b[i + 1];
      if (c1 < (c === 0xe0 ? 0xa0 : 0x80) || c1 > (c === 0xed ? 0x9f : 0xbf) || (b[i + 2] & 0xc0) !== 0x80) return false;
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= n) return false;
      const c1 = b[i + 1];
      if (c1 < (c === 0xf0 ? 0x90 : 0x80) || c1 > (c === 0xf4 ? 0x8f : 0xbf) || (b[i + 2] & 0xc0) !== 0x80 || (b[i + 3] & 0xc0) !== 0x80) return false;
      i += 4;
    } else return false;
  }
  return true;
}

type TextFormat = Extract<FileFormat, 'csv' | 'csv-utf16' | 'csv-gb18030'>;

/**
 * Text bytes whose encoding is known (detectFormat's 'csv' = valid UTF-8, already checked: no second
 * check here), decoded with the BOM stripped.
 */
function decodeAs(buf: Uint8Array, format: TextFormat): string {
  const encoding = format === 'csv' ? 'utf-8' : format === 'csv-gb18030' ? 'gb18030' : utf16Order(buf) === 'be' ? 'utf-16be' : 'utf-16le';
  return new TextDecoder(encoding).decode(buf).replace(/^\ufeff/, '');
}

/** Bytes → text: UTF-16 (BOM or NUL pattern), UTF-8 (BOM stripped) when valid, else GB18030 (a superset of GBK). */
export function decodeText(buf: Uint8Array): string {
  return decodeAs(buf, utf16Order(buf) ? 'csv-utf16' : isUtf8(buf) ? 'csv' : 'csv-gb18030');
}

/** Comma, semicolon (European Excel) or tab: whichever the first line has most of, outside quotes. */
export function detectSeparator(text: string): string {
  const end = text.search(/\r?\n/);
  const first = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((s) => [s, first.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

/** A CSV that cannot be read: what and where (1-based physical line). */
export class CsvReadError extends Error {
  constructor(readonly line: number | undefined, readonly text: Text) {
    super(text.en);
  }
}

/**
 * Parse delimited text strictly (RFC 4180 quotes; csv-parse): rows of text cells. A stray quote
 * inside an unquoted cell, text after a closing quote or a quote never closed throws CsvReadError
 * naming the line; nothing is silently merged.
 */
export function parseCsv(text: string, separator = detectSeparator(text), firstLine = 1): string[][] {
  // Well-formed text: the fast path (the same rows as csv-parse, core/io/csv-fast.ts); anything
  // irregular goes to csv-parse, which gives the rows or the error naming the line.
  const fast = fastParse(text, separator);
  if (fast) return fast;
  return strictCsv(text, separator, firstLine);
}

/** csv-parse, strict: the rows, or CsvReadError naming the line. */
function strictCsv(text: string, separator: string, firstLine = 1): string[][] {
  try {
    // Every line break counts, whatever the first one was: a file whose lines switch from CRLF to LF
    // (rows appended by another tool) must not fold the rest into one record.
    return parseCsvSync(text, { delimiter: separator, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, bom: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw csvError(e, text, separator, firstLine - 1);
  }
}

/** 1-based line where the quote that is never closed was opened (csv-parse names the last line). */
function openQuoteLine(text: string, sep: string): number | undefined {
  let line = 1, openedAt = 0, quoted = false, cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      } else if (c === '\n') line++;
      continue;
    }
    if (c === '"' && cellStart) {
      quoted = true;
      openedAt = line;
    }
    cellStart = c === sep || c === '\n' || c === '\r';
    if (c === '\n') line++;
  }
  return quoted ? openedAt : undefined;
}

function csvError(e: unknown, text: string, sep: string, lineOffset = 0): CsvReadError {
  const err = e as { code?: string; lines?: number; message?: string };
  const m = /at line (\d+)/.exec(err.message ?? '');
  let line = m ? Number(m[1]) : typeof err.lines === 'number' ? err.lines : undefined;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') line = openQuoteLine(text, sep) ?? line;
  if (line !== undefined) line += lineOffset;
  const at = line !== undefined ? L(`line ${line}`, `第 ${line} 行`) : L('the file', '文件中');
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvReadError(line, L(
        `a quote (") opened on ${at.en} is never closed: the rest of the file would be read as one cell. Fix the quote (or save the file again from Excel) and retry`,
        `${at.zh}的引号（"）没有闭合：其后的整个文件会被读成一个单元格。请修正该引号（或用 Excel 重新保存文件）后重试`,
      ));
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return new CsvReadError(line, L(
        `${at.en}: a stray quote (") inside a cell that does not start with a quote; quote the whole cell and double the inner quote ("") or remove it`,
        `${at.zh}：单元格中间有多余的引号（"），而该单元格不以引号开头；请将整个单元格加引号并把其中的引号写成两个（""），或删去它`,
      ));
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new CsvReadError(line, L(
        `${at.en}: text right after a closing quote ("); a quote inside a quoted cell must be doubled ("")`,
        `${at.zh}：闭合引号（"）后紧跟文字；带引号的单元格内的引号必须写成两个（""）`,
      ));
    default:
      return new CsvReadError(line, L(`cannot read the CSV text at ${at.en}: ${why(e)}`, `无法读取 CSV 文本（${at.zh}）：${why(e)}`));
  }
}

/** A sheet (or text file) with no non-empty row; `why`: what the reader left out (cells beyond the column cap). */
function emptySheet(sheet: string, why?: Text): { ok: false; error: Text } {
  return { ok: false, error: L(`sheet "${sheet}" is empty${why ? ` (${why.en})` : ''}`, `工作表“${sheet}”是空的${why ? `（${why.zh}）` : ''}`) };
}

/**
 * Header = among the first 20 non-empty rows, the one naming the most audit fields (core
 * findHeaderRow, the same as the hosts); rows after it are the data. `why`: see emptySheet.
 */
function split(sheet: string, all: unknown[][], why?: Text): { ok: true; table: SourceTable } | { ok: false; error: Text } {
  const h = findHeaderRow(all);
  if (h < 0) return emptySheet(sheet, why);
  return { ok: true, table: { sheet, header: all[h], rows: all.slice(h + 1), headerRow: h + 1, sheetRows: all } };
}

const baseName = (fileName: string) => {
  const b = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = b.lastIndexOf('.');
  return dot > 0 ? b.slice(0, dot) : b;
};

/** A SheetJS cell → the value the core expects (date-formatted numbers → Date with the wall clock as UTC). */
/** Days between the 1904 date system's day 0 and the 1900 system's (Mac Excel's "1904 dates"). */
const DATE1904_DAYS = 1462;

function cellValue(c: XLSX.CellObject | undefined, date1904: boolean): unknown {
  if (!c) return null;
  switch (c.t) {
    case 's':
      return c.v ?? null;
    case 'n': {
      const v = c.v as number;
      if (typeof c.z === 'string' && Number.isFinite(v) && XLSX.SSF.is_date(c.z)) {
        // Excel serial → wall-clock ms read as UTC; a workbook in the 1904 date system counts from 1904.
        return new Date(serialToMs(date1904 ? v + DATE1904_DAYS : v));
      }
      return v;
    }
    case 'b':
      return c.v ?? null;
    case 'd':
      return c.v instanceof Date ? c.v : null;
    case 'e':
      return c.w ?? '#ERROR';
    case 'z':
    default:
      return null;
  }
}

/** A workbook SheetJS has parsed, with its sheet names (at least one). */
type Parsed = { ok: true; wb: XLSX.WorkBook; names: string[]; format: FileFormat };

function parseWorkbook(bytes: Uint8Array, fileName: string, format: FileFormat): Parsed | { ok: false; error: Text } {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellStyles: false, bookVBA: false, WTF: false });
  } catch (e) {
    const kind = format === 'xls' ? '.xls (Excel 97–2003)' : format === 'zip' ? '.xlsx' : 'spreadsheet';
    const msg = why(e);
    const locked = /password|encrypt/i.test(msg);
    return {
      ok: false,
      error: locked
        ? L(`${fileName} is password-protected: open it in Excel, remove the password (File › Info › Protect Workbook) and save it again`, `${fileName} 受密码保护：请在 Excel 中打开，取消密码后重新保存`)
        : L(`${fileName} is not a readable ${kind} workbook (damaged or truncated?): ${msg}`, `${fileName} 不是可读取的 ${kind} 工作簿（文件损坏或不完整？）：${msg}`),
    };
  }
  const names = wb.SheetNames.slice();
  if (!names.length) return { ok: false, error: L('the workbook has no sheets', '工作簿中没有工作表') };
  return { ok: true, wb, names, format };
}

function readWorkbook(bytes: Uint8Array, fileName: string, format: FileFormat, want?: string): ReadResult {
  const p = parseWorkbook(bytes, fileName, format);
  return p.ok ? readSheet(p, want) : p;
}

/** One sheet of a parsed workbook (`want`, default the first). */
function readSheet({ wb, names, format }: Parsed, want?: string): ReadResult {
  const name = want ?? names[0];
  const ws = wb.Sheets[name];
  if (!ws) return { ok: false, error: L(`no sheet named "${want}"; the workbook has: ${names.join(', ')}`, `没有名为“${want}”的工作表；工作簿中有：${names.join('、')}`) };
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const data = (ws as XLSX.DenseWorkSheet)['!data'] as (XLSX.CellObject[] | undefined)[] | undefined;
  const all: unknown[][] = [];
  let widest = 0;
  let cut = 0;
  let cutRow = 0;
  if (Array.isArray(data)) {
    // forEach visits the rows and cells that exist (holes are skipped): a lone cell at XFD1048576
    // costs one row, never a million.
    data.forEach((row, r) => {
      if (!Array.isArray(row)) return;
      const cells: unknown[] = [];
      row.forEach((c, col) => {
        const v = cellValue(c, date1904);
        if (v === null || v === undefined || v === '') return;
        if (col >= MAX_COLUMNS) {
          cut++;
          cutRow ||= r + 1;
          return;
        }
        cells[col] = v;
      });
      if (!cells.length) return;
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      if (cells.length > widest) widest = cells.length;
      all[r] = cells;
    });
  }
  // Rows between the ones that exist stay sparse until the table is handed over: only the last row
  // with a value bounds the length.
  for (let i = 0; i < all.length; i++) if (all[i] === undefined) all[i] = [];
  const notes: Text[] = [];
  if (cut) {
    notes.push(L(
      `${cut} cell(s) beyond column ${MAX_COLUMNS} (first on row ${cutRow}) were not read: an orders export has far fewer columns`,
      `第 ${MAX_COLUMNS} 列之后的 ${cut} 个单元格（首个在第 ${cutRow} 行）未读取：订单导出表不会有这么多列`,
    ));
  }
  const s = split(name, all, notes[0]);
  if (!s.ok) return s;
  return { ok: true, table: s.table, sheets: names, format, ...(notes.length ? { notes } : {}) };
}

/**
 * What the bytes are, decided once for readOrdersBytes and readOrdersChunked: an error (no content,
 * not a table, --sheet on a text file, binary data), a workbook for SheetJS, or delimited text.
 * UTF-8 text is validated (detectFormat) but not decoded (`text` undefined: the chunked reader decodes
 * it a window at a time); UTF-16 and GB18030 come decoded whole.
 */
type Source = { ok: false; error: Text } | { ok: true; format: Exclude<FileFormat, TextFormat | 'other'> } | { ok: true; format: TextFormat; text?: string };

function sourceOf(bytes: Uint8Array, fileName: string, opts: { sheet?: string }): Source {
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: L(`${fileName}: no file content`, `${fileName}：没有文件内容`) };
  if (bytes.length === 0) return { ok: false, error: L(`${fileName} is empty (0 bytes)`, `${fileName} 是空文件（0 字节）`) };
  const format = detectFormat(bytes);
  if (format === 'other') return notATable(fileName);
  if (format === 'xls' || format === 'zip' || format === 'biff' || format === 'markup') return { ok: true, format };
  if (opts.sheet) return { ok: false, error: L(`--sheet applies to workbooks (.xls, .xlsx, .ods) only; ${fileName} is a text (CSV) file with one table`, `--sheet 仅适用于工作簿（.xls、.xlsx、.ods）；${fileName} 是只有一个表的文本（CSV）文件`) };
  const binary = { ok: false, error: L(`${fileName} is neither a spreadsheet nor a text (CSV) file: it contains binary data`, `${fileName} 既不是工作簿也不是文本（CSV）文件：含有二进制数据`) } as const;
  // Valid UTF-8 holds U+0000 exactly where it holds a 0 byte: looked for without decoding.
  if (format === 'csv') return bytes.indexOf(0) >= 0 ? binary : { ok: true, format };
  const text = decodeAs(bytes, format);
  return text.includes('\u0000') ? binary : { ok: true, format, text };
}

const isText = (s: Extract<Source, { ok: true }>): s is { ok: true; format: TextFormat; text?: string } => s.format === 'csv' || s.format === 'csv-utf16' || s.format === 'csv-gb18030';

/** The whole table of bytes sourceOf has classified. */
function readSource(bytes: Uint8Array, fileName: string, src: Source, opts: { sheet?: string }): ReadResult {
  if (!src.ok) return src;
  if (!isText(src)) return readWorkbook(bytes, fileName, src.format, opts.sheet);
  const text = src.text ?? decodeAs(bytes, src.format);
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    const t = e instanceof CsvReadError ? e.text : L(why(e), why(e));
    return { ok: false, error: L(`${fileName}: ${t.en}`, `${fileName}：${t.zh}`) };
  }
  const name = baseName(fileName);
  const s = split(name, rows);
  if (!s.ok) return s;
  return { ok: true, table: s.table, sheets: [name], format: src.format };
}

/**
 * Read an orders file from its bytes. `fileName` names the file in messages and (for a text file)
 * the sheet; the format is taken from the content. `opts.sheet` picks a workbook's sheet (an error
 * for a text file, which has one table).
 */
export function readOrdersBytes(bytes: Uint8Array, fileName: string, opts: { sheet?: string } = {}): ReadResult {
  return readSource(bytes, fileName, sourceOf(bytes, fileName, opts), opts);
}

export type ReadAllResult = (Extract<ReadResult, { ok: true }> & { others: SourceTable[] }) | { ok: false; error: Text };

/**
 * Every sheet of an orders file, a workbook parsed once: what readOrdersBytes gives for its first
 * sheet (or its error), plus `others`, the tables of the other sheets that can be read (in order;
 * an empty sheet is left out). A text file has no others.
 */
export function readOrdersBytesAll(bytes: Uint8Array, fileName: string): ReadAllResult {
  const src = sourceOf(bytes, fileName, {});
  if (!src.ok || isText(src)) {
    const r = readSource(bytes, fileName, src, {});
    return r.ok ? { ...r, others: [] } : r;
  }
  const p = parseWorkbook(bytes, fileName, src.format);
  if (!p.ok) return p;
  const first = readSheet(p);
  if (!first.ok) return first;
  const others: SourceTable[] = [];
  for (const name of p.names.slice(1)) {
    const r = readSheet(p, name);
    if (r.ok) others.push(r.table);
  }
  return { ...first, others };
}

// ── chunked reading (large CSV files) ───────────────────────────────────────────────────────────

/** One chunk of data rows, or the error that stopped the reading (a bad quote further down the file). */
export type RowChunk = { rows: unknown[][]; firstDataRowIndex: number; /** Share of the file read so far (0–1), for a progress bar. Additive. */ fraction?: number } | { error: Text };

export type ChunkedRead =
  | {
      ok: true;
      sheet: string;
      sheets: string[];
      header: unknown[];
      /** 1-based sheet row of the header. */
      headerRow: number;
      /**
       * The first rows of the sheet (index = sheet row − 1; of a CSV, its first 200 records), header
       * included: enough to pick another header row (the CLI's --map) without reading the file again.
       */
      headRows: unknown[][];
      notes?: Text[];
      format?: FileFormat;
      /**
       * The data rows after sheet row `afterRow` (default: the header row), `chunkRows` at a time
       * (firstDataRowIndex: 0-based index among those rows, as AuditSession.push takes it). A CSV
       * is decoded and parsed one window of the file at a time, so a 1,000,000-row file is never
       * held as rows, nor as one decoded text; a workbook is sliced after SheetJS read it. Each
       * call reads from the start again.
       */
      chunks(afterRow?: number): Generator<RowChunk, void, void>;
    }
  | { ok: false; error: Text };

/**
 * End offsets of slices of `text` holding `rows` records each, cut only at a line break outside
 * quotes (the same quote rule as the parser: a quote opens only at the start of a cell), with the
 * 1-based line each slice starts on. (The csv-parse path, for text the fast path declines.)
 */
function* csvSlices(text: string, sep: string, rows: number, from = 0, firstLine = 1): Generator<{ text: string; line: number }> {
  let start = from;
  let line = firstLine;
  let startLine = firstLine;
  let quoted = false;
  let cellStart = true;
  let records = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      } else if (c === 10) line++;
      continue;
    }
    if (c === 34 && cellStart) {
      quoted = true;
      cellStart = false;
      continue;
    }
    cellStart = c === sep.charCodeAt(0) || c === 10 || c === 13;
    if (c === 10) {
      line++;
      if (++records >= rows) {
        yield { text: text.slice(start, i + 1), line: startLine };
        start = i + 1;
        startLine = line;
        records = 0;
      }
    }
  }
  if (start < text.length) yield { text: text.slice(start), line: startLine };
}

/** Bytes of a UTF-8 file decoded per window (cut after a line break, never inside a character). */
const WINDOW_BYTES = 1 << 21;

/**
 * The records of a CSV from its start, in batches of at most `batch`, or an error (then nothing
 * follows). UTF-8 (`text` undefined) is decoded one window at a time; other encodings come decoded
 * whole as `text`. Well-formed text goes through the fast path; from the first record it declines,
 * csv-parse reads the rest (and names the line of any error).
 */
function* csvRecords(bytes: Uint8Array, text: string | undefined, sep: string, batch: number, progress?: { fraction: number }): Generator<string[][] | { error: CsvReadError }, void, void> {
  const st: CsvEol = { eol: 0 };
  const decoder = new TextDecoder('utf-8');
  let pos = text === undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let whole = text;
  let carry = '';
  let line = 1;
  for (;;) {
    let t: string;
    let final: boolean;
    if (whole !== undefined) {
      t = whole;
      whole = undefined;
      pos = bytes.length;
      final = true;
    } else if (text === undefined && pos < bytes.length) {
      let end = Math.min(bytes.length, pos + WINDOW_BYTES);
      if (end < bytes.length) {
        const k = bytes.lastIndexOf(10, end - 1);
        const k2 = k >= pos ? k : bytes.indexOf(10, end);
        end = k2 < 0 ? bytes.length : k2 + 1;
      }
      t = carry + decoder.decode(bytes.subarray(pos, end));
      pos = end;
      final = pos >= bytes.length;
      if (progress) progress.fraction = pos / bytes.length;
    } else return;
    let from = 0;
    for (;;) {
      const rows: string[][] = [];
      const r = fastRecords(t, from, sep, st, batch, final, rows);
      line += r.lines;
      from = r.end;
      if (rows.length) yield rows;
      if (r.bail) {
        // csv-parse from this record on: the rest of this window and of the file.
        const rest = t.slice(from) + (text === undefined && pos < bytes.length ? decoder.decode(bytes.subarray(pos)) : '');
        for (const slice of csvSlices(rest, sep, batch, 0, line)) {
          try {
            yield strictCsv(slice.text, sep, slice.line);
          } catch (e) {
            yield { error: e instanceof CsvReadError ? e : new CsvReadError(undefined, L(why(e), why(e))) };
            return;
          }
        }
        return;
      }
      if (rows.length < batch || from >= t.length) break;
    }
    if (final) return;
    carry = t.slice(from);
  }
}

/** A table read whole (a workbook; a CSV the simple path read), served as chunks. */
function chunkedTable(r: Extract<ReadResult, { ok: true }>, size: number): ChunkedRead {
  const { table } = r;
  const all = table.sheetRows ?? [...Array.from({ length: table.headerRow - 1 }, () => []), table.header, ...table.rows];
  return {
    ok: true, sheet: table.sheet, sheets: r.sheets, header: table.header, headerRow: table.headerRow, headRows: all.slice(0, 200), ...(r.notes ? { notes: r.notes } : {}), format: r.format,
    *chunks(afterRow = table.headerRow) {
      const rows = afterRow === table.headerRow ? table.rows : all.slice(afterRow);
      for (let i = 0; i < rows.length; i += size) yield { rows: rows.slice(i, i + size), firstDataRowIndex: i, fraction: Math.min(1, (i + size) / rows.length) };
    },
  };
}

/**
 * Read an orders file in chunks of data rows (see ChunkedRead). The header is found as
 * readOrdersBytes finds it (among the first rows); errors before the header are `ok: false`, a
 * bad quote further down comes as a chunk `{ error }` naming its line, after which nothing follows.
 */
export function readOrdersChunked(bytes: Uint8Array, fileName: string, opts: { sheet?: string; chunkRows?: number } = {}): ChunkedRead {
  const size = Math.max(1, Math.floor(opts.chunkRows ?? 5_000));
  const src = sourceOf(bytes, fileName, opts);
  if (!src.ok) return src;
  if (!isText(src)) {
    const r = readSource(bytes, fileName, src, opts);
    return r.ok ? chunkedTable(r, size) : r;
  }
  // UTF-8 is decoded a window at a time; UTF-16 and GB18030 whole (TextDecoder has no cut-safe windows for them here).
  const { format, text } = src;
  const utf8 = text === undefined;
  const named = (t: Text) => L(`${fileName}: ${t.en}`, `${fileName}：${t.zh}`);
  // The separator from the first line; the head: the first 200 records (findHeaderRow scans 20 non-empty rows).
  const firstLine = utf8 ? new TextDecoder('utf-8').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 16))).replace(/^\ufeff/, '') : (text as string).slice(0, 1 << 16);
  const sep = detectSeparator(firstLine);
  const head: string[][] = [];
  let complete = true;
  for (const b of csvRecords(bytes, text, sep, 200)) {
    if ('error' in b) return { ok: false, error: named(b.error.text) };
    for (const row of b) {
      if (head.length >= 200) {
        complete = false;
        break;
      }
      head.push(row);
    }
    if (head.length >= 200) {
      complete = false;
      break;
    }
  }
  const name = baseName(fileName);
  const h = findHeaderRow(head);
  if (h < 0 && complete) return emptySheet(name);
  if (h < 0) {
    // 200 blank records first: the simple path decides.
    const r = readSource(bytes, fileName, src, opts);
    return r.ok ? chunkedTable(r, size) : r;
  }
  return {
    ok: true, sheet: name, sheets: [name], header: head[h], headerRow: h + 1, headRows: head, format,
    *chunks(afterRow = h + 1) {
      let rec = 0;
      let index = 0;
      let pending: unknown[][] = [];
      const progress = { fraction: 1 };
      for (const b of csvRecords(bytes, text, sep, size, text === undefined ? progress : undefined)) {
        if ('error' in b) {
          yield { error: named(b.error.text) };
          return;
        }
        let rows: unknown[][] = b;
        if (rec < afterRow) {
          const skip = Math.min(afterRow - rec, rows.length);
          rec += skip;
          if (skip) rows = rows.slice(skip);
        }
        rec += rows.length;
        if (!rows.length) continue;
        pending = pending.length ? pending.concat(rows) : rows;
        while (pending.length >= size) {
          yield { rows: pending.length === size ? pending : pending.slice(0, size), firstDataRowIndex: index, fraction: progress.fraction };
          index += size;
          pending = pending.length === size ? [] : pending.slice(size);
        }
      }
      if (pending.length) yield { rows: pending, firstDataRowIndex: index, fraction: 1 };
    },
  };
}
