/**
 * Every string the audit pane shows, in English and Simplified Chinese. Nothing user-facing is
 * written anywhere else in pane/ (the view only looks texts up here).
 */
import type { Field, Severity } from '../core/audit/types';
import { L, type Lang, type Text } from '../core/text';

export type { Lang, Text };

export const tr = (t: Text, lang: Lang): string => (lang === 'zh' ? t.zh : t.en);

/** Locale-aware integer / money formatting (en-US, zh-CN both use 1,234.56). */
export const fmtInt = (n: number, lang: Lang): string => Math.round(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
export const fmtMoney = (n: number, lang: Lang): string =>
  n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const T = {
  title: L('Order audit', '订单审核'),
  subtitle: L('AliExpress seller rules', '速卖通卖家规则'),
  langGroup: L('Language', '语言'),

  // Source
  sourceHeading: L('1 · Data source', '1 · 数据源'),
  sourceLabel: L('Table or range to audit', '要审核的表格或区域'),
  sourceLabelFile: L('Sheet to audit', '要审核的工作表'),
  refresh: L('Refresh', '刷新'),
  refreshTitle: L('Reload the list of tables and ranges', '重新加载表格和区域列表'),
  loadingSources: L('Looking for tables and ranges…', '正在查找表格和区域…'),
  noSources: L(
    'No data found. Put your orders in a sheet (header in the first row), then press Refresh.',
    '未找到数据。请把订单放在工作表中（第一行为表头），然后点击“刷新”。',
  ),
  chooseSource: L('— choose —', '— 请选择 —'),
  noFileYet: L('Open an orders export to start.', '请先打开订单导出文件。'),
  openFile: L('Open a file…', '打开文件…'),
  openFileHelp: L(
    'Or audit an export file (.xlsx, .xls, .csv) without copying it into the workbook. You can also drop it here.',
    '也可以直接审核导出文件（.xlsx、.xls、.csv），无需复制到工作簿中。也可以把文件拖到这里。',
  ),
  openFileHelpOnly: L(
    'Choose or drop an orders export (.xlsx, .xls, .csv). It is read in this browser only: nothing is uploaded.',
    '选择或拖入订单导出文件（.xlsx、.xls、.csv）。文件只在本浏览器中读取，不会上传。',
  ),
  readingFile: L('Reading the file…', '正在读取文件…'),
  errOpenFile: L('Could not open the file', '无法打开文件'),
  downloadReport: L('Download the report (.xlsx)', '下载报告（.xlsx）'),
  downloadHelp: L('Findings, Summary and Weekly in one workbook, as the command line writes them.', '审核结果、汇总和每周费用在同一个工作簿中，与命令行生成的相同。'),
  loadingHeader: L('Reading the header…', '正在读取表头…'),

  // Mapping
  mappingHeading: L('2 · Columns', '2 · 列对应'),
  mappingHelp: L(
    'Detected from the header. Change any that are wrong.',
    '已根据表头自动识别。如有错误请修改。',
  ),
  notMapped: L('— not mapped —', '— 未对应 —'),
  required: L('required', '必填'),
  resetMapping: L('Reset to detected', '恢复自动识别'),
  editColumns: L('Show and edit the columns', '查看和修改列对应'),
  hideColumns: L('Hide the columns', '收起列对应'),
  skippedHeading: L('Rules that will be skipped', '将跳过的规则'),
  allRulesRun: L('All rules can run with these columns.', '这些列足以运行全部规则。'),
  needs: L('needs', '需要'),
  unmatchedHeading: L('Columns not used', '未使用的列'),
  /** A near match in the unused columns: the button that maps it ("use as Tracking number"). */
  useAs: L('use as', '用作'),
  tzLabel: L('Times in the file are in', '文件中的时间所在时区'),
  tzLocal: L('this computer\'s time zone', '本机时区'),

  // Run
  runHeading: L('3 · Audit', '3 · 审核'),
  run: L('Run audit', '运行审核'),
  cancel: L('Cancel', '取消'),
  cancelling: L('Cancelling…', '正在取消…'),
  phaseRead: L('Reading', '读取中'),
  phaseAudit: L('Auditing', '审核中'),
  phaseWrite: L('Writing results', '写入结果'),
  phasePrepare: L('Preparing', '准备中'),
  rows: L('rows', '行'),
  sheets: L('sheets', '个工作表'),
  cancelled: L('Cancelled — nothing was written.', '已取消，未写入任何内容。'),
  noCancelWhileWriting: L('Writing results; this cannot be cancelled now.', '正在写入结果，此时无法取消。'),
  doneHeading: L('Audit complete', '审核完成'),
  rowsAudited: L('Rows audited', '已审核行数'),
  rowsAffected: L('Rows with findings', '有问题的行'),
  errors: L('Errors', '错误'),
  warnings: L('Warnings', '警告'),
  infos: L('Info', '提示'),
  giftFees: L('Gift fees (CNY)', '小礼物费用（人民币）'),
  penalties: L('Penalties (USD)', '罚金（美元）'),
  writtenTo: L('Written to', '已写入'),
  chartFailed: L('The chart could not be added', '无法添加图表'),
  noFindings: L('No problems found.', '未发现问题。'),
  asOf: L('Open orders judged as of', '未完成订单的判断时间'),
  notesHeading: L('Notes from the audit', '审核说明'),
  skippedInRun: L('Rules skipped (columns missing)', '未执行的规则（缺少列）'),
  rateCardUsed: L('Rate card', '费率卡'),
  builtinShort: L('built-in', '内置'),

  // Rate card
  rateHeading: L('Rate card', '费率卡'),
  rateHelp: L(
    'Insert the built-in rates as an editable sheet (a new sheet; nothing is overwritten).',
    '把内置费率插入为可编辑的工作表（新建工作表，不覆盖任何内容）。',
  ),
  insertRateCard: L('Insert rate card', '插入费率卡'),
  rateCardInserted: L('Inserted sheet', '已插入工作表'),
  /** After the menu's Insert rate card (Sheets: a small dialog). */
  rateCardNext: L(
    'Edit it, then give its range as the rates argument of a function, or pick it under “Rate card for the audit” in the sidebar.',
    '修改后可把该区域作为函数的 rates 参数，或在侧边栏“审核使用的费率卡”中选用。',
  ),
  inserting: L('Inserting the rate card…', '正在插入费率卡…'),
  close: L('Close', '关闭'),
  // The browser app has no workbook: the card is downloaded, edited, and opened again as a file.
  rateHelpFile: L(
    'Download the built-in rates as a workbook, edit it, then open it here with “Open a file…” and pick it as the rate card.',
    '下载内置费率工作簿，修改后用“打开文件…”在此打开，并选作审核使用的费率卡。',
  ),
  downloadRateCard: L('Download rate card', '下载费率卡'),
  rateCardDownloaded: L('Downloaded', '已下载'),
  rateCardPick: L('Rate card for the audit', '审核使用的费率卡'),
  rateCardPickHelp: L(
    'Built-in, or a sheet holding key / value rows (for example an inserted rate card you edited). The sheet is read again when you run.',
    '使用内置费率卡，或选择含“键 / 值”行的工作表（例如插入后修改过的费率卡）。运行时会重新读取该工作表。',
  ),
  fromSheet: L('From sheet', '来自工作表'),
  insertedTag: L('inserted rate card', '插入的费率卡'),
  checkingCard: L('Reading the rate card…', '正在读取费率卡…'),
  errNoReadSheet: L('this host cannot read sheets', '当前环境无法读取工作表'),
  errRateCardRead: L('Could not use the rate card', '无法使用费率卡'),

  // Errors
  errListSources: L('Could not list the tables and ranges', '无法列出表格和区域'),
  errReadHeader: L('Could not read the header', '无法读取表头'),
  errRead: L('Could not read the data', '无法读取数据'),
  errAudit: L('The audit failed', '审核失败'),
  errWrite: L('Could not write the results', '无法写入结果'),
  errRateCard: L('Could not insert the rate card', '无法插入费率卡'),
  errEmptyHeader: L('The first row of this source is empty: it needs a header row.', '该数据源的第一行为空：需要表头行。'),
  errNoRows: L('This source has no data rows below the header.', '该数据源在表头下方没有数据行。'),
  errHeaderChanged: L(
    'The header changed since it was read. Check the columns and run again.',
    '读取后表头已改变。请检查列对应后重新运行。',
  ),
  errUnknown: L('Unknown error', '未知错误'),
  errDuplicate: L('is mapped to more than one field', '被对应到多个字段'),
} as const;

/** The built-in choice of the rate-card picker: "Built-in (2024-standard)". */
export function builtinCardText(ids: readonly string[]): Text {
  return L(`Built-in (${ids.join(', ')})`, `内置（${ids.join('、')}）`);
}

/** A checked rate-card sheet: "Rate card 2024-standard, effective 2024-01-01 — OK". */
export function cardOkText(id: string, effective: string): Text {
  return L(`Rate card “${id}”, effective ${effective}: OK. The audit will use it.`, `费率卡“${id}”，生效日期 ${effective}：可用。审核将使用它。`);
}

/** A rate-card sheet that cannot be used: names the sheet, keeps the core's message (it names the row). */
export function rateSheetError(sheet: string, e: Text): Text {
  const en = e.en.replace(/[.。]\s*$/, '');
  const zh = e.zh.replace(/[.。]\s*$/, '');
  return L(
    `Rate card sheet “${sheet}”: ${en}. Fix the sheet or choose the built-in card; the audit does not run with this card.`,
    `费率卡工作表“${sheet}”：${zh}。请修改该工作表或改用内置费率卡；使用此费率卡时不会运行审核。`,
  );
}

/** "Map the required column(s) … to run." */
export function missingRequiredText(labels: Text[]): Text {
  return L(
    `Map the required column${labels.length > 1 ? 's' : ''} ${labels.map((l) => `“${l.en}”`).join(', ')} to run the audit.`,
    `请先对应必填列 ${labels.map((l) => `“${l.zh}”`).join('、')}，才能运行审核。`,
  );
}

export function duplicateText(header: string, fields: Text[]): Text {
  return L(
    `Column “${header}” is mapped to ${fields.map((f) => f.en).join(' and ')}.`,
    `列“${header}”同时对应了 ${fields.map((f) => f.zh).join('和')}。`,
  );
}

export function sourceSummary(rows: number, columns: number, lang: Lang): string {
  return lang === 'zh' ? `${fmtInt(rows, lang)} 行 × ${columns} 列` : `${fmtInt(rows, lang)} rows × ${columns} columns`;
}

export function sourceOption(label: string, rows: number, lang: Lang): string {
  return lang === 'zh' ? `${label}（${fmtInt(rows, lang)} 行）` : `${label} (${fmtInt(rows, lang)} rows)`;
}

export function progressText(phase: 'prepare' | 'read' | 'audit' | 'write', done: number, total: number, lang: Lang): string {
  const p = { prepare: T.phasePrepare, read: T.phaseRead, audit: T.phaseAudit, write: T.phaseWrite }[phase];
  if (phase === 'prepare') return `${tr(p, lang)}…`;
  if (phase === 'write') return lang === 'zh' ? `${p.zh}：${done} / ${total} 个工作表` : `${p.en}: ${done} of ${total} sheets`;
  return lang === 'zh'
    ? `${p.zh}：${fmtInt(done, lang)} / ${fmtInt(total, lang)} 行`
    : `${p.en}: ${fmtInt(done, lang)} of ${fmtInt(total, lang)} rows`;
}

export const SEVERITY_TEXT: Record<Severity, Text> = {
  error: T.errors,
  warning: T.warnings,
  info: T.infos,
};

/** Display order and groups of the fields in the mapping list. */
export const FIELD_GROUPS: { title: Text; fields: Field[] }[] = [
  { title: L('Order', '订单'), fields: ['orderId', 'destination', 'paidAt', 'orderAmount', 'currency'] },
  {
    title: L('Offline Express', '线下快递'),
    fields: [
      'carrier',
      'trackingNumber',
      'uploadedAt',
      'uploadFailures',
      'firstScanAt',
      'lastEventAt',
      'deliveredAt',
      'eventCount',
      'events',
      'appeal',
      'commercialInvoice',
      'taxId',
    ],
  },
  {
    title: L('Small Gifts', '小礼物'),
    fields: ['giftWeight', 'nfe', 'giftShippedAt', 'giftConfirmedAt', 'labelCode', 'giftStatus', 'giftThreshold'],
  },
  {
    title: L('Gift SKU review and packaging', '礼物 SKU 审核与包材'),
    fields: ['ownPackaging', 'packagingApproved', 'giftSku', 'skuCategory', 'packagingMarks', 'skuDocuments'],
  },
];
