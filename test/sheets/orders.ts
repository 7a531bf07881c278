/** The sample orders (examples/orders.csv) as a Google Sheet would hold them: Dates, numbers, text. */
import { readFileSync } from 'node:fs';
import { interpret, type CellValue } from './fake-spreadsheet';
import { decodeText, parseCsv } from '../../cli/read';

export const SHEET_TZ_OFFSET = 8 * 3_600_000; // Asia/Shanghai

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** Columns that stay text (ids), as a seller formats them before pasting. */
const TEXT_COLUMNS = new Set(['订单号', '运单号', '面单号']);

/** One cell as Sheets stores it: date text → Date (the sheet's wall clock in Shanghai), numbers → numbers. */
export function sheetCell(v: string, column: string): CellValue {
  if (TEXT_COLUMNS.has(column)) return v;
  const m = DATE_TEXT.exec(v.trim());
  if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) - SHEET_TZ_OFFSET);
  return interpret(v).value;
}

export function sampleOrders(): { header: string[]; rows: CellValue[][] } {
  const [header, ...rows] = parseCsv(decodeText(readFileSync('examples/orders.csv'))).filter((r) => r.some((c) => c !== ''));
  return { header, rows: rows.map((r) => header.map((h, c) => sheetCell(r[c] ?? '', h))) };
}

export const expectedAudit = () =>
  JSON.parse(readFileSync('examples/orders.expected.json', 'utf8')) as { now: string; rows: number; rowsAffected: number; counts: Record<string, number>; totals: { giftFeesCny: number; penaltiesUsd: number } };

/** `n` rows made of the sample repeated, with unique order ids. */
export function bigOrders(n: number): { header: string[]; rows: CellValue[][] } {
  const { header, rows } = sampleOrders();
  const out: CellValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i % rows.length].slice();
    r[0] = String(8100000000000000 + i);
    out[i] = r;
  }
  return { header, rows: out };
}
