/**
 * The report workbook built in the browser, by the CLI's writer (core/report/xlsx-writer.ts, into
 * memory): the same sheets as the CLI's report — Findings, Summary, Weekly with the weekly chart as an
 * image beside its table (names in the report's language), the same column widths, styles, money and
 * percent formats, frozen header and filter (core/report/sheets.ts) — and the About sheet, whose
 * rows, name and the file's name are the CLI's (core/audit/about.ts).
 */
import { aboutRows, aboutSheetName, reportFileName as fileNameOf, type AboutInput } from '../core/audit/about';
import type { ChartSpec } from '../core/audit/types';
import { REPORT_WIDTHS, findingCellStyle, summaryRowStyle, weeklySheet } from '../core/report/sheets';
import { concatBytes } from '../core/report/bytes';
import { STYLE, XlsxWriter, type SheetSpec } from '../core/report/xlsx-writer';

export interface ReportSheet {
  name: string;
  table: unknown[][];
  /** Which report sheet it is (its layout); other sheets get widths from their content. */
  kind?: 'findings' | 'summary' | 'weekly';
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

/** Column widths from the first 200 rows' text (a CJK character counts twice), 8 to 80. */
function contentWidths(table: readonly (readonly unknown[])[]): number[] {
  const width = Math.max(0, ...table.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => {
    let w = 8;
    for (let r = 0; r < Math.min(table.length, 200); r++) w = Math.max(w, Math.min(80, [...String(table[r][c] ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2));
    return w;
  });
}

/** An in-memory workbook: write with `wb`, then bytes(). */
function inMemory(meta: { creator: string; created?: Date }) {
  const parts: Uint8Array[] = [];
  const wb = new XlsxWriter({ write: (chunk) => void parts.push(chunk) }, meta);
  return { wb, bytes: () => concatBytes(parts) };
}

function writeSheet(wb: XlsxWriter, name: string, s: ReportSheet, chart: ChartSpec | undefined, lang: AboutInput['lang']) {
  const formats = { moneyColumns: s.moneyColumns, percentColumns: s.percentColumns };
  const table = s.table;
  if (s.kind === 'weekly') {
    const weekly = chart ? weeklySheet(table, chart, lang) : { rows: table };
    const spec: SheetSpec = { name, widths: REPORT_WIDTHS.weekly, frozenHeader: true, ...formats, ...(weekly.image ? { image: weekly.image } : {}) };
    const ws = wb.sheet(spec);
    weekly.rows.forEach((row, i) => ws.row(row, i === 0 ? STYLE.bold : STYLE.normal));
    ws.end();
  } else if (s.kind === 'summary') {
    const ws = wb.sheet({ name, widths: REPORT_WIDTHS.summary, ...formats });
    table.forEach((row, i) => ws.row(row, summaryRowStyle(table, i)));
    ws.end();
  } else if (s.kind === 'findings') {
    const ws = wb.sheet({ name, widths: REPORT_WIDTHS.findings, frozenHeader: true, filter: true, ...formats });
    const red = findingCellStyle(lang);
    table.forEach((row, i) => (i === 0 ? ws.row(row, STYLE.bold) : ws.row(row, STYLE.normal, red)));
    ws.end();
  } else {
    const ws = wb.sheet({ name, widths: contentWidths(table), frozenHeader: true, ...formats });
    table.forEach((row, i) => ws.row(row, i === 0 ? STYLE.bold : STYLE.normal));
    ws.end();
  }
}

/**
 * The report as .xlsx bytes: `sheets`, the weekly `chart` drawn beside the Weekly sheet's table, then
 * the About sheet `about` describes (core/audit/about.ts).
 */
export function reportWorkbook(sheets: ReportSheet[], about: AboutInput, chart?: ChartSpec): Uint8Array {
  const { wb, bytes } = inMemory({ creator: `AE Seller Rules${about.writer.version ? ` ${about.writer.version}` : ''}`, created: about.now });
  const taken = new Set<string>();
  for (const s of sheets) writeSheet(wb, sheetName(s.name, taken), s, chart, about.lang);
  const info = wb.sheet({ name: sheetName(aboutSheetName(about.lang), taken), widths: REPORT_WIDTHS.about });
  for (const r of aboutRows(about)) info.row(r);
  info.end();
  wb.close();
  return bytes();
}

/** One sheet as .xlsx bytes (the rate card the browser app offers for editing). */
export function singleSheetWorkbook(name: string, table: unknown[][]): Uint8Array {
  const { wb, bytes } = inMemory({ creator: 'AE Seller Rules' });
  writeSheet(wb, sheetName(name, new Set()), { name, table }, undefined, 'en');
  wb.close();
  return bytes();
}

/** The CLI's report name (core/audit/about.ts) for a file name, with or without a folder: C:\exports\orders.csv → orders-csv-audit.xlsx. */
export function reportFileName(input: string): string {
  return fileNameOf(input.replace(/^.*[/\\]/, ''));
}
