/**
 * The audit's [G-PACK] findings (own packaging not pre-approved: the gift is refused, not charged)
 * and the gift-SKU review [G-REVIEW] on a sheet with the columns of SG_SKU_CHECK, in order exports
 * and in a gift-SKU sheet without order ids (examples/gift-skus.csv through the CLI reader).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { auditTable, createAudit, detectColumns, type AuditReport, type Field } from '../../core/audit';
import { callFunction } from '../../core/catalogue/call';
import { getFunction } from '../../core/functions';
import { isRuleError } from '../../core/errors';
import { readOrders } from '../../cli/read';
import { audit, CLEAN, NOW, only, rulesOf, type Row } from './helpers';

const PACK: Row = { ownPackaging: '是', packagingApproved: '已预审' };

function sheet(header: string[], rows: unknown[][], lang: 'en' | 'zh' = 'en'): AuditReport {
  const s = createAudit(header, { now: NOW, lang });
  if (s.error) throw new Error(s.error.en);
  s.push(rows, 0);
  return s.finish();
}

describe('[G-PACK] header synonyms', () => {
  it('[G-PACK] 自备包材 / 包材已预审 and Own packaging / Packaging approved map to the two packaging fields', () => {
    expect(detectColumns(['订单号', '自备包材', '包材已预审']).mapping).toEqual({ orderId: 0, ownPackaging: 1, packagingApproved: 2 });
    expect(detectColumns(['Order ID', 'Own packaging', 'Packaging pre-approved']).mapping).toEqual({ orderId: 0, ownPackaging: 1, packagingApproved: 2 });
    expect(detectColumns(['订单号', '自有包材', '包材预审状态']).mapping).toEqual({ orderId: 0, ownPackaging: 1, packagingApproved: 2 });
    expect(detectColumns(['Order ID', 'OWN PACKAGING', 'packaging approved（Y/N）']).mapping).toEqual({ orderId: 0, ownPackaging: 1, packagingApproved: 2 });
  });
  it('[G-PACK] with only the own-packaging column the rule is skipped and says which column it lacks', () => {
    const m = detectColumns(['订单号', '自备包材', '物流商', '运单号']);
    expect(m.skippedRules.find((s) => s.rule === 'G-PACK')!.missing).toEqual(['packagingApproved']);
  });
});

describe('[G-PACK] own packaging that is not pre-approved: the gift is refused, not charged', () => {
  const pair = (bad: Row, good: Row) => {
    const r = audit([{ ...CLEAN, ...PACK, ...bad }, { ...CLEAN, ...PACK, orderId: '8100000000000002', ...good }]);
    return { bad: r.findings.filter((f) => f.row === 2), good: r.findings.filter((f) => f.row === 3), report: r };
  };
  it('[G-PACK] own packaging 是 + 未预审 is an error on the order; 已预审 is not', () => {
    const { bad, good, report } = pair({ packagingApproved: '未预审' }, { packagingApproved: '已预审' });
    expect(bad.map((f) => [f.rule, f.severity])).toEqual([['G-PACK', 'error']]);
    expect(bad[0].message.en).toMatch(/own packaging, not pre-approved: the gift will be refused \(not charged\)/);
    expect(bad[0].message.zh).toMatch(/自备包材.*未通过预审.*拒收/);
    expect(good).toEqual([]);
    // The refused gift is not charged: only the approved one pays the US fee ¥3.20 [G-FEE].
    expect(report.totals.giftFeesCny).toBe(3.2);
    expect(report.badRows).toEqual([2]);
  });
  it('[G-PACK] platform packaging needs no pre-approval: 否 / 平台 with 未预审 is no finding and is charged', () => {
    const { bad, good, report } = pair({ ownPackaging: '否', packagingApproved: '未预审' }, { ownPackaging: '平台包材', packagingApproved: '' });
    expect(bad).toEqual([]);
    expect(good).toEqual([]);
    expect(report.totals.giftFeesCny).toBe(6.4);
  });
  it('[G-PACK] pending, rejected, "no" and an empty approval cell are not approvals; approved / 是 / TRUE are', () => {
    for (const v of ['审核中', 'pending', '驳回', 'rejected', '否', 'no', 'not approved', '未通过', '']) {
      const r = audit([{ ...CLEAN, ...PACK, packagingApproved: v }]);
      expect(rulesOf(r), JSON.stringify(v)).toEqual(['G-PACK']);
      expect(r.totals.giftFeesCny, JSON.stringify(v)).toBe(0);
      if (v === '') expect(r.findings[0].message.en).toMatch(/no pre-approval recorded/);
    }
    for (const v of ['已预审', '预审通过', 'approved', 'Pre-approved', '是', true, 'yes', '已备案']) {
      const r = audit([{ ...CLEAN, ...PACK, packagingApproved: v }]);
      expect(rulesOf(r), JSON.stringify(v)).toEqual([]);
      expect(r.totals.giftFeesCny).toBe(3.2);
    }
  });
  it('[G-PACK] own packaging written as 自备 / own / custom counts; 非自备 / platform does not', () => {
    for (const v of ['自备', '自有包装', 'own', 'Custom packaging', 'TRUE']) expect(rulesOf(audit([{ ...CLEAN, ...PACK, ownPackaging: v, packagingApproved: '否' }])), v).toEqual(['G-PACK']);
    for (const v of ['非自备', 'platform', '菜鸟标准包材', 'FALSE', '']) expect(rulesOf(audit([{ ...CLEAN, ...PACK, ownPackaging: v, packagingApproved: '否' }])), v).toEqual([]);
  });
  it('[G-PACK] [DATA] an unreadable packaging cell is a DATA finding, never a refusal guessed from it', () => {
    const r = audit([{ ...CLEAN, ...PACK, ownPackaging: '???', packagingApproved: '否' }]);
    expect(rulesOf(r)).toEqual(['DATA']);
    expect(r.findings[0].message.en).toMatch(/Own packaging: must say whether the gift ships in its own packaging/);
    expect(r.totals.giftFeesCny).toBe(3.2);
    const r2 = audit([{ ...CLEAN, ...PACK, packagingApproved: 'maybe later' }]);
    expect(rulesOf(r2)).toEqual(['DATA']);
    expect(r2.findings[0].message.zh).toMatch(/包材已预审：应注明包材是否已预审/);
  });
  it('[G-PACK] a row whose gift status says "no gift" (无) has nothing to refuse', () => {
    const r = audit([{ ...CLEAN, ...PACK, packagingApproved: '否', giftStatus: '无', giftWeight: null, labelCode: null, giftShippedAt: null, giftConfirmedAt: null }]);
    expect(only(r, 'G-PACK')).toEqual([]);
  });
  it('[G-PACK] an order on two SKU rows with the refused gift on the second row: one finding, no fee', () => {
    const first: Row = { ...CLEAN, giftWeight: null, giftShippedAt: null, giftConfirmedAt: null, labelCode: null, giftStatus: null, ownPackaging: null, packagingApproved: null };
    const r = audit([first, { ...CLEAN, ...PACK, packagingApproved: '未预审' }]);
    expect(rulesOf(r)).toEqual(['G-PACK']);
    expect(r.totals.giftFeesCny).toBe(0);
  });
});

describe('[G-REVIEW] gift-SKU review columns', () => {
  const H = ['礼物SKU', '品类', '包装标识', '送审资料'];
  it('[G-REVIEW] a gift-SKU sheet (no order id) maps its columns and needs no order id', () => {
    const m = detectColumns([...H, '自备包材', '包材已预审']);
    expect(m.mapping).toEqual({ giftSku: 0, skuCategory: 1, packagingMarks: 2, skuDocuments: 3, ownPackaging: 4, packagingApproved: 5 });
    expect(m.missingRequired).toEqual([]);
    expect(detectColumns(['Gift SKU', 'Gift category', 'Packaging marks', 'Review documents']).missingRequired).toEqual([]);
    // Without all three review columns it is not a gift-SKU sheet: the order id is still required.
    expect(detectColumns(['礼物SKU', '品类', '包装标识']).missingRequired).toEqual(['orderId']);
  });
  it('[G-REVIEW] each SKU is judged exactly as SG_SKU_CHECK judges it, en and zh', () => {
    const rows = [
      ['GS-1', '手机配件', 'NOT FOR SALE、LOGO', '实物图、材质、无侵权声明'],
      ['GS-2', '手机配件', 'NOT FOR SALE、CE、LOGO', '实物图、材质、无侵权声明'],
      ['GS-3', '美妆', 'NOT FOR SALE、LOGO', '实物图、成分说明、无侵权声明'],
    ];
    const def = getFunction('SG_SKU_CHECK')!;
    for (const lang of ['en', 'zh'] as const) {
      const r = sheet(H, rows, lang);
      expect(rulesOf(r)).toEqual(['G-REVIEW', 'G-REVIEW']);
      expect(r.findings.map((f) => f.row)).toEqual([2, 4]);
      for (const fd of r.findings) {
        const [sku, cat, marks, docs] = rows[fd.row - 2];
        const want = callFunction(def, [cat, marks, docs], { lang: 'en' }) as string;
        expect(fd.message.en).toBe(`gift SKU "${sku}" (${cat}): ${want}; the gift-pool review will reject it`);
        expect(fd.message.zh).toContain(callFunction(def, [cat, marks, docs], { lang: 'zh' }) as string);
        expect(fd.severity).toBe('error');
      }
    }
  });
  it('[G-REVIEW] a SKU without a category is checked for what every SKU needs, and says the rest was not checked', () => {
    const r = sheet(H, [['GS-1', '', 'NOT FOR SALE、LOGO', '实物图、材质、无侵权声明'], ['GS-2', '', 'LOGO', '实物图、材质、无侵权声明']]);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['G-REVIEW', 'info'], ['G-REVIEW', 'error']]);
    expect(r.findings[1].message.en).toMatch(/lacks NOT FOR SALE.*no category: the marks and documents of electronics, food and cosmetics were not checked/);
    expect(r.rowsAffected).toBe(1); // info findings do not count
  });
  it('[G-REVIEW] [G-PACK] a gift-SKU sheet with packaging columns: refused packaging per SKU too', () => {
    const r = sheet([...H, '自备包材', '包材已预审'], [
      ['GS-1', '服饰', 'NOT FOR SALE、LOGO', '实物图、材质、无侵权声明', '是', '未预审'],
      ['GS-2', '服饰', 'NOT FOR SALE、LOGO', '实物图、材质、无侵权声明', '是', '已预审'],
    ]);
    expect(r.findings.map((f) => [f.row, f.rule])).toEqual([[2, 'G-PACK']]);
    expect(r.findings[0].message.en).toContain('(gift SKU "GS-1")');
  });
  it('[G-REVIEW] in an order export the SKU is reviewed once, not once per order that carries it', () => {
    const sku: Row = { giftSku: 'GS-9', skuCategory: '3C', packagingMarks: 'NOT FOR SALE, logo', skuDocuments: 'photo, material, IP statement' };
    const rows = [1, 2, 3].map((i) => ({ ...CLEAN, ...sku, orderId: `81000000000000${i}` }));
    const r = audit(rows);
    expect(rulesOf(r)).toEqual(['G-REVIEW']);
    expect(r.findings[0].message.en).toMatch(/^gift SKU "GS-9" \(3C\): package front lacks CE mark or FCC mark \(electronics\)/);
    // without a SKU column, identical review cells are one finding; different ones are judged apart
    const fields = [...Object.keys(CLEAN), 'skuCategory', 'packagingMarks', 'skuDocuments'] as Field[];
    const r2 = audit([...rows, { ...rows[0], orderId: '8100000000000099', skuCategory: 'food' }], { fields });
    expect(rulesOf(r2)).toEqual(['G-REVIEW', 'G-REVIEW']);
  });
  it('[G-REVIEW] a row whose gift status says "no gift" is not reviewed; a ready SKU is no finding', () => {
    const r = audit([
      { ...CLEAN, giftSku: 'GS-1', skuCategory: '3C', packagingMarks: '', skuDocuments: '', giftStatus: '无', giftWeight: null, labelCode: null, giftShippedAt: null, giftConfirmedAt: null },
      { ...CLEAN, orderId: '8100000000000002', giftSku: 'GS-2', skuCategory: '3C', packagingMarks: 'NOT FOR SALE CE logo', skuDocuments: '实物图、材质、无侵权声明' },
    ]);
    expect(only(r, 'G-REVIEW')).toEqual([]);
  });
});

describe('[G-REVIEW] [G-PACK] examples/gift-skus.csv through the CLI reader', () => {
  it('[G-REVIEW] [G-PACK] the sample gift-SKU sheet: 3 SKUs not ready, 1 without a category, 2 refused packagings', async () => {
    const read = await readOrders(path.resolve(__dirname, '../../examples/gift-skus.csv'));
    if (!read.ok) throw new Error(read.error.en);
    const r = await auditTable(read.table.header, read.table.rows, { now: NOW, headerRow: read.table.headerRow, lang: 'zh' });
    if (isRuleError(r)) throw new Error(r.en);
    expect(r.mapping.missingRequired).toEqual([]);
    expect(r.mapping.unmatched).toEqual([]);
    expect(r.rowsAudited).toBe(9);
    expect(r.findings.map((f) => [f.row, f.rule, f.severity])).toEqual([
      [3, 'G-REVIEW', 'error'], // GS-002 phone accessory without CE / FCC
      [4, 'G-REVIEW', 'error'], // GS-003 cosmetics without a filing number / MSDS
      [5, 'G-PACK', 'error'], // GS-004 own packaging 未预审
      [6, 'G-REVIEW', 'error'], // GS-005 apparel: no NOT FOR SALE, no non-infringement statement
      [7, 'G-PACK', 'error'], // GS-006 own packaging 审核中
      [10, 'G-REVIEW', 'info'], // GS-009 no category
    ]);
    expect(r.findings[0].message.zh).toBe('礼物 SKU "GS-002"（手机配件）：包装正面缺少CE 标志或FCC 标志（电子产品）；礼物池审核将不通过');
    expect(r.rowsAffected).toBe(5);
    expect(r.totals).toEqual({ giftFeesCny: 0, penaltiesUsd: 0 });
  });
});
