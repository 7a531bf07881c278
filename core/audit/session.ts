/**
 * The streaming audit (DESIGN.md "Data flow of one audit"): header → mapping → rows pushed in
 * chunks → findings and running totals → report. Rows are read (coerced) as they are pushed; the
 * rows of one order id (one row per SKU) are merged into one record and the order-level rules run
 * on it at finish. Memory grows with the orders (one merged record each), the findings and the gift
 * rows (for the cross-row freeze rule), so hosts can audit 100,000+ rows in chunks.
 */
import { isRuleError, valueError, type RuleError } from '../errors';
import { BUILTIN_CARDS, cardFor, cardToTable, latestCard, type RateCard } from '../rates';
import { DAY_MS, fold, localWallNow, isTimeZone, wallNow } from '../coerce';
import { giftFeeCents } from '../functions/gifts';
import { L, type Text } from '../text';
import { detectColumns, pickHeaderRow, resolveChoices, ALL_FIELDS, FIELD_LABELS, columnLetter, type ColumnChoices } from './columns';
import { readRecord, isoWeek, type OrderRecord } from './record';
import { prepareLayout, shipmentPairs } from './layout';
import { AUDIT_RULES, DATA_RULE, giftRefused, stamp, type AuditRule, type RawFinding, type RuleContext } from './rules';
import { buildTables, type Agg, type AuditState, type UserCard } from './report';
import type { AuditOptions, AuditProgress, AuditReport, Field, Finding, MappingResult } from './types';

export interface AuditSession {
  readonly mapping: MappingResult;
  /** Why this table cannot be audited (no order-id column, a bad override, …); then push ignores rows and finish gives an empty report carrying the same error. */
  readonly error?: RuleError;
  /** Audit data rows; `firstDataRowIndex` is the 0-based index of rows[0] among the data rows (header excluded); default: right after the previous push. */
  push(rows: readonly (readonly unknown[])[], firstDataRowIndex?: number): void;
  /** Cross-row rules, totals and tables. Idempotent; rows pushed afterwards are ignored. */
  finish(): AuditReport;
  /**
   * Streaming without lastRows (StreamOptions): an order id came back after rows of other orders,
   * so what was judged is not final; push ignores further rows. Audit again with lastRows
   * (orderLastRows). Always false otherwise. Optional for wrappers; additive.
   */
  readonly interleaved?: boolean;
}

/**
 * A user's card as the Summary names it: its label, the built-in card it is compared with (the one in
 * force on its effective date, else the newest, as cardFromTable bases it) and how many rate-card
 * rows (card.* aside) differ from that card.
 */
export function describeUserCard(card: RateCard, label?: string): UserCard {
  const inForce = cardFor(Date.parse(`${card.card.effective}T00:00:00Z`));
  const base = isRuleError(inForce) ? latestCard() : inForce;
  const values = (c: RateCard) => new Map(cardToTable(c).slice(1).filter((r) => !String(r[0]).startsWith('card.')).map((r) => [String(r[0]), String(r[1])]));
  const mine = values(card);
  const theirs = values(base);
  let changed = 0;
  for (const k of new Set([...mine.keys(), ...theirs.keys()])) if (mine.get(k) !== theirs.get(k)) changed++;
  const name = typeof label === 'string' ? label.trim() : '';
  return { ...(name ? { label: name } : {}), base: base.card.id, changed };
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
      // A column past the table is named by its letter (--map orderId=ZZ), anything else as given.
      const got = Number.isInteger(col) && col >= 0 ? `column ${columnLetter(col)}` : String(col);
      const gotZh = Number.isInteger(col) && col >= 0 ? `第 ${columnLetter(col)} 列` : String(col);
      return valueError(`column for ${n.en} must be one of columns A–${columnLetter(Math.max(header.length - 1, 0))}, got ${got}`, `「${n.zh}」的列必须在 A–${columnLetter(Math.max(header.length - 1, 0))} 之间，得到 ${gotZh}`);
    }
    const prev = cols.get(col);
    if (prev) {
      return valueError(`column ${columnLetter(col)} is mapped to both ${FIELD_LABELS[prev].en} and ${FIELD_LABELS[f as Field].en}`, `第 ${columnLetter(col)} 列同时映射为「${FIELD_LABELS[prev].zh}」和「${FIELD_LABELS[f as Field].zh}」`);
    }
    cols.set(col, f as Field);
  }
  return undefined;
}

/** A finding of one source row (unreadable cell, tracking-number format), kept until its order is audited. */
interface RowFinding {
  row: number;
  raw: RawFinding;
}

/**
 * The rows of one order (one row per SKU): merged field by field into one record (first non-empty
 * value wins; the gift fields from the first row with a gift), judged once at finish. Rows of one id
 * that disagree on destination, paid time or amount are another variant: a separate order.
 */
interface Variant {
  /** The merged record (row = the first row of the variant). */
  rec: OrderRecord;
  /** The order key of the counts (the order id; a split variant adds its first row). */
  key: string;
  rows: number[];
  /** Row of the gift data (the freeze rule names it). */
  giftRow: number;
  /** Tracking numbers already checked [X-FORMAT] (normalised); lists made on first use (most orders have one row and no finding). */
  tracks: string[] | undefined;
  /** DATA problems already reported for this order (English text). */
  problems: string[] | undefined;
  /** Findings of single rows, reported with the merged order's country and week. */
  rowFindings: RowFinding[] | undefined;
  /** Its place in the session's list of orders not judged yet. */
  slot: number;
}

/** Order fields merged "first non-empty value wins", with the record property that holds each. */
const ORDER_PROPS: readonly (readonly [Field, keyof OrderRecord])[] = [
  ['destination', 'country'], ['paidAt', 'paidAt'], ['uploadedAt', 'uploadedAt'], ['carrier', 'carrier'], ['trackingNumber', 'tracking'],
  ['firstScanAt', 'firstScanAt'], ['lastEventAt', 'lastEventAt'], ['deliveredAt', 'deliveredAt'], ['eventCount', 'eventCount'], ['events', 'events'],
  ['orderAmount', 'amountCents'], ['appeal', 'appealed'], ['appeal', 'appealFiled'], ['currency', 'currency'], ['uploadFailures', 'uploadFailures'], ['commercialInvoice', 'invoice'], ['taxId', 'taxId'],
  ['nfe', 'nfe'], ['giftThreshold', 'thresholdCents'],
];
/** Gift fields: taken together from the first row that carries a gift. */
const GIFT_PROPS: readonly (readonly [Field, keyof OrderRecord])[] = [
  ['giftWeight', 'giftWeight'], ['giftShippedAt', 'giftShippedAt'], ['giftConfirmedAt', 'giftConfirmedAt'], ['labelCode', 'labelCode'], ['giftStatus', 'giftStatus'],
  // [G-PACK] [G-REVIEW] the gift's packaging and SKU review columns travel with the gift.
  ['ownPackaging', 'ownPackaging'], ['packagingApproved', 'packagingApproved'], ['giftSku', 'giftSku'], ['skuCategory', 'skuCategory'], ['packagingMarks', 'packagingMarks'], ['skuDocuments', 'skuDocuments'],
];

const blankValue = (v: unknown) => v === undefined || v === '';

function setBad(m: OrderRecord, f: Field, bad: boolean) {
  if (m.bad.has(f) === bad) return;
  m.bad = new Set(m.bad); // a record's set may be shared (readRecord's empty set)
  if (bad) m.bad.add(f);
  else m.bad.delete(f);
}

/** Fill the merged record `m` with what row `r` adds: empty fields, and the gift when `m` has none. */
function mergeRow(m: OrderRecord, r: OrderRecord): boolean {
  const o = m as unknown as Record<string, unknown>;
  const x = r as unknown as Record<string, unknown>;
  for (const [f, p] of ORDER_PROPS) {
    if (m.bad.has(f) || !blankValue(o[p])) continue;
    if (r.bad.has(f)) setBad(m, f, true);
    else if (!blankValue(x[p])) {
      o[p] = x[p];
      if (f === 'trackingNumber') m.trackingCell = r.trackingCell;
    }
  }
  if (m.hasGift || !r.hasGift) return false;
  for (const [f, p] of GIFT_PROPS) {
    o[p] = x[p];
    setBad(m, f, r.bad.has(f));
  }
  m.hasGift = true;
  return true;
}

/** Where a row contradicts an order's merged record (two orders with one id), as "field: a / b" texts; empty when it agrees. */
function conflicts(m: OrderRecord, r: OrderRecord): Text[] {
  const out: Text[] = [];
  const pair = (f: Field, a: string, b: string) => out.push(L(`${FIELD_LABELS[f].en.toLowerCase()}: ${a} / ${b}`, `${FIELD_LABELS[f].zh}：${a} / ${b}`));
  const ok = (f: Field) => !m.bad.has(f) && !r.bad.has(f);
  if (ok('destination') && m.country !== '' && r.country !== '' && m.country !== r.country) pair('destination', m.country, r.country);
  if (ok('paidAt') && m.paidAt !== undefined && r.paidAt !== undefined && m.paidAt !== r.paidAt) pair('paidAt', stamp(m.paidAt), stamp(r.paidAt));
  // Amounts are not compared: exports that list one row per SKU often put each line's amount there, and
  // splitting a real order in two would charge its penalties twice. The first row's amount is used.
  return out;
}

/** Rows listed in a message: the first 20, then "and N more". The Chinese text ends in 行 (write 第 {zh} and nothing after it). */
function rowList(rows: readonly number[]): Text {
  const shown = rows.slice(0, 20);
  const rest = rows.length - shown.length;
  return rest > 0 ? L(`${shown.join(', ')} and ${rest} more`, `${shown.join('、')} 等 ${rows.length} 行`) : L(shown.join(', '), `${shown.join('、')} 行`);
}

/** Details of a failed gift, kept for the freeze rule [G-CONFIRM-FREEZE] (the finding is on its order). */
interface GiftDetail {
  orderId: string;
  country: string;
  week: string;
  key: string;
  /** The order already has a finding that counts (its own findings are all known when it is judged). */
  affected: boolean;
  /** All rows of its order, when on several (the finding mentions the others). */
  rows?: readonly number[];
}

/**
 * The gifts of the audit for the freeze rule, in typed columns (time, row, freeze threshold; -1 =
 * not failed): a few bytes a gift order, with details kept for failed gifts only.
 */
class GiftLog {
  n = 0;
  t = new Float64Array(256);
  row = new Int32Array(256);
  freeze = new Int32Array(256);
  readonly detail = new Map<number, GiftDetail>();
  push(t: number, row: number, freezeAfter: number): number {
    if (this.n === this.t.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, b: T) => (b.set(a), b);
      this.t = grow(this.t, new Float64Array(this.n * 2));
      this.row = grow(this.row, new Int32Array(this.n * 2));
      this.freeze = grow(this.freeze, new Int32Array(this.n * 2));
    }
    this.t[this.n] = t;
    this.row[this.n] = row;
    this.freeze[this.n] = freezeAfter;
    return this.n++;
  }
  /** Indices by shipped time, then row. */
  sorted(): Int32Array {
    const ix = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) ix[i] = i;
    return ix.sort((a, b) => this.t[a] - this.t[b] || this.row[a] - this.row[b]);
  }
}

/** A set of sheet rows: a byte per row up to 16M rows (grown as needed), a Set beyond. */
class RowSet {
  private bytes = new Uint8Array(1024);
  private big: Set<number> | undefined;
  size = 0;
  add(r: number) {
    if (r >= 0 && r < 1 << 24) {
      if (r >= this.bytes.length) {
        let n = this.bytes.length;
        while (n <= r) n *= 2;
        const b = new Uint8Array(n);
        b.set(this.bytes);
        this.bytes = b;
      }
      if (!this.bytes[r]) {
        this.bytes[r] = 1;
        this.size++;
      }
      return;
    }
    this.big ??= new Set();
    if (!this.big.has(r)) {
      this.big.add(r);
      this.size++;
    }
  }
  sorted(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.bytes.length; r++) if (this.bytes[r]) out.push(r);
    if (this.big) out.push(...[...this.big].sort((a, b) => a - b));
    return out;
  }
}

/** What a finding is recorded against: its row, order, country, week and the order key of the counts; `rows` = all rows of a multi-row order. */
type Where = Pick<OrderRecord, 'row' | 'orderId' | 'country' | 'week'> & { key: string; carrier?: string; tracking?: string; rows?: readonly number[] };
const keyOf = (rec: Pick<OrderRecord, 'row' | 'orderId'>) => rec.orderId || `\u0000${rec.row}`;

/** A string that holds only its own characters (a slice of a parsed file would keep the whole file text alive). */
const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** A finding of an order on several rows says so (the order is judged once, on its first row). */
function mentionOtherRows(fd: Finding, rows: readonly number[]) {
  const others = rowList(rows.filter((r) => r !== fd.row));
  fd.message = L(
    `${fd.message.en} [order ${fd.orderId} is also on row(s) ${others.en}: one row per SKU, judged once]`,
    `${fd.message.zh}［订单 ${fd.orderId} 另见第 ${others.zh}：每个 SKU 一行，按一个订单判断］`,
  );
}

/**
 * Options of a streaming audit (the CLI at any size): findings leave the session as they are
 * final instead of living in the report, and orders are judged as soon as their last row is in, so
 * memory stays bounded by the open orders, not the table.
 */
export interface StreamOptions {
  /**
   * Each finding, once final, in row order (ties: the order the report lists them). Findings only
   * known at finish — [G-CONFIRM-FREEZE] streaks and the one-per-name unknown-carrier warnings
   * [X-FORMAT] — are NOT passed here: they are report.findings (sorted by row), to be merged in by
   * row (at an equal row, after the streamed ones). report.findingsStreamed counts the streamed ones;
   * report.tables.findings is then the header row only.
   */
  onFinding: (f: Finding) => void;
  /**
   * The 0-based data-row index (as push counts rows) of each order id's last row (orderLastRows):
   * an order is judged when that row is in. Without it, the rows of one order id must be adjacent
   * (exports list an order's SKU rows together): an order is judged when a row of another id comes,
   * and an id that comes back later sets `interleaved` (audit again with lastRows).
   */
  lastRows?: ReadonlyMap<string, number>;
}

/**
 * Start an audit of a table with this header row. A header the audit cannot use gives a session
 * whose `error` says why (errors are values: nothing here throws). With `onFinding` the audit
 * streams (StreamOptions); without, every order is judged at finish and the report holds every
 * finding (the pane and the hosts).
 */
export function createAudit(header: readonly unknown[], options: AuditOptions & Partial<StreamOptions> = {}): AuditSession {
  const okHeader = Array.isArray(header) && header.length > 0;
  // Layouts of real exports (combined carrier:number cells, continuation rows, total rows): core/audit/layout.ts.
  const layout = prepareLayout(okHeader ? header : []);
  const hdr: readonly unknown[] = layout.header;
  const mapping = detectColumns(hdr, options.overrides ?? {});
  layout.bind(mapping);
  const error = !okHeader ? valueError('the table has no header row', '表格没有表头行') : checkOverrides(hdr, options.overrides) ?? mappingError(mapping);

  // Core times are wall-clock read as UTC: "now" is the local wall clock, not Date.now() (8 h off in China).
  const now = options.now ?? (options.timeZone && isTimeZone(options.timeZone) ? wallNow(options.timeZone) : localWallNow());
  const headerRow = options.headerRow ?? 1;
  const lang = options.lang ?? 'en';
  const map = mapping.mapping;
  const fields = ALL_FIELDS.filter((f) => map[f] !== undefined);
  const skipped = new Set(mapping.skippedRules.map((s) => s.rule));
  // [X-FORMAT] runs per row (each SKU row may carry its own tracking number); the rest once per order.
  const rules: AuditRule[] = AUDIT_RULES.filter((r) => !skipped.has(r.id) && !r.crossRow && r.id !== 'X-FORMAT');
  const formatRule = AUDIT_RULES.find((r) => r.id === 'X-FORMAT' && !skipped.has(r.id));
  const freezeOn = !skipped.has('G-CONFIRM-FREEZE');
  const mapped = (f: Field) => map[f] !== undefined;

  // Streaming: findings go to onFinding in row order; orders are judged when their rows are in.
  const sink = typeof options.onFinding === 'function' ? options.onFinding : undefined;
  const lastRows = sink ? options.lastRows : undefined;
  const adjacent = sink !== undefined && lastRows === undefined;

  /** Every finding (not streaming), or the findings decided at finish (streaming). */
  const findings: Finding[] = [];
  /** Streaming: findings waiting for the orders of lower rows. */
  let pending: Finding[] = [];
  let streamed = 0;
  const byRule = new Map<string, Agg>();
  const byCountry = new Map<string, Agg>();
  const byWeek = new Map<string, Agg>();
  const all = newAgg();
  /** Rows with a finding that counts (not info). */
  const affectedRows = new RowSet();
  const badRows = new RowSet();
  /** Orders with an id and rows still to come, by id: one variant per order (more when rows of one id disagree). */
  const orders = new Map<string, Variant[]>();
  /** Variants not judged yet, in the order of their first row (from `openHead` on). */
  let open: (Variant | undefined)[] = [];
  let openHead = 0;
  /** Streaming without lastRows: the id of the order being read, and the ids already judged. */
  let currentId: string | undefined;
  const judged = new Set<string>();
  let interleaved = false;
  const unknownCarriers = new Map<string, { at: Where; raw: RawFinding; name: string; rows: number[]; ruleCounted: boolean }>();
  let rowsRead = 0;
  let multiRowOrders = 0;
  const gifts = new GiftLog();
  const cardsUsed = new Map<string, RateCard>();
  const notes: Text[] = [];
  let outOfRange = 0;
  let nextIndex = 0;
  let report: AuditReport | undefined;

  // The findings of one order (its key) being judged: the rules it already counts for, whether it is affected.
  let batch: Finding[] = [];
  const batchRules = new Set<string>();
  let batchAffected = false;
  /** Unknown carriers and failed gifts first met in this batch (their flags are set when it closes). */
  const batchUnknown: { ruleCounted: boolean; raw: RawFinding }[] = [];
  const batchGifts: GiftDetail[] = [];

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
   * Record a finding of the current batch (one order). `counts` = it makes its order "affected"
   * (info findings do not: they say what could not be checked, not what is wrong).
   */
  function add(rec: Where, raw: RawFinding, counts = raw.severity !== 'info', into: Finding[] = batch) {
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
    // A finding about one pair of a split carrier:number cell names that pair, not the whole cell.
    const carrier = raw.shipment?.carrier ?? rec.carrier;
    const tracking = raw.shipment?.tracking ?? rec.tracking;
    if (carrier !== undefined) fd.carrier = carrier;
    if (tracking !== undefined) fd.tracking = tracking;
    if (rec.rows) mentionOtherRows(fd, rec.rows);
    into.push(fd);
    if (raw.severity === 'error') badRows.add(rec.row);
    const r = agg(byRule, raw.rule);
    r.findings++;
    r.cnyCents += raw.cnyCents;
    r.usdCents += raw.usdCents;
    if (!batchRules.has(raw.rule)) {
      batchRules.add(raw.rule);
      r.affected++;
    }
    const first = counts && !batchAffected;
    for (const a of [all, agg(byCountry, rec.country), agg(byWeek, rec.week)]) {
      a.findings++;
      a.cnyCents += raw.cnyCents;
      a.usdCents += raw.usdCents;
      if (first) a.affected++;
    }
    if (counts) {
      batchAffected = true;
      affectedRows.add(rec.row);
    }
  }

  /** A finding of a rule, or an unknown carrier name collected for one warning per name. */
  function addRaw(at: Where, raw: RawFinding) {
    if (raw.unknownCarrier === undefined) return add(at, raw);
    const k = fold(raw.unknownCarrier).trim().toLowerCase();
    const u = unknownCarriers.get(k);
    if (u) {
      u.rows.push(at.row);
      // The warning goes on the name's first row (whichever order is judged first).
      if (at.row < u.at.row) {
        u.at = { ...at, orderId: own(at.orderId), key: own(at.key) };
        u.raw = raw;
        batchUnknown.push(u);
      }
    } else {
      const e = { at: { ...at, orderId: own(at.orderId), key: own(at.key) }, raw, name: raw.unknownCarrier, rows: [at.row], ruleCounted: false };
      unknownCarriers.set(k, e);
      batchUnknown.push(e);
    }
  }

  /** Start judging one order (key): its findings are counted together. */
  function openBatch() {
    batch = [];
    batchRules.clear();
    batchAffected = false;
  }

  /** The order is judged: what later findings on it need, then its findings out (in row order when streaming). */
  function closeBatch() {
    for (const u of batchUnknown) u.ruleCounted = batchRules.has(u.raw.rule);
    batchUnknown.length = 0;
    for (const g of batchGifts) g.affected = batchAffected;
    batchGifts.length = 0;
    if (!sink) {
      for (const f of batch) findings.push(f);
      return;
    }
    for (const f of batch) pending.push(f);
    flush();
  }

  /** Streaming: pass on the pending findings of rows no open order can still add to. */
  function flush() {
    if (!sink || !pending.length) return;
    while (openHead < open.length && open[openHead] === undefined) openHead++;
    if (openHead > 1024 && openHead * 2 > open.length) {
      open = open.slice(openHead);
      openHead = 0;
    }
    const bound = openHead < open.length ? open[openHead]!.rows[0] : Infinity;
    let sorted = true;
    for (let i = 1; i < pending.length && sorted; i++) if (pending[i].row < pending[i - 1].row) sorted = false;
    if (!sorted) pending.sort((a, b) => a.row - b.row);
    let n = 0;
    while (n < pending.length && pending[n].row < bound) sink!(pending[n++]);
    streamed += n;
    pending = n === pending.length ? [] : pending.slice(n);
  }

  const normTrack = (t: string | undefined) => (t === undefined ? '' : fold(t).trim().toUpperCase());
  const dataFinding = (message: Text): RawFinding => ({ rule: DATA_RULE.id, severity: 'error', message, cnyCents: 0, usdCents: 0 });

  /**
   * What one row is checked for by itself: its unreadable cells [DATA] (each problem once per order)
   * and its tracking number [X-FORMAT] (each number once per order; the carrier may come from
   * another row of the order). `v` = the row's order, undefined for a row without an order id.
   */
  function rowFindings(rec: OrderRecord, v: Variant | undefined, out: (raw: RawFinding) => void): void {
    for (const p of rec.problems) {
      if (v) {
        if (v.problems?.includes(p.en)) continue;
        (v.problems ??= []).push(p.en);
      }
      out(dataFinding(p));
    }
    if (!formatRule || rec.tracking === undefined || rec.bad.has('trackingNumber')) return;
    const t = normTrack(rec.tracking);
    if (t === '') return;
    const carrier = rec.carrier ?? v?.rec.carrier;
    if (carrier === undefined || rec.bad.has('carrier') || (rec.carrier === undefined && v?.rec.bad.has('carrier'))) return;
    if (v) {
      if (v.tracks?.includes(t)) return;
      (v.tracks ??= []).push(t);
    }
    // The format check needs no rate card (and must not count a row twice in the out-of-range note).
    // A split combined cell may hold several carrier:number pairs (one per line): each is checked.
    const pairs = shipmentPairs(carrier, rec.tracking);
    for (const p of pairs) {
      const one = p.carrier === rec.carrier && p.tracking === rec.tracking ? rec : { ...rec, carrier: p.carrier, tracking: p.tracking, trackingCell: p.tracking === rec.tracking ? rec.trackingCell : p.tracking };
      const r = formatRule.check(one, options.card ?? BUILTIN_CARDS[0], ctx);
      if (!r) continue;
      const shipment = pairs.length > 1 ? { carrier: p.carrier, tracking: p.tracking } : undefined;
      for (const raw of Array.isArray(r) ? r : [r]) out(shipment ? { ...raw, shipment } : raw);
    }
  }

  const ctx: RuleContext = { now, mapped, fee: undefined, seen: new Set() };

  /** The order-level rules on one order (merged record), its fee and its counts (within the open batch). */
  function auditRecord(rec: OrderRecord, at: Where, giftRow = rec.row) {
    const card = cardOf(rec);
    cardsUsed.set(card.card.id, card);
    const c = agg(byCountry, rec.country);
    const w = agg(byWeek, rec.week);
    all.orders++;
    c.orders++;
    w.orders++;
    let fee: RuleContext['fee'];
    // [G-PACK] a gift in own packaging that is not pre-approved is refused, not charged: no fee.
    if (rec.hasGift && rec.country && !rec.bad.has('giftWeight') && !rec.bad.has('nfe') && !giftRefused(rec, mapped)) {
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
        addRaw(at, raw);
      }
    }
    if (freezeOn && rec.hasGift && rec.giftShippedAt !== undefined) {
      const i = gifts.push(rec.giftShippedAt, giftRow, failed ? card.gift.freezeAfterFailures : -1);
      if (failed) {
        const d: GiftDetail = { orderId: own(rec.orderId), country: rec.country, week: rec.week, key: own(at.key), affected: false, ...(at.rows ? { rows: at.rows } : {}) };
        gifts.detail.set(i, d);
        batchGifts.push(d);
      }
    }
  }

  /** An order with an id, judged on its merged record: the findings of its single rows, then its rules. */
  function judge(v: Variant) {
    const m = v.rec;
    const when = m.paidAt ?? m.giftShippedAt;
    m.week = when !== undefined ? isoWeek(when) : '';
    const multi = v.rows.length > 1 ? v.rows : undefined;
    if (multi) multiRowOrders++;
    openBatch();
    if (v.rowFindings) for (const f of v.rowFindings) addRaw({ row: f.row, orderId: m.orderId, country: m.country, week: m.week, key: v.key, carrier: m.carrier, tracking: m.tracking, rows: multi }, f.raw);
    auditRecord(m, { row: m.row, orderId: m.orderId, country: m.country, week: m.week, key: v.key, carrier: m.carrier, tracking: m.tracking, rows: multi }, v.giftRow);
    open[v.slot] = undefined;
    closeBatch();
  }

  /** Judge every variant of an order id whose rows are all in. */
  function judgeId(id: string) {
    const list = orders.get(id);
    if (!list) return;
    orders.delete(id);
    for (const v of list) judge(v);
  }

  /** A row with an order id: merged into its order (or a new one); judged when its last row is in. */
  function addToOrder(rec: OrderRecord, index: number) {
    if (adjacent && rec.orderId !== currentId) {
      if (currentId !== undefined) {
        judgeId(currentId);
        judged.add(own(currentId));
      }
      if (judged.has(rec.orderId)) {
        // Rows of this order id are not together: what was judged is not final (audit again with lastRows).
        interleaved = true;
        return;
      }
      currentId = rec.orderId;
    }
    const list = orders.get(rec.orderId);
    let v = list?.find((x) => conflicts(x.rec, rec).length === 0);
    if (v) {
      v.rows.push(rec.row);
      if (mergeRow(v.rec, rec)) v.giftRow = rec.row;
    } else {
      v = { rec, key: list ? `${rec.orderId}\u0002${rec.row}` : rec.orderId, rows: [rec.row], giftRow: rec.row, tracks: undefined, problems: undefined, rowFindings: undefined, slot: open.length };
      open.push(v);
      if (list) {
        // Rows of one id that disagree on destination, paid time or amount: two orders, both audited.
        const first = list[0];
        const why = conflicts(first.rec, rec);
        const rows = rowList([first.rows[0], rec.row]);
        const rounded = /^\d{15,}$/.test(rec.orderId)
          ? L(' (Excel rounds 16-digit ids stored as numbers to 15 digits: store order ids as text)', '（以数字存储的 16 位订单号会被 Excel 舍入为 15 位有效数字：请将订单号存为文本）')
          : L('', '');
        (v.rowFindings ??= []).push({
          row: rec.row,
          raw: dataFinding(L(
            `rows ${rows.en} of order ${rec.orderId} disagree on ${why.map((x) => x.en).join('; ')} — two orders with one id?${rounded.en} This row is audited as a separate order`,
            `订单 ${rec.orderId} 的第 ${rows.zh}不一致：${why.map((x) => x.zh).join('；')}。是两个订单共用一个订单号？${rounded.zh}本行按另一个订单单独审核`,
          )),
        });
        list.push(v);
      } else orders.set(rec.orderId, [v]);
    }
    const variant = v;
    rowFindings(rec, v, (raw) => (variant.rowFindings ??= []).push({ row: rec.row, raw }));
    if (lastRows && lastRows.get(rec.orderId) === index) judgeId(rec.orderId);
  }

  function push(rows: readonly (readonly unknown[])[], firstDataRowIndex?: number) {
    if (report || error || interleaved || !Array.isArray(rows)) return;
    let i = firstDataRowIndex ?? nextIndex;
    for (const cells of rows) {
      const index = i;
      const row = headerRow + 1 + i;
      i++;
      if (!Array.isArray(cells)) continue;
      const laid = layout.row(cells, row);
      if (!laid) continue;
      const rec = readRecord(laid, row, map, fields);
      if (!rec) continue;
      rowsRead++;
      if (rec.orderId !== '') {
        addToOrder(rec, index);
        if (interleaved) return;
        continue;
      }
      // No order id: the row is its own order, judged now.
      const at: Where = { row: rec.row, orderId: '', country: rec.country, week: rec.week, key: keyOf(rec), carrier: rec.carrier, tracking: rec.tracking };
      openBatch();
      rowFindings(rec, undefined, (raw) => addRaw(at, raw));
      auditRecord(rec, at);
      closeBatch();
    }
    nextIndex = i;
  }

  /** [G-CONFIRM] freeze: N gift failures in a row, ordered by gift shipped time across all rows. */
  function freeze() {
    let streak: number[] = [];
    for (const i of gifts.sorted()) {
      const after = gifts.freeze[i];
      if (after < 0) {
        streak = [];
        continue;
      }
      streak.push(i);
      if (streak.length !== after) continue;
      const g = gifts.detail.get(i)!;
      const t = gifts.t[i];
      const row = gifts.row[i];
      const rows = streak.map((s) => gifts.row[s]).join(', ');
      batchRules.clear();
      batchAffected = g.affected;
      add({ row, orderId: g.orderId, country: g.country, week: g.week, key: g.key, rows: g.rows }, {
        rule: 'G-CONFIRM-FREEZE',
        severity: 'error',
        message: L(
          `${after} gift failures in a row (rows ${rows}, last shipped ${stamp(t)}): Small Gifts are frozen for this store until the causes are fixed`,
          `礼物连续失败 ${after} 次（第 ${rows} 行，最后一次发货 ${stamp(t)}）：店铺小礼物功能将被冻结，请先排查失败原因`,
        ),
        cnyCents: 0,
        usdCents: 0,
      }, true, findings);
      g.affected = true;
    }
  }

  /** [X-FORMAT] one warning per distinct carrier name the table does not know, on its first row, naming every row. */
  function unknownCarrierFindings() {
    const counted = new Set<string>();
    for (const u of unknownCarriers.values()) {
      u.rows.sort((a, b) => a - b);
      const rows = rowList(u.rows);
      batchRules.clear();
      if (u.ruleCounted || counted.has(u.at.key)) batchRules.add(u.raw.rule);
      counted.add(u.at.key);
      batchAffected = true; // not counted (info-like): never "first"
      add(u.at, {
        ...u.raw,
        unknownCarrier: undefined,
        message: L(
          `${u.raw.message.en}; tracking numbers not checked on ${u.rows.length} row(s): ${rows.en}`,
          `${u.raw.message.zh}；${u.rows.length} 行的运单号未校验：第 ${rows.zh}`,
        ),
      }, false, findings);
    }
  }

  function finish(): AuditReport {
    if (report) return report;
    // Every order not judged yet, in the order of its first row.
    for (let i = openHead; i < open.length; i++) {
      const v = open[i];
      if (v) {
        orders.delete(v.rec.orderId);
        judge(v);
      }
    }
    open = [];
    openHead = 0;
    flush();
    freeze();
    unknownCarrierFindings();
    findings.sort((a, b) => a.row - b.row);
    notes.push(...layout.notes());
    if (options.timeZone) {
      notes.push(L(`Times in the file are read as ${options.timeZone} wall-clock time; "now" is ${stamp(now)} there`, `文件中的时间按 ${options.timeZone} 当地时间读取；该时区的“现在”为 ${stamp(now)}`));
    }
    if (outOfRange) {
      const first = BUILTIN_CARDS[0];
      notes.push(L(
        `${outOfRange} order(s) are dated before the first rate card (${first.card.id}, effective ${first.card.effective}); that card was used for them`,
        `${outOfRange} 个订单早于首张费率卡（${first.card.id}，${first.card.effective} 起生效），已按该费率卡计算`,
      ));
    }
    const state: AuditState = { mapping, findings: sink ? [] : findings, byRule, byCountry, byWeek, all, cardsUsed: [...cardsUsed.keys()], cards: [...cardsUsed.values()], now, notes, rows: rowsRead, multiRowOrders };
    if (options.timeZone) state.timeZone = options.timeZone;
    if (options.card) state.userCard = describeUserCard(options.card, options.cardLabel);
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
      badRows: badRows.sorted(),
      notes,
    };
    if (sink) report.findingsStreamed = streamed;
    if (error) report.error = L(error.en, error.zh);
    return report;
  }

  return {
    mapping,
    error,
    push,
    finish,
    get interleaved() {
      return interleaved;
    },
  };
}

/**
 * The first pass of a streaming audit over a table whose order rows are not together: each order
 * id's last data-row index (StreamOptions.lastRows), with the same layout and reading as the audit
 * (continuation rows belong to the order above; empty and total rows are skipped).
 */
export function orderLastRows(header: readonly unknown[], options: Pick<AuditOptions, 'overrides' | 'headerRow'> = {}): { push(rows: readonly (readonly unknown[])[], firstDataRowIndex?: number): void; result(): Map<string, number> } {
  const layout = prepareLayout(Array.isArray(header) ? header : []);
  const mapping = detectColumns(layout.header, options.overrides ?? {});
  layout.bind(mapping);
  const map = mapping.mapping;
  // Only the order id is read (the layout still joins continuation rows to their order).
  const fields: readonly Field[] = map.orderId !== undefined ? ['orderId'] : [];
  const headerRow = options.headerRow ?? 1;
  const last = new Map<string, number>();
  let next = 0;
  return {
    push(rows, firstDataRowIndex) {
      let i = firstDataRowIndex ?? next;
      for (const cells of rows) {
        const index = i++;
        if (!Array.isArray(cells)) continue;
        const laid = layout.row(cells, headerRow + 1 + index);
        if (!laid) continue;
        const rec = readRecord(laid, headerRow + 1 + index, map, fields);
        if (rec && rec.orderId !== '') last.set(last.has(rec.orderId) ? rec.orderId : own(rec.orderId), index);
      }
      next = i;
    },
    result: () => last,
  };
}

export interface AuditTableOptions extends AuditOptions {
  /** Rows per chunk between yields (default 5,000). */
  chunkSize?: number;
  onProgress?: (p: AuditProgress) => void;
  /** Cancellation: set `aborted` to true (an AbortSignal works too). */
  signal?: { readonly aborted: boolean };
  /**
   * Columns given by hand by header text, column letter or index (null unmaps), like the CLI's --map;
   * they win over `overrides`. The header row is picked first (pickHeaderRow: a row with the mapped
   * header texts is the header, not a title row above it), then these are resolved against it. Additive.
   */
  columns?: ColumnChoices;
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
  // The header row first (pickHeaderRow, the CLI's too: the given header, unless a row below it has
  // the columns given by header text), then the columns given by hand resolved against it. Index
  // overrides are the caller's columns of the given header: they do not move it.
  const choices: ColumnChoices = { ...options.overrides, ...options.columns };
  const byHand = options.columns ?? {};
  const top = Array.isArray(rows) ? [header, ...rows.slice(0, 20)] : [header];
  const open = (k: number): AuditSession | RuleError => {
    const h = Array.isArray(top[k]) ? top[k] : [];
    const overrides = resolveChoices(h, choices);
    return isRuleError(overrides) ? overrides : createAudit(h, { ...options, overrides, headerRow: (options.headerRow ?? 1) + k });
  };
  let k = pickHeaderRow(top, byHand, { at: 0 });
  let s = open(k);
  if (k === 0 && choices.orderId === undefined && !isRuleError(s) && s.error && s.mapping.mapping.orderId === undefined) {
    // A title row above the headers ("6月订单导出" in A1): the header is the row findHeaderRow picks below it.
    const moved = pickHeaderRow(top, byHand);
    const s2 = moved > 0 ? open(moved) : undefined;
    if (s2 && !isRuleError(s2) && !s2.error) {
      s = s2;
      k = moved;
    }
  }
  if (isRuleError(s)) return s;
  if (k > 0) rows = rows.slice(k);
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
