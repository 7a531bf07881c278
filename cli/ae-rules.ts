/**
 * ae-rules: the command line for ops teams.
 *
 *   ae-rules audit orders.xls|.xlsx|.ods|.csv [--out report.xlsx] [--sheet NAME] [--lang zh] [--now 2024-07-05] [--tz America/Los_Angeles] [--rates card.xlsx]
 *                  [--map orderId=B] [--map 运单号=物流单号] …
 *
 * Reads the first sheet (or --sheet), audits it with the same core as the add-ins, and writes a NEW
 * workbook with Findings, Summary and Weekly sheets (+ the weekly-cost chart as an image). The input
 * is never modified; the output is written to a temporary file next to it, then renamed, so a failed
 * run leaves no half-written report. Exit codes: 0 done (findings or not), 1 bad input or usage,
 * 2 cannot write the output, 130 interrupted (Ctrl-C, SIGINT), 143 terminated (SIGTERM).
 */
import { existsSync, realpathSync, renameSync, unlinkSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import {
  createAudit, orderLastRows, findingRow, findingsHeader, describeUserCard, detectColumns, fieldOfHeader, headerKey, columnLetter, ALL_FIELDS, FIELD_LABELS,
  outputSheetName, isSkuSheet, FINDINGS_MONEY_COLUMNS, WEEKLY_MONEY_COLUMNS, WEEKLY_SHARE_COLUMNS, SUMMARY_MONEY_COLUMNS, SUMMARY_SHARE_COLUMNS,
  type AuditReport, type AuditSession, type Field, type Finding,
} from '../core/audit';
import { aboutRows, aboutSheetName, reportFileName, type AboutInput } from '../core/audit/about';
import { pickHeaderRow, resolveChoices, isUnmapChoice, type ColumnChoices } from '../core/audit/columns';
import { toDate, isTimeZone, wallNow } from '../core/coerce';
import { isRuleError } from '../core/errors';
import { cardFromTable, type RateCard } from '../core/rates';
import { L, langFromLocale, parseLang, type Lang, type Text } from '../core/text';
import { readOrders, readOrdersFileChunked } from './read';
import { FindingSpill } from './spill';
import { STYLE } from '../core/report/xlsx-writer';
import { REPORT_WIDTHS, findingCellStyle, summaryRowStyle, weeklySheet } from '../core/report/sheets';
import { XlsxFileWriter } from './xlsx-file';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

class CliError extends Error {
  constructor(readonly text: Text, readonly code = 1) {
    super(text.en);
  }
}

let lang: Lang = langFromLocale(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
const say = (t: Text) => (lang === 'zh' ? t.zh : t.en);

/**
 * Default output next to the input: orders.xlsx → orders-audit.xlsx; any other type keeps its
 * extension in the name (orders.csv → orders-csv-audit.xlsx) — the browser app's name too
 * (core/audit/about.ts).
 */
export function defaultOut(input: string): string {
  return path.join(path.dirname(input), reportFileName(path.basename(input)));
}

/** A --map value: field = column (header text or column letter); an empty column, "-" or "none" unmaps the field. */
interface MapSpec {
  field: Field;
  column: string;
}

const FIELD_IDS = new Map(ALL_FIELDS.map((f) => [f.toLowerCase(), f] as const));

/** The field a --map name stands for: a field id (orderId), or any header name / label the audit knows (订单号, "Order ID"). */
function fieldOfName(name: string): Field | undefined {
  const id = FIELD_IDS.get(name.trim().toLowerCase());
  if (id) return id;
  const byHeader = fieldOfHeader(name);
  if (byHeader) return byHeader;
  const k = headerKey(name);
  return ALL_FIELDS.find((f) => headerKey(FIELD_LABELS[f].en) === k || headerKey(FIELD_LABELS[f].zh) === k);
}

export function parseMapSpecs(values: readonly string[]): MapSpec[] {
  const out: MapSpec[] = [];
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw new CliError(L(`--map must be field=column (e.g. --map orderId=B or --map orderId="订单编号"), got "${v}"`, `--map 的格式为 字段=列（如 --map orderId=B 或 --map orderId="订单编号"），得到“${v}”`));
    const name = v.slice(0, i).trim();
    const field = fieldOfName(name);
    if (!field) throw new CliError(L(`--map: unknown field "${name}"; fields: ${ALL_FIELDS.join(', ')}`, `--map：未知字段“${name}”；可用字段：${ALL_FIELDS.join('、')}`));
    out.push({ field, column: v.slice(i + 1).trim() });
  }
  return out;
}

const blank = (c: unknown) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** --map specs as the columns given by hand (a later --map of a field wins), for pickHeaderRow. */
function choicesOf(specs: readonly MapSpec[]): ColumnChoices {
  const out: ColumnChoices = {};
  for (const m of specs) out[m.field] = isUnmapChoice(m.column) ? null : m.column;
  return out;
}

/**
 * "Map it with --map", with the column of the first header the audit did not recognise as the
 * example (the likeliest home of the missing field), else the first column no field uses.
 */
export function mapHint(field: Field, header: readonly unknown[], unmatched: readonly { column: number; header: string }[], headerRow: number, near?: readonly { column: number; header: string; field: Field }[]): Text {
  const u = near?.find((n) => n.field === field) ?? unmatched[0];
  const col = u ? u.column : Math.max(0, header.findIndex((h) => blank(h)));
  const letter = columnLetter(col);
  const text = u ? u.header.replace(/"/g, '') : '<header text>';
  const textZh = u ? text : '<表头文字>';
  return L(
    ` Map it with --map, e.g. --map ${field}=${letter} (a column letter) or --map ${field}="${text}"; the header is row ${headerRow}.`,
    `可用 --map 指定，如 --map ${field}=${letter}（列字母）或 --map ${field}="${textZh}"；表头在第 ${headerRow} 行。`,
  );
}

/** --map specs → column overrides for this header (header text first, then a column letter: core resolveChoices). */
function overridesOf(header: readonly unknown[], specs: readonly MapSpec[]): Partial<Record<Field, number | null>> {
  const o = resolveChoices(header, choicesOf(specs));
  if (isRuleError(o)) throw new CliError(L(`--map: ${o.en}`, `--map：${o.zh}`));
  return o;
}

const samePath = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
};

/** Rows between yields to the event loop while writing (Ctrl-C is handled between them). */
const WRITE_SLICE = 5_000;
/** Rows per chunk of the audit (read, audited, then Ctrl-C and the memory guard are looked at). */
const CHUNK_ROWS = 5_000;
/** The audit stops (with a message) when its heap passes this share of the runtime's limit between chunks (finish and the report need the rest). */
const HEAP_STOP = 0.6;
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Temporary files of this run (the findings spill, the report being written): removed on failure and on Ctrl-C. */
const cleanups = new Set<() => void>();
/** Exit code of a run ended by a signal: 128 + its number, as shells report it (SIGINT 130, SIGTERM 143). */
const signalExitCode = (sig: NodeJS.Signals): number => 128 + (constants.signals[sig] ?? 2);
function onSignal(sig: NodeJS.Signals) {
  for (const c of cleanups) c();
  process.stderr.write(`ae-rules: ${say(L(`interrupted (${sig}): no report written`, `已中断（${sig}）：未生成报告`))}\n`);
  process.exit(signalExitCode(sig));
}

/**
 * The Findings rows in row order: the streamed ones read back from the spill, the findings decided
 * at finish (report.findings, sorted by row) merged in by row, after the streamed ones of their row.
 */
function* findingRows(spill: FindingSpill, late: readonly Finding[]): Generator<unknown[], void, void> {
  let j = 0;
  for (const cells of spill.read()) {
    const row = cells[0] as number;
    while (j < late.length && late[j].row < row) yield findingRow(late[j++], lang);
    yield cells;
  }
  while (j < late.length) yield findingRow(late[j++], lang);
}

/**
 * The report workbook, streamed to a temporary file next to `out` and renamed over it at the end: a
 * failed run, or Ctrl-C (SIGINT / SIGTERM) during the write, leaves neither a half-written report nor
 * the temporary file. `findings` = the Findings rows after the header, in order.
 */
async function writeReport(report: AuditReport, findings: Iterable<unknown[]>, out: string, source: AboutInput['source']) {
  const t = report.tables;
  const f = t.formats ?? {
    findings: { moneyColumns: FINDINGS_MONEY_COLUMNS },
    summary: { moneyColumns: SUMMARY_MONEY_COLUMNS, percentColumns: SUMMARY_SHARE_COLUMNS },
    weekly: { moneyColumns: WEEKLY_MONEY_COLUMNS, percentColumns: WEEKLY_SHARE_COLUMNS },
  };

  // No half-written output: write a temp file in the same directory, then rename over the target.
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  let wb: XlsxFileWriter | undefined;
  const abort = () => wb?.abort();
  cleanups.add(abort);
  try {
    wb = new XlsxFileWriter(tmp, { creator: `ae-rules ${VERSION}`, created: new Date() });
    const fs = wb.sheet({ name: outputSheetName('findings', lang), widths: REPORT_WIDTHS.findings, frozenHeader: true, filter: true, ...f.findings });
    const red = findingCellStyle(lang);
    fs.row(findingsHeader(lang), STYLE.bold);
    let i = 0;
    for (const row of findings) {
      fs.row(row, STYLE.normal, red);
      if (++i % WRITE_SLICE === 0) await tick();
    }
    fs.end();

    const ss = wb.sheet({ name: outputSheetName('summary', lang), widths: REPORT_WIDTHS.summary, ...f.summary });
    for (let i = 0; i < t.summary.length; i++) ss.row(t.summary[i], summaryRowStyle(t.summary, i));
    ss.end();

    // The weekly chart (ChartSpec) as a PNG next to the table, its title and legend beside it.
    const weekly = weeklySheet(t.weekly, report.chart, lang);
    const ws = wb.sheet({ name: outputSheetName('weekly', lang), widths: REPORT_WIDTHS.weekly, frozenHeader: true, ...f.weekly, ...(weekly.image ? { image: weekly.image } : {}) });
    weekly.rows.forEach((row, i) => ws.row(row, i === 0 ? STYLE.bold : STYLE.normal));
    ws.end();

    const info = wb.sheet({ name: aboutSheetName(lang), widths: REPORT_WIDTHS.about });
    const about = aboutRows({ report, source, lang, now: new Date(), writer: { kind: 'cli', version: VERSION } });
    for (const r of about) info.row(r);
    info.end();
    wb.close();
    renameSync(tmp, out);
  } catch (e) {
    wb?.abort();
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing written */
    }
    const m = e instanceof Error ? e.message : String(e);
    throw new CliError(L(`cannot write ${out}: ${m}`, `无法写入 ${out}：${m}`), 2);
  } finally {
    cleanups.delete(abort);
  }
}

interface AuditFlags {
  out?: string;
  sheet?: string;
  lang?: string;
  now?: string;
  rates?: string;
  map?: string[];
  progress?: boolean;
  tz?: string;
}

/** --rates: a rate card saved as .xlsx (e.g. the sheet the task pane inserts) or .csv, key / value rows. */
async function readCard(file: string): Promise<RateCard> {
  const read = await readOrders(file);
  if (!read.ok) throw new CliError(L(`--rates: ${read.error.en}`, `--rates：${read.error.zh}`));
  const card = cardFromTable([read.table.header, ...read.table.rows]);
  if (isRuleError(card)) throw new CliError(L(`--rates ${file}: ${card.en}`, `--rates ${file}：${card.zh}`));
  return card;
}

async function audit(input: string, flags: AuditFlags) {
  if (flags.lang !== undefined) {
    const l = parseLang(flags.lang);
    if (!l) throw new CliError(L(`--lang must be en or zh, got "${flags.lang}"`, `--lang 必须是 en 或 zh，得到“${flags.lang}”`));
    lang = l;
  }
  // Core times are wall-clock times read as UTC: "now" is the wall clock of the file's zone (--tz),
  // default this machine's (Date.now() is UTC, 8 h off in China).
  if (flags.tz !== undefined && !isTimeZone(flags.tz)) {
    throw new CliError(L(`--tz must be an IANA time zone such as America/Los_Angeles or Asia/Shanghai, got "${flags.tz}"`, `--tz 必须是 IANA 时区，如 America/Los_Angeles 或 Asia/Shanghai，得到“${flags.tz}”`));
  }
  if (!existsSync(input)) throw new CliError(L(`file not found: ${input}`, `找不到文件：${input}`));
  let now = wallNow(flags.tz);
  if (flags.now !== undefined) {
    const d = toDate(flags.now);
    if (isRuleError(d)) throw new CliError(L(`--now: ${d.en}`, `--now：${d.zh}`));
    now = d;
  }
  const card = flags.rates !== undefined ? await readCard(flags.rates) : undefined;
  const mapSpecs = parseMapSpecs(flags.map ?? []);
  const out = path.resolve(flags.out ?? defaultOut(input));
  if (!/\.xlsx$/i.test(out)) throw new CliError(L(`--out must be an .xlsx file, got ${out}`, `--out 必须是 .xlsx 文件，得到 ${out}`));
  if (existsSync(input) && samePath(out, input)) throw new CliError(L(`--out is the input file: the input is never overwritten; choose another name`, `--out 与输入文件相同：不会覆盖输入文件，请换一个文件名`));
  if (!existsSync(path.dirname(out))) throw new CliError(L(`the output folder does not exist: ${path.dirname(out)}`, `输出文件夹不存在：${path.dirname(out)}`), 2);

  const tty = flags.progress !== false && process.stderr.isTTY === true;
  if (tty) process.stderr.write(say(L(`Reading ${input} …\n`, `正在读取 ${input} …\n`)));
  const t0 = performance.now();
  // The file in chunks of rows (a CSV decoded and parsed a window at a time): the header and --map
  // from the first rows only; rows are audited as they come and never all held.
  const read = readOrdersFileChunked(input, { ...(flags.sheet ? { sheet: flags.sheet } : {}), chunkRows: CHUNK_ROWS });
  if (!read.ok) throw new CliError(read.error);
  // The header row first (core pickHeaderRow, as auditTable: a row with the --map header texts is
  // the header, not a title row above it), then --map resolved against it.
  const k = pickHeaderRow(read.headRows, choicesOf(mapSpecs), { at: read.headerRow - 1 });
  const header = Array.isArray(read.headRows[k]) ? read.headRows[k] : read.header;
  const headerRow = Array.isArray(read.headRows[k]) ? k + 1 : read.headerRow;
  const overrides = overridesOf(header, mapSpecs);
  const options = {
    now,
    lang,
    card,
    ...(flags.rates !== undefined ? { cardLabel: path.basename(flags.rates) } : {}),
    overrides,
    ...(flags.tz ? { timeZone: flags.tz } : {}),
  };
  const probe = createAudit(header, { ...options, headerRow });
  if (probe.error) {
    // "map the column by hand" made actionable: the --map option, with the first unrecognised header as the example.
    const detected = detectColumns(header, overrides);
    const missing = detected.missingRequired;
    const hint = missing.length ? mapHint(missing[0], header, detected.unmatched, headerRow, detected.nearMatches) : L('', '');
    const e = probe.error;
    const stop = /[.。]$/.test(e.en) ? '' : '.';
    throw new CliError(L(`${read.sheet}: ${e.en}${hint.en ? stop : ''}${hint.en}`, `${read.sheet}：${e.zh}${hint.zh ? (/[。.]$/.test(e.zh) ? '' : '。') : ''}${hint.zh}`));
  }

  // Findings leave the audit as they are final (in row order) for a temporary file next to the
  // report; the writer reads them back. Ctrl-C at any point removes it.
  const spill = new FindingSpill(path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.spill`));
  const dropSpill = () => spill.remove();
  cleanups.add(dropSpill);
  let readMs = 0;
  let auditMs = 0;
  try {
    // Memory guard: between chunks, an audit whose heap nears the runtime's limit stops with a clear
    // message (and exit 1) instead of dying out of memory minutes later with none.
    const heapFull = () => {
      const h = getHeapStatistics();
      return h.used_heap_size > HEAP_STOP * h.heap_size_limit;
    };
    const bar = tty ? new SingleBar({ format: `${say(L('Auditing', '审核中'))} [{bar}] {percentage}% | {rows} ${say(L('rows', '行'))}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic) : undefined;
    bar?.start(1000, 0, { rows: 0 });
    /** Every chunk of rows through `use`; false when the session asks for a second pass (order rows scattered). */
    const pass = async (use: (rows: unknown[][], index: number) => void, stop?: () => boolean): Promise<void> => {
      const it = read.chunks(headerRow);
      let rows = 0;
      for (;;) {
        const t = performance.now();
        const c = it.next();
        readMs += performance.now() - t;
        if (c.done) break;
        if ('error' in c.value) throw new CliError(c.value.error);
        const t2 = performance.now();
        use(c.value.rows, c.value.firstDataRowIndex);
        auditMs += performance.now() - t2;
        rows += c.value.rows.length;
        bar?.update(Math.round((c.value.fraction ?? 0) * 1000), { rows: int(rows) });
        if (heapFull()) {
          bar?.stop();
          const limit = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
          throw new CliError(L(
            `stopped after ${int(rows)} rows: this file is more than this run's memory (${limit} MiB) can audit at once; split the file, or give Node more memory, e.g. NODE_OPTIONS=--max-old-space-size=${limit * 2}`,
            `已在第 ${int(rows)} 行后停止：该文件超出本次运行的内存（${limit} MiB）一次能审核的量；请拆分文件，或给 Node 更多内存，如 NODE_OPTIONS=--max-old-space-size=${limit * 2}`,
          ));
        }
        if (stop?.()) return;
        await tick(); // Ctrl-C is handled between chunks
      }
    };
    const onFinding = (fd: Finding) => spill.add(findingRow(fd, lang));
    let s: AuditSession = createAudit(header, { ...options, headerRow, onFinding });
    await pass((rows, i) => s.push(rows, i), () => s.interleaved === true);
    if (s.interleaved) {
      // The rows of some order are not together: a first pass finds each order's last row, then
      // the audit runs again judging each order when its last row is in.
      spill.reset();
      const idx = orderLastRows(header, { overrides, headerRow });
      await pass((rows, i) => idx.push(rows, i));
      s = createAudit(header, { ...options, headerRow, onFinding, lastRows: idx.result() });
      await pass((rows, i) => s.push(rows, i));
    }
    const t2 = performance.now();
    const report = s.finish();
    auditMs += performance.now() - t2;
    bar?.stop();
    const findingsCount = (report.findingsStreamed ?? 0) + report.findings.length;

    const t3 = performance.now();
    await writeReport(report, findingRows(spill, report.findings), out, { file: path.basename(input), sheet: read.sheet });
    // AE_RULES_TIMINGS=1: where the time went, for `npm run bench` (stderr, one line).
    if (process.env.AE_RULES_TIMINGS) process.stderr.write(`timings: start ${t0.toFixed(0)} ms, read ${readMs.toFixed(0)} ms, audit ${auditMs.toFixed(0)} ms, write ${(performance.now() - t3).toFixed(0)} ms, findings ${findingsCount}\n`);
    summarize(report, findingsCount, headerRow, read.sheet, read.notes ?? []);
  } finally {
    spill.remove();
    cleanups.delete(dropSpill);
  }

  function summarize(report: AuditReport, findingsCount: number, headerRow: number, sheet: string, readNotes: Text[]) {
    const sk = report.mapping.skippedRules;
    // [G-REVIEW] a gift-SKU sheet (category, marks, documents; no order id): its rows are SKUs, not orders.
    const skus = report.mapping.mapping.orderId === undefined && isSkuSheet(report.mapping.mapping);
    const unit = skus ? L('gift SKU', '个礼物 SKU') : L('order', '个订单');
    const lines = [
      L(
        `Audited ${count(report.ordersAudited ?? report.rowsAudited, unit.en)} (${count(report.rowsAudited, 'row')}, header in row ${int(headerRow)}) from ${path.basename(input)} (${sheet}): ${count(findingsCount, 'finding')} on ${count(report.ordersAffected ?? report.rowsAffected, unit.en)}.`,
        `已审核 ${path.basename(input)}（${sheet}）中的 ${int(report.ordersAudited ?? report.rowsAudited)} ${unit.zh}（${int(report.rowsAudited)} 行，表头在第 ${int(headerRow)} 行）：${int(report.ordersAffected ?? report.rowsAffected)} ${unit.zh}共 ${int(findingsCount)} 个问题。`,
      ),
      ...(skus
        ? []
        : [
            flags.tz
              ? L(`Open orders judged as of ${stampOf(now)} (${flags.tz} time, the zone of the file's times).`, `未完成订单的判断时间：${stampOf(now)}（${flags.tz} 时间，即文件时间所在时区）。`)
              : L(`Open orders judged as of ${stampOf(now)} (local time).`, `未完成订单的判断时间：${stampOf(now)}（当地时间）。`),
          ]),
      ...readNotes,
      L(`Gift fees ¥${money(report.totals.giftFeesCny)}; penalties $${money(report.totals.penaltiesUsd)}.`, `礼物费用 ¥${money(report.totals.giftFeesCny)}；罚款 $${money(report.totals.penaltiesUsd)}。`),
      ...(card ? [cardLine(card, path.basename(flags.rates ?? ''))] : []),
      ...(sk.length ? [L(`Skipped (columns missing): ${sk.map((s) => s.rule).join(', ')}.`, `未执行（缺少列）：${sk.map((s) => s.rule).join('、')}。`)] : []),
      ...(sk.length ? unusedLines(report) : []),
      ...(report.notes ?? []),
      L(`Report: ${out}`, `报告：${out}`),
    ];
    for (const l of lines) process.stdout.write(say(l) + '\n');
  }
}

/**
 * After an audit with skipped rules: the headers the audit did not use, and for a header that nearly
 * names a missing field, the exact --map that uses it.
 */
export function unusedLines(report: AuditReport): Text[] {
  const m = report.mapping;
  const out: Text[] = [];
  if (m.unmatched.length) {
    const shown = m.unmatched.slice(0, 40).map((u) => `${columnLetter(u.column)} "${u.header.replace(/\s+/g, ' ')}"`);
    const more = m.unmatched.length - shown.length;
    out.push(L(
      `Columns not used: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
      `未使用的列：${shown.join('、')}${more > 0 ? ` 等共 ${m.unmatched.length} 列` : ''}。`,
    ));
  }
  for (const n of m.nearMatches ?? []) {
    const needs = m.skippedRules.filter((s) => s.missing.includes(n.field)).map((s) => s.rule);
    if (!needs.length) continue;
    const h = n.header.replace(/"/g, '').replace(/\s+/g, ' ');
    out.push(L(
      `Column ${columnLetter(n.column)} "${h}" may be the ${FIELD_LABELS[n.field].en.toLowerCase()} (needed by ${needs.join(', ')}): if so, add --map ${n.field}="${h}"`,
      `第 ${columnLetter(n.column)} 列“${h}”可能是「${FIELD_LABELS[n.field].zh}」（${needs.join('、')} 需要）：如是，请加上 --map ${n.field}="${h}"`,
    ));
  }
  return out;
}

/** The --rates card in the run's summary lines: its id, file and how far it differs from the built-in card. */
function cardLine(card: RateCard, file: string): Text {
  const u = describeUserCard(card, file);
  return u.changed
    ? L(`Rate card: ${card.card.id} from ${file} (${u.base} + ${u.changed} row(s) changed).`, `费率卡：${card.card.id}，来自 ${file}（${u.base}，改动 ${u.changed} 行）。`)
    : L(`Rate card: ${card.card.id} from ${file} (same values as ${u.base}).`, `费率卡：${card.card.id}，来自 ${file}（与 ${u.base} 数值相同）。`);
}

/** Counts and money with thousands separators (1,234 / 1,234.50: the same grouping in en-US and zh-CN). */
export const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** "1 order", "2 orders" (English counts; Chinese needs no plural). */
const count = (n: number, word: string) => `${int(n)} ${word}${Math.round(n) === 1 ? '' : 's'}`;
export const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const stampOf = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

async function main(argv: string[]) {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const program = new Command('ae-rules')
    .description('AliExpress seller rules: audit an orders export / 速卖通卖家规则：审核订单导出表')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('audit')
    .description('Audit an orders export (.xls, .xlsx, .xlsm, .ods, or CSV/TSV in UTF-8, GBK or UTF-16) and write a report workbook / 审核订单导出表（.xls、.xlsx、.xlsm、.ods，或 UTF-8、GBK、UTF-16 编码的 CSV/TSV）并生成报告工作簿')
    .argument('<file>', 'orders file (the format is read from its content) / 订单文件（按内容识别格式）')
    .option('-o, --out <file>', 'report workbook (default: <file>-audit.xlsx; a .csv gives <file>-csv-audit.xlsx) / 报告文件（默认 <文件名>-audit.xlsx；.csv 为 <文件名>-csv-audit.xlsx）')
    .option('-s, --sheet <name>', 'sheet to audit (default: the first) / 要审核的工作表（默认第一个）')
    .option('-l, --lang <lang>', 'report language: en or zh (default: from LANG) / 报告语言：en 或 zh')
    .option('--now <date>', 'judge open orders as of this local time (default: now, local time), e.g. 2024-07-05 / 以此当地时间判断未完成订单（默认：当前当地时间）')
    .option('-m, --map <field=column>', 'map a column by hand, repeatable: field id or known header = column letter or header text, e.g. --map orderId=B, --map 运单号="Waybill"; --map carrier=- unmaps / 手动指定列（可重复）：字段=列字母或表头文字，如 --map orderId=B', (v: string, prev: string[] = []) => [...prev, v])
    .option('--tz <zone>', 'time zone of the times in the file, e.g. America/Los_Angeles (AliExpress exports may use US Pacific time); "now" is judged there (default: this machine\'s zone) / 文件中时间所在的时区，如 America/Los_Angeles；按该时区判断“现在”（默认本机时区）')
    .option('--rates <file>', 'rate card (.xlsx/.csv key / value rows) instead of the built-in card / 使用自定义费率卡（.xlsx/.csv，键 / 值 两列）代替内置费率卡')
    .option('--no-progress', 'no progress bar / 不显示进度条')
    .action(async (file: string, flags: AuditFlags) => audit(file, flags));
  await program.parseAsync(argv);
}

main(process.argv).then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 1);
    if (e instanceof CliError) {
      process.stderr.write(`ae-rules: ${say(e.text)}\n`);
      process.exit(e.code);
    }
    process.stderr.write(`ae-rules: ${say(L('unexpected error', '意外错误'))}: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  },
);
