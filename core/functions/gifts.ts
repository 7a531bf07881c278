/** Small Gifts functions (seed 000). Rule ids from RULES.md in brackets. */
import { naError, numError, valueError, isRuleError, type RuleError } from '../errors';
import { toCents, fromCents, HOUR_MS, fold, show, readRate, tooLong, MAX_LEVEL_TEXT } from '../coerce';
import { countryLabel } from '../countries';
import { TIER_NAMES, type RateCard, type TierName } from '../rates';
import { findStatus, statusCodeOf } from '../status';
import { describeSkuGaps, skuGaps } from '../review';
import { L, joinL, type Lang, type Text } from '../text';
import type { CallContext, FunctionDef } from '../catalogue/types';
import { RATES_ARG, countryArg, withCard } from './common';

const onDateArg = {
  name: 'on_date',
  nameZh: '日期',
  kind: 'date',
  optional: true,
  // "Today" is not recalculated when the day changes (Excel, Sheets): a typed date in a cell is stable.
  help: L(
    'Date whose rate card applies. Default: today, not updated when the day changes; use a cell with a typed date, not TODAY()',
    '按哪一天生效的费率卡计算。默认今天，但日期变化时不会自动重算；请引用手动输入日期的单元格，不要用 TODAY()',
  ),
} as const;

/** [G-COD] then [G-FEE]: the tier of a country, or why there is none. */
export function giftTier(card: RateCard, country: string) {
  if (card.gift.codCountries.includes(country)) {
    const c = countryLabel(country);
    return naError(
      `Small Gifts are not offered in ${c.en}: cash-on-delivery market [G-COD]`,
      `${c.zh} 为货到付款市场，不提供小礼物 [G-COD]`,
    );
  }
  for (const t of TIER_NAMES) if (card.gift.tiers[t].countries.includes(country)) return t;
  const c = countryLabel(country);
  return naError(
    `rate card ${card.card.id} has no Small-Gift tier for ${c.en}; assign it to a tier in your rate card`,
    `费率卡 ${card.card.id} 中 ${c.zh} 没有小礼物费率等级；请在自定义费率卡中为其指定等级`,
  );
}

/** [G-FEE] + [G-OVERWEIGHT] + [G-NFE], in exact cents. */
export function giftFeeCents(card: RateCard, country: string, weightG: number, hasNfe: boolean | undefined) {
  const tier = giftTier(card, country);
  if (isRuleError(tier)) return tier;
  const g = card.gift;
  let cents = toCents(g.tiers[tier as TierName].fee);
  if (weightG > g.overweightAboveG) cents += toCents(g.overweightSurcharge);
  if (g.nfeCountries.includes(country) && hasNfe !== true) cents += toCents(g.nfeSurcharge);
  return cents;
}

const TIER_TEXT: Record<TierName, Text> = {
  mature: L('mature', '成熟市场'),
  emerging: L('emerging', '新兴市场'),
  'long-tail': L('long-tail', '长尾市场'),
};

const rateArg = (name: string, nameZh: string, help: Text) => ({ name, nameZh, kind: 'rate', help }) as const;

const ELIGIBLE_ARGS = [
  { name: 'store_level', nameZh: '店铺等级', kind: 'text', help: L('Store level: 3, "L3" or "Lv3"', '店铺等级：3、"L3" 或 "Lv3"') },
  rateArg('positive_rate_90d', '好评率', L('90-day positive feedback rate: 0.95 or 95%', '90 天好评率：0.95 或 95%')),
  rateArg('dispute_rate_30d', '纠纷率', L('30-day dispute rate: 0.005 or 0.5%', '30 天纠纷率：0.005 或 0.5%')),
  { name: 'alipay_verified', nameZh: '支付宝认证', kind: 'bool', help: L('Enterprise Alipay bound and real-name verified (TRUE/FALSE)', '企业支付宝已绑定并实名认证（TRUE/FALSE）') },
  RATES_ARG,
] as const;

const pct = (r: number) => `${Number((r * 100).toPrecision(10))}%`;

/** A store level, trimmed ("L3", "Lv 3", "level.3", "等级3级"); one linear pass (no adjacent `\s*` runs to backtrack over). */
const LEVEL_RE = /^(?:(?:l|lv|level|等级)\s*)?(?:\.\s*)?(\d{1,3})(?:\s*级)?$/i;

function parseLevel(raw: string) {
  const s = fold(raw).trim();
  if (s.length > MAX_LEVEL_TEXT) {
    const e = tooLong(raw, s.length, MAX_LEVEL_TEXT, L('a store level (3, L3 or Lv3)', '店铺等级（3、L3 或 Lv3）'));
    return valueError(`store_level ${e.en}`, `店铺等级${e.zh}`);
  }
  const m = LEVEL_RE.exec(s);
  return m
    ? Number(m[1])
    : valueError(`store_level must look like 3, L3 or Lv3, got ${show(raw)}`, `店铺等级应为 3、L3 或 Lv3，得到 ${show(raw)}`);
}

/** Index of dispute_rate_30d in ELIGIBLE_ARGS (for ctx.input). */
const DISPUTE_ARG = 2;

/**
 * How a dispute-rate cell was read, when that could surprise: a bare number ≤ 1 is a fraction, so a
 * typed 0.5 is 50%, not half a percent. Shown only when the reading is at least 10 times the limit
 * (a dispute rate that high is more likely a missing "%"): a percent-formatted cell (0.8% in Excel)
 * reaches the function as the bare fraction 0.008, and that reading needs no comment.
 */
function disputeReading(ctx: CallContext | undefined, value: number, limit: number): Text {
  const raw = ctx?.input?.(DISPUTE_ARG);
  if (raw === undefined || raw === null || Array.isArray(raw)) return L('', '');
  const r = readRate(raw);
  if (isRuleError(r) || !r.bare || r.typed > 1 || r.typed <= 0 || value < 10 * limit) return L('', '');
  const typed = String(r.typed);
  return L(` (${typed} read as ${pct(value)}; type ${typed}% for ${typed} percent)`, `（${typed} 按 ${pct(value)} 理解；如指百分之 ${typed}，请输入 ${typed}%）`);
}

/** [G-ELIGIBLE] the criteria a seller fails (empty when eligible). */
function eligibilityGaps(a: unknown[], card: RateCard, ctx?: CallContext) {
  const [levelRaw, positive, dispute, alipay] = a as [string, number, number, boolean];
  const level = parseLevel(levelRaw);
  if (isRuleError(level)) return level;
  const g = card.gift;
  const gaps: Text[] = [];
  if (level < g.minStoreLevel) gaps.push(L(`store level L${level} is below L${g.minStoreLevel}`, `店铺等级 L${level} 低于 L${g.minStoreLevel}`));
  if (positive < g.minPositiveRate)
    gaps.push(L(`90-day positive rate ${pct(positive)} is below ${pct(g.minPositiveRate)}`, `90 天好评率 ${pct(positive)} 低于 ${pct(g.minPositiveRate)}`));
  if (dispute > g.maxDisputeRate)
    {
      const how = disputeReading(ctx, dispute, g.maxDisputeRate);
      gaps.push(L(`30-day dispute rate ${pct(dispute)}${how.en} is above ${pct(g.maxDisputeRate)}`, `30 天纠纷率 ${pct(dispute)}${how.zh || ' '}高于 ${pct(g.maxDisputeRate)}`));
    }
  if (!alipay) gaps.push(L('enterprise Alipay is not bound and verified', '企业支付宝未绑定或未实名认证'));
  return gaps;
}

/**
 * [G-REVIEW] A free-text list cell (package marks, documents) as the implementation receives it (raw):
 * text, or a number as its text; empty means "none" (nothing printed, nothing submitted), which the
 * answer then lists as missing. Anything else is #VALUE! naming the argument.
 */
function listCell(x: unknown, name: string, nameZh: string): string | RuleError {
  if (x === null || x === undefined) return '';
  if (typeof x === 'string') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  return valueError(`${name}: must be text listing what is there (e.g. "NOT FOR SALE, CE, logo"), got ${show(x)}`, `${nameZh}：必须是列出已有项目的文本（如“NOT FOR SALE、CE、LOGO”），得到 ${show(x)}`);
}

const ELIGIBLE_NOTE = L(
  ' Also required, not checked here: enterprise registered in mainland China; each gift SKU passed the gift-pool review.',
  ' 另需（此处不检查）：中国大陆注册企业；每个礼物 SKU 通过礼物池审核。',
);

export const GIFT_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: 'SG_FEE',
    nameZh: '礼物费用',
    category: 'gift',
    rules: ['G-FEE', 'G-OVERWEIGHT', 'G-NFE', 'G-COD'],
    help: L(
      'Small-Gift fee per gift order in CNY (tax included, duties excluded): tier base fee, +overweight above 50 g, +Brazil surcharge without NFe.',
      '每笔小礼物订单费用（人民币，含税不含关税）：等级基础费 + 超过 50 克的超重费 + 巴西无 NFe 附加费。',
    ),
    args: [
      countryArg(),
      {
        name: 'weight_g',
        nameZh: '重量克',
        kind: 'number',
        unit: 'g',
        min: 0,
        max: 1_000_000,
        help: L('Gift weight in grams: 50, "50 g" or "50克" (50 g is not overweight; give kg as grams)', '礼物重量（克）：50、"50 g" 或 "50克"（正好 50 克不算超重；千克请换算成克）'),
      },
      {
        name: 'has_nfe',
        nameZh: '有NFe',
        kind: 'bool',
        presence: true,
        optional: true,
        help: L(
          'Brazil: TRUE, or the NFe number itself, when the order has an NFe; FALSE, "N/A" or omitted counts as no NFe',
          '巴西：有 NFe 时填 TRUE 或直接填 NFe 号；FALSE、"无" 或不填视为没有 NFe',
        ),
      },
      onDateArg,
      RATES_ARG,
    ],
    result: 'money',
    examples: [
      { formula: 'SG_FEE("US", 30)', result: '3.20' },
      { formula: 'SG_FEE("巴西", 50, TRUE)', result: '2.60' },
      { formula: 'SG_FEE("BR", 51, FALSE)', result: '4.90' },
      { formula: 'SG_FEE("EG", 20)', result: '#N/A (cash-on-delivery market)' },
    ],
    impl: ([country, weight, hasNfe, onDate], ctx) =>
      withCard(ctx, onDate, (card) => {
        const cents = giftFeeCents(card, country, weight, hasNfe);
        return isRuleError(cents) ? cents : fromCents(cents);
      }),
  },
  {
    name: 'SG_TIER',
    nameZh: '礼物等级',
    category: 'gift',
    rules: ['G-FEE', 'G-COD'],
    help: L('Small-Gift market tier of a destination: mature, emerging or long-tail.', '目的国的小礼物市场等级：成熟、新兴或长尾。'),
    args: [countryArg(), onDateArg, RATES_ARG],
    result: 'text',
    examples: [{ formula: 'SG_TIER("Poland")', result: 'emerging' }],
    impl: ([country, onDate], ctx) =>
      withCard(ctx, onDate, (card) => {
        const t = giftTier(card, country);
        return isRuleError(t) ? t : L(t, TIER_TEXT[t].zh);
      }),
  },
  {
    name: 'SG_ELIGIBLE',
    nameZh: '礼物资格',
    category: 'gift',
    rules: ['G-ELIGIBLE'],
    help: L(
      'TRUE when a store meets the Small-Gift thresholds: level ≥ L3, 90-day positive rate ≥ 95%, 30-day dispute rate ≤ 0.5%, enterprise Alipay verified.' ,
      '店铺满足小礼物门槛时为 TRUE：等级 ≥ L3，90 天好评率 ≥ 95%，30 天纠纷率 ≤ 0.5%，企业支付宝已认证。',
    ),
    args: ELIGIBLE_ARGS,
    result: 'bool',
    examples: [{ formula: 'SG_ELIGIBLE("L3", 95%, 0.5%, TRUE)', result: 'TRUE' }],
    impl: (a, ctx) =>
      withCard(ctx, undefined, (card) => {
        const gaps = eligibilityGaps(a, card);
        return isRuleError(gaps) ? gaps : gaps.length === 0;
      }),
  },
  {
    name: 'SG_ELIGIBLE_WHY',
    nameZh: '礼物资格原因',
    category: 'gift',
    rules: ['G-ELIGIBLE'],
    help: L('"" when eligible for Small Gifts, else each failing criterion.', '符合小礼物资格时返回空，否则列出每条不满足的条件。'),
    args: ELIGIBLE_ARGS,
    result: 'text',
    examples: [{ formula: 'SG_ELIGIBLE_WHY("L2", 96%, 0.8%, TRUE)', result: 'store level L2 is below L3; 30-day dispute rate 0.8% is above 0.5%. Also required, not checked here: …' }],
    impl: (a, ctx) =>
      withCard(ctx, undefined, (card) => {
        const gaps = eligibilityGaps(a, card, ctx);
        if (isRuleError(gaps)) return gaps;
        return gaps.length === 0 ? '' : joinL([joinL(gaps), ELIGIBLE_NOTE], '.', '。');
      }),
  },
  {
    name: 'SG_TRIGGER',
    nameZh: '礼物触发',
    category: 'gift',
    rules: ['G-TRIGGER'],
    help: L('TRUE when the order amount meets the gift threshold, compared in exact cents ($29.99 does not meet $30).', '订单金额达到赠礼门槛时为 TRUE，按分精确比较（29.99 美元未达 30 美元）。'),
    args: [
      { name: 'order_amount', nameZh: '订单金额', kind: 'money', min: 0, help: L('Order amount', '订单金额') },
      { name: 'threshold', nameZh: '门槛', kind: 'money', min: 0, help: L('Gift threshold in the same currency', '赠礼门槛（同一币种）') },
    ],
    result: 'bool',
    examples: [{ formula: 'SG_TRIGGER(29.99, 30)', result: 'FALSE' }],
    impl: ([amount, threshold]) => toCents(amount) >= toCents(threshold),
  },
  {
    name: 'SG_CONFIRM_BY',
    nameZh: '确认发货截止',
    category: 'gift',
    rules: ['G-CONFIRM'],
    help: L('Deadline to click "confirm shipped": shipping time + 48 hours; later, the gift is cancelled and counts as a failure.', '点击“确认发货”的截止时间：发货时间 + 48 小时；逾期礼物自动取消并记为失败。'),
    args: [{ name: 'shipped_at', nameZh: '发货时间', kind: 'date', help: L('When the gift was shipped', '礼物发货时间') }, RATES_ARG],
    result: 'date',
    examples: [{ formula: 'SG_CONFIRM_BY("2024-06-01 10:00")', result: '2024-06-03 10:00' }],
    impl: ([shipped], ctx) => withCard(ctx, shipped, (card) => shipped + card.gift.confirmHours * HOUR_MS),
  },
  {
    name: 'SG_STATUS',
    nameZh: '礼物状态',
    category: 'gift',
    rules: ['G-STATUS'],
    help: L('Plain explanation and fix for a Small-Gift status or error code (PENDING, FAILED, ERR-407, ERR-211).', '小礼物状态或错误码（PENDING、FAILED、ERR-407、ERR-211）的说明与处理办法。'),
    args: [
      {
        name: 'code',
        nameZh: '代码',
        kind: 'text',
        help: L('Status or error code, detail text allowed: PENDING, FAILED, ERR-407, "ERR-407: packaging…", 等待中, 失败', '状态或错误码，可带详情：PENDING、FAILED、ERR-407、“ERR-407 包装未备案”、等待中、失败'),
      },
      { name: 'lang', nameZh: '语言', kind: 'lang', optional: true, help: L('"en" or "zh"; default your Office / Sheets language', '"en" 或 "zh"；默认跟随界面语言') },
      RATES_ARG,
    ],
    result: 'text',
    examples: [{ formula: 'SG_STATUS("ERR-407")', result: 'ERR-407: packaging not registered. Fix: …' }],
    impl: ([code, lang], ctx) =>
      withCard(ctx, undefined, (card) => {
        // The fix texts quote the card in force (confirm hours, label prefix, freeze count, COD markets).
        const info = findStatus(code, card);
        if (!info) {
          const c = statusCodeOf(code);
          if (c) {
            return naError(
              `${c} is not a Small-Gift error code this rule book names (known: ERR-407, ERR-211); an ERR code means the gift failed, so it is treated as a failure: see the detail in the gift backend`,
              `${c} 不是规则中列出的小礼物错误码（已知：ERR-407、ERR-211）；ERR 错误码表示礼物失败，按失败处理：详情请查看礼物后台`,
            );
          }
          return naError(
            `unknown Small-Gift status code ${show(code)} (known: PENDING, FAILED, ERR-407, ERR-211)`,
            `未知的小礼物状态码 ${show(code)}（已知：PENDING、FAILED、ERR-407、ERR-211）`,
          );
        }
        const l: Lang = lang ?? ctx.lang;
        return l === 'zh' ? `${info.meaning.zh}处理：${info.fix.zh}` : `${info.meaning.en} Fix: ${info.fix.en}`;
      }),
  },
  {
    name: 'SG_ROI',
    nameZh: '礼物回报率',
    category: 'gift',
    rules: ['G-ROI'],
    help: L(
      'ROI of a gift campaign, one currency throughout: gain = (orders×conversion_uplift + orders×repeat_rate×repeat_uplift) × avg_order_value × margin; cost = orders × (1+conversion_uplift) × gift_cost; ROI = (gain − cost) / cost.',
      '礼物活动投资回报率（全部使用同一币种）：收益 =（订单数×转化提升 + 订单数×复购率×复购提升）× 客单价 × 毛利率；成本 = 订单数 ×（1+转化提升）× 礼物成本；ROI =（收益 − 成本）/ 成本。',
    ),
    args: [
      { name: 'orders', nameZh: '订单数', kind: 'number', min: 0, help: L('Orders in the period', '期间订单数') },
      { name: 'avg_order_value', nameZh: '客单价', kind: 'money', min: 0, help: L('Average order value', '平均客单价') },
      rateArg('margin', '毛利率', L('Gross margin: 0.3 or 30%', '毛利率：0.3 或 30%')),
      { name: 'gift_cost', nameZh: '礼物成本', kind: 'money', min: 0, help: L('All-in cost per gift (same currency)', '每份礼物的全部成本（同一币种）') },
      { ...rateArg('conversion_uplift', '转化提升', L('Conversion uplift; default 18.7%', '转化率提升；默认 18.7%')), optional: true },
      { ...rateArg('repeat_rate', '复购率', L('Share of orders that repurchase; default 0', '复购订单占比；默认 0')), optional: true },
      { ...rateArg('repeat_uplift', '复购提升', L('Repurchase uplift; default 23.4%', '复购提升；默认 23.4%')), optional: true },
      RATES_ARG,
    ],
    result: 'number',
    examples: [{ formula: 'SG_ROI(1000, 120, 30%, 2.6)', result: '1.18…' }],
    impl: ([orders, aov, margin, giftCost, cu, rr, ru], ctx) =>
      withCard(ctx, undefined, (card) => {
        const g = card.gift;
        const conv = cu ?? g.conversionUplift;
        const rep = rr ?? g.repeatRate;
        const repUp = ru ?? g.repeatUplift;
        const gain = (orders * conv + orders * rep * repUp) * aov * margin;
        const cost = orders * (1 + conv) * giftCost;
        if (cost === 0) return numError('cost is 0 (orders or gift_cost is 0): ROI is undefined', '成本为 0（订单数或礼物成本为 0）：无法计算 ROI');
        return (gain - cost) / cost;
      }),
  },
  {
    name: 'SG_CAC_SAVING',
    nameZh: '获客节省',
    category: 'gift',
    rules: ['G-ROI'],
    help: L('Share of acquisition cost saved against paid clicks: 1 − gift_cost / cpc (default CPC ¥15.6).', '相对付费点击节省的获客成本比例：1 − 礼物成本 / 单次点击成本（默认 ¥15.6）。'),
    args: [
      { name: 'gift_cost', nameZh: '礼物成本', kind: 'money', min: 0, help: L('Cost per gift, CNY', '每份礼物成本（人民币）') },
      { name: 'cpc', nameZh: '点击成本', kind: 'money', optional: true, min: 0, help: L('Cost per paid click, CNY; default 15.6', '单次付费点击成本（人民币）；默认 15.6') },
      RATES_ARG,
    ],
    result: 'number',
    examples: [{ formula: 'SG_CAC_SAVING(1.2)', result: '0.923' }],
    impl: ([giftCost, cpc], ctx) =>
      withCard(ctx, undefined, (card) => {
        const c = cpc ?? card.gift.cpc;
        // A cpc of 0 is bad input (given, or from the card): #VALUE! with the reason.
        if (c <= 0) return valueError('cpc must be greater than 0', '点击成本必须大于 0');
        return 1 - giftCost / c;
      }),
  },
  {
    name: 'SG_SKU_CHECK',
    nameZh: '礼物SKU检查',
    category: 'gift',
    rules: ['G-REVIEW'],
    help: L(
      '"" when a gift SKU is ready for the gift-pool review, else what is missing: NOT FOR SALE and the brand logo on the package, a product photo, material / ingredients, a non-infringement statement; electronics add a CE or FCC mark, food and cosmetics a filing number or MSDS.',
      '礼物 SKU 可提交礼物池审核时返回空，否则列出缺少的项目：包装正面的 NOT FOR SALE 标识和品牌 logo，实物图、材质 / 成分说明、无侵权声明；电子产品另需 CE 或 FCC 标志，食品和化妆品另需备案号或 MSDS。',
    ),
    args: [
      {
        name: 'category',
        nameZh: '品类',
        kind: 'text',
        help: L('Gift category as you call it, English or Chinese: "phone accessories", "3C", "美妆", "food"', '礼物品类，中英文均可：“手机配件”、“3C”、“美妆”、“food”'),
      },
      {
        name: 'packaging_marks',
        nameZh: '包装标识',
        kind: 'text',
        raw: true,
        help: L(
          'What the package front shows, separated by commas, 、 or spaces: "NOT FOR SALE, CE, logo"; empty = nothing printed',
          '包装正面印有的标识，用逗号、顿号或空格分隔：“NOT FOR SALE、CE、LOGO”；留空表示没有',
        ),
      },
      {
        name: 'documents',
        nameZh: '提交资料',
        kind: 'text',
        raw: true,
        help: L(
          'What you submit for the review: "photo, material, IP statement", "实物图、成分说明、无侵权声明"; empty = nothing yet',
          '提交审核的资料：“实物图、成分说明、无侵权声明”、“photo, material, IP statement”；留空表示尚未提交',
        ),
      },
      RATES_ARG,
    ],
    result: 'text',
    examples: [
      { formula: 'SG_SKU_CHECK("phone accessories", "NOT FOR SALE, CE, logo", "photo, material, IP statement")', result: '""' },
      { formula: 'SG_SKU_CHECK("美妆", "NOT FOR SALE、LOGO", "实物图、成分说明、无侵权声明")', result: 'documents lack filing number or MSDS (food and cosmetics)' },
    ],
    impl: ([category, marksRaw, docsRaw], ctx) =>
      withCard(ctx, undefined, (card) => {
        const marks = listCell(marksRaw, 'packaging_marks', '包装标识');
        if (isRuleError(marks)) return marks;
        const docs = listCell(docsRaw, 'documents', '提交资料');
        if (isRuleError(docs)) return docs;
        return describeSkuGaps(skuGaps(card, category, marks, docs));
      }),
  },
];
