/**
 * Where a table starts in a sheet, shared by the sidebar (which finds it) and the server (which reads
 * it). Issue 12: header detection (core/audit/columns.ts, every header synonym in two languages) runs
 * in the sidebar's browser JS, not in the script Sheets loads for every formula cell. The server only
 * scans the first rows of each sheet (scanSources) and later reads by the geometry the id carries.
 */
import { columnLetter, findHeaderRow } from '../core/audit/columns';
import type { SourceInfo } from '../pane/host';

/** How many rows, and columns at most, are scanned to find where a table starts. */
export const SCAN_ROWS = 50;
export const SCAN_COLUMNS = 1000;

/** One sheet as the server scanned it: its first rows (JSON-safe cells) and its used extent. */
export interface SourceScan {
  sheetId: number;
  name: string;
  lastRow: number;
  lastColumn: number;
  /** Rows 1…min(SCAN_ROWS, lastRow), columns 1…min(SCAN_COLUMNS, lastColumn). */
  rows: unknown[][];
}

/** Where the table is: 1-based header row and left column, and its width. */
export interface Geometry {
  sheetId: number;
  headerRow: number;
  left: number;
  columns: number;
}

const PREFIX = 'sheet:';
const ID_RE = /^sheet:(-?\d+):(\d+):(\d+):(\d+)$/;

/** Source ids carry the geometry: "sheet:<sheetId>:<headerRow>:<left>:<columns>". */
export const sourceId = (g: Geometry): string => `${PREFIX}${g.sheetId}:${g.headerRow}:${g.left}:${g.columns}`;

export function parseSourceId(id: unknown): Geometry | undefined {
  const m = ID_RE.exec(String(id));
  return m ? { sheetId: Number(m[1]), headerRow: Number(m[2]), left: Number(m[3]), columns: Number(m[4]) } : undefined;
}

/** The sheet id at the start of a source id (also for ids of another shape), else undefined. */
export const sheetIdOf = (id: unknown): string | undefined => /^sheet:(-?\d+):/.exec(String(id ?? ''))?.[1];

const isBlank = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * The table of a scanned sheet: the header is the row naming the order id among the first non-empty
 * rows (a title row above it is skipped), else the first non-empty row; the left edge is the first
 * non-empty column from the header down. Undefined for an empty sheet.
 */
export function sourceFromScan(s: SourceScan): SourceInfo | undefined {
  if (!(s.lastRow >= 1 && s.lastColumn >= 1) || !Array.isArray(s.rows)) return undefined;
  const k = findHeaderRow(s.rows);
  if (k < 0) return undefined;
  let left = s.lastColumn + 1;
  for (let r = k; r < s.rows.length; r++) {
    const row = s.rows[r];
    const c = Array.isArray(row) ? row.findIndex((v) => !isBlank(v)) : -1;
    if (c >= 0) left = Math.min(left, c + 1);
  }
  const g: Geometry = { sheetId: s.sheetId, headerRow: k + 1, left, columns: s.lastColumn - left + 1 };
  const a1 = `${columnLetter(g.left - 1)}${g.headerRow}:${columnLetter(s.lastColumn - 1)}${s.lastRow}`;
  return { id: sourceId(g), label: `${s.name} (${a1})`, rows: s.lastRow - g.headerRow, columns: g.columns, headerRow: g.headerRow };
}
