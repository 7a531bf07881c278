/**
 * The streaming audit (DESIGN.md "Data flow of one audit"): header → mapping → rows pushed in
 * chunks → findings and running totals → report. Memory grows with the findings and the gift rows
 * (for the cross-row freeze rule), not with the rows, so hosts can audit 100,000+ rows in chunks.
 */
import { isRuleError, valueError, type RuleError } from '../errors';
import { BUILTIN_CARDS, cardFor, type RateCard } from '../rates';
import { DAY_MS, fold, localWallNow } from '../coerce';
import { giftFeeCents } from '../functions/gifts';
import { L, type Text } from '../text';
import { detectColumns, findHeaderRow, ALL_FIELDS, FIELD_LABELS, columnLetter } from './columns';
import { readRecord, type OrderRecord } from './record';
import { AUDIT_RULES, DATA_RULE, stamp, type AuditRule, type RawFinding, type RuleContext } from './rules';
import { buildTables, type Agg, type AuditState } from './report';
import type { AuditOptions, AuditProgress, AuditReport, Field, Finding, MappingResult } from './types';

export interface AuditSession {
  readonly mapping: MappingResult;
  /** Why this table cannot be audited (no order-id column, a bad override, …); then push ignores rows and finish gives an empty report carrying the same error. */
  readonly error?: RuleError;
  /** Audit data rows; `firstDataRowIndex` is the 0-based index of rows[0] among the data rows (header excluded); default: right after the previous push. */
  push(rows: readonly (readonly unknown[])[], firstDataRowIndex?: number): void;
  /** Cross-row rules, totals and tables. Idempotent; rows pushed afterwards are ignored. */
  finish(): AuditReport;
}

const newAgg = (): Agg => ({ orders: 0, affected: 0, giftOrders: 0, feeCents: 0, cnyCents: 0, usdCents: 0, findings: 0 });

/** The one clear error for a header the audit cannot run on (undefined when it can). */
export function mappingError(m: MappingResult): RuleError | undefined {
  if (!m.missingRequired.length) return undefined;
  const en = m.missingRequired.map((f) => FIELD_LABELS[f].en).join(', ');
  const zh = m.missingRequired.map((f) => FIELD_LABELS[f].zh).join('、');
  const seen = m.unmatched.slice(0, 12).map((u) => u.header);
  return valueError(
    `cannot audit: no column for ${en}. Name the header like "Order ID" / "订单号" or map the column by hand.${seen.length ? ` Unrecognised headers: ${seen.join(', ')}` : ''}`,
    `无法审核：缺少「${zh}」列。请将表头命名为“订单号”/“Order ID”，或手动指定该列。${seen.length ? `未识别的表头：${seen.join('、')}` : ''}`,
  );
}

function checkOverrides(header: readonly unknown[], overrides: AuditOptions['overrides']): RuleError | undefined {
  const cols = new Map<number, Field>();
  for (const [f, col] of Object.entries(overrides ?? {}) as [string, number | null | undefined][]) {
    if (!(ALL_FIELDS as string[]).includes(f)) return valueError(`unknown audit field ${JSON.stringify(f)} in the column overrides (known: ${ALL_FIELDS.join(', ')})`, `列映射中的审核字段 ${JSON.stringify(f)} 不存在（可用：${ALL_FIELDS.join('、')}）`);
    if (col === null || col === undefined) continue;
    if (!Number.isInteger(col) || col < 0 || col >= header.length) {
      const n = FIELD_LABELS[f as Field];
      return valueError(`column for ${n.en} must be one of columns A–${columnLetter(Math.max(header.length - 1, 0))}, got ${String(col)}`, `「${n.zh}」的列必须在 A–${columnLetter(Math.max(header.length - 1, 0))} 之间，得到 ${String(col)}`);
    }
    const prev = cols.get(col);
    if (prev) {
      return valueError(`column ${columnLetter(col)} is mapped to both ${FIELD_LABELS[prev].en} and ${FIELD_LABELS[f as Field].en}`, `第 ${columnLetter(col)} 列同时映射为「${FIELD_LABELS[prev].zh}」和「${FIELD_LABELS[f as Field].zh}」`);
    }
    cols.set(col, f as Field);
  }
  return undefined;
}

/** An order listed on more than one row: exports list one row per SKU, the audit judges the order once. */
interface SeenOrder {
  row: number;
  /** Tracking numbers already checked for this order ([X-FORMAT] runs again only for a new number). */
  tracks: string[];
  /** DATA problems already reported for this order (English text). */
  problems: string[];
  /** The order's other rows. */
  more: number[];
}

/** The first row of an order: kept small (one per order), upgraded to a SeenOrder on a second row. */
interface FirstRow {
  row: number;
  tracking: string | undefined;
  problems: readonly Text[];
}

/** Rows listed in a message: the first 20, then "and N more". */
function rowList(rows: readonly number[]): Text {
  const shown = rows.slice(0, 20).join(', ');
  const rest = rows.length - 20;
  return rest > 0 ? L(`${shown} and ${rest} more`, `${rows.slice(0, 20).join('、')} 等 ${rows.length} 行`) : L(shown, rows.join('、'));
}

interface GiftEvent {
  t: number;
  row: number;
  failed: boolean;
  orderId: string;
  country: string;
  week: string;
  freezeAfter: number;
}

/**
 * Start an audit of a table with this header row. A header the audit cannot use gives a session
 * whose `error` says why (errors are values: nothing here throws).
 */
export function createAudit(header: readonly unknown[], options: AuditOptions = {}): AuditSession {
  const okHeader = Array.isArray(header) && header.length > 0;
  const hdr: readonly unknown[] = okHeader ? header : [];
  const mapping = detectColumns(hdr, options.overrides ?? {});
  const error = !okHeader ? valueError('the table has no header row', '表格没有表头行') : checkOverrides(hdr, options.overrides) ?? mappingError(mapping);

  // Core times are wall-clock read as UTC: "now" is the local wall clock, not Date.now() (8 h off in China).
  const now = options.now ?? localWallNow();
  const headerRow = options.headerRow ?? 1;
  const lang = options.lang ?? 'en';
  const map = mapping.mapping;
  const fields = ALL_FIELDS.filter((f) => map[f] !== undefined);
  const skipped = new Set(mapping.skippedRules.map((s) => s.rule));
  const rules: AuditRule[] = AUDIT_RULES.filter((r) => !skipped.has(r.id) && !r.crossRow);
  const freezeOn = !skipped.has('G-CONFIRM-FREEZE');
  const mapped = (f: Field) => map[f] !== undefined;

  const findings: Finding[] = [];
  const byRule = new Map<string, Agg>();
  const byCountry = new Map<string, Agg>();
  const byWeek = new Map<string, Agg>();
  const all = newAgg();
  /** Rows with a finding that counts (not info). */
  const affectedRows = new Set<number>();
  /** Orders (by order id; a row without one by its row) with a finding that counts. */
  const affectedOrders = new Set<string>();
  /** rule + order pairs already counted in "orders affected" of the rule. */
  const ruleOrders = new Set<string>();
  const firstRows = new Map<string, FirstRow>();
  const seenOrders = new Map<string, SeenOrder>();
  const unknownCarriers = new Map<string, { rec: Pick<OrderRecord, 'row' | 'orderId' | 'country' | 'week'>; raw: RawFinding; name: string; rows: number[] }>();
  let rowsRead = 0;
  let multiRowOrders = 0;
  const badRows = new Set<number>();
  const gifts: GiftEvent[] = [];
  const cardsUsed = new Map<string, RateCard>();
  const notes: Text[] = [];
  let outOfRange = 0;
  let nextIndex = 0;
  let report: AuditReport | undefined;

  const agg = (m: Map<string, Agg>, k: string) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = newAgg()));
    return a;
  };

  const cardByDay = new Map<number, RateCard | undefined>();
  function cardOf(rec: OrderRecord): RateCard {
    if (options.card) return options.card;
    const at = rec.paidAt ?? rec.giftShippedAt ?? now;
    const day = Math.floor(at / DAY_MS);
    let c = cardByDay.get(day);
    if (c === undefined && !cardByDay.has(day)) {
      // Cards take effect at 00:00 UTC of their effective day, so the card is the same all day.
      const found = cardFor(day * DAY_MS);
      c = isRuleError(found) ? undefined : found;
      cardByDay.set(day, c);
    }
    if (c) return c;
    outOfRange++;
    return BUILTIN_CARDS[0];
  }

  /**
   * Record a finding. `counts` = it makes its order "affected" (info findings do not: they say what
   * could not be checked, not what is wrong).
   */
  function add(rec: Pick<OrderRecord, 'row' | 'orderId' | 'country' | 'week'>, raw: RawFinding, counts = raw.severity !== 'info') {
    const fd: Finding = {
      row: rec.row,
      orderId: rec.orderId,
      rule: raw.rule,
      severity: raw.severity,
      message: raw.message,
      costCny: raw.cnyCents / 100,
      costUsd: raw.usdCents / 100,
      country: rec.country,
      week: rec.week,
    };
    findings.push(fd);
    if (raw.severity === 'error') badRows.add(rec.row);
    const key = rec.orderId || `\u0000${rec.row}`;
    const r = agg(byRule, raw.rule);
    r.findings++;
    r.cnyCents += raw.cnyCents;
    r.usdCents += raw.usdCents;
    const rk = `${raw.rule}\u0001${key}`;
    if (!ruleOrders.has(rk)) {
      ruleOrders.add(rk);
      r.affected++;
    }
    const first = counts && !affectedOrders.has(key);
    for (const a of [all, agg(byCountry, rec.country), agg(byWeek, rec.week)]) {
      a.findings++;
      a.cnyCents += raw.cnyCents;
      a.usdCents += raw.usdCents;
      if (first) a.affected++;
    }
    if (counts) {
      affectedOrders.add(key);
      affectedRows.add(rec.row);
    }
  }

  /** A finding of a rule, or an unknown carrier name collected for one warning per name. */
  function addRaw(rec: OrderRecord, raw: RawFinding) {
    if (raw.unknownCarrier === undefined) return add(rec, raw);
    const k = fold(raw.unknownCarrier).trim().toLowerCase();
    const u = unknownCarriers.get(k);
    if (u) u.rows.push(rec.row);
    else unknownCarriers.set(k, { rec: { row: rec.row, orderId: rec.orderId, country: rec.country, week: rec.week }, raw, name: raw.unknownCarrier, rows: [rec.row] });
  }

  const formatRule = rules.find((r) => r.id === 'X-FORMAT');
  const normTrack = (t: string | undefined) => (t === undefined ? '' : fold(t).trim().toUpperCase());

  /**
   * Another row of an order already audited (one row per SKU): the order-level rules, fees and
   * penalties are not counted again. Only what can differ per row is checked: a tracking number not
   * seen for this order [X-FORMAT] and a new unreadable cell [DATA].
   */
  function auditRepeat(rec: OrderRecord, first: FirstRow) {
    let seen = seenOrders.get(rec.orderId);
    if (!seen) {
      multiRowOrders++;
      const t0 = normTrack(first.tracking);
      seen = { row: first.row, tracks: t0 ? [t0] : [], problems: first.problems.map((p) => p.en), more: [] };
      seenOrders.set(rec.orderId, seen);
    }
    seen.more.push(rec.row);
    for (const p of rec.problems) {
      if (seen.problems.includes(p.en)) continue;
      seen.problems.push(p.en);
      add(rec, { rule: DATA_RULE.id, severity: 'error', message: p, cnyCents: 0, usdCents: 0 });
    }
    const t = normTrack(rec.tracking);
    if (!formatRule || t === '' || seen.tracks.includes(t) || rec.bad.has('trackingNumber') || rec.bad.has('carrier')) return;
    seen.tracks.push(t);
    const card = cardOf(rec);
    const out = formatRule.check(rec, card, ctx);
    if (out) for (const raw of Array.isArray(out) ? out : [out]) addRaw(rec, raw);
  }

  const ctx: RuleContext = { now, mapped, fee: undefined };
  function auditRecord(rec: OrderRecord) {
    const card = cardOf(rec);
    cardsUsed.set(card.card.id, card);
    const c = agg(byCountry, rec.country);
    const w = agg(byWeek, rec.week);
    all.orders++;
    c.orders++;
    w.orders++;
    let fee: RuleContext['fee'];
    if (rec.hasGift && rec.country && !rec.bad.has('giftWeight') && !rec.bad.has('nfe')) {
      // [G-FEE] + [G-OVERWEIGHT] + [G-NFE]: the same computation as SG_FEE; no NFe column = no NFe.
      const cents = giftFeeCents(card, rec.country, rec.giftWeight ?? 0, mapped('nfe') ? rec.nfe === true : undefined);
      fee = isRuleError(cents) ? L(cents.en, cents.zh) : cents;
      if (typeof fee === 'number') {
        for (const a of [all, c, w]) {
          a.giftOrders++;
          a.feeCents += fee;
        }
      }
    }
    for (const p of rec.problems) add(rec, { rule: DATA_RULE.id, severity: 'error', message: p, cnyCents: 0, usdCents: 0 });
    ctx.fee = fee;
    const anyBad = rec.bad.size > 0;
    let failed = false;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (anyBad && rule.needs.some((x) => rec.bad.has(x))) continue;
      const out = rule.check(rec, card, ctx);
      if (!out) continue;
      for (const raw of Array.isArray(out) ? out : [out]) {
        if (raw.rule === 'G-CONFIRM' || raw.rule === 'G-STATUS') failed = true;
        addRaw(rec, raw);
      }
    }
    if (freezeOn && rec.hasGift && rec.giftShippedAt !== undefined) {
      gifts.push({ t: rec.giftShippedAt, row: rec.row, failed, orderId: rec.orderId, country: rec.country, week: rec.week, freezeAfter: card.gift.freezeAfterFailures });
    }
  }

  function push(rows: readonly (readonly unknown[])[], firstDataRowIndex?: number) {
    if (report || error || !Array.isArray(rows)) return;
    let i = firstDataRowIndex ?? nextIndex;
    for (const cells of rows) {
      const row = headerRow + 1 + i;
      i++;
      if (!Array.isArray(cells)) continue;
      const rec = readRecord(cells, row, map, fields);
      if (!rec) continue;
      rowsRead++;
      if (rec.orderId !== '') {
        const first = firstRows.get(rec.orderId);
        if (first) {
          auditRepeat(rec, first);
          continue;
        }
        firstRows.set(rec.orderId, { row: rec.row, tracking: rec.tracking, problems: rec.problems });
      }
      auditRecord(rec);
    }
    nextIndex = i;
  }

  /** [G-CONFIRM] freeze: N gift failures in a row, ordered by gift shipped time across all rows. */
  function freeze() {
    gifts.sort((a, b) => a.t - b.t || a.row - b.row);
    let streak: GiftEvent[] = [];
    for (const g of gifts) {
      if (!g.failed) {
        streak = [];
        continue;
      }
      streak.push(g);
      if (streak.length !== g.freezeAfter) continue;
      const rows = streak.map((s) => s.row).join(', ');
      add(g, {
        rule: 'G-CONFIRM-FREEZE',
        severity: 'error',
        message: L(
          `${g.freezeAfter} gift failures in a row (rows ${rows}, last shipped ${stamp(g.t)}): Small Gifts are frozen for this store until the causes are fixed`,
          `礼物连续失败 ${g.freezeAfter} 次（第 ${rows} 行，最后一次发货 ${stamp(g.t)}）：店铺小礼物功能将被冻结，请先排查失败原因`,
        ),
        cnyCents: 0,
        usdCents: 0,
      });
    }
  }

  /** [X-FORMAT] one warning per distinct carrier name the table does not know, on its first row, naming every row. */
  function unknownCarrierFindings() {
    for (const u of unknownCarriers.values()) {
      const rows = rowList(u.rows);
      add(u.rec, {
        ...u.raw,
        unknownCarrier: undefined,
        message: L(
          `${u.raw.message.en}; tracking numbers not checked on ${u.rows.length} row(s): ${rows.en}`,
          `${u.raw.message.zh}；${u.rows.length} 行的运单号未校验：第 ${rows.zh} 行`,
        ),
      }, false);
    }
  }

  /** Findings of an order listed on several rows say so (the order was judged once, on its first row). */
  function mentionOtherRows() {
    if (!multiRowOrders) return;
    for (let i = 0; i < findings.length; i++) {
      const fd = findings[i];
      if (!fd.orderId) continue;
      const seen = seenOrders.get(fd.orderId);
      if (!seen) continue;
      const others = [seen.row, ...seen.more].filter((r) => r !== fd.row);
      const rows = rowList(others);
      findings[i] = {
        ...fd,
        message: L(
          `${fd.message.en} [order ${fd.orderId} is also on row(s) ${rows.en}: one row per SKU, judged once]`,
          `${fd.message.zh}［订单 ${fd.orderId} 另见第 ${rows.zh} 行：每个 SKU 一行，按一个订单判断］`,
        ),
      };
    }
  }

  function finish(): AuditReport {
    if (report) return report;
    freeze();
    unknownCarrierFindings();
    mentionOtherRows();
    findings.sort((a, b) => a.row - b.row);
    if (outOfRange) {
      const first = BUILTIN_CARDS[0];
      notes.push(L(
        `${outOfRange} order(s) are dated before the first rate card (${first.card.id}, effective ${first.card.effective}); that card was used for them`,
        `${outOfRange} 个订单早于首张费率卡（${first.card.id}，${first.card.effective} 起生效），已按该费率卡计算`,
      ));
    }
    const state: AuditState = { mapping, findings, byRule, byCountry, byWeek, all, cardsUsed: [...cardsUsed.keys()], cards: [...cardsUsed.values()], now, notes, rows: rowsRead, multiRowOrders };
    const { tables, chart } = buildTables(state, lang);
    report = {
      mapping,
      findings,
      rowsAudited: rowsRead,
      rowsAffected: affectedRows.size,
      ordersAudited: all.orders,
      ordersAffected: all.affected,
      totals: { giftFeesCny: all.feeCents / 100, penaltiesUsd: all.usdCents / 100 },
      tables,
      chart,
      badRows: [...badRows].sort((a, b) => a - b),
      notes,
    };
    if (error) report.error = L(error.en, error.zh);
    return report;
  }

  return { mapping, error, push, finish };
}

export interface AuditTableOptions extends AuditOptions {
  /** Rows per chunk between yields (default 5,000). */
  chunkSize?: number;
  onProgress?: (p: AuditProgress) => void;
  /** Cancellation: set `aborted` to true (an AbortSignal works too). */
  signal?: { readonly aborted: boolean };
}

/** The error an aborted audit resolves to. */
export const AUDIT_CANCELLED = L('audit cancelled', '审核已取消');
export const isCancelled = (x: unknown): boolean => isRuleError(x) && x.en === AUDIT_CANCELLED.en;

const yieldToHost = (): Promise<void> => new Promise((resolve) => (typeof setTimeout === 'function' ? setTimeout(resolve, 0) : resolve()));

/**
 * Audit a whole table in chunks, yielding to the host between chunks (so a task pane keeps
 * painting its progress bar) and reporting progress. Resolves to the report, or to a RuleError
 * (bad header, cancelled); it never rejects.
 */
export async function auditTable(header: readonly unknown[], rows: readonly (readonly unknown[])[], options: AuditTableOptions = {}): Promise<AuditReport | RuleError> {
  let s = createAudit(header, options);
  if (s.error && s.mapping.mapping.orderId === undefined && options.overrides?.orderId === undefined && Array.isArray(rows)) {
    // A title row above the headers ("6月订单导出" in A1): the header is the first of the next rows that names the order id.
    const k = findHeaderRow([header, ...rows.slice(0, 20)]);
    if (k > 0 && Array.isArray(rows[k - 1])) {
      const moved = createAudit(rows[k - 1], { ...options, headerRow: (options.headerRow ?? 1) + k });
      if (!moved.error) {
        s = moved;
        rows = rows.slice(k);
      }
    }
  }
  if (s.error) return s.error;
  const size = Math.max(1, Math.floor(options.chunkSize ?? 5_000));
  const total = rows.length;
  options.onProgress?.({ phase: 'audit', done: 0, total });
  for (let i = 0; i < total; i += size) {
    if (options.signal?.aborted) return valueError(AUDIT_CANCELLED.en, AUDIT_CANCELLED.zh);
    s.push(rows.slice(i, i + size), i);
    options.onProgress?.({ phase: 'audit', done: Math.min(i + size, total), total });
    if (i + size < total) await yieldToHost();
  }
  if (options.signal?.aborted) return valueError(AUDIT_CANCELLED.en, AUDIT_CANCELLED.zh);
  return s.finish();
}
