/**
 * Column mapping for the bulk audit (DESIGN.md "Data flow of one audit"): find the audit columns
 * from the header texts real ERP and AliExpress exports use, in English and Chinese, tolerant of
 * case, spaces, full-width characters and unit suffixes like "(USD)" / "（克）".
 */
import { L, type Text } from '../text';
import type { ColumnMapping, Field, MappingResult } from './types';
import { AUDIT_RULES } from './rules';

/** Display names of the fields (what the pane shows next to a column picker). */
export const FIELD_LABELS: Record<Field, Text> = {
  orderId: L('Order ID', '订单号'),
  destination: L('Destination country', '目的国'),
  paidAt: L('Paid at', '付款时间'),
  uploadedAt: L('Tracking uploaded at', '上传时间'),
  carrier: L('Carrier', '物流商'),
  trackingNumber: L('Tracking number', '运单号'),
  firstScanAt: L('First pickup scan', '首次揽收时间'),
  lastEventAt: L('Last tracking event', '最后轨迹时间'),
  deliveredAt: L('Delivered at', '妥投时间'),
  eventCount: L('Tracking event count', '轨迹事件数'),
  events: L('Tracking events (text)', '物流轨迹'),
  orderAmount: L('Order amount (USD)', '订单金额（美元）'),
  appeal: L('Appeal', '申诉'),
  uploadFailures: L('Failed uploads', '上传失败次数'),
  commercialInvoice: L('Commercial invoice', '商业发票'),
  taxId: L('Buyer tax id', '买家税号'),
  giftWeight: L('Gift weight (g)', '礼物重量（克）'),
  nfe: L('NFe number', 'NFe 号'),
  giftShippedAt: L('Gift shipped at', '礼物发货时间'),
  giftConfirmedAt: L('Gift confirmed shipped at', '确认发货时间'),
  labelCode: L('Gift label code', '面单号'),
  giftStatus: L('Gift status', '礼物状态'),
  giftThreshold: L('Gift threshold (USD)', '赠礼门槛（美元）'),
};

/** Header synonyms per field, as exports spell them. Matched after normalising (see headerKey). */
export const FIELD_SYNONYMS: Record<Field, readonly string[]> = {
  orderId: ['订单号', '订单编号', '订单ID', '订单id', '主订单号', '平台订单号', '速卖通订单号', 'AE订单号', '交易号', 'Order ID', 'Order No', 'Order No.', 'Order Number', 'Order #', 'OrderID', 'Order'],
  destination: ['目的国', '目的国家', '收货国家', '收件国家', '收货国家/地区', '目的国家/地区', '国家/地区', '国家', '目的地', '收货地', 'Country', 'Destination', 'Destination Country', 'Ship to Country', 'Shipping Country', 'Buyer Country', 'Recipient Country', 'Country/Region', 'Receiver Country'],
  paidAt: ['付款时间', '支付时间', '付款日期', '支付日期', '买家付款时间', '订单付款时间', 'Paid at', 'Paid', 'Payment time', 'Payment date', 'Paid time', 'Paid date', 'Pay time', 'Order paid time', 'Payment Success Time'],
  uploadedAt: ['上传时间', '单号上传时间', '运单号上传时间', '声明发货时间', '填写发货时间', '发货时间', 'Upload time', 'Uploaded at', 'Tracking uploaded at', 'Tracking upload time', 'Shipment declared at', 'Shipped at', 'Ship time'],
  carrier: ['物流商', '承运商', '物流公司', '快递公司', '物流服务', '物流方式', '承运人', '物流渠道', '快递', 'Carrier', 'Courier', 'Logistics provider', 'Logistics company', 'Shipping carrier', 'Logistics service', 'Shipping company'],
  trackingNumber: ['运单号', '物流单号', '快递单号', '跟踪号', '追踪号', '物流跟踪号', '国际运单号', '货运单号', 'Tracking number', 'Tracking No', 'Tracking No.', 'Tracking #', 'Tracking', 'Tracking ID', 'Tracking code', 'Waybill', 'Waybill number', 'Waybill No', 'AWB'],
  firstScanAt: ['首次揽收时间', '揽收时间', '首次扫描时间', '揽件时间', '首次上网时间', '上网时间', 'First scan', 'First scan time', 'First scan at', 'First pickup scan', 'Pickup time', 'Picked up at', 'Collected at'],
  lastEventAt: ['最后轨迹时间', '最新轨迹时间', '最后更新时间', '轨迹更新时间', '最近轨迹时间', '最后物流时间', 'Last event', 'Last event time', 'Last event at', 'Last tracking update', 'Last update', 'Last scan', 'Latest event time'],
  deliveredAt: ['妥投时间', '签收时间', '送达时间', '妥投日期', '签收日期', 'Delivered at', 'Delivered', 'Delivery time', 'Delivered time', 'Delivery date', 'Signed at'],
  eventCount: ['轨迹事件数', '轨迹条数', '事件数', '节点数', '轨迹节点数', 'Event count', 'Events count', 'Number of events', 'Tracking event count'],
  events: ['物流轨迹', '轨迹详情', '轨迹', '轨迹节点', '物流详情', 'Events', 'Tracking events', 'Tracking history', 'Tracking details', 'Tracking trail', 'Event list'],
  orderAmount: ['订单金额', '订单金额(USD)', '订单金额(美元)', '订单总额', '实付金额', '订单实付金额', '金额', 'Order amount', 'Order amount (USD)', 'Amount', 'Amount (USD)', 'Order total', 'Order value', 'Total amount'],
  appeal: ['申诉', '申诉状态', '是否申诉', '有效申诉', '已申诉', '申诉结果', 'Appeal', 'Appealed', 'Appeal status', 'Valid appeal'],
  uploadFailures: ['上传失败次数', '上传失败', '单号上传失败', '上传失败数', 'Upload failures', 'Failed uploads', 'Upload failed', 'Failed upload count'],
  commercialInvoice: ['商业发票', '发票', '商业发票号', '发票号', 'Commercial invoice', 'Invoice', 'Invoice number', 'Invoice No'],
  taxId: ['税号', '买家税号', '收件人税号', '个人税号', 'Tax id', 'Tax number', 'Buyer tax id', 'Tax ID (INN/CPF/RFC)', 'INN/CPF/RFC', 'CPF/CNPJ', 'CPF', 'CNPJ', 'INN', 'RFC'],
  giftWeight: ['礼物重量', '礼物重量(g)', '礼物重量(克)', '赠品重量', '小礼物重量', 'Gift weight', 'Gift weight (g)', 'Gift grams'],
  nfe: ['NFe', 'NF-e', 'NFe号', 'NFe编号', 'NFe number', '巴西NFe'],
  giftShippedAt: ['礼物发货时间', '赠品发货时间', '小礼物发货时间', 'Gift shipped at', 'Gift ship time', 'Gift shipped', 'Gift shipping time'],
  giftConfirmedAt: ['确认发货时间', '礼物确认发货时间', '礼物确认时间', 'Gift confirmed at', 'Confirmed at', 'Confirm shipped at', 'Confirmed shipped at', 'Gift confirm time'],
  labelCode: ['面单号', '礼物面单号', '面单编号', '礼物面单', 'Label code', 'Gift label', 'Gift label code', 'Label', 'Label No'],
  giftStatus: ['礼物状态', '赠品状态', '小礼物状态', 'Gift status'],
  giftThreshold: ['赠礼门槛', '礼物门槛', '满赠门槛', '触发门槛', '门槛', 'Gift threshold', 'Threshold', 'Gift trigger'],
};

export const ALL_FIELDS = Object.keys(FIELD_LABELS) as Field[];

/** Fields an audit cannot run without: every finding names its order. */
export const REQUIRED_FIELDS: readonly Field[] = ['orderId'];

/** Normalise a header: NFKC (full-width → ASCII), lower case, letters and digits only. */
export function headerKey(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}#]/gu, '');
}

/**
 * The same without a trailing unit in brackets: "订单金额（USD）" → "订单金额". Only for header-sized
 * text: the bracket search is quadratic on a long run of "(" and no header is 256 characters long.
 */
const withoutUnit = (raw: unknown): string =>
  headerKey(typeof raw === 'string' && raw.length <= 256 ? raw.normalize('NFKC').replace(/[([{【][^)\]}】]*[)\]}】]\s*$/, '') : raw);

let synonymIndex: Map<string, Field> | undefined;
function index(): Map<string, Field> {
  if (synonymIndex) return synonymIndex;
  const m = new Map<string, Field>();
  for (const f of ALL_FIELDS) for (const s of FIELD_SYNONYMS[f]) if (!m.has(headerKey(s))) m.set(headerKey(s), f);
  return (synonymIndex = m);
}

/** The field a header text stands for, if any. */
export function fieldOfHeader(raw: unknown): Field | undefined {
  const idx = index();
  return idx.get(headerKey(raw)) ?? idx.get(withoutUnit(raw));
}

/** Rules that cannot run with a mapping, with the fields they lack. */
export function skippedRules(mapping: ColumnMapping): { rule: string; missing: Field[] }[] {
  const out: { rule: string; missing: Field[] }[] = [];
  for (const r of AUDIT_RULES) {
    const missing = r.needs.filter((f) => mapping[f] === undefined);
    if (r.anyOf && !r.anyOf.some((f) => mapping[f] !== undefined)) missing.push(...r.anyOf);
    if (missing.length) out.push({ rule: r.id, missing });
  }
  return out;
}

/**
 * Map header texts to audit fields. Each column serves at most one field and each field takes the
 * first matching column; `overrides` set (column index) or clear (null) any field.
 */
export function detectColumns(header: readonly unknown[], overrides: Partial<Record<Field, number | null>> = {}): MappingResult {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  // Overrides first so a detected column cannot take a column the user assigned elsewhere.
  for (const [f, col] of Object.entries(overrides) as [Field, number | null | undefined][]) {
    if (typeof col === 'number' && Number.isInteger(col) && col >= 0 && col < header.length && !used.has(col)) {
      mapping[f] = col;
      used.add(col);
    }
  }
  const unmatched: { column: number; header: string }[] = [];
  for (let c = 0; c < header.length; c++) {
    if (used.has(c)) continue;
    const f = fieldOfHeader(header[c]);
    if (f && !(f in overrides) && mapping[f] === undefined) {
      mapping[f] = c;
      used.add(c);
    } else {
      const h = header[c];
      const text = h === null || h === undefined ? '' : String(h).trim();
      if (text !== '') unmatched.push({ column: c, header: text });
    }
  }
  const missingRequired = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
  const skipped = skippedRules(mapping);
  if (skipped.length === AUDIT_RULES.length && !missingRequired.length) {
    // Not one rule can run: the columns of the simplest rule ([X-FORMAT]) are what is missing.
    for (const f of ['carrier', 'trackingNumber'] as const) if (mapping[f] === undefined) missingRequired.push(f);
  }
  return { mapping, unmatched, missingRequired, skippedRules: skipped };
}

/** Column letter(s) of a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const blankCell = (c: unknown) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** How many distinct audit fields the cells of a row name (a header row names many, a title or data row few). */
export function headerScore(row: readonly unknown[]): number {
  const seen = new Set<Field>();
  for (const c of row) {
    if (blankCell(c)) continue;
    const f = fieldOfHeader(c);
    if (f) seen.add(f);
  }
  return seen.size;
}

/**
 * The header row of a sheet's values: among the first `limit` non-empty rows, the one whose cells
 * name the most distinct audit fields (ties: the earliest), so a title row like "6月订单导出" in A1
 * and a group row like "Order,,,Logistics" above the real headers are skipped. No row names any
 * field: the first non-empty row (never the widest: that can be a data row), whose missing order-id
 * column the audit then reports or the user maps by hand. 0-based index into `rows`; -1 when every
 * row is empty.
 */
export function findHeaderRow(rows: readonly (readonly unknown[] | null | undefined)[], limit = 20): number {
  let best = -1;
  let bestScore = 0;
  let first = -1;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < limit; i++) {
    const r = rows[i];
    if (!Array.isArray(r) || r.every(blankCell)) continue;
    seen++;
    if (first < 0) first = i;
    const score = headerScore(r);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best >= 0 ? best : first;
}
