/**
 * The rules of issue 13 through the PUBLIC entry (dist/node/index.cjs), each boundary on both sides:
 * [X-COMPARE] EXPRESS_VS_STANDARD, [X-ONBOARD] OFFLINE_READY, [G-REVIEW] SG_SKU_CHECK. Every expected
 * number comes from RULES.md / FUNCTIONS.md (stated next to it), never read back from the code.
 */
import { describe, it, expect } from 'vitest';
import { main, kindOf, hasCjk, NOW } from './_main';

const f = main.sheetFunctions({ now: NOW }) as Record<string, (...a: unknown[]) => any>;
const zh = main.sheetFunctions({ now: NOW, lang: 'zh' }) as Record<string, (...a: unknown[]) => any>;
const S = main.STANDARD_2024;

describe('[X-COMPARE] offline express versus AliExpress Standard: (offline − standard) + loss × min(value, $100) + $2 first order', () => {
  it('[X-COMPARE] the built-in card carries the $100 compensation cap and the $2 first-order subsidy', () => {
    expect([S.express.standardLossCap, S.express.standardFirstOrderSubsidy]).toEqual([100, 2]);
  });
  it('[X-COMPARE] the RULES.md example: DHL to Spain $18.30, $4.70 more than Standard', () => {
    expect(f.EXPRESS_VS_STANDARD(120, 18.3, 13.6)).toBe(4.7);
    expect(f.EXPRESS_VS_STANDARD(120, '18.30', '$13.60')).toBe(4.7);
  });
  it('[X-COMPARE] $100 cap: order value 100 vs 100.01 with a 100% loss rate both add $100.00; 99.99 adds $99.99', () => {
    // loss 100%: the whole covered value is the expected loss Standard would have paid
    expect(f.EXPRESS_VS_STANDARD(99.99, 10, 10, 1)).toBe(99.99);
    expect(f.EXPRESS_VS_STANDARD(100, 10, 10, 1)).toBe(100);
    expect(f.EXPRESS_VS_STANDARD(100.01, 10, 10, 1)).toBe(100);
    expect(f.EXPRESS_VS_STANDARD(5000, 10, 10, 1)).toBe(100);
  });
  it('[X-COMPARE] loss rate × covered value in exact cents, half up: 2% of $100 = $2.00; 1.5% of $33.33 = $0.50', () => {
    expect(f.EXPRESS_VS_STANDARD(120, 18.3, 13.6, '2%')).toBe(6.7); // 4.70 + 2.00 (capped at $100)
    expect(f.EXPRESS_VS_STANDARD(100, 0, 0, 0.02)).toBe(2);
    expect(f.EXPRESS_VS_STANDARD(100.01, 0, 0, 0.02)).toBe(2);
    expect(f.EXPRESS_VS_STANDARD(33.33, 0, 0, 0.015)).toBe(0.5); // 49.995 cents → 50
    expect(f.EXPRESS_VS_STANDARD(0.1 + 0.2, 0.3, 0.1 + 0.2)).toBe(0.0); // binary noise does not leak
  });
  it('[X-COMPARE] first order: TRUE adds the $2 subsidy, FALSE / omitted / "" / 否 do not', () => {
    expect(f.EXPRESS_VS_STANDARD(120, 18.3, 13.6, 0.02, true)).toBe(8.7);
    expect(f.EXPRESS_VS_STANDARD(120, 18.3, 13.6, 0, true)).toBe(6.7);
    expect(f.EXPRESS_VS_STANDARD(120, 18.3, 13.6, 0, '是')).toBe(6.7);
    for (const no of [false, '', null, '否', undefined]) expect(f.EXPRESS_VS_STANDARD(120, 18.3, 13.6, 0, no)).toBe(4.7);
  });
  it('[X-COMPARE] negative result: offline express cheaper in expectation', () => {
    expect(f.EXPRESS_VS_STANDARD(20, 9.5, 12)).toBe(-2.5);
  });
  it('[X-COMPARE] the cap and the subsidy come from the rate card: a what-if card changes them', () => {
    const card = [['express.standardLossCap', 50], ['express.standardFirstOrderSubsidy', '3.5']];
    expect(f.EXPRESS_VS_STANDARD(120, 18.3, 13.6, 1, true, card)).toBe(58.2); // 4.70 + 50 + 3.50
    expect(kindOf(f.EXPRESS_VS_STANDARD(120, 18.3, 13.6, 1, true, [['express.standardLossCap', -1]]))).toBe('#VALUE!');
  });
  it('[X-COMPARE] ranges broadcast; a bad cell gets its own error', () => {
    const r = f.EXPRESS_VS_STANDARD([[120], [-1], [80]], 18.3, 13.6, 0.02);
    expect(r[0][0]).toBe(6.7);
    expect(kindOf(r[1][0])).toBe('#VALUE!');
    expect(r[2][0]).toBe(6.3); // 4.70 + 2% × 80
  });
});

describe('[X-ONBOARD] licence > 6 months, not a sole proprietorship, 5 trails in 3 months, 5 status returns', () => {
  it('[X-ONBOARD] the built-in card carries 6 months, 5 trails in 3 months, 5 status returns, sole proprietors refused', () => {
    const x = S.express;
    expect([x.onboardLicenceMonths, x.onboardTrails, x.onboardTrailMonths, x.onboardStatusReturns]).toEqual([6, 5, 3, 5]);
    expect(x.onboardRefused).toEqual(['sole_proprietor']);
    expect(x.onboardNotarised).toEqual(['hk_macao_taiwan', 'overseas']);
  });
  it('[X-ONBOARD] licence 6 vs 6.01 months: exactly 6 fails (not MORE than 6), 6.01 passes', () => {
    expect(f.OFFLINE_READY(6, '企业', 5, 5)).toBe('business licence valid for 6 more month(s): needs more than 6');
    expect(f.OFFLINE_READY(6.01, '企业', 5, 5)).toBe('');
    expect(f.OFFLINE_READY(5.99, '企业', 5, 5)).toMatch(/^business licence valid for 5\.99 more month/);
    expect(f.OFFLINE_READY(0, '企业', 5, 5)).toMatch(/business licence/);
  });
  it('[X-ONBOARD] a licence without an end date (长期 / long-term / permanent) passes', () => {
    for (const t of ['长期', '长期有效', 'Long-term', 'permanent', '无固定期限']) expect(f.OFFLINE_READY(t, '企业', 5, 5), t).toBe('');
  });
  it('[X-ONBOARD] trails 4 vs 5: four complete trails fail, five pass', () => {
    expect(f.OFFLINE_READY(12, 'company', 4, 5)).toBe('4 complete delivered trail(s) with one carrier in the last 3 months: needs 5');
    expect(f.OFFLINE_READY(12, 'company', 5, 5)).toBe('');
    expect(f.OFFLINE_READY(12, 'company', 0, 5)).toMatch(/^0 complete delivered trail/);
  });
  it('[X-ONBOARD] status returns 4 vs 5: four consecutive successes fail, five pass', () => {
    expect(f.OFFLINE_READY(12, 'company', 5, 4)).toBe('4 consecutive successful status return(s) (API or manual upload test): needs 5');
    expect(f.OFFLINE_READY(12, 'company', 5, 5)).toBe('');
    expect(f.OFFLINE_READY(12, 'company', 50, 500)).toBe('');
  });
  it('[X-ONBOARD] sole proprietors are refused, in English and Chinese; companies are not', () => {
    for (const t of ['个体工商户', '个体', '个体户', 'sole proprietor', 'Sole Proprietorship', 'individual', '个人独资企业']) {
      expect(f.OFFLINE_READY(12, t, 5, 5), t).toBe('entity type sole proprietorship: not eligible');
    }
    for (const t of ['企业', '有限公司', '深圳某某科技有限公司', 'company', 'Co., Ltd.', 'enterprise', 'LLC', '非个体工商户', 'not a sole proprietor']) {
      expect(f.OFFLINE_READY(12, t, 5, 5), t).toBe('');
    }
  });
  it('[X-ONBOARD] Hong Kong, Macao, Taiwan and overseas entities are not refused but told to add notarised documents', () => {
    for (const t of ['港澳台', '香港公司', 'Hong Kong company', '澳门', 'Taiwan', 'HK Ltd']) {
      expect(f.OFFLINE_READY(12, t, 5, 5), t).toBe('Hong Kong, Macao or Taiwan entity: add notarised and authenticated company documents');
    }
    for (const t of ['境外', '境外公司', 'overseas', 'foreign company', '海外企业']) {
      expect(f.OFFLINE_READY(12, t, 5, 5), t).toBe('overseas entity: add notarised and authenticated company documents');
    }
    expect(zh.OFFLINE_READY(12, '香港公司', 5, 5)).toBe('港澳台主体：须补充经公证认证的主体文件');
  });
  it('[X-ONBOARD] a company of a named country other than China is overseas ("美国公司", "US company", "德国 GmbH")', () => {
    for (const t of ['美国公司', '美国有限公司', 'US company', 'USA LLC', 'Germany GmbH', '德国 GmbH', '日本公司', 'UK Ltd', '美国']) {
      expect(f.OFFLINE_READY(12, t, 5, 5), t).toBe('overseas entity: add notarised and authenticated company documents');
    }
    expect(zh.OFFLINE_READY(12, '美国公司', 5, 5)).toBe('境外主体：须补充经公证认证的主体文件');
    for (const t of ['中国公司', 'China company', '中国大陆企业', '深圳某某科技有限公司', 'Acme Trading Co., Ltd.']) {
      expect(f.OFFLINE_READY(12, t, 5, 5), t).toBe('');
    }
    expect(f.OFFLINE_READY(12, '台湾公司', 5, 5)).toBe('Hong Kong, Macao or Taiwan entity: add notarised and authenticated company documents');
    // A sole proprietor of another country is refused (and overseas).
    expect(f.OFFLINE_READY(12, '美国个体户', 5, 5)).toMatch(/sole proprietorship: not eligible/);
  });
  it('[X-ONBOARD] every failing requirement is listed, one phrase each, in English and Chinese', () => {
    const en = f.OFFLINE_READY(3, '个体工商户', 2, 1);
    expect(en.split('; ')).toHaveLength(4);
    const cn = zh.OFFLINE_READY(3, '个体工商户', 2, 1);
    expect(cn.split('；')).toEqual([
      '营业执照剩余有效期 3 个月：需超过 6 个月',
      '主体类型为个体工商户：不符合入驻条件',
      '近 3 个月同一物流商的完整妥投轨迹 2 条：需 5 条',
      '连续成功回传状态 1 次（API 或手动上传测试）：需连续 5 次',
    ]);
  });
  it('[X-ONBOARD] an entity type it cannot read is #VALUE! saying what to write (never a guess)', () => {
    const r = f.OFFLINE_READY(12, 'LLP-ish thing', 5, 5);
    expect(kindOf(r)).toBe('#VALUE!');
    expect(r.en).toMatch(/企业 \/ company, 个体工商户 \/ sole proprietor/);
    expect(hasCjk(r.zh)).toBe(true);
  });
  it('[X-ONBOARD] the thresholds come from the rate card: a what-if card moves each one', () => {
    const card = [['express.onboardLicenceMonths', 12], ['express.onboardTrails', 3], ['express.onboardStatusReturns', 10]];
    expect(f.OFFLINE_READY(12, '企业', 3, 10, card)).toMatch(/^business licence valid for 12 more month\(s\): needs more than 12$/);
    expect(f.OFFLINE_READY(12.5, '企业', 3, 10, card)).toBe('');
    expect(f.OFFLINE_READY(12.5, '企业', 2, 9, card)).toBe(
      '2 complete delivered trail(s) with one carrier in the last 3 months: needs 3; 9 consecutive successful status return(s) (API or manual upload test): needs 10',
    );
    // Entity lists read ids or words; a card that stops refusing sole proprietors lets them pass.
    expect(f.OFFLINE_READY(12, '个体', 5, 5, [['express.onboardRefused', '']])).toBe('');
    expect(f.OFFLINE_READY(12, 'overseas', 5, 5, [['express.onboardNotarised', '港澳台']])).toBe('');
    expect(f.OFFLINE_READY(12, 'company', 5, 5, [['express.onboardRefused', '企业, 个体工商户']])).toBe('entity type company: not eligible');
    const bad = f.OFFLINE_READY(12, 'company', 5, 5, [['express.onboardRefused', 'martians']]);
    expect(kindOf(bad)).toBe('#VALUE!');
    expect(bad.en).toMatch(/row 1 \(express\.onboardRefused/);
  });
});

describe('[G-REVIEW] gift-pool review: NOT FOR SALE + logo, photo + material + non-infringement; CE/FCC for electronics; filing number/MSDS for food and cosmetics', () => {
  const READY_MARKS = 'NOT FOR SALE, logo';
  const READY_DOCS = 'photo, material, IP statement';
  it('[G-REVIEW] the built-in card carries the marks, documents and the two category groups of RULES.md', () => {
    expect(S.gift.reviewMarks).toEqual(['NOT FOR SALE', 'logo']);
    expect(S.gift.reviewDocuments).toEqual(['photo', 'material', 'non-infringement statement']);
    expect(S.gift.reviewGroups.electronics.marks).toEqual(['CE / FCC']);
    expect(S.gift.reviewGroups['food-cosmetics'].documents).toEqual(['filing number / MSDS']);
    for (const w of ['3C', '手机配件', '数码', 'electronics']) expect(S.gift.reviewGroups.electronics.categories).toContain(w);
    for (const w of ['美妆', '化妆品', '护肤', '食品', 'beauty', 'cosmetics', 'food']) expect(S.gift.reviewGroups['food-cosmetics'].categories).toContain(w);
  });
  it('[G-REVIEW] a plain SKU (apparel) with everything is ready; each missing item is named', () => {
    expect(f.SG_SKU_CHECK('apparel', READY_MARKS, READY_DOCS)).toBe('');
    expect(f.SG_SKU_CHECK('apparel', 'logo', READY_DOCS)).toBe('package front lacks NOT FOR SALE');
    expect(f.SG_SKU_CHECK('apparel', 'NOT FOR SALE', READY_DOCS)).toBe('package front lacks brand logo');
    expect(f.SG_SKU_CHECK('apparel', READY_MARKS, 'photo, material')).toBe('documents lack non-infringement statement');
    expect(f.SG_SKU_CHECK('apparel', READY_MARKS, 'material, IP statement')).toBe('documents lack product photo');
    expect(f.SG_SKU_CHECK('apparel', READY_MARKS, 'photo, IP statement')).toBe('documents lack material / ingredients');
  });
  it('[G-REVIEW] electronics: CE or FCC, either one; without both it is named (both sides)', () => {
    for (const cat of ['phone accessories', '手机配件', '3C', '3C数码', 'Consumer Electronics > Earphones', '数码配件']) {
      expect(f.SG_SKU_CHECK(cat, READY_MARKS, READY_DOCS), cat).toBe('package front lacks CE mark or FCC mark (electronics)');
      expect(f.SG_SKU_CHECK(cat, `${READY_MARKS}, CE`, READY_DOCS), cat).toBe('');
      expect(f.SG_SKU_CHECK(cat, `${READY_MARKS} FCC`, READY_DOCS), cat).toBe('');
    }
    expect(f.SG_SKU_CHECK('apparel', READY_MARKS, READY_DOCS)).toBe(''); // no CE needed outside the group
  });
  it('[G-REVIEW] food and cosmetics: a filing number or an MSDS, either one (both sides)', () => {
    for (const cat of ['美妆', '化妆品', '护肤品', '食品', 'Beauty', 'cosmetics', 'food', 'Skin care']) {
      expect(f.SG_SKU_CHECK(cat, READY_MARKS, READY_DOCS), cat).toBe('documents lack filing number or MSDS (food and cosmetics)');
      expect(f.SG_SKU_CHECK(cat, READY_MARKS, `${READY_DOCS}, 备案号`), cat).toBe('');
      expect(f.SG_SKU_CHECK(cat, READY_MARKS, `${READY_DOCS}; MSDS`), cat).toBe('');
    }
  });
  it('[G-REVIEW] free text as sellers type it: Chinese, any case, 、 ; and spaces as separators', () => {
    expect(f.SG_SKU_CHECK('手机配件', 'not for sale、Logo、ce', '实物图；材质；无侵权声明')).toBe('');
    expect(f.SG_SKU_CHECK('美妆', '非卖品 品牌标识', '产品图 成分说明 不侵权声明 化妆品备案号')).toBe('');
    expect(f.SG_SKU_CHECK('food', 'NOT-FOR-SALE LOGO', 'pictures ingredients non-infringement statement sds')).toBe('');
    // full-width text folds
    expect(f.SG_SKU_CHECK('ｆｏｏｄ', 'ＮＯＴ ＦＯＲ ＳＡＬＥ，ＬＯＧＯ', 'photo，material，IP statement，MSDS')).toBe('');
  });
  it('[G-REVIEW] a negated item does not count ("no CE", "无 logo", "MSDS 待补")', () => {
    expect(f.SG_SKU_CHECK('3C', 'NOT FOR SALE, logo, no CE, FCC missing', READY_DOCS)).toBe('package front lacks CE mark or FCC mark (electronics)');
    expect(f.SG_SKU_CHECK('apparel', 'NOT FOR SALE、无logo', READY_DOCS)).toBe('package front lacks brand logo');
    expect(f.SG_SKU_CHECK('food', READY_MARKS, `${READY_DOCS}, MSDS 待补`)).toBe('documents lack filing number or MSDS (food and cosmetics)');
    // "material safety data sheet" is an MSDS, not the material description
    expect(f.SG_SKU_CHECK('food', READY_MARKS, 'photo, IP statement, material safety data sheet')).toBe('documents lack material / ingredients');
  });
  it('[G-REVIEW] empty marks or documents mean "none": everything of that kind is listed, en and zh', () => {
    expect(f.SG_SKU_CHECK('3C', '', null)).toBe(
      'package front lacks NOT FOR SALE, brand logo, CE mark or FCC mark (electronics); documents lack product photo, material / ingredients, non-infringement statement',
    );
    expect(zh.SG_SKU_CHECK('3C', '', '')).toBe('包装正面缺少NOT FOR SALE（非卖品）标识、品牌 logo、CE 标志或FCC 标志（电子产品）；送审资料缺少实物图、材质 / 成分说明、无侵权声明');
  });
  it('[G-REVIEW] the groups and requirements come from the rate card: a user adds a group and a mark', () => {
    const card = [
      ['gift.reviewGroups.toys.categories', '玩具, toys'],
      ['gift.reviewGroups.toys.marks', 'CE / UKCA'],
      ['gift.reviewMarks', 'NOT FOR SALE, logo, age grade'],
    ];
    expect(f.SG_SKU_CHECK('toys', READY_MARKS, READY_DOCS, card)).toBe('package front lacks age grade, CE mark or UKCA (toys)');
    expect(f.SG_SKU_CHECK('儿童玩具', `${READY_MARKS}, age grade, UKCA`, READY_DOCS, card)).toBe('');
    expect(f.SG_SKU_CHECK('toys', READY_MARKS, READY_DOCS)).toBe(''); // the built-in card has no toys group
    const bad = f.SG_SKU_CHECK('toys', READY_MARKS, READY_DOCS, [['gift.reviewGroups.Toys.categories', 'toys']]);
    expect(kindOf(bad)).toBe('#VALUE!');
    expect(bad.en).toMatch(/not a rate-card key/);
  });
  it('[G-REVIEW] a group named like an Object method is just a group (no prototype pollution)', () => {
    const card = [['gift.reviewGroups.constructor.categories', 'widgets'], ['gift.reviewGroups.constructor.documents', 'test report']];
    expect(f.SG_SKU_CHECK('widgets', READY_MARKS, READY_DOCS, card)).toBe('documents lack test report (constructor)');
    expect((Object as any).categories).toBeUndefined();
    expect(({} as any).documents).toBeUndefined();
  });
  it('[G-REVIEW] a whole column of SKUs in one call: one answer per row, blank rows stay blank', () => {
    const r = f.SG_SKU_CHECK([['3C'], ['美妆'], [''], ['apparel']], [[`${READY_MARKS}, CE`], [READY_MARKS], [''], [READY_MARKS]], [[READY_DOCS], [READY_DOCS], [''], ['photo']]);
    expect(r).toEqual([[''], ['documents lack filing number or MSDS (food and cosmetics)'], [''], ['documents lack material / ingredients, non-infringement statement']]);
  });
});

describe('the rate-card table carries the new rows, with notes in both languages [X-COMPARE] [X-ONBOARD] [G-REVIEW]', () => {
  it('[G-REVIEW] cardToTable → cardFromTable round-trips the new keys, a new group included', () => {
    const t = main.cardToTable(S);
    const keys = t.slice(1).map((r) => r[0]);
    for (const k of ['express.standardLossCap', 'express.standardFirstOrderSubsidy', 'express.onboardLicenceMonths', 'express.onboardRefused', 'gift.reviewMarks', 'gift.reviewGroups.electronics.categories', 'gift.reviewGroups.food-cosmetics.documents']) {
      expect(keys).toContain(k);
    }
    const c = structuredClone(S) as any;
    c.gift.reviewGroups.toys = { categories: ['toys'], marks: ['CE / UKCA'], documents: [] };
    c.express.onboardNotarised = ['overseas'];
    expect(main.cardFromTable(main.cardToTable(c))).toEqual(c);
  });
});
