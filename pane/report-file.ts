/**
 * The report workbook built in the browser (SheetJS): the same sheets as the CLI's report — Findings,
 * Summary, Weekly (names in the report's language) with money and percent formats and column
 * widths — plus the About sheet, whose rows, name, number formats and the file's name are the CLI's
 * (core/audit/about.ts). SheetJS (community edition) writes no charts: the Weekly sheet holds the
 * chart's data, and the About sheet says so.
 */
import * as XLSX from '@e965/xlsx';
import { MONEY_FORMAT, PERCENT_FORMAT, aboutRows, aboutSheetName, reportFileName as fileNameOf, type AboutInput } from '../core/audit/about';

export interface ReportSheet {
  name: string;
  table: unknown[][];
  moneyColumns?: number[];
  percentColumns?: number[];
}

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\ ; unique (case-insensitive). */
function sheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 3)} (${i})`;
  taken.add(n.toLowerCase());
  return n;
}

/**
 * A cell's value for SheetJS; null leaves the cell out (blank, as the CLI's report), never an empty
 * text. Not file-host.ts's safe() on purpose: the host contract's blank is '', a report's is no cell.
 */
function cellOf(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (v instanceof Date || typeof v === 'object') return String(v);
  return v;
}

function worksheet(s: ReportSheet): XLSX.WorkSheet {
  const rows = s.table.map((r) => (Array.isArray(r) ? r.map(cellOf) : []));
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const fmt = new Map<number, string>([...(s.moneyColumns ?? []).map((c) => [c, MONEY_FORMAT] as const), ...(s.percentColumns ?? []).map((c) => [c, PERCENT_FORMAT] as const)]);
  if (fmt.size) {
    for (let r = 1; r < rows.length; r++) {
      for (const [c, z] of fmt) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell && cell.t === 'n') cell.z = z;
      }
    }
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  ws['!cols'] = Array.from({ length: width }, (_, c) => {
    let w = 8;
    for (let r = 0; r < Math.min(rows.length, 200); r++) w = Math.max(w, Math.min(80, [...String(rows[r][c] ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2));
    return { wch: w };
  });
  return ws;
}

/** The report as .xlsx bytes: `sheets`, then the About sheet `about` describes (core/audit/about.ts). */
export function reportWorkbook(sheets: ReportSheet[], about: AboutInput): Uint8Array {
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, worksheet(s), sheetName(s.name, taken));
  const name = aboutSheetName(about.lang);
  XLSX.utils.book_append_sheet(wb, worksheet({ name, table: aboutRows(about) }), sheetName(name, taken));
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** One sheet as .xlsx bytes (the rate card the browser app offers for editing). */
export function singleSheetWorkbook(name: string, table: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, worksheet({ name, table }), sheetName(name, new Set()));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** The CLI's report name (core/audit/about.ts) for a file name, with or without a folder: C:\exports\orders.csv → orders-csv-audit.xlsx. */
export function reportFileName(input: string): string {
  return fileNameOf(input.replace(/^.*[/\\]/, ''));
}
