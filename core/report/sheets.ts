/**
 * How the sheets of a report workbook look, the CLI's and the browser app's alike: column widths,
 * and the Weekly sheet with the chart of its ChartSpec as a PNG beside the table.
 */
import { L, type Lang } from '../text';
import type { ChartSpec } from '../audit/types';
import { FINDINGS_HEADER, SEVERITY_TEXT } from '../audit/report';
import { columnChartPng } from './png';
import { STYLE, type SheetSpec, type StyleId } from './xlsx-writer';

/** Column widths (characters) of each report sheet, by 0-based column. */
export const REPORT_WIDTHS = {
  findings: [7, 20, 18, 9, 8, 10, 11, 11, 16, 22, 100],
  summary: [34, 34, 16, 16, 16, 16, 16, 16, 16],
  weekly: [12, 10, 14, 12, 12, 16, 16, 10],
  about: [24, 80],
} as const;

/** The image's legend names, by series: gift fees in CNY, penalties in USD. */
const SERIES_NAMES = ['CNY', 'USD'];
/** The column the image starts in (0-based), right of the table; its title and legend go there too. */
const IMAGE_COLUMN = 9;

/**
 * The Weekly sheet: the weekly table, the chart as a PNG right of it, and next to the image its title
 * and legend in the report's language (the image's own legend is ASCII: CNY / USD, "(R)" for the
 * right-hand axis). No image without weeks.
 */
export function weeklySheet(table: readonly (readonly unknown[])[], chart: ChartSpec, lang: Lang): { image?: NonNullable<SheetSpec['image']>; rows: unknown[][] } {
  const rows = table.map((r) => [...r]);
  if (!(chart.rows > 0) || rows.length < 2) return { rows };
  const image = {
    png: columnChartPng(table, chart, SERIES_NAMES),
    col: IMAGE_COLUMN,
    row: 1.2,
    width: Math.max(480, 90 + chart.rows * 110),
    height: 360,
  };
  const head = table[0] ?? [];
  const zh = lang === 'zh';
  const named = chart.seriesColumns.map((c, i) => `${SERIES_NAMES[i] ?? ''} = ${String(head[c] ?? '')}`).join(zh ? '；' : '; ');
  const legend = `${L('Legend', '图例').in(lang)}${zh ? '：' : ': '}${named}${zh ? '（R = 右侧坐标轴）' : ' (R = right-hand axis)'}`;
  const beside = (row: unknown[], text: string) => [...row, ...Array(Math.max(0, IMAGE_COLUMN - row.length)).fill(''), text];
  rows[0] = beside(rows[0], L(chart.title.en, chart.title.zh).in(lang));
  rows[1] = beside(rows[1], legend);
  return { image, rows };
}

/** The Findings' severity column (0-based, from its header): its "error" cells are bold red. */
const SEVERITY_COLUMN = FINDINGS_HEADER.findIndex(([en]) => en === 'Severity');
export const findingCellStyle = (lang: Lang) => {
  const error = SEVERITY_TEXT.error[lang === 'zh' ? 1 : 0];
  return (col: number, v: unknown): StyleId | undefined => (col === SEVERITY_COLUMN && v === error ? STYLE.boldRed : undefined);
};

/**
 * The Summary's row styles: block titles (one text cell after an empty row; the first row is the
 * sheet title) and block headers (a row of texts, three or more) bold.
 */
export function summaryRowStyle(rows: readonly (readonly unknown[])[], n: number): StyleId {
  const vals = rows[n];
  const texts = vals.filter((v) => typeof v === 'string' && v !== '').length;
  const title = n === 0 || (texts === 1 && typeof vals[0] === 'string' && vals.slice(1).every((v) => v === '' || v == null) && (rows[n - 1] ?? []).every((v) => v === ''));
  if (title) return n === 0 ? STYLE.title : STYLE.heading;
  if (texts >= 3 && vals.every((v) => typeof v === 'string')) return STYLE.bold;
  return STYLE.normal;
}
