/**
 * The report workbook built in the browser (SheetJS): the same sheets as the CLI's report — Findings,
 * Summary, Weekly (names in the report's language) with money and percent formats and column
 * widths — plus an "About" sheet naming the audited file. SheetJS (community edition)
 * writes no charts: the Weekly sheet holds the chart's data, and the About sheet says so.
 */
import * as XLSX from '@e965/xlsx';
import type { ChartSpec } from '../core/audit/types';
import { L, type Lang, type Text } from '../core/text';

export interface ReportSheet {
  name: string;
  table: unknown[][];
  moneyColumns?: number[];
  percentColumns?: number[];
}

const MONEY = '#,##0.00';
const PERCENT = '0.0%';
const say = (t: Text, lang: Lang) => (lang === 'zh' ? t.zh : t.en);

/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\ ; unique (case-insensitive). */
function sheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 3)} (${i})`;
  taken.add(n.toLowerCase());
  return n;
}

/** A cell's value; null leaves the cell out (blank, as the CLI's report), never an empty text. */
function cellOf(v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (v instanceof Date || typeof v === 'object') return String(v);
  return v;
}

function worksheet(s: ReportSheet): XLSX.WorkSheet {
  const rows = s.table.map((r) => (Array.isArray(r) ? r.map(cellOf) : []));
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const fmt = new Map<number, string>([...(s.moneyColumns ?? []).map((c) => [c, MONEY] as const), ...(s.percentColumns ?? []).map((c) => [c, PERCENT] as const)]);
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

/**
 * The report as .xlsx bytes. `source` names what was audited ("orders.csv / orders"); `chart` (when
 * the audit made one) is listed on the About sheet, as the browser cannot draw it into the file.
 */
export function reportWorkbook(sheets: ReportSheet[], opts: { lang: Lang; source: string; createdAt?: Date; chart?: ChartSpec; version?: string }): Uint8Array {
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, worksheet(s), sheetName(s.name, taken));
  const { lang } = opts;
  const about: unknown[][] = [
    [say(L('Audit of', '审核对象'), lang), opts.source],
    [say(L('Created by', '生成工具'), lang), `AE Seller Rules${opts.version ? ` ${opts.version}` : ''} (${say(L('browser app', '浏览器版'), lang)})`],
    [say(L('Created at (UTC)', '生成时间（UTC）'), lang), (opts.createdAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ')],
  ];
  if (opts.chart && opts.chart.rows > 0) {
    about.push([
      say(L('Chart', '图表'), lang),
      say(L(`${opts.chart.title.en}: insert a column chart over the ${opts.chart.sheet} sheet (the browser app writes its data, not the chart).`, `${opts.chart.title.zh}：请基于“${opts.chart.sheet}”工作表插入柱形图（浏览器版写入数据，不绘制图表）。`), lang),
    ]);
  }
  XLSX.utils.book_append_sheet(wb, worksheet({ name: say(L('About', '说明'), lang), table: about }), sheetName(say(L('About', '说明'), lang), taken));
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** One sheet as .xlsx bytes (the rate card the browser app offers for editing). */
export function singleSheetWorkbook(name: string, table: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, worksheet({ name, table }), sheetName(name, new Set()));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** orders.xlsx → orders-audit.xlsx; other types keep theirs in the name (orders.csv → orders-csv-audit.xlsx), as the CLI. */
export function reportFileName(input: string): string {
  const base = input.replace(/^.*[/\\]/, '');
  const m = /^(.*?)(\.[^.]*)?$/.exec(base)!;
  const ext = (m[2] ?? '').toLowerCase();
  const kind = ext === '.xlsx' || ext === '' ? '' : `-${ext.slice(1)}`;
  return `${m[1] || 'orders'}${kind}-audit.xlsx`;
}
