/**
 * Audit a file without pasting it into a workbook: the "open a file" source of the one audit pane.
 *
 *  - withFileSources(inner): any host (Excel, Sheets) plus files the user opens in the pane. The
 *    files' sheets are listed first as sources ("orders.csv", "orders.xlsx › Sheet1") and read from
 *    memory; everything else — the output sheets, the chart, the rate card — goes to `inner`.
 *  - createFileHost(): the browser app's host. No workbook at all: sources are the opened files, the
 *    output sheets are kept in memory and offered as one report workbook (reportFile(), the same
 *    sheets as the CLI's report), the rate card is offered as a workbook to download and edit.
 *
 * Files are read with core/io/read (readOrdersBytesAll: a workbook is parsed once for all its sheets):
 * .xlsx/.xls/.csv as the CLI reads them. Rows are handed out as JSON-safe copies, like every host:
 * nothing can change what was read.
 */
import type { AboutInput } from '../core/audit/about';
import { RATE_CARD_SHEET, outputSheetName, type ChartSpec } from '../core/audit/types';
import { readOrdersBytesAll, type SourceTable } from '../core/io/read';
import { L, type Lang, type Text } from '../core/text';
import { jsonCell } from './cells';
import type { AuditHost, SheetChoice, SheetValues, SourceInfo, WriteOptions } from './host';
import { reportFileName, reportWorkbook, singleSheetWorkbook } from './report-file';

const FILE_PREFIX = 'file:';

interface OpenSheet {
  id: string;
  fileName: string;
  label: string;
  table: SourceTable;
  columns: number;
}

const isBlankRow = (r: unknown[] | undefined) => !r || r.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));

/** The files opened in a pane, by source id. */
export class FileSources {
  private sheets: OpenSheet[] = [];
  private seq = 0;

  /**
   * Read a file; every readable sheet becomes a source (a file opened again replaces its earlier
   * sources). Resolves to the first new source id; rejects with a bilingual Text when nothing in the
   * file can be read.
   */
  open(fileName: string, bytes: Uint8Array): string {
    // Every sheet from one parse of the workbook.
    const first = readOrdersBytesAll(bytes, fileName);
    // The reader's messages mostly name the file already: say it once.
    if (!first.ok) throw first.error.en.includes(fileName) ? first.error : L(`${fileName}: ${first.error.en}`, `${fileName}：${first.error.zh}`);
    const tables: SourceTable[] = [first.table, ...first.others];
    const n = ++this.seq;
    const multi = first.sheets.length > 1 || !/\.(csv|txt|tsv)$/i.test(fileName);
    const added = tables.map((table, i): OpenSheet => {
      // Drop trailing empty rows (a formatted but empty tail is not data).
      let end = table.rows.length;
      while (end > 0 && isBlankRow(table.rows[end - 1] as unknown[])) end--;
      const rows = table.rows.slice(0, end);
      const columns = Math.max(table.header.length, ...rows.slice(0, 1000).map((r) => (Array.isArray(r) ? r.length : 0)));
      return { id: `${FILE_PREFIX}${n}:${i}`, fileName, label: multi ? `${fileName} › ${table.sheet}` : fileName, table: { ...table, rows }, columns };
    });
    this.sheets = [...added, ...this.sheets.filter((s) => s.fileName !== fileName)];
    return added[0].id;
  }

  has(id: string): boolean {
    return id.startsWith(FILE_PREFIX);
  }

  private get(id: string, lang: Lang): OpenSheet {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw L(`That file is no longer open (${id}). Open it again.`, `该文件已关闭（${id}），请重新打开。`);
    return s;
  }

  sources(): SourceInfo[] {
    return this.sheets.map((s) => ({ id: s.id, label: s.label, rows: s.table.rows.length, columns: s.columns, headerRow: s.table.headerRow }));
  }

  header(id: string, lang: Lang): unknown[] {
    const s = this.get(id, lang);
    const out = new Array(s.columns);
    for (let c = 0; c < s.columns; c++) out[c] = jsonCell(s.table.header[c]);
    return out;
  }

  rows(id: string, start: number, count: number, lang: Lang): unknown[][] {
    if (!Number.isInteger(start) || start < 0 || !Number.isInteger(count) || count < 0) throw new Error(`readRows: bad range start=${start} count=${count}`);
    const s = this.get(id, lang);
    return s.table.rows.slice(start, start + count).map((r) => {
      const row = new Array(s.columns);
      for (let c = 0; c < s.columns; c++) row[c] = jsonCell(Array.isArray(r) ? r[c] : undefined);
      return row;
    });
  }

  /** Sheets of the opened files a rate card can be read from. */
  choices(): SheetChoice[] {
    return this.sheets.map((s) => ({ id: s.id, name: s.label }));
  }

  values(id: string, lang: Lang): SheetValues {
    const s = this.get(id, lang);
    const all = s.table.sheetRows ?? [s.table.header, ...s.table.rows];
    return { top: 1, left: 1, values: all.map((r) => (Array.isArray(r) ? r.map(jsonCell) : [])) };
  }

  /** The file a source came from (for the report's name). */
  fileOf(id: string): string | undefined {
    return this.sheets.find((x) => x.id === id)?.fileName;
  }
  sheetOf(id: string): string | undefined {
    return this.sheets.find((x) => x.id === id)?.table.sheet;
  }
}

export interface FileCapable {
  /** Read a file the user chose or dropped; resolves to the id of its first source. */
  openFile(fileName: string, bytes: Uint8Array): Promise<string>;
}

/** Let the pane paint "Reading the file…" before a big workbook is parsed. */
const paint = () => new Promise<void>((r) => setTimeout(r, 0));

/** `inner` plus files opened in the pane (Excel task pane, Sheets sidebar). */
export function withFileSources<H extends AuditHost>(inner: H): AuditHost & FileCapable {
  const files = new FileSources();
  const lang = () => inner.lang();
  const host: AuditHost & FileCapable = {
    lang: () => inner.lang(),
    openFile: async (name, bytes) => {
      await paint();
      return files.open(name, bytes);
    },
    listSources: async () => [...files.sources(), ...(await inner.listSources())],
    readHeader: async (id) => (files.has(id) ? files.header(id, lang()) : inner.readHeader(id)),
    readRows: async (id, start, count) => (files.has(id) ? files.rows(id, start, count, lang()) : inner.readRows(id, start, count)),
    writeSheet: (name, table, opts) => inner.writeSheet(name, table, opts),
    addChart: (spec) => inner.addChart(spec),
    insertRateCard: (table, name) => inner.insertRateCard(table, name),
  };
  if (inner.now) host.now = () => inner.now!();
  if (inner.beginReport) host.beginReport = (run) => inner.beginReport!(run);
  if (inner.listSheets && inner.readSheet) {
    host.listSheets = async () => [...(await inner.listSheets!()), ...files.choices()];
    host.readSheet = async (id) => (files.has(id) ? files.values(id, lang()) : inner.readSheet!(id));
  }
  return host;
}

export interface FileHostOptions {
  /** UI language (default: the browser's). */
  lang?: Lang;
  /** Offer bytes as a file to save (the browser app: a download). Used by insertRateCard. */
  download?: (fileName: string, bytes: Uint8Array) => void;
  /** The app's version, written on the report's About sheet. */
  version?: string;
}

export interface FileHost extends AuditHost {
  openFile(fileName: string, bytes: Uint8Array): Promise<string>;
  /** The report of the last run (the sheets written since the run's first writeSheet) as a workbook, or undefined before any run. */
  reportFile(): { name: string; bytes: Uint8Array } | undefined;
  /** Output sheets of the last run, by name (tests, the app's preview). */
  outputs(): { name: string; table: unknown[][] }[];
}

/** The browser app's host: opened files in, one report workbook out. */
export function createFileHost(options: FileHostOptions = {}): FileHost {
  const files = new FileSources();
  const langOf = (): Lang => options.lang ?? (typeof navigator !== 'undefined' && /^zh/i.test(navigator.language) ? 'zh' : 'en');
  let outputs: { name: string; table: unknown[][]; opts: WriteOptions }[] = [];
  let chart: ChartSpec | undefined;
  let audited: AboutInput['report'] | undefined;
  let lastSource: string | undefined;
  let lastRead: string | undefined;
  // The report's language: the pane's (beginReport), else this host's.
  let runLang: Lang = langOf();
  const newReport = (report?: AboutInput['report'], lang: Lang = langOf()) => {
    outputs = [];
    chart = undefined;
    audited = report;
    runLang = lang;
    lastSource = lastRead;
  };
  const cards: { id: string; name: string; values: unknown[][] }[] = [];

  return {
    lang: langOf,
    openFile: async (name, bytes) => {
      await paint();
      return files.open(name, bytes);
    },
    listSources: async () => files.sources(),
    readHeader: async (id) => {
      lastRead = id;
      return files.header(id, langOf());
    },
    readRows: async (id, start, count) => {
      lastRead = id;
      return files.rows(id, start, count, langOf());
    },
    writeSheet: async (name, table, opts = {}) => {
      if (!Array.isArray(table) || !table.every(Array.isArray)) throw new Error(`writeSheet(${name}): the table must be a 2-D array`);
      // Sheets written without beginReport: another source, or a sheet written again, starts a new report.
      if (lastSource !== lastRead || outputs.some((o) => o.name === name)) newReport();
      outputs.push({ name, table: table.map((r) => r.map(jsonCell)), opts });
      opts.onProgress?.(table.length, table.length);
      return name;
    },
    beginReport: ({ report, lang }) => newReport(report, lang),
    addChart: async (spec) => {
      chart = spec;
    },
    insertRateCard: async (table, name) => {
      const base = name || RATE_CARD_SHEET[langOf()];
      let sheet = base;
      for (let i = 2; cards.some((c) => c.name === sheet); i++) sheet = `${base} (${i})`;
      cards.push({ id: `card:${cards.length + 1}`, name: sheet, values: table.map((r) => r.map(jsonCell)) });
      options.download?.(`${base.replace(/\s+/g, '-').toLowerCase()}.xlsx`, singleSheetWorkbook(sheet, table));
      return sheet;
    },
    listSheets: async () => [...cards.map((c) => ({ id: c.id, name: c.name, rateCard: true })), ...files.choices()],
    readSheet: async (id) => {
      const c = cards.find((x) => x.id === id);
      if (c) return { top: 1, left: 1, values: c.values };
      return files.values(id, langOf());
    },
    outputs: () => outputs.map((o) => ({ name: o.name, table: o.table })),
    reportFile: () => {
      if (!outputs.length) return undefined;
      const file = (lastSource && files.fileOf(lastSource)) || 'orders.xlsx';
      const sheet = lastSource ? files.sheetOf(lastSource) : undefined;
      // Which sheet is which: the pane names them outputSheetName(key, lang) in the report's language.
      const kindOf = (name: string) => (['findings', 'summary', 'weekly'] as const).find((k) => outputSheetName(k, runLang) === name);
      const bytes = reportWorkbook(
        outputs.map((o) => ({ name: o.name, table: o.table, kind: kindOf(o.name), moneyColumns: o.opts.moneyColumns, percentColumns: o.opts.percentColumns })),
        {
          report: audited ?? { mapping: { unmatched: [] } },
          source: { file, ...(sheet ? { sheet } : {}) },
          lang: runLang,
          now: new Date(),
          writer: { kind: 'browser', ...(options.version ? { version: options.version } : {}) },
        },
        chart,
      );
      return { name: reportFileName(file), bytes };
    },
  };
}

export type { Text };
