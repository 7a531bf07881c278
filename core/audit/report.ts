/**
 * Report tables of an audit: Findings, Summary (totals, by rule, by destination, skipped rules)
 * and Weekly (ISO week of payment × costs), as plain 2-D arrays with localized headers, plus the
 * chart spec the hosts render natively. Money in the tables is rounded to cents; shares are
 * fractions (0.125 = 12.5%).
 */
import { countryName } from '../countries';
import { type Lang, type Text } from '../text';
import { FIELD_LABELS } from './columns';
import { AUDIT_RULES, ruleTitle } from './rules';
import type { RateCard } from '../rates';
import { OUTPUT_SHEETS, type ChartSpec, type Finding, type MappingResult, type ReportTables, type Severity } from './types';

export interface Agg {
  orders: number;
  affected: number;
  giftOrders: number;
  /** Small-Gift fees of the orders (all gift rows), CNY cents. */
  feeCents: number;
  /** Cost of the findings, CNY / USD cents. */
  cnyCents: number;
  usdCents: number;
  findings: number;
}

export interface AuditState {
  mapping: MappingResult;
  findings: Finding[];
  byRule: Map<string, Agg>;
  byCountry: Map<string, Agg>;
  byWeek: Map<string, Agg>;
  all: Agg;
  cardsUsed: string[];
  /** The rate cards used (rule titles carry their numbers). */
  cards?: RateCard[];
  now: number;
  /** IANA zone of the file's times (--tz, the pane's setting); absent = this computer's zone. */
  timeZone?: string;
  notes: Text[];
  /** Non-empty rows read (default: one per order). */
  rows?: number;
  /** Orders listed on more than one row (one row per SKU). */
  multiRowOrders?: number;
  /** Set when the audit ran on the user's card (AuditOptions.card), not a built-in one. */
  userCard?: UserCard;
}

/** A user's rate card as the Summary names it. */
export interface UserCard {
  /** AuditOptions.cardLabel: the file or sheet it came from. */
  label?: string;
  /** The built-in card it is compared with (the one in force on its effective date, else the newest). */
  base: string;
  /** Rate-card rows (keys, without card.*) whose value differs from `base`. */
  changed: number;
}

type H = readonly [string, string];
const t = (lang: Lang, h: H) => (lang === 'zh' ? h[1] : h[0]);

export const SEVERITY_TEXT: Record<Severity, H> = { error: ['error', '错误'], warning: ['warning', '警告'], info: ['info', '提示'] };

export const FINDINGS_HEADER: readonly H[] = [
  ['Row', '行号'],
  ['Order ID', '订单号'],
  ['Rule', '规则'],
  ['Severity', '级别'],
  ['Country', '国家'],
  ['ISO week', 'ISO 周'],
  ['Cost (CNY)', '费用（人民币）'],
  ['Cost (USD)', '费用（美元）'],
  ['Carrier', '物流商'],
  ['Tracking number', '运单号'],
  ['Message', '说明'],
];
/** 0-based money columns of the Findings table. */
export const FINDINGS_MONEY_COLUMNS = [6, 7];

export const WEEKLY_HEADER: readonly H[] = [
  ['ISO week', 'ISO 周'],
  ['Orders', '订单数'],
  ['Orders with findings', '有问题订单数'],
  ['Share affected', '问题订单占比'],
  ['Gift orders', '礼物订单数'],
  ['Gift fees (CNY)', '礼物费用（人民币）'],
  ['Penalties (USD)', '罚款（美元）'],
  ['Findings', '问题数'],
];
export const WEEKLY_MONEY_COLUMNS = [5, 6];
/** The Weekly column in USD (the chart's secondary axis); column 5 is CNY. */
export const WEEKLY_PENALTY_COLUMN = 6;
export const WEEKLY_SHARE_COLUMNS = [3];

/**
 * The Summary keeps every share in one column and every money amount in its own columns (the
 * "Totals", "By rule" and "By destination" blocks share this layout), so a column format is right
 * for every cell: shares in column 4, CNY / USD in 5 and 6, the avoidable gift costs (CNY) in 8.
 */
export const SUMMARY_SHARE_COLUMNS = [4];
export const SUMMARY_MONEY_COLUMNS = [5, 6, 8];

const NO_DATE: H = ['(no date)', '（无日期）'];
const NO_COUNTRY: H = ['(unknown)', '（未知）'];

/** Excel's limit on the characters of one cell (UTF-16 units, as Excel and JavaScript count them). */
export const MAX_CELL_CHARS = 32_767;

/**
 * Text for one report cell: itself, or when longer than a cell holds, its start and a marker saying
 * how long it was ("… [cut: 100000 characters in all / 已截断，共 100000 个字符]"), 32,767 characters in all.
 */
export function capCell(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  const mark = `… [cut: ${s.length} characters in all / 已截断，共 ${s.length} 个字符]`;
  let end = MAX_CELL_CHARS - mark.length;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // never split a surrogate pair
  return s.slice(0, end) + mark;
}

const cents = (c: number) => Math.round(c) / 100;
const share = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : 0);

function pad(rows: unknown[][]): unknown[][] {
  const w = Math.max(...rows.map((r) => r.length));
  for (const r of rows) while (r.length < w) r.push('');
  return rows;
}

/** The Findings table's header row in the report's language. */
export const findingsHeader = (lang: Lang): string[] => FINDINGS_HEADER.map((h) => t(lang, h));

/** One finding as its row of the Findings table (a streaming writer writes the same rows). */
export function findingRow(f: Finding, lang: Lang): unknown[] {
  // A finding without a cost leaves its cost cells blank (not 0.00): only real costs sum and filter.
  return [f.row, capCell(f.orderId), f.rule, t(lang, SEVERITY_TEXT[f.severity]), f.country, f.week, f.costCny || '', f.costUsd || '', capCell(f.carrier ?? ''), capCell(f.tracking ?? ''), capCell(lang === 'zh' ? f.message.zh : f.message.en)];
}

function findingsTable(s: AuditState, lang: Lang): unknown[][] {
  const out: unknown[][] = [findingsHeader(lang)];
  for (const f of s.findings) out.push(findingRow(f, lang));
  return out;
}

const ruleOrder = (id: string): number => {
  const i = AUDIT_RULES.findIndex((r) => r.id === id);
  return i < 0 ? AUDIT_RULES.length : i;
};

/** Next to the rate card id: built-in, or the user's card with its source and how far it differs from the built-in one. */
function cardNote(u: UserCard | undefined, lang: Lang): string {
  if (!u) return t(lang, ['built-in', '内置']);
  const en = u.label ? `your card "${u.label}"` : 'your card';
  const zh = u.label ? `自定义费率卡“${u.label}”` : '自定义费率卡';
  if (!u.changed) return t(lang, [`${en}: same values as ${u.base}`, `${zh}：与 ${u.base} 数值相同`]);
  return t(lang, [`${en}: ${u.base} + ${u.changed} row(s) changed`, `${zh}：${u.base}，改动 ${u.changed} 行`]);
}

function summaryTable(s: AuditState, lang: Lang): unknown[][] {
  const a = s.all;
  const out: unknown[][] = [
    [t(lang, ['Audit summary', '审核汇总'])],
    [t(lang, ['Rows audited', '审核行数']), s.rows ?? a.orders],
    [t(lang, ['Orders audited (rows with the same order id are one order)', '审核订单数（订单号相同的行算一个订单）']), a.orders],
    [t(lang, ['Orders on several rows (one row per SKU, judged once)', '占多行的订单（每个 SKU 一行，按一个订单判断）']), s.multiRowOrders ?? 0],
    [t(lang, ['Orders with findings', '有问题订单数']), a.affected],
    [t(lang, ['Findings', '问题数']), a.findings],
    [t(lang, ['Gift orders', '礼物订单数']), a.giftOrders],
    [t(lang, ['Rate card', '费率卡']), s.cardsUsed.join(', '), cardNote(s.userCard, lang)],
    // Core times are wall-clock times read as UTC: "now" is printed as the local time it stands for.
    [
      s.timeZone
        ? t(lang, [`Open orders judged as of (${s.timeZone} time, the zone of the file's times)`, `未完成订单的判断时间（${s.timeZone} 时间，即文件时间所在时区）`])
        : t(lang, ['Open orders judged as of (local time)', '未完成订单的判断时间（当地时间）']),
      new Date(s.now).toISOString().slice(0, 16).replace('T', ' '),
    ],
  ];
  for (const n of s.notes) out.push([t(lang, ['Note', '注意']), lang === 'zh' ? n.zh : n.en]);
  // Shares and money in the columns of the blocks below (SUMMARY_SHARE_COLUMNS, SUMMARY_MONEY_COLUMNS).
  out.push([]);
  out.push([t(lang, ['Totals', '合计'])]);
  out.push([t(lang, ['Scope', '范围']), '', t(lang, ['Orders', '订单数']), t(lang, ['Orders with findings', '有问题订单数']), t(lang, ['Share of orders affected', '问题订单占比']), t(lang, ['Gift fees (CNY)', '礼物费用（人民币）']), t(lang, ['Penalties (USD)', '罚款（美元）']), t(lang, ['Findings', '问题数']), t(lang, ['Avoidable gift costs (CNY)', '可避免的礼物费用（人民币）'])]);
  out.push([t(lang, ['All orders', '全部订单']), '', a.orders, a.affected, share(a.affected, a.orders), cents(a.feeCents), cents(a.usdCents), a.findings, cents(a.cnyCents)]);
  out.push([]);
  out.push([t(lang, ['By rule', '按规则'])]);
  out.push([t(lang, ['Rule', '规则']), t(lang, ['Description', '说明']), t(lang, ['Findings', '问题数']), t(lang, ['Orders affected', '涉及订单数']), t(lang, ['Share of orders', '订单占比']), t(lang, ['Cost (CNY)', '费用（人民币）']), t(lang, ['Cost (USD)', '费用（美元）'])]);
  const rules = [...s.byRule.entries()].sort((x, y) => ruleOrder(x[0]) - ruleOrder(y[0]));
  for (const [id, r] of rules) {
    const title = ruleTitle(id, s.cards);
    out.push([id, title ? (lang === 'zh' ? title.zh : title.en) : '', r.findings, r.affected, share(r.affected, a.orders), cents(r.cnyCents), cents(r.usdCents)]);
  }
  if (!rules.length) out.push([t(lang, ['(no findings)', '（无问题）'])]);
  out.push([]);
  out.push([t(lang, ['By destination', '按目的国'])]);
  out.push([t(lang, ['Country', '国家']), t(lang, ['Name', '名称']), t(lang, ['Orders', '订单数']), t(lang, ['Orders with findings', '有问题订单数']), t(lang, ['Share affected', '问题订单占比']), t(lang, ['Gift fees (CNY)', '礼物费用（人民币）']), t(lang, ['Penalties (USD)', '罚款（美元）']), t(lang, ['Findings', '问题数'])]);
  const countries = [...s.byCountry.entries()].filter(([, c]) => c.orders > 0).sort((x, y) => y[1].orders - x[1].orders || x[0].localeCompare(y[0]));
  for (const [code, c] of countries) {
    out.push([code, code ? countryName(code, lang) : t(lang, NO_COUNTRY), c.orders, c.affected, share(c.affected, c.orders), cents(c.feeCents), cents(c.usdCents), c.findings]);
  }
  out.push([]);
  out.push([t(lang, ['Rules skipped (columns missing)', '未执行的规则（缺少列）'])]);
  out.push([t(lang, ['Rule', '规则']), t(lang, ['Description', '说明']), t(lang, ['Missing columns', '缺少的列'])]);
  for (const sk of s.mapping.skippedRules) {
    const title = ruleTitle(sk.rule, s.cards);
    out.push([sk.rule, title ? (lang === 'zh' ? title.zh : title.en) : '', sk.missing.map((f) => (lang === 'zh' ? FIELD_LABELS[f].zh : FIELD_LABELS[f].en)).join(lang === 'zh' ? '、' : ', ')]);
  }
  if (!s.mapping.skippedRules.length) out.push([t(lang, ['(none: every rule ran)', '（无：所有规则均已执行）'])]);
  return pad(out);
}

function weeklyTable(s: AuditState, lang: Lang): unknown[][] {
  const out: unknown[][] = [WEEKLY_HEADER.map((h) => t(lang, h))];
  const weeks = [...s.byWeek.entries()].filter(([, w]) => w.orders > 0).sort((x, y) => (x[0] === '' ? 1 : y[0] === '' ? -1 : x[0].localeCompare(y[0])));
  for (const [wk, w] of weeks) {
    out.push([wk || t(lang, NO_DATE), w.orders, w.affected, share(w.affected, w.orders), w.giftOrders, cents(w.feeCents), cents(w.usdCents), w.findings]);
  }
  return out;
}

export function buildTables(s: AuditState, lang: Lang): { tables: ReportTables; chart: ChartSpec } {
  const weekly = weeklyTable(s, lang);
  const formats = {
    findings: { moneyColumns: [...FINDINGS_MONEY_COLUMNS] },
    summary: { moneyColumns: [...SUMMARY_MONEY_COLUMNS], percentColumns: [...SUMMARY_SHARE_COLUMNS] },
    weekly: { moneyColumns: [...WEEKLY_MONEY_COLUMNS], percentColumns: [...WEEKLY_SHARE_COLUMNS] },
  };
  const tables: ReportTables = { findings: findingsTable(s, lang), summary: summaryTable(s, lang), weekly, formats };
  const chart: ChartSpec = {
    sheet: OUTPUT_SHEETS.weekly,
    title: { en: 'Weekly costs: gift fees (CNY) and penalties (USD)', zh: '每周费用：礼物费用（人民币）与罚款（美元）' },
    kind: 'column',
    categoryColumn: 0,
    seriesColumns: [...WEEKLY_MONEY_COLUMNS],
    // Gift fees are CNY, penalties USD: two units, two value axes.
    secondaryAxisColumns: [WEEKLY_PENALTY_COLUMN],
    rows: weekly.length - 1,
  };
  return { tables, chart };
}
