/**
 * Every header of ../shared/notes/exports.md (the real seller export layouts) and the near misses of
 * issue 9, table-driven: the field each maps to, or nothing (undefined).
 */
import { describe, expect, it } from 'vitest';
import { detectColumns, fieldOfHeader, normalizeHeader, nearField } from '../../core/audit/columns';
import type { Field } from '../../core/audit';

type Row = readonly [header: string, field: Field | undefined];

const ALIEXPRESS_OLDER: Row[] = [
  ['订单号', 'orderId'], ['订单状态', undefined], ['负责人(业务员)', undefined], ['买家名称', undefined], ['下单时间', undefined],
  ['付款时间', 'paidAt'], ['产品总金额', 'orderAmount'], ['物流费用', undefined], ['订单金额', 'orderAmount'], ['满立减', undefined],
  ['产品信息\n（双击单元格展开所有产品信息！）', undefined], ['产品信息_（双击单元格展开所有产品信息！）', undefined], ['订单备注', undefined],
  ['收货地址', undefined], ['收货人名称', undefined], ['收货国家', 'destination'], ['州/省', undefined], ['城市', undefined], ['地址', undefined],
  ['邮编', undefined], ['联系电话', undefined], ['手机', undefined], ['买家选择物流', 'carrier'], ['发货期限', undefined],
  ['实际发货物流:运单号', 'trackingNumber'], ['发货时间', 'uploadedAt'], ['确认收货时间', undefined],
];
const ALIEXPRESS_NEWER: Row[] = [
  ['产品数量', undefined], ['预计增值税', undefined], ['平台是否代征代缴', undefined], ['店铺优惠', undefined], ['商品信息', undefined],
  ['商品编码', undefined], ['收件人名称', undefined], ['实际发货单号', 'trackingNumber'],
];
const MABANG: Row[] = [
  ['订单编号', 'orderId'], ['交易编号', undefined], ['交运时间', 'firstScanAt'], ['物流渠道', 'carrier'], ['店铺名', undefined], ['平台', undefined],
  ['店长', undefined], ['仓库', undefined], ['SKU总数量', undefined], ['SKU', undefined], ['商品数量', undefined], ['货运单号', 'trackingNumber'],
  ['付款方式', undefined], ['SKU明细', undefined], ['客户账号', undefined], ['客户姓名', undefined], ['商品销售单价', undefined],
  ['商品总金额', 'orderAmount'], ['原始运费金额', undefined], ['订单原始总金额', undefined], ['订单总金额', 'orderAmount'], ['实付金额', 'orderAmount'],
  ['汇率（原始货币）', undefined], ['平台SKU', undefined], ['买家自选物流方式', 'carrier'], ['最后发货期限', undefined], ['签收时间', 'deliveredAt'],
  ['邮政编码', undefined], ['国家', 'destination'], ['付款日期', 'paidAt'], ['发货日期', 'uploadedAt'], ['创建时间', undefined], ['物流公司', 'carrier'],
  ['原始币种', 'currency'],
];
const TONGTOOL: Row[] = [
  ['包裹号', undefined], ['国家/地区', 'destination'], ['邮寄方式', 'carrier'], ['跟踪号', 'trackingNumber'], ['虚拟跟踪号', undefined],
  ['物流商单号', undefined], ['渠道', undefined], ['通途SKU', undefined],
];
const LINGXING_DIANXIAOMI: Row[] = [
  ['平台单号', 'orderId'], ['系统单号', undefined], ['参考号', undefined], ['数量', undefined],
  ['*订单号', 'orderId'], ['*国家二字码', 'destination'], ['*sku', undefined], ['*数量（大于0的整数）', undefined], ['*单价', undefined],
  ['总运费', undefined], ['币种（默认USD）', 'currency'], ['买家税号', 'taxId'], ['卖家税号（IOSS）', undefined],
];
/** The headers issue 9 names as not recognised before, and its near misses. */
const ISSUE: Row[] = [
  ['运单上传时间', 'uploadedAt'], ['小礼物面单号', 'labelCode'], ['买家国家', 'destination'], ['实际发货物流', 'carrier'], ['订单总金额', 'orderAmount'],
  ['收件人国家', 'destination'], ['运单号码', 'trackingNumber'], ['运输方式', 'carrier'],
  ['\ufeff订单号', 'orderId'], ['Order No.', 'orderId'], ['OrderID', 'orderId'], ['Tracking Number', 'trackingNumber'], ['TRACKING_NO', 'trackingNumber'],
  ['Ship Country', 'destination'], ['Shipping Method', 'carrier'], ['Payment Date', 'paidAt'], ['Order Amount (USD)', 'orderAmount'],
  ['订单金额（美元）', 'orderAmount'], ['礼物重量（克）', 'giftWeight'], ['Buyer Country', 'destination'], ['Delivered Time', 'deliveredAt'],
  // near misses: must NOT map
  ['确认收货时间', undefined], ['买家名称', undefined], ['物流费用', undefined], ['Shipping fee', undefined], ['Notes', undefined],
  ['最后发货期限', undefined], ['Estimated delivery time', undefined], ['Seller tax id', undefined], ['Tracking URL', undefined],
];

/**
 * ERP headers next to the packaging, gift-SKU and gift-label fields (issue 13 added the fields, issue 9
 * the scoring): a packaging *material type* ("纸箱", "carton") is not "own packaging yes/no" (mapped,
 * it made every row a DATA finding), a shipping-label link is not the gift's SG label code, and the
 * common "是否…" / "礼品…" spellings map.
 */
const PACKAGING_AND_GIFT: Row[] = [
  ['包材类型', undefined], ['Packaging type', undefined], ['Package type', undefined], ['包装类型', undefined],
  ['是否自备包材', 'ownPackaging'], ['包材是否预审', 'packagingApproved'], ['包材是否已预审', 'packagingApproved'],
  ['Shipping label', undefined], ['Shipping label URL', undefined], ['面单链接', undefined], ['快递面单', undefined],
  ['小礼物面单号', 'labelCode'], ['礼物面单', 'labelCode'], ['Gift label', 'labelCode'],
  ['礼品重量', 'giftWeight'], ['礼品状态', 'giftStatus'], ['礼品发货时间', 'giftShippedAt'],
];

/**
 * Plausible ERP headers that mapped to the wrong field: the sender's country is not the destination,
 * an invoice amount is not the order amount, and an amount whose header declares another currency
 * ("(CNY)", "（元）") is not read as USD (bare numbers under it were silently taken as dollars).
 */
const WRONG_BEFORE: Row[] = [
  ['Sender country', undefined], ['发件国家', undefined], ['寄件人国家', undefined], ['Shipper country', undefined],
  ['Invoice amount', undefined], ['发票金额', undefined], ['Declared amount', undefined],
  ['Order amount (CNY)', undefined], ['订单金额（人民币）', undefined], ['订单金额(元)', undefined], ['订单金额（RMB）', undefined], ['Order total (EUR)', undefined],
  ['Order amount (USD)', 'orderAmount'], ['订单金额（美元）', 'orderAmount'], ['订单金额(US$)', 'orderAmount'], ['Threshold (CNY)', undefined], ['赠礼门槛(USD)', 'giftThreshold'],
];

describe('header matching generalises: every header of exports.md maps to the right field or to nothing', () => {
  for (const [name, rows] of [['AliExpress older .xls', ALIEXPRESS_OLDER], ['AliExpress newer', ALIEXPRESS_NEWER], ['Mabang', MABANG], ['Tongtool', TONGTOOL], ['Lingxing / Dianxiaomi', LINGXING_DIANXIAOMI], ['issue 9', ISSUE], ['packaging and gift fields', PACKAGING_AND_GIFT], ['mapped wrongly before', WRONG_BEFORE]] as const) {
    describe(name, () => {
      for (const [h, f] of rows) it(`${JSON.stringify(h)} → ${f ?? 'nothing'}`, () => expect(fieldOfHeader(h)).toBe(f));
    });
  }

  it('normalizeHeader: BOM, line break + bracketed note, "_" + note, leading *, unit suffix, full width', () => {
    expect(normalizeHeader('\ufeff订单号')).toBe('订单号');
    expect(normalizeHeader('产品信息\n（双击单元格展开所有产品信息！）')).toBe('产品信息');
    expect(normalizeHeader('产品信息_（双击单元格展开所有产品信息！）')).toBe('产品信息');
    expect(normalizeHeader('*数量（大于0的整数）')).toBe('数量');
    expect(normalizeHeader('ＯＲＤＥＲ　ＩＤ')).toBe('order id');
    // A long note in brackets is a unit too (one normalisation, whatever the note's length).
    expect(normalizeHeader('订单金额（买家实付金额，美元，含税，不含运费及平台补贴）')).toBe('订单金额');
    expect(fieldOfHeader('订单金额（买家实付金额，美元，含税，不含运费及平台补贴）')).toBe('orderAmount');
    expect(fieldOfHeader('Tracking number (as uploaded to the platform, no spaces or dashes)')).toBe('trackingNumber');
    // Longer than any header: not read as one, and answered at once.
    expect(fieldOfHeader(`订单号${'('.repeat(5000)}`)).toBeUndefined();
    expect(normalizeHeader(`A${'('.repeat(50_000)}`)).toHaveLength(50_001);
  });
});

describe('whole layouts: each field goes to the right column (exact synonyms win ties)', () => {
  it('AliExpress older: the actual carrier (split) beats the buyer-chosen service; 订单金额 beats 产品总金额', () => {
    const h = ALIEXPRESS_OLDER.map((r) => r[0]).filter((x) => !x.includes('_'));
    const m = detectColumns(h);
    expect(h[m.mapping.orderAmount!]).toBe('订单金额');
    expect(h[m.mapping.carrier!]).toBe('买家选择物流');
    expect(m.fallbacks?.map((f) => f.header)).toEqual(['买家选择物流']);
    expect(h[m.mapping.uploadedAt!]).toBe('发货时间');
    expect(m.mapping.deliveredAt).toBeUndefined();
  });
  it('Mabang: 订单编号, 物流渠道 (not the buyer\'s own choice), 货运单号, 订单总金额, 签收时间', () => {
    const h = MABANG.map((r) => r[0]).slice(0, MABANG.findIndex((r) => r[0] === '国家')); // the main export, not the report variant
    const m = detectColumns(h);
    expect([m.mapping.orderId, m.mapping.carrier, m.mapping.trackingNumber, m.mapping.orderAmount, m.mapping.deliveredAt].map((c) => h[c!])).toEqual(['订单编号', '物流渠道', '货运单号', '订单总金额', '签收时间']);
    expect(m.fallbacks).toBeUndefined();
  });
  it('Tongtool: 跟踪号, not the virtual number or the carrier\'s order number', () => {
    const h = ['订单号', '包裹号', '国家/地区', '付款时间', '邮寄方式', '跟踪号', '虚拟跟踪号', '物流商单号', '发货日期', '发货时间', '渠道', '平台SKU', '通途SKU'];
    const m = detectColumns(h);
    expect(h[m.mapping.trackingNumber!]).toBe('跟踪号');
    expect(h[m.mapping.carrier!]).toBe('邮寄方式');
    expect(h[m.mapping.uploadedAt!]).toBe('发货时间');
  });
  it('near matches name the field to map: "运单" alone is almost a tracking number', () => {
    expect(nearField('运单')).toBe('trackingNumber');
    const m = detectColumns(['订单号', '运单', '备注']);
    expect(m.nearMatches).toEqual([{ column: 1, header: '运单', field: 'trackingNumber' }]);
  });
});
