/**
 * Column mapping for the bulk audit (DESIGN.md "Data flow of one audit"): find the audit columns
 * from the header texts real ERP and AliExpress exports use, in English and Chinese, tolerant of
 * case, spaces, full-width characters and unit suffixes like "(USD)" / "（克）".
 */
import { valueError, type RuleError } from '../errors';
import { L, type Text } from '../text';
import type { ColumnMapping, Field, MappingResult } from './types';
import { AUDIT_RULES, SKU_REVIEW_FIELDS } from './rules';

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
  ownPackaging: L('Own packaging', '自备包材'),
  packagingApproved: L('Packaging pre-approved', '包材已预审'),
  giftSku: L('Gift SKU', '礼物 SKU'),
  skuCategory: L('Gift category', '礼物品类'),
  packagingMarks: L('Packaging marks', '包装标识'),
  skuDocuments: L('Review documents', '送审资料'),
  currency: L('Currency', '币种'),
};

/** Header synonyms per field, as exports spell them. Matched after normalising (see headerKey). */
export const FIELD_SYNONYMS: Record<Field, readonly string[]> = {
  orderId: ['订单号', '订单编号', '订单ID', '订单id', '主订单号', '平台订单号', '速卖通订单号', 'AE订单号', '交易号', 'Order ID', 'Order No', 'Order No.', 'Order Number', 'Order #', 'OrderID', 'Order', '平台单号', '平台订单编号'],
  destination: ['目的国', '目的国家', '收货国家', '收件国家', '收货国家/地区', '目的国家/地区', '国家/地区', '国家', '目的地', '收货地', 'Country', 'Destination', 'Destination Country', 'Ship to Country', 'Shipping Country', 'Buyer Country', 'Recipient Country', 'Country/Region', 'Receiver Country', '买家国家', '收件人国家', '收货人国家', '国家二字码', '国家代码', 'Country code', 'Ship Country'],
  paidAt: ['付款时间', '支付时间', '付款日期', '支付日期', '买家付款时间', '订单付款时间', 'Paid at', 'Paid', 'Payment time', 'Payment date', 'Paid time', 'Paid date', 'Pay time', 'Order paid time', 'Payment Success Time'],
  uploadedAt: ['上传时间', '单号上传时间', '运单号上传时间', '声明发货时间', '填写发货时间', '发货时间', 'Upload time', 'Uploaded at', 'Tracking uploaded at', 'Tracking upload time', 'Shipment declared at', 'Shipped at', 'Ship time', '运单上传时间', '发货日期', '声明发货日期'],
  carrier: ['物流商', '承运商', '物流公司', '快递公司', '物流服务', '物流方式', '承运人', '物流渠道', '快递', 'Carrier', 'Courier', 'Logistics provider', 'Logistics company', 'Shipping carrier', 'Logistics service', 'Shipping company', '邮寄方式', '运输方式', '物流产品', '实际发货物流', '发货物流', 'Shipping method', 'Shipping service', 'Logistics channel'],
  trackingNumber: ['运单号', '物流单号', '快递单号', '跟踪号', '追踪号', '物流跟踪号', '国际运单号', '货运单号', 'Tracking number', 'Tracking No', 'Tracking No.', 'Tracking #', 'Tracking', 'Tracking ID', 'Tracking code', 'Waybill', 'Waybill number', 'Waybill No', 'AWB', '运单号码', '实际发货单号', '物流运单号', '实际运单号', 'Tracking Number(s)'],
  firstScanAt: ['首次揽收时间', '揽收时间', '首次扫描时间', '揽件时间', '首次上网时间', '上网时间', 'First scan', 'First scan time', 'First scan at', 'First pickup scan', 'Pickup time', 'Picked up at', 'Collected at', '交运时间', '交运日期'],
  lastEventAt: ['最后轨迹时间', '最新轨迹时间', '最后更新时间', '轨迹更新时间', '最近轨迹时间', '最后物流时间', 'Last event', 'Last event time', 'Last event at', 'Last tracking update', 'Last update', 'Last scan', 'Latest event time'],
  deliveredAt: ['妥投时间', '签收时间', '送达时间', '妥投日期', '签收日期', 'Delivered at', 'Delivered', 'Delivery time', 'Delivered time', 'Delivery date', 'Signed at'],
  eventCount: ['轨迹事件数', '轨迹条数', '事件数', '节点数', '轨迹节点数', 'Event count', 'Events count', 'Number of events', 'Tracking event count'],
  events: ['物流轨迹', '轨迹详情', '轨迹', '轨迹节点', '物流详情', 'Events', 'Tracking events', 'Tracking history', 'Tracking details', 'Tracking trail', 'Event list'],
  orderAmount: ['订单金额', '订单总金额', '订单金额(USD)', '订单金额(美元)', '订单总额', '实付金额', '订单实付金额', '金额', 'Order amount', 'Order amount (USD)', 'Amount', 'Amount (USD)', 'Order total', 'Order value', 'Total amount', '订单实付总额', 'Order total amount', 'Order Amount(USD)'],
  appeal: ['申诉', '申诉状态', '是否申诉', '有效申诉', '已申诉', '申诉结果', 'Appeal', 'Appealed', 'Appeal status', 'Valid appeal'],
  uploadFailures: ['上传失败次数', '上传失败', '单号上传失败', '上传失败数', 'Upload failures', 'Failed uploads', 'Upload failed', 'Failed upload count'],
  commercialInvoice: ['商业发票', '发票', '商业发票号', '发票号', 'Commercial invoice', 'Invoice', 'Invoice number', 'Invoice No'],
  taxId: ['税号', '买家税号', '收件人税号', '个人税号', 'Tax id', 'Tax number', 'Buyer tax id', 'Tax ID (INN/CPF/RFC)', 'INN/CPF/RFC', 'CPF/CNPJ', 'CPF', 'CNPJ', 'INN', 'RFC'],
  giftWeight: ['礼物重量', '礼物重量(g)', '礼物重量(克)', '赠品重量', '小礼物重量', 'Gift weight', 'Gift weight (g)', 'Gift grams'],
  nfe: ['NFe', 'NF-e', 'NFe号', 'NFe编号', 'NFe number', '巴西NFe'],
  giftShippedAt: ['礼物发货时间', '赠品发货时间', '小礼物发货时间', 'Gift shipped at', 'Gift ship time', 'Gift shipped', 'Gift shipping time'],
  giftConfirmedAt: ['确认发货时间', '礼物确认发货时间', '礼物确认时间', 'Gift confirmed at', 'Confirmed at', 'Confirm shipped at', 'Confirmed shipped at', 'Gift confirm time'],
  labelCode: ['面单号', '礼物面单号', '面单编号', '礼物面单', 'Label code', 'Gift label', 'Gift label code', 'Label', 'Label No', '小礼物面单号', '礼物面单号码'],
  giftStatus: ['礼物状态', '赠品状态', '小礼物状态', 'Gift status'],
  giftThreshold: ['赠礼门槛', '礼物门槛', '满赠门槛', '触发门槛', '门槛', 'Gift threshold', 'Threshold', 'Gift trigger'],
  ownPackaging: ['自备包材', '自有包材', '自备包装', '自有包装', '商家自备包材', '包材来源', '包装来源', '是否自备包材', '是否自有包材', '是否自备包装', 'Own packaging', 'Own package', 'Own packing', 'Custom packaging', 'Seller packaging', 'Packaging source'],
  packagingApproved: ['包材已预审', '包材预审', '包装预审', '包材已审核', '包材审核', '包装审核', '包材审核状态', '包材预审状态', '包材已备案', '包材备案', '包材是否预审', '包材是否已预审', '包装是否预审', 'Packaging approved', 'Packaging pre-approved', 'Packaging approval', 'Package approved', 'Packaging pre-approval', 'Packaging registered'],
  giftSku: ['礼物SKU', '赠品SKU', '小礼物SKU', '礼物编码', '赠品编码', '礼物商品编码', 'Gift SKU', 'Gift SKU ID', 'Gift item'],
  skuCategory: ['礼物品类', '赠品品类', '礼物类目', '品类', '类目', '商品类目', '商品品类', '产品类别', 'Category', 'Gift category', 'Product category', 'SKU category'],
  packagingMarks: ['包装标识', '包装标志', '外包装标识', '包装正面标识', '包装印刷', '包装印字', 'Packaging marks', 'Package marks', 'Packaging labels', 'Package labelling', 'Marks on package', 'Package front'],
  skuDocuments: ['送审资料', '提交资料', '审核资料', '资质文件', '提交材料', '资质资料', '礼物资料', 'Review documents', 'Documents', 'Submitted documents', 'Documents submitted', 'Gift documents'],
  currency: ['币种', '货币', '原始币种', '原始货币', '订单币种', '结算币种', '币别', 'Currency', 'Order currency', 'Currency code'],
};

export const ALL_FIELDS = Object.keys(FIELD_LABELS) as Field[];

/** Fields an audit cannot run without: every finding names its order. */
export const REQUIRED_FIELDS: readonly Field[] = ['orderId'];

/** A gift-SKU sheet: its rows are SKUs, so the order id is not required [G-REVIEW]. */
export const isSkuSheet = (m: ColumnMapping): boolean => SKU_REVIEW_FIELDS.every((f) => m[f] !== undefined);
/**
 * A header rule: the header names the field when, for EVERY group, it contains one of the group's
 * parts, and it contains none of `not`. Parts in Chinese (or with no Latin letter) match anywhere in
 * the compact key; Latin parts match whole words ("no" is a word of "Order No", not of "Notes").
 * `weight` orders rules of one field and of different fields (default 50; a fallback such as the
 * buyer's chosen service is 10, so any real column wins); `fallback` marks a column used only for
 * want of a better one (the Summary says so).
 */
export interface HeaderRule {
  all: readonly (readonly string[])[];
  not?: RegExp;
  weight?: number;
  fallback?: Text;
}

const TIME = ['时间', '日期', '时刻', 'time', 'date', 'at', 'datetime', 'timestamp'];
const NUMBER = ['号', '编号', '号码', '单号', 'no', 'number', 'num', 'id', 'code', '#'];
const GIFT = ['礼物', '礼品', '赠品', '小礼物', '赠礼', 'gift'];

/**
 * Header rules per field (see HeaderRule), after the exact synonyms. A field without rules matches
 * by its synonyms only, so a new field slots in as data: synonyms, and rules when its headers vary.
 */
export const FIELD_RULES: Partial<Record<Field, readonly HeaderRule[]>> = {
  orderId: [
    { all: [['订单', 'order'], NUMBER], not: /包裹|物流|运单|跟踪|追踪|交易|参考|系统|sku|商品|产品|备注|状态|时间|日期|金额|数量|来源|类型|package|parcel|tracking|status|time|date|amount|note|qty|quantity|type|source|item/ },
  ],
  destination: [
    { all: [['国家', '国别', '目的国', '目的地', 'country', 'destination', 'countrycode']], not: /地址|address|名称|name|城市|city|州|省|邮编|zip|postal|电话|phone|币|currency|语言|language|卖家|seller|发货国|起运|origin|仓|warehouse|产地|原产|发件|寄件|sender|shipper/ },
  ],
  paidAt: [
    { all: [['付款', '支付', 'paid', 'payment', 'pay'], TIME], not: /方式|method|金额|amount|账号|account|状态|status|期限|deadline|due/ },
  ],
  uploadedAt: [
    { all: [['上传', '发货', '声明发货', '填写发货', 'upload', 'uploaded', 'ship', 'shipped', 'shipping', 'dispatch', 'dispatched', 'fulfil', 'fulfilled', 'fulfillment'], TIME], not: /期限|deadline|最后|最晚|latest|截止|due|预计|estimated|expected|礼物|礼品|赠品|gift|确认|confirm|收货|交运|失败|fail|地址|address|方式|method/ },
  ],
  carrier: [
    { all: [['carrier', 'courier', '承运商', '承运人', '快递公司', '物流商', '实际发货物流', '发货物流', '物流公司']], not: /单号|号码|费|金额|价|cost|fee|price|amount|number|no|id|时间|日期|time|date|状态|status|轨迹|跟踪|track|tracking|重量|weight|买家|buyer|客户|customer/ },
    { all: [['物流', '快递', '承运', '邮寄', '运输', '货运', 'logistics', 'shipping', 'shipment', 'delivery'], ['商', '公司', '方式', '渠道', '服务', '名称', '产品', 'company', 'provider', 'service', 'method', 'channel', 'name', 'carrier', 'courier', 'way', 'mode']], not: /单号|号码|费|金额|价|cost|fee|price|amount|number|no|id|时间|日期|time|date|状态|status|轨迹|跟踪|track|tracking|重量|weight|地址|address|买家|buyer|客户|customer/ },
    {
      all: [['买家', 'buyer', '客户', 'customer'], ['物流', '快递', '运输', 'shipping', 'logistics', 'delivery', 'service']],
      not: /单号|号码|费|金额|价|cost|fee|price|amount|number|时间|日期|time|date|地址|address/,
      weight: 10,
      fallback: L('the service the buyer chose (no column of the carrier actually used)', '买家选择的物流服务（没有实际发货物流列）'),
    },
  ],
  trackingNumber: [
    { all: [['运单', '物流单', '快递单', '跟踪', '追踪', '货运单', '发货单', '提单', 'tracking', 'waybill', 'awb', 'track'], NUMBER], not: /虚拟|virtual|时间|日期|time|date|上传|upload|状态|status|失败|fail|轨迹|event|history|事件|节点|数量|count|费|fee|cost|链接|link|url/ },
    { all: [['tracking', 'waybill', 'awb', '跟踪号', '运单号', '追踪号']], not: /虚拟|virtual|时间|日期|time|date|上传|upload|状态|status|失败|fail|轨迹|event|history|事件|节点|数|count|费|fee|cost|链接|link|url|details|trail|carrier|company/ },
  ],
  firstScanAt: [
    { all: [['揽收', '揽件', '首次扫描', '首扫', '上网', '交运', 'pickup', 'picked', 'collected', 'first scan', 'firstscan'], TIME], not: /最后|最新|last|latest|预计|estimated/ },
  ],
  lastEventAt: [
    { all: [['最后', '最新', '最近', 'last', 'latest'], ['轨迹', '物流', '更新', '事件', '扫描', 'event', 'update', 'updated', 'scan', 'tracking', 'status']], not: /发货|期限|deadline|ship|付款|支付|pay|登录|login/ },
  ],
  deliveredAt: [
    { all: [['妥投', '签收', '送达', 'delivered', 'delivery', 'signed'], TIME], not: /确认收货|预计|estimated|expected|期限|deadline|地址|address|方式|method|费|fee|promised|承诺/ },
  ],
  eventCount: [
    { all: [['轨迹', '事件', '节点', 'event', 'events'], ['数', '条数', 'count', 'number']], not: /时间|日期|time|date/ },
  ],
  events: [
    { all: [['轨迹', 'tracking'], ['详情', '历史', '明细', '信息', 'history', 'events', 'trail', 'details']], not: /时间|日期|time|date|数|count|号|number/ },
  ],
  orderAmount: [
    { all: [['订单', 'order'], ['金额', '总额', '总价', '实付', 'amount', 'total', 'value']], not: /运费|物流|shipping|freight|单价|unit|税|tax|vat|优惠|折扣|discount|满立减|退款|refund|手续费|fee|佣金|commission|成本|cost|原始|汇率|rate|数量|qty|quantity|币|currency|门槛|threshold|号|number|发票|invoice|申报|declared/ },
    { all: [['实付金额', '总金额', '付款金额', '支付金额', 'amount', 'total amount', 'paid amount', 'gmv']], not: /运费|物流|shipping|freight|单价|unit|税|tax|vat|优惠|折扣|discount|满立减|退款|refund|手续费|fee|佣金|commission|成本|cost|原始|汇率|rate|数量|qty|quantity|币|currency|门槛|threshold|礼物|礼品|赠品|gift|发票|invoice|申报|declared/, weight: 30 },
  ],
  appeal: [
    { all: [['申诉', 'appeal', 'appealed', 'issuestatus']], not: /时间|日期|time|date|原因|reason|编号|id|材料|附件|次数|count/ },
  ],
  uploadFailures: [
    { all: [['上传', 'upload'], ['失败', 'fail', 'failed', 'failure', 'failures']] },
  ],
  commercialInvoice: [
    { all: [['发票', 'invoice']], not: /日期|时间|date|time|金额|amount|税率|抬头/ },
  ],
  taxId: [
    { all: [['税号', '纳税人识别', '税务识别', 'tax id', 'taxid', 'tax number', 'taxnumber', 'cpf', 'cnpj', 'inn', 'rfc']], not: /卖家|seller|ioss|vat|店铺|公司|商家|merchant|寄件|sender|发件|shipper/ },
  ],
  giftWeight: [{ all: [GIFT, ['重量', '克', 'weight', 'grams']] }],
  giftShippedAt: [{ all: [GIFT, ['发货', '寄出', 'ship', 'shipped', 'sent'], TIME], not: /确认|confirm/ }],
  giftConfirmedAt: [{ all: [GIFT, ['确认', 'confirm', 'confirmed'], TIME] }],
  labelCode: [{ all: [['面单', 'label']], not: /打印|print|时间|日期|time|date|状态|status|尺寸|size|格式|format|shipping|ship|快递|物流|链接|link|url|pdf/ }],
  giftStatus: [{ all: [GIFT, ['状态', 'status']] }],
  giftThreshold: [{ all: [['门槛', 'threshold']] }],
  currency: [{ all: [['币种', '货币', '币别', 'currency']], not: /汇率|rate|金额|amount|转换|换算/ }],
};

/** Longest text read as a header (a longer cell is data or a note; the bracket search is quadratic). */
const MAX_HEADER = 120;

/**
 * A header as matched: BOM, a line break and the note after it ("产品信息⏎（双击…）", or with the
 * break turned into "_"), a leading "*" (required-column mark) and a trailing unit in brackets
 * ("(USD)", "（克）", "（大于0的整数）") removed; NFKC (full-width → half-width), lower case, "_" read
 * as a space. Text longer than a header is returned folded and lower-cased only.
 */
export function normalizeHeader(raw: unknown): string {
  let s = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  s = s.replace(/^\ufeff/, '').normalize('NFKC');
  if (s.length > MAX_HEADER) return s.toLowerCase().trim();
  s = s.replace(/\s*(?:\r\n|\r|\n|_)+\s*[([{【][^)\]}】]*[)\]}】]?\s*$/, '');
  s = s.replace(/[\r\n]+/g, ' ').replace(/^[\s*＊]+/, '').replace(/[\s*]+$/, '');
  const unitless = s.replace(/\s*[([{【][^)\]}】]*[)\]}】]\s*$/, '');
  if (unitless.trim() !== '') s = unitless;
  return s.replace(/_/g, ' ').toLowerCase().trim();
}

/** Normalise a header: NFKC (full-width → ASCII), lower case, letters and digits only. */
export function headerKey(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}#]/gu, '');
}

/** Synonym key → field and rank (earlier synonyms rank higher: 订单号 before 交易号). */
let synonymIndex: Map<string, { field: Field; rank: number }> | undefined;
function index(): Map<string, { field: Field; rank: number }> {
  if (synonymIndex) return synonymIndex;
  const m = new Map<string, { field: Field; rank: number }>();
  for (const f of Object.keys(FIELD_SYNONYMS) as Field[]) {
    FIELD_SYNONYMS[f].forEach((syn, i) => {
      for (const k of [headerKey(syn), headerKey(normalizeHeader(syn))]) if (k && !m.has(k)) m.set(k, { field: f, rank: i });
    });
  }
  return (synonymIndex = m);
}

const LATIN = /[a-z]/;

/** One candidate field of a header, with its score (higher wins; exact synonyms ≥ 1000). */
export interface HeaderMatch {
  field: Field;
  score: number;
  /** The column stands in for a better one (HeaderRule.fallback). */
  fallback?: Text;
}

interface Forms {
  key: string;
  words: string;
  full: string;
}

function forms(raw: unknown): Forms {
  const n = normalizeHeader(raw);
  // Latin words, camelCase split ("OrderID" → "order id"), padded for whole-word search.
  const src = typeof raw === 'string' ? raw.normalize('NFKC') : n;
  const camel = src.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const words = ` ${n.replace(/[^a-z0-9#]+/g, ' ').trim()} ${camel.replace(/[^a-z0-9#]+/g, ' ').trim()} `;
  const full = (typeof raw === 'string' ? raw : String(raw ?? '')).normalize('NFKC').toLowerCase();
  return { key: headerKey(n), words, full };
}

const has = (f: Forms, part: string) => (LATIN.test(part) ? f.words.includes(` ${part} `) || (part.includes(' ') && f.key.includes(part.replace(/ /g, ''))) : f.key.includes(part));

/** How many of a rule's groups the header meets (all = a match), and whether `not` rules it out. */
function ruleHits(f: Forms, r: HeaderRule): { groups: number; excluded: boolean } {
  let groups = 0;
  for (const g of r.all) if (g.some((p) => has(f, p))) groups++;
  const excluded = r.not ? r.not.test(f.key) || r.not.test(f.words) || r.not.test(headerKey(f.full)) : false;
  return { groups, excluded };
}

const matchCache = new Map<string, HeaderMatch[]>();

/** Fields whose numbers are US dollars [X-PEN-TIMEOUT] [G-TRIGGER]. */
const USD_FIELDS: ReadonlySet<Field> = new Set<Field>(['orderAmount', 'giftThreshold']);
/** A trailing unit in brackets naming a currency other than USD (after NFKC and lower case). */
const OTHER_CURRENCY_UNIT = /[([{【]\s*(?:cny|rmb|人民币|元|¥|eur|€|欧元|gbp|£|英镑|jpy|日元|rub|卢布|brl|r\$|雷亚尔|hkd|港币|港元)\s*[)\]}】]\s*$/;

/**
 * Every field a header may stand for, best first. Precedence: (1) an exact synonym (after
 * normalising), earlier synonyms of a field first; (2) a header rule of FIELD_RULES, by its weight,
 * then by how much of the header the matched parts cover; ties: the order of ALL_FIELDS.
 */
export function headerMatches(raw: unknown): HeaderMatch[] {
  if (raw === null || raw === undefined || raw instanceof Date || typeof raw === 'boolean') return [];
  if (typeof raw === 'number') return [];
  const text = String(raw);
  if (text.length > MAX_HEADER) return [];
  const hit = matchCache.get(text);
  if (hit) return hit;
  const out: HeaderMatch[] = [];
  const idx = index();
  const f = forms(text);
  // As written (a synonym may carry its unit: "重量(g)"), then normalised (note, mark and unit removed).
  const exact = idx.get(headerKey(text)) ?? idx.get(f.key);
  if (exact) out.push({ field: exact.field, score: 1000 - exact.rank });
  if (f.key !== '') {
    for (const field of ALL_FIELDS) {
      for (const r of FIELD_RULES[field] ?? []) {
        const { groups, excluded } = ruleHits(f, r);
        if (excluded || groups < r.all.length) continue;
        const score = (r.weight ?? 50) * 10 + Math.min(9, Math.floor(9 / Math.max(1, f.key.length - 1)));
        if (!out.some((m) => m.field === field && m.score >= score)) {
          const i = out.findIndex((m) => m.field === field);
          if (i >= 0) out.splice(i, 1);
          out.push({ field, score, ...(r.fallback ? { fallback: r.fallback } : {}) });
        }
      }
    }
  }
  // A USD field under a header that declares another currency ("订单金额（人民币）", "Order amount (EUR)"):
  // bare numbers under it would be read as dollars, so the column is not taken (it is listed as unused).
  if (OTHER_CURRENCY_UNIT.test(f.full)) for (let i = out.length - 1; i >= 0; i--) if (USD_FIELDS.has(out[i].field)) out.splice(i, 1);
  out.sort((a, b) => b.score - a.score || ALL_FIELDS.indexOf(a.field) - ALL_FIELDS.indexOf(b.field));
  if (matchCache.size < 5_000) matchCache.set(text, out);
  return out;
}

/** The field a header text stands for, if any (its best match). */
export function fieldOfHeader(raw: unknown): Field | undefined {
  return headerMatches(raw)[0]?.field;
}

/**
 * A field a header ALMOST names (a rule's subject without one qualifier: "运单", "物流", "礼物"), for the
 * "did you mean --map …" hint; undefined when the header names a field or nothing close.
 */
export function nearField(raw: unknown, among: readonly Field[] = ALL_FIELDS): Field | undefined {
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 120) return undefined;
  const f = forms(raw);
  if (f.key === '') return undefined;
  let best: { field: Field; groups: number } | undefined;
  for (const field of among) {
    for (const r of FIELD_RULES[field] ?? []) {
      // Near = the subject of a rule is there ("运单", "tracking") but one qualifier is missing ("号", "no").
      if (r.fallback || r.all.length < 2 || !r.all[0].some((p) => has(f, p))) continue;
      const { groups, excluded } = ruleHits(f, r);
      if (excluded || groups !== r.all.length - 1) continue;
      if (!best || groups > best.groups) best = { field, groups };
    }
  }
  return best?.field;
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
 * Map header texts to audit fields. Each column serves at most one field and each field one column:
 * the best-scoring (column, field) pairs are taken first (headerMatches: exact synonyms, then header
 * rules by weight), ties to the leftmost column; `overrides` set (column index) or clear (null) any
 * field. A field taken from a fallback column (the buyer's chosen service as the carrier) is listed
 * in `fallbacks`; unmatched headers that nearly name a missing field are in `nearMatches`.
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
  const pairs: { column: number; m: HeaderMatch }[] = [];
  for (let c = 0; c < header.length; c++) {
    if (used.has(c)) continue;
    for (const m of headerMatches(header[c])) pairs.push({ column: c, m });
  }
  pairs.sort((a, b) => b.m.score - a.m.score || a.column - b.column);
  const fallbacks: NonNullable<MappingResult['fallbacks']> = [];
  for (const { column, m } of pairs) {
    if (used.has(column) || m.field in overrides || mapping[m.field] !== undefined) continue;
    mapping[m.field] = column;
    used.add(column);
    if (m.fallback) fallbacks.push({ field: m.field, column, header: String(header[column]).trim(), why: m.fallback });
  }
  const unmatched: { column: number; header: string }[] = [];
  for (let c = 0; c < header.length; c++) {
    if (used.has(c)) continue;
    const h = header[c];
    const text = h === null || h === undefined ? '' : String(h).trim();
    if (text !== '') unmatched.push({ column: c, header: text });
  }
  const missingRequired = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined && !(f === 'orderId' && isSkuSheet(mapping)));
  const skipped = skippedRules(mapping);
  if (skipped.length === AUDIT_RULES.length && !missingRequired.length) {
    // Not one rule can run: the columns of the simplest rule ([X-FORMAT]) are what is missing.
    for (const f of ['carrier', 'trackingNumber'] as const) if (mapping[f] === undefined) missingRequired.push(f);
  }
  const wanted = ALL_FIELDS.filter((f) => mapping[f] === undefined && !(f in overrides));
  const nearMatches: NonNullable<MappingResult['nearMatches']> = [];
  for (const u of unmatched) {
    const f = nearField(u.header, wanted);
    if (f && !nearMatches.some((n) => n.field === f)) nearMatches.push({ ...u, field: f });
  }
  return { mapping, unmatched, missingRequired, skippedRules: skipped, ...(fallbacks.length ? { fallbacks } : {}), ...(nearMatches.length ? { nearMatches } : {}) };
}

export { columnLetter } from './a1';

const blankCell = (c: unknown) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** How many distinct audit fields the cells of a row name (a header row names many, a title or data row few). */
export function headerScore(row: readonly unknown[]): number {
  return choiceScore(row, []);
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

/**
 * A column given by hand for a field (the CLI's --map, AuditTableOptions.columns): its header text
 * ("Waybill", "订单编号"), a column letter ("B") or a 0-based index; null, "", "-" or "none" unmaps it.
 * A text that is a header of the row wins over reading it as letters ("Ref" is the header "Ref"
 * when there is one, else column REF).
 */
export type ColumnChoice = string | number | null;
export type ColumnChoices = Partial<Record<Field, ColumnChoice>>;

/** An unmapping choice: null, "", "-" or "none". */
export const isUnmapChoice = (c: ColumnChoice | undefined): boolean => c === null || c === undefined || (typeof c === 'string' && (c.trim() === '' || c.trim() === '-' || /^none$/i.test(c.trim())));

const LETTERS = /^[A-Za-z]{1,3}$/;
/** 0-based index of column letters (A → 0, AB → 27). */
const letterIndex = (s: string): number => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
/** The column whose header is `text` (compared by headerKey), or -1. */
function columnByHeader(header: readonly unknown[], text: string): number {
  const k = headerKey(text);
  if (k === '') return -1;
  return header.findIndex((h) => h !== null && h !== undefined && headerKey(h) === k);
}
/** The column a choice names in this header row: its header text first, then letters or an index; -1: none. */
export function choiceColumn(header: readonly unknown[], c: ColumnChoice): number {
  if (typeof c === 'number') return Number.isInteger(c) && c >= 0 ? c : -1;
  if (typeof c !== 'string') return -1;
  const byText = columnByHeader(header, c.trim());
  if (byText >= 0) return byText;
  return LETTERS.test(c.trim()) ? letterIndex(c.trim()) : -1;
}

/**
 * How many distinct audit fields a row names, the cells a choice names by header text counted as the
 * field they are mapped to (a mapped header counts as a header); headerScore without choices.
 */
function choiceScore(row: readonly unknown[], texts: readonly (readonly [Field, string])[]): number {
  const seen = new Set<Field>();
  const mapped = new Set<number>();
  for (const [f, t] of texts) {
    const c = columnByHeader(row, t);
    if (c < 0) continue;
    seen.add(f);
    mapped.add(c);
  }
  row.forEach((c, i) => {
    if (mapped.has(i) || blankCell(c)) return;
    const f = fieldOfHeader(c);
    if (f) seen.add(f);
  });
  return seen.size;
}

/**
 * The header row of a sheet's values, picked BEFORE columns given by hand are resolved against it
 * (resolveChoices), so a title row above the headers never takes the mapping. `at` (default:
 * findHeaderRow's pick) stays when it has every column given by header text and, when some choice is
 * read as a letter or index there, names at least one audit field (a mapped header counts as its
 * field). Otherwise, among the first `limit` non-empty rows, the candidates have every choice (as a
 * header text, or a filled cell under its letter / index); the best names the most audit fields,
 * then has the most filled cells (a title row has one); ties: the earliest. No candidate, or no
 * choices: `at`. 0-based index into `rows`; -1 when every row is empty.
 */
export function pickHeaderRow(rows: readonly (readonly unknown[] | null | undefined)[], choices: ColumnChoices = {}, opts: { at?: number; limit?: number } = {}): number {
  const limit = opts.limit ?? 20;
  const at = opts.at ?? findHeaderRow(rows, limit);
  const used = (Object.entries(choices) as [Field, ColumnChoice][]).filter(([, c]) => !isUnmapChoice(c));
  if (!used.length) return at;
  const texts = used.filter((e): e is [Field, string] => typeof e[1] === 'string').map(([f, c]) => [f, c.trim()] as const);
  const named = (row: readonly unknown[], c: ColumnChoice) => typeof c === 'string' && columnByHeader(row, c.trim()) >= 0;
  const cur = rows[at];
  if (Array.isArray(cur) && used.every(([, c]) => named(cur, c) || choiceColumn(cur, c) >= 0) && (used.every(([, c]) => named(cur, c)) || choiceScore(cur, texts) > 0)) return at;
  let best = -1;
  let bestScore = 0;
  let bestFilled = 0;
  for (let i = 0, seen = 0; i < rows.length && seen < limit; i++) {
    const r = rows[i];
    if (!Array.isArray(r) || r.every(blankCell)) continue;
    seen++;
    if (!used.every(([, c]) => named(r, c) || (choiceColumn(r, c) >= 0 && !blankCell(r[choiceColumn(r, c)])))) continue;
    const score = choiceScore(r, texts);
    const filled = r.filter((c) => !blankCell(c)).length;
    if (best < 0 || score > bestScore || (score === bestScore && filled > bestFilled)) {
      best = i;
      bestScore = score;
      bestFilled = filled;
    }
  }
  return best >= 0 ? best : at;
}

/**
 * Columns given by hand resolved against the header row (pickHeaderRow's): column indices (null =
 * unmapped) as AuditOptions.overrides takes them, or #VALUE! naming the first choice that names no
 * column here (a header text that is not in the row and is no column letter) and the row's headers.
 * An index past the row is passed on (the audit's override check names the columns the table has).
 */
export function resolveChoices(header: readonly unknown[], choices: ColumnChoices): Partial<Record<Field, number | null>> | RuleError {
  const overrides: Partial<Record<Field, number | null>> = {};
  for (const [f, c] of Object.entries(choices) as [Field, ColumnChoice][]) {
    if (typeof c === 'number') {
      overrides[f] = c; // checked by the audit (createAudit names the columns the table has)
      continue;
    }
    if (isUnmapChoice(c)) {
      overrides[f] = null;
      continue;
    }
    const col = choiceColumn(header, c);
    if (col < 0) {
      const seen = header.filter((x) => x !== null && x !== undefined && String(x).trim() !== '').slice(0, 30).map(String);
      return valueError(
        `no column with the header or letter "${String(c)}" for ${FIELD_LABELS[f].en}; headers: ${seen.join(', ')}`,
        `没有表头或列字母为“${String(c)}”的列（「${FIELD_LABELS[f].zh}」）；表头：${seen.join('、')}`,
      );
    }
    overrides[f] = col;
  }
  return overrides;
}
