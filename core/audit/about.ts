/**
 * What every report workbook says about itself, written once for the CLI (cli/ae-rules.ts) and the
 * browser app (pane/report-file.ts): the About sheet's name and rows, the report's file name and the
 * number formats of its money and share columns. Pure: no file system, no DOM, no SheetJS.
 */
import { L, type Lang } from '../text';
import type { AuditReport } from './types';

/** Number formats of the report's money columns (2 decimals) and share columns (fractions shown as 0.0%). */
export const MONEY_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.0%';

/** The About sheet's name in the report's language. */
export const aboutSheetName = (lang: Lang): string => L('About', '说明').in(lang);

export interface AboutInput {
  /** The audit (its columns that no field used are listed). */
  report: { mapping: Pick<AuditReport['mapping'], 'unmatched'> };
  /** The audited file (its name, no folder) and the sheet read from it. */
  source: { file: string; sheet?: string };
  lang: Lang;
  /** When the report was made (written as UTC). */
  now: Date;
  /** Who wrote it: the command line or the browser app. */
  writer: { kind: 'cli' | 'browser'; version?: string };
}

/** The About sheet: [label, value] rows in the report's language. */
export function aboutRows(a: AboutInput): [string, string][] {
  const { lang } = a;
  const v = a.writer.version ? ` ${a.writer.version}` : '';
  const rows: [string, string][] = [
    [L('Audit of', '审核对象').in(lang), a.source.sheet ? `${a.source.file} / ${a.source.sheet}` : a.source.file],
    [L('Created by', '生成工具').in(lang), a.writer.kind === 'cli' ? `ae-rules${v}` : `AE Seller Rules${v} (${L('browser app', '浏览器版').in(lang)})`],
    [L('Created at (UTC)', '生成时间（UTC）').in(lang), a.now.toISOString().slice(0, 16).replace('T', ' ')],
  ];
  const unused = a.report.mapping.unmatched;
  if (unused.length) rows.push([L('Columns not used', '未使用的列').in(lang), unused.map((u) => u.header).join(lang === 'zh' ? '、' : ', ')]);
  return rows;
}

/**
 * The report's file name for an audited file's name (no folder): orders.xlsx → orders-audit.xlsx;
 * any other type keeps its extension in the name (orders.csv → orders-csv-audit.xlsx), so auditing
 * orders.xlsx and orders.csv never silently replaces one report with the other.
 */
export function reportFileName(baseName: string): string {
  const dot = baseName.lastIndexOf('.');
  const ext = dot > 0 ? baseName.slice(dot) : '';
  const stem = ext ? baseName.slice(0, dot) : baseName;
  const kind = ext.toLowerCase() === '.xlsx' || ext === '' ? '' : `-${ext.slice(1).toLowerCase()}`;
  return `${stem || 'orders'}${kind}-audit.xlsx`;
}
