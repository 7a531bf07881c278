/**
 * One source row → one typed order record. Every cell goes through the same coercion as the
 * spreadsheet functions (core/coerce.ts); a cell that cannot be read becomes a 'DATA' problem of
 * that row (reported as a finding) and the rules that need it skip the row, never a crash.
 */
import { currencyCode, toBool, toNumber, toCents, toDate, toCountry, toGrams, toPresent, toAppeal, appealState, readMoney, isAbsentWord, fold, show, serialToMs, DAY_MS, type Cell } from '../coerce';
import { isRuleError } from '../errors';
import { L, Localized, type Text } from '../text';
import type { ColumnMapping, Field } from './types';
import { FIELD_LABELS } from './columns';

export interface OrderRecord {
  /** 1-based sheet row. */
  row: number;
  orderId: string;
  /** ISO-2, or '' when not given / unknown. */
  country: string;
  paidAt?: number;
  uploadedAt?: number;
  carrier?: string;
  /** The tracking number exactly as typed (numbers as their decimal text). */
  tracking?: string;
  /** The tracking cell as the host gave it (an Excel number keeps its type, for [X-FORMAT] reasons). */
  trackingCell?: unknown;
  firstScanAt?: number;
  lastEventAt?: number;
  deliveredAt?: number;
  eventCount?: number;
  /** The trail as typed (events joined by line breaks, |, ；…); split only when a trail is judged. */
  events?: string;
  amountCents?: number;
  appealed?: boolean;
  /** [X-PEN-TIMEOUT] an appeal was filed whose outcome is unknown (已申诉, 申诉中, pending): the penalty counts, with a note. */
  appealFiled?: boolean;
  /** The currency written in the currency column (ISO code, upper case), when one is mapped and filled. */
  currency?: string;
  uploadFailures?: number;
  invoice?: boolean;
  taxId?: string;
  giftWeight?: number;
  nfe?: boolean;
  giftShippedAt?: number;
  giftConfirmedAt?: number;
  labelCode?: string;
  giftStatus?: string;
  thresholdCents?: number;
  /** [G-PACK] the gift ships in the seller's own (non-platform) packaging; that packaging is pre-approved. */
  ownPackaging?: boolean;
  packagingApproved?: boolean;
  /** [G-REVIEW] the gift SKU, its category, the marks on its package front and the documents submitted, as typed. */
  giftSku?: string;
  skuCategory?: string;
  packagingMarks?: string;
  skuDocuments?: string;
  /** The row carries a Small Gift (any gift column filled). */
  hasGift: boolean;
  /** ISO week of the payment (or gift shipment), '' without a date. */
  week: string;
  /** Fields whose cell could not be read: rules needing them skip this row. */
  bad: Set<Field>;
  /** Why, one per bad cell. */
  problems: Text[];
}

type Kind = 'text' | 'date' | 'count' | 'grams' | 'money' | 'present' | 'appeal' | 'country' | 'events' | 'ownPackaging' | 'approval' | 'currency';

const KIND: Record<Field, Kind> = {
  orderId: 'text',
  destination: 'country',
  paidAt: 'date',
  uploadedAt: 'date',
  carrier: 'text',
  trackingNumber: 'text',
  firstScanAt: 'date',
  lastEventAt: 'date',
  deliveredAt: 'date',
  eventCount: 'count',
  events: 'events',
  orderAmount: 'money',
  appeal: 'appeal',
  uploadFailures: 'count',
  commercialInvoice: 'present',
  taxId: 'text',
  giftWeight: 'grams',
  nfe: 'present',
  giftShippedAt: 'date',
  giftConfirmedAt: 'date',
  labelCode: 'text',
  giftStatus: 'text',
  giftThreshold: 'money',
  ownPackaging: 'ownPackaging',
  packagingApproved: 'approval',
  giftSku: 'text',
  skuCategory: 'text',
  packagingMarks: 'text',
  skuDocuments: 'text',
  currency: 'currency',
};

const PROP: Partial<Record<Field, keyof OrderRecord>> = {
  paidAt: 'paidAt',
  uploadedAt: 'uploadedAt',
  carrier: 'carrier',
  trackingNumber: 'tracking',
  firstScanAt: 'firstScanAt',
  lastEventAt: 'lastEventAt',
  deliveredAt: 'deliveredAt',
  eventCount: 'eventCount',
  events: 'events',
  orderAmount: 'amountCents',
  appeal: 'appealed',
  uploadFailures: 'uploadFailures',
  commercialInvoice: 'invoice',
  taxId: 'taxId',
  giftWeight: 'giftWeight',
  nfe: 'nfe',
  giftShippedAt: 'giftShippedAt',
  giftConfirmedAt: 'giftConfirmedAt',
  labelCode: 'labelCode',
  giftStatus: 'giftStatus',
  giftThreshold: 'thresholdCents',
  ownPackaging: 'ownPackaging',
  packagingApproved: 'packagingApproved',
  giftSku: 'giftSku',
  skuCategory: 'skuCategory',
  packagingMarks: 'packagingMarks',
  skuDocuments: 'skuDocuments',
  currency: 'currency',
};

export const GIFT_FIELDS: readonly Field[] = ['giftWeight', 'giftShippedAt', 'labelCode', 'giftStatus', 'giftConfirmedAt'];

/** Text as typed: numbers become their decimal text (Excel stores digit-only ids as numbers). */
function cellText(x: Cell): string | undefined {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return Number.isInteger(x) && Math.abs(x) < 1e21 ? x.toFixed(0) : String(x);
  if (typeof x === 'boolean') return x ? 'TRUE' : 'FALSE';
  return undefined;
}

/**
 * [X-PEN-TIMEOUT] an appeal cell → true (valid appeal), false (none / pending / rejected), or
 * undefined (unreadable). The reading is core/coerce.ts toAppeal, the same as PENALTY's `appealed`.
 */
export function readAppeal(x: Cell): boolean | undefined {
  const a = toAppeal(x);
  return isRuleError(a) ? undefined : a;
}

/**
 * Placeholders people type for "no value" ("-", "N/A", 无, unknown, 000…): a tax id or document cell
 * holding one is missing [X-DOCS]. The list is core/coerce.ts isAbsentWord, the same as toPresent.
 */
export const isPlaceholder = (s: string): boolean => isAbsentWord(s);

/*
 * [G-PACK] Packaging cells. Own packaging: yes/no (是/否), or where the packaging comes from
 * ("自备" / "own" vs "平台" / "platform"). Pre-approval: yes/no, or the review state ("已预审",
 * "approved" vs "未预审", "驳回", "审核中", "pending"): only an approval counts. "Not" words are looked
 * for first, so "非自备" / "未通过" / "not approved" never read as their positive part.
 */
const PLATFORM_PACK = /平台|官方|菜鸟|统一包材|标准包材|非自备|不是自备|无自备|\b(?:platform|official|cainiao|aliexpress|standard|not\s+own|no\s+own)\b/i;
const OWN_PACK = /自备|自有|自制|自己|定制|商家|\b(?:own|custom(?:ised|ized)?|self|seller|private|branded)\b/i;
const NOT_APPROVED = /未预审|未审核|未通过|不通过|没通过|未备案|未批准|驳回|拒绝|被拒|审核中|预审中|待审|待预审|待审核|已提交|\b(?:not\s+(?:yet\s+)?(?:pre-?)?(?:approved|registered|reviewed)|unapproved|rejected|denied|declined|pending|under\s+review|in\s+review|submitted|awaiting)\b/i;
const APPROVED = /已预审|预审通过|已审核|审核通过|已通过|通过|已备案|已批准|已核准|\b(?:pre-?approved|approved|registered|passed|accepted|ok)\b/i;

/** A yes/no cell that may also be a word: the "no" words are tried first, so "未通过" never reads as "通过". */
function flagWord(x: Cell, no: RegExp, yes: RegExp, why: (shown: string) => Text): boolean | Text {
  const b = toBool(x);
  if (typeof b === 'boolean') return b;
  if (typeof x === 'string') {
    const s = fold(x).trim();
    if (no.test(s)) return false;
    if (yes.test(s)) return true;
  }
  return why(show(x));
}

/** [G-PACK] An own-packaging cell → true (own packaging), false (platform packaging), or why it cannot be read. */
export const readOwnPackaging = (x: Cell): boolean | Text =>
  flagWord(x, PLATFORM_PACK, OWN_PACK, (v) => L(`must say whether the gift ships in its own packaging: 是/否, 自备 / 平台, own / platform; got ${v}`, `应注明礼物是否使用自备包材：是/否、自备 / 平台、own / platform；得到 ${v}`));

/** [G-PACK] A pre-approval cell → true only for an approval; pending or rejected is false. */
export const readApproval = (x: Cell): boolean | Text =>
  flagWord(x, NOT_APPROVED, APPROVED, (v) => L(`must say whether the packaging is pre-approved: 是/否, 已预审 / 未预审, approved / pending / rejected; got ${v}`, `应注明包材是否已预审：是/否、已预审 / 未预审、approved / pending / rejected；得到 ${v}`));

const countryCache = new Map<string, string | Text>();

function readCell(kind: Kind, x: Cell): unknown | Text {
  switch (kind) {
    case 'text': {
      const t = cellText(x);
      return t === undefined ? L(`must be text, got ${show(x)}`, `必须是文本，得到 ${show(x)}`) : t;
    }
    case 'date':
      return typeof x === 'number' && x >= 1 && x <= 2_958_465 ? serialToMs(x) : toDate(x);
    case 'count': {
      const n = toNumber(x);
      if (isRuleError(n)) return n;
      return Number.isInteger(n) && n >= 0 ? n : L(`must be a whole number ≥ 0, got ${show(x)}`, `必须是 ≥ 0 的整数，得到 ${show(x)}`);
    }
    case 'grams': {
      // The same reading as SG_FEE's weight_g: "50 g", "50 gr", "50公克"; kg / lb ask for grams.
      const n = toGrams(x);
      if (isRuleError(n)) return n;
      return n >= 0 ? n : L(`must be grams ≥ 0, got ${show(x)}`, `必须是 ≥ 0 的克数，得到 ${show(x)}`);
    }
    case 'money': {
      // "$12.34", "US $12.34", "USD 400.00", "12.34 USD", "1,234.56": USD. Another currency is never mixed in.
      const m = readMoney(x);
      if (isRuleError(m)) return m;
      if (m.currency && m.currency !== 'USD') {
        return L(`${show(x)} is in ${m.currency}, not USD: convert it to USD (amounts in other currencies are not mixed in)`, `${show(x)} 的币种是 ${m.currency}，不是美元：请换算为美元（不混用其他币种的金额）`);
      }
      return m.amount >= 0 ? toCents(m.amount) : L(`must be an amount ≥ 0, got ${show(x)}`, `必须是 ≥ 0 的金额，得到 ${show(x)}`);
    }
    case 'currency': {
      const t = cellText(x);
      if (t === undefined) return L(`must be a currency code such as USD, got ${show(x)}`, `必须是 USD 这样的币种代码，得到 ${show(x)}`);
      // The same currency table as the money cells (coerce.ts readMoney): "US $" is USD in both.
      return currencyCode(t);
    }
    case 'present':
      // A document / NFe column holds either yes/no or the number itself: the same reading as SG_FEE's has_nfe.
      return toPresent(x);
    case 'appeal': {
      const a = appealState(x);
      if (!isRuleError(a)) return a;
      return L(
        `${a.en}; the delivery-timeout penalty [X-PEN-TIMEOUT] is not judged for this row`,
        `${a.zh}；本行不判断妥投超时罚款 [X-PEN-TIMEOUT]`,
      );
    }
    case 'country': {
      const key = typeof x === 'string' ? x : String(x);
      let c = countryCache.get(key);
      if (c === undefined) {
        const r = toCountry(x);
        c = isRuleError(r) ? L(r.en, r.zh) : r;
        if (countryCache.size < 10_000) countryCache.set(key, c);
      }
      return c;
    }
    case 'events': {
      const t = cellText(x);
      if (t === undefined) return L(`must be text, got ${show(x)}`, `必须是文本，得到 ${show(x)}`);
      return t;
    }
    case 'ownPackaging':
      return readOwnPackaging(x);
    case 'approval':
      return readApproval(x);
  }
}

/** Gift-status words that mean "this order has no gift". */
const NO_GIFT = /^(无|没有|否|不适用|未赠送|无礼物|无赠品|不赠送|-|—|n\/?a|none|no|no[\s_-]*gift)$/i;
/** A gift-status text that says "this order has no gift" (rules that do not need a gift column skip such rows). */
export const isNoGiftStatus = (s: string): boolean => NO_GIFT.test(fold(s).trim());

const isText = (v: unknown): v is Text => v instanceof Localized;

/** ISO-8601 week of an instant (UTC), e.g. '2024-W23'. */
const weekCache = new Map<number, string>();
export function isoWeek(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const hit = weekCache.get(day);
  if (hit) return hit;
  const dow = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  const thursday = day - dow + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
  const w = Math.floor((thursday - jan1) / 7) + 1;
  const s = `${year}-W${String(w).padStart(2, '0')}`;
  if (weekCache.size < 100_000) weekCache.set(day, s);
  return s;
}

const NO_BAD: ReadonlySet<Field> = new Set();
const NO_PROBLEMS: readonly Text[] = [];

/** Every property present from the start: one object shape for all rows (fast property access). */
const blank = (row: number): OrderRecord => ({
  row, orderId: '', country: '', paidAt: undefined, uploadedAt: undefined, carrier: undefined, tracking: undefined, trackingCell: undefined,
  firstScanAt: undefined, lastEventAt: undefined, deliveredAt: undefined, eventCount: undefined, events: undefined, amountCents: undefined,
  appealed: undefined, appealFiled: undefined, currency: undefined, uploadFailures: undefined, invoice: undefined, taxId: undefined, giftWeight: undefined, nfe: undefined,
  giftShippedAt: undefined, giftConfirmedAt: undefined, labelCode: undefined, giftStatus: undefined, thresholdCents: undefined,
  ownPackaging: undefined, packagingApproved: undefined, giftSku: undefined, skuCategory: undefined, packagingMarks: undefined, skuDocuments: undefined,
  hasGift: false, week: '', bad: NO_BAD as Set<Field>, problems: NO_PROBLEMS as Text[],
});

const IS_GIFT_FIELD = new Set<Field>(GIFT_FIELDS);

/** Empty as exports write it: blank, "--" (no value) or "*****" (masked by the platform). */
const MASKED = /^\s*(?:-{2,}|—{1,}|\*{3,})\s*$/;
export function isBlankCell(x: Cell): boolean {
  if (x === null || x === undefined) return true;
  if (typeof x !== 'string') return false;
  // Hot path (every mapped cell of every row): the regexes only for text that can be blank or masked.
  const c = x.charCodeAt(0);
  if (x.length === 0) return true;
  if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 0x3000 && c !== 45 && c !== 42 && c !== 0x2014) return false;
  return x.trim() === '' || MASKED.test(x);
}

/** Read one row; undefined when the row is entirely empty (skipped, not counted). */
export function readRecord(cells: readonly Cell[], row: number, mapping: ColumnMapping, fields: readonly Field[]): OrderRecord | undefined {
  let any = false;
  for (let i = 0; i < fields.length && !any; i++) if (!isBlankCell(cells[mapping[fields[i]]!])) any = true;
  if (!any) return undefined;
  const rec = blank(row);
  const r = rec as unknown as Record<string, unknown>;
  let giftCell = false;
  let noGift = false;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const x = cells[mapping[f]!];
    if (isBlankCell(x)) continue;
    if (f === 'giftStatus' && isNoGiftStatus(String(x))) noGift = true;
    else if (IS_GIFT_FIELD.has(f) && f !== 'giftWeight') giftCell = true;
    const v = readCell(KIND[f], x);
    if (isRuleError(v) || isText(v)) {
      if (f === 'giftWeight') giftCell = true; // an unreadable weight still says there is a gift
      problem(rec, f, v as Text);
      continue;
    }
    if (f === 'trackingNumber') rec.trackingCell = x;
    if (f === 'orderId') rec.orderId = (v as string).trim();
    else if (f === 'destination') rec.country = v as string;
    else if (f === 'appeal') {
      rec.appealed = v === 'upheld';
      rec.appealFiled = v === 'filed';
    }
    else if (f === 'giftWeight') {
      // Coerced first: 0, "0" and "0.0" (CSV text) are "no gift", like an empty cell.
      if ((v as number) > 0) giftCell = true;
      rec.giftWeight = v as number;
    } else r[PROP[f]!] = v;
  }
  // A NO_GIFT status ("无", "N/A", "no gift") overrides the other gift columns.
  rec.hasGift = giftCell && !noGift;
  // A currency column saying anything but USD: the amounts of this row are not USD [DATA].
  if (rec.currency !== undefined && rec.currency !== 'USD' && !rec.bad.has('currency')) {
    for (const f of ['orderAmount', 'giftThreshold'] as const) {
      if (mapping[f] !== undefined && !isBlankCell(cells[mapping[f]!]) && !rec.bad.has(f)) {
        r[PROP[f]!] = undefined;
        problem(rec, f, L(`the currency column says ${rec.currency}, not USD: convert the amount to USD (amounts in other currencies are not mixed in)`, `币种列为 ${rec.currency}，不是美元：请将金额换算为美元（不混用其他币种的金额）`));
      }
    }
  }
  // A tax id is there when toPresent says so (the same reading as the invoice and NFe columns).
  if (typeof rec.taxId === 'string' && toPresent(rec.taxId) !== true) rec.taxId = undefined;
  if (rec.orderId === '' && mapping.orderId !== undefined && !rec.bad.has('orderId')) {
    problem(rec, 'orderId', L('empty: no order id, the row is reported by its row number', '为空：没有订单号，按行号报告'));
  }
  const when = rec.paidAt ?? rec.giftShippedAt;
  if (when !== undefined) rec.week = isoWeek(when);
  return rec;
}

function problem(rec: OrderRecord, f: Field, why: Text) {
  if (rec.bad === NO_BAD) {
    rec.bad = new Set();
    rec.problems = [];
  }
  rec.bad.add(f);
  const name = FIELD_LABELS[f];
  rec.problems.push(L(`${name.en}: ${why.en}`, `${name.zh}：${why.zh}`));
}
