/**
 * Reading an orders export from its bytes (no fs: the browser app, the panes' "open a file" and the
 * CLI share it). .xlsx / .xlsm / .xls / .ods via SheetJS (@e965/xlsx); .csv / .txt / .tsv decoded as
 * UTF-8 (BOM stripped) when valid, else GB18030 (a superset of GBK, as Chinese Excel saves CSV), and
 * split by a small RFC 4180 parser. CSV cells stay text: a 16-digit order id must not become a float;
 * workbook dates arrive as serial numbers (what the Excel host delivers too), read by the core's toDate.
 *
 * NOTE (h11): a minimal, self-contained version with the agreed signature; the issue-9 version
 * (all encodings, csv-parse) replaces this file at merge.
 */
import * as XLSX from '@e965/xlsx';
import { findHeaderRow } from '../audit/columns';
import { L, type Text } from '../text';

export interface SourceTable {
  sheet: string;
  header: unknown[];
  rows: unknown[][];
  /** 1-based row of the header in the sheet. */
  headerRow: number;
  /** Every row of the sheet (index = sheet row − 1), for picking another header row (--map). */
  sheetRows?: unknown[][];
}

export type ReadResult = { ok: true; table: SourceTable; sheets: string[] } | { ok: false; error: Text };

/** Bytes → text: UTF-8 (BOM stripped) when valid, else GB18030 (a superset of GBK). */
export function decodeText(buf: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** Comma, semicolon (European Excel) or tab: whichever the first line has most of, outside quotes. */
function detectSeparator(text: string): string {
  const nl = text.search(/\r?\n/);
  const first = (nl < 0 ? text : text.slice(0, nl)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((s) => [s, first.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
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

function split(sheet: string, all: unknown[][], sheets: string[]): ReadResult {
  const h = findHeaderRow(all);
  if (h < 0) return { ok: false, error: L(`sheet "${sheet}" is empty`, `工作表“${sheet}”是空的`) };
  return { ok: true, table: { sheet, header: all[h], rows: all.slice(h + 1), headerRow: h + 1, sheetRows: all }, sheets };
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
const extOf = (name: string) => {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? `.${m[1].toLowerCase()}` : '';
};
const baseOf = (name: string) => name.replace(/^.*[/\\]/, '');

/** Read an orders export (the first sheet, or opts.sheet) from its bytes; fileName gives the type. */
export function readOrdersBytes(bytes: Uint8Array, fileName: string, opts: { sheet?: string } = {}): ReadResult {
  const ext = extOf(fileName);
  const base = baseOf(fileName);
  if (!(bytes instanceof Uint8Array)) return { ok: false, error: L(`cannot read ${base}: no file content`, `无法读取 ${base}：没有文件内容`) };
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    if (opts.sheet) return { ok: false, error: L('--sheet applies to workbooks only; a CSV file has one table', '--sheet 仅适用于工作簿；CSV 文件只有一个表') };
    if (bytes.includes(0)) return { ok: false, error: L(`${base} is not a text CSV file (it contains binary data)`, `${base} 不是文本 CSV 文件（含有二进制数据）`) };
    const name = base.slice(0, base.length - ext.length);
    return split(name, parseCsv(decodeText(bytes)), [name]);
  }
  if (!['.xlsx', '.xlsm', '.xls', '.ods'].includes(ext)) {
    return { ok: false, error: L(`unsupported file type "${ext || '(none)'}": give an .xlsx, .xls or .csv file`, `不支持的文件类型“${ext || '（无）'}”：请提供 .xlsx、.xls 或 .csv 文件`) };
  }
  // SheetJS reads almost any bytes as text: check the container first. .xlsx/.xlsm/.ods are ZIP
  // files; an .xls is an OLE file, or (as many ERPs export it) HTML / XML text.
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const text = !bytes.subarray(0, 512).includes(0);
  if (ext === '.xls' ? !(ole || zip || text) : !zip) {
    return { ok: false, error: L(`${base} is not a readable workbook (damaged, or another kind of file renamed to ${ext}?)`, `${base} 不是可读取的工作簿（文件损坏，或是其他类型的文件改成了 ${ext}？）`) };
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: false, cellNF: false, cellStyles: false, dense: true });
  } catch (e) {
    return { ok: false, error: L(`${base} is not a readable workbook (damaged or truncated?): ${why(e)}`, `${base} 不是可读取的工作簿（文件损坏或不完整？）：${why(e)}`) };
  }
  const names = wb.SheetNames.slice();
  if (!names.length) return { ok: false, error: L('the workbook has no sheets', '工作簿中没有工作表') };
  const name = opts.sheet ? names.find((n) => n === opts.sheet) ?? names.find((n) => n.toLowerCase() === opts.sheet!.toLowerCase()) : names[0];
  if (!name) return { ok: false, error: L(`no sheet named "${opts.sheet}"; the workbook has: ${names.join(', ')}`, `没有名为“${opts.sheet}”的工作表；工作簿中有：${names.join('、')}`) };
  const ws = wb.Sheets[name];
  let all: unknown[][] = [];
  if (ws && ws['!ref']) {
    // From A1, so that row i is sheet row i + 1 (the header row number the messages give).
    const range = XLSX.utils.decode_range(ws['!ref']);
    range.s.r = 0;
    range.s.c = 0;
    all = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true, range }) as unknown[][];
  }
  // Error cells (#N/A) arrive as their text, like the CLI's reader.
  return split(name, all, names);
}
