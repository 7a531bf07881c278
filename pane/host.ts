/**
 * CONTRACT: the small host interface the one audit UI (pane/) runs over. Excel implements it with
 * Excel.run and chunked ranges, Sheets with google.script.run calls to server functions, tests and the
 * local demo with an in-memory workbook. See DESIGN.md "One audit UI, several hosts".
 */
import type { AuditReport, ChartSpec } from '../core/audit/types';
import type { Lang } from '../core/text';

export interface SourceInfo {
  /** Opaque id the host understands (table name, sheet name, …). */
  id: string;
  /** What the user sees, e.g. "Table Orders (Sheet1!A1:P5001)" or "Sheet1 (used range)". */
  label: string;
  /** Data rows (excluding the header) and columns. */
  rows: number;
  columns: number;
  /** 1-based sheet row of the header. */
  headerRow: number;
}

export interface WriteOptions {
  /** 1-based data rows of `table` (excluding its header) to highlight as bad. */
  highlightRows?: number[];
  /** Format these 0-based columns as money (#,##0.00). */
  moneyColumns?: number[];
  /** Format these 0-based columns as percentages (0.0%); their cells hold fractions (0.125 → 12.5%). */
  percentColumns?: number[];
  onProgress?: (done: number, total: number) => void;
}

/** A sheet the user can pick a rate card from (listSheets). */
export interface SheetChoice {
  /** Opaque id the host understands (readSheet). */
  id: string;
  /** The sheet's name as the user sees it. */
  name: string;
  /** Made by "Insert rate card" (offered first; such sheets are never audit sources). */
  rateCard?: boolean;
}

/** The used range of a sheet, JSON-safe (dates as wall-clock ISO text or serial numbers). */
export interface SheetValues {
  /** 1-based sheet row of values[0] and 1-based sheet column of values[r][0]. */
  top: number;
  left: number;
  values: unknown[][];
}

export interface AuditHost {
  /** UI language from the host (Office display language, Sheets user locale). */
  lang(): Lang;
  /** Tables and used ranges the user can audit; the active one first. */
  listSources(): Promise<SourceInfo[]>;
  readHeader(sourceId: string): Promise<unknown[]>;
  /** Data rows [start, start + count) (0-based, header excluded); cells JSON-safe (dates as serial numbers or ISO text). */
  readRows(sourceId: string, start: number, count: number): Promise<unknown[][]>;
  /**
   * Create or replace one of the add-in's output sheets (never a user's sheet, never the source).
   * When a user's sheet already has `name`, the host writes to a fresh name ("Findings (2)") and may
   * resolve to the name it actually used (the pane then points the chart and its messages there).
   */
  writeSheet(name: string, table: unknown[][], opts?: WriteOptions): Promise<string | void>;
  /**
   * Optional: a finished audit is about to be written (writeSheet for each output sheet, then
   * addChart). `lang` is the report's language (the pane's when Run was pressed; the sheets' names and
   * texts are in it). A host that writes a report file (the browser app, pane/file-host.ts) starts a
   * new one here, in `lang`, and describes `report` on its About sheet.
   */
  beginReport?(run: { report: AuditReport; lang: Lang }): void;
  addChart(spec: ChartSpec): Promise<void>;
  /**
   * Insert the built-in rate card as an editable sheet (a new sheet; never overwrites). `name` is the
   * sheet name in the pane's language ("AE Rate Card" / "AE 费率卡"); "(2)"… is added when taken.
   */
  insertRateCard(table: unknown[][], name?: string): Promise<string>;
  /**
   * "Now" as wall-clock ms (the clock the user reads, as UTC ms, like every time in the core): the
   * local clock in Excel, the spreadsheet's time zone in Sheets. Optional: without it the pane uses
   * the browser's local wall clock (localWallNow).
   */
  now?(): Promise<number>;
  /**
   * Sheets a rate card can be read from: every sheet except the add-in's output sheets, the ones
   * made by insertRateCard first. Optional (with readSheet): without them the pane offers only the
   * built-in card.
   */
  listSheets?(): Promise<SheetChoice[]>;
  /** The used range of one sheet from listSheets (only read, never changed). */
  readSheet?(id: string): Promise<SheetValues>;
  /**
   * Optional: audit a file the user chose or dropped (.xlsx/.xls/.csv) without pasting it into the
   * workbook (pane/file-host.ts). Its sheets become sources; resolves to the first one's id; rejects
   * with a bilingual Text when the file cannot be read. With it the pane shows a file chooser.
   */
  openFile?(fileName: string, bytes: Uint8Array): Promise<string>;
  /**
   * Optional: the last run's report as one workbook file (the browser app, which has no workbook to
   * write into). With it the pane offers "Download report" after a run.
   */
  reportFile?(): { name: string; bytes: Uint8Array } | undefined;
}
