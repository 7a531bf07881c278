/** Offline Express functions (seed 004), except the TRACK_* family. Rule ids from RULES.md. */
import { valueError } from '../errors';
import { toCents, fromCents, HOUR_MS, show } from '../coerce';
import { entityLabel, entityTypesOf, type EntityId } from '../entities';
import type { RateCard } from '../rates';
import { nodeLabel, nodesOf, splitTrail, type NodeId } from '../nodes';
import { docLabel } from '../docs';
import { L, joinL, type Localized, type Text } from '../text';
import type { FunctionDef } from '../catalogue/types';
import { RATES_ARG, countryArg, withCard, roundCents } from './common';

const paidArg = { name: 'paid_at', nameZh: '付款时间', kind: 'date', help: L('When the order was paid', '订单付款时间') } as const;

/** [X-PEN-TIMEOUT] in cents: more than timeoutDays and no appeal → rate × amount, capped. */
export function timeoutPenaltyCents(card: { express: { timeoutDays: number; timeoutRate: number; timeoutCap: number } }, amount: number, days: number, appealed: boolean) {
  const x = card.express;
  if (!(days > x.timeoutDays) || appealed) return 0;
  return Math.min(roundCents(toCents(amount) * x.timeoutRate), toCents(x.timeoutCap));
}

/**
 * [X-NODES] What a trail lacks: too few events and/or required nodes. Empty when complete. Each
 * element may hold several events joined the way exports join them (splitTrail: line breaks, "|",
 * "；"…); already-split events are counted as they are.
 */
export function missingNodes(events: readonly string[], required: readonly NodeId[]): { count: number; missing: NodeId[] } {
  const seen = new Set<NodeId>();
  let count = 0;
  for (const cell of events) {
    for (const e of splitTrail(cell)) {
      count++;
      for (const n of nodesOf(e)) seen.add(n);
    }
  }
  return { count, missing: required.filter((n) => !seen.has(n)) };
}

export function describeMissing(r: { count: number; missing: NodeId[] }, minEvents: number): Localized | '' {
  const parts: Text[] = [];
  if (r.count < minEvents) parts.push(L(`only ${r.count} ${r.count === 1 ? 'event' : 'events'} (needs ${minEvents})`, `仅 ${r.count} 条事件（至少 ${minEvents} 条）`));
  if (r.missing.length) {
    const names = joinL(r.missing.map(nodeLabel), ', ', '、');
    parts.push(L(`missing: ${names.en}`, `缺少：${names.zh}`));
  }
  return parts.length ? joinL(parts) : '';
}

/**
 * [X-COMPARE] Expected extra cost in USD cents of one order by offline express over AliExpress
 * Standard: cost difference + loss_rate × min(order value, Standard's compensation cap) + the
 * first-order subsidy a new merchant would get on Standard.
 */
export function expressVsStandardCents(card: RateCard, orderValue: number, offlineCost: number, standardCost: number, lossRate = 0, firstOrder = false): number {
  const x = card.express;
  const covered = Math.min(toCents(orderValue), toCents(x.standardLossCap));
  return toCents(offlineCost) - toCents(standardCost) + roundCents(lossRate * covered) + (firstOrder ? toCents(x.standardFirstOrderSubsidy) : 0);
}

const num = (n: number) => String(Number(n.toPrecision(10)));

/**
 * [X-ONBOARD] The onboarding requirements a seller fails, one phrase each (empty when ready), plus
 * the notarised documents an entity from Hong Kong, Macao, Taiwan or abroad must add. `entity` is
 * what entityTypesOf read (never empty here).
 */
export function onboardingGaps(card: RateCard, licenceMonths: number, entity: readonly EntityId[], trails: number, statusOk: number): Text[] {
  const x = card.express;
  const gaps: Text[] = [];
  if (!(licenceMonths > x.onboardLicenceMonths)) {
    gaps.push(L(
      `business licence valid for ${num(licenceMonths)} more month(s): needs more than ${x.onboardLicenceMonths}`,
      `营业执照剩余有效期 ${num(licenceMonths)} 个月：需超过 ${x.onboardLicenceMonths} 个月`,
    ));
  }
  for (const t of entity.filter((e) => x.onboardRefused.includes(e))) {
    const l = entityLabel(t);
    gaps.push(L(`entity type ${l.en}: not eligible`, `主体类型为${l.zh}：不符合入驻条件`));
  }
  if (trails < x.onboardTrails) {
    gaps.push(L(
      `${trails} complete delivered trail(s) with one carrier in the last ${x.onboardTrailMonths} months: needs ${x.onboardTrails}`,
      `近 ${x.onboardTrailMonths} 个月同一物流商的完整妥投轨迹 ${trails} 条：需 ${x.onboardTrails} 条`,
    ));
  }
  if (statusOk < x.onboardStatusReturns) {
    gaps.push(L(
      `${statusOk} consecutive successful status return(s) (API or manual upload test): needs ${x.onboardStatusReturns}`,
      `连续成功回传状态 ${statusOk} 次（API 或手动上传测试）：需连续 ${x.onboardStatusReturns} 次`,
    ));
  }
  const notarised = entity.filter((e) => x.onboardNotarised.includes(e));
  if (notarised.length) {
    const who = joinL(notarised.map(entityLabel), ' / ', '、');
    gaps.push(L(`${who.en}: add notarised and authenticated company documents`, `${who.zh}：须补充经公证认证的主体文件`));
  }
  return gaps;
}

export const EXPRESS_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: 'PENALTY',
    nameZh: '超时罚款',
    category: 'express',
    rules: ['X-PEN-TIMEOUT'],
    help: L(
      'Delivery-timeout penalty in USD: more than 30 days since payment, not delivered, no valid appeal → 5% of the order amount, capped at $50; else 0.',
      '妥投超时罚款（美元）：付款超过 30 天未妥投且无有效申诉 → 订单金额的 5%，上限 50 美元；否则为 0。',
    ),
    args: [
      { name: 'amount', nameZh: '订单金额', kind: 'money', min: 0, help: L('Order amount, USD', '订单金额（美元）') },
      { name: 'days', nameZh: '天数', kind: 'number', min: 0, help: L('Days since payment, not delivered (exactly 30 is not late)', '付款后未妥投的天数（正好 30 天不算超时）') },
      {
        name: 'appealed',
        nameZh: '已申诉',
        kind: 'bool',
        appeal: true,
        optional: true,
        help: L(
          'TRUE, or the appeal result ("申诉成立", "approved"), when a valid appeal was filed; FALSE, "驳回" / "rejected", "pending" or omitted is no valid appeal',
          '申诉有效时填 TRUE 或申诉结果（“申诉成立”、“approved”）；FALSE、“驳回”、“申诉中”或不填视为无有效申诉',
        ),
      },
      RATES_ARG,
    ],
    result: 'money',
    examples: [
      { formula: 'PENALTY(1200, 31)', result: '50.00' },
      { formula: 'PENALTY(100, 30)', result: '0' },
    ],
    impl: ([amount, days, appealed], ctx) => withCard(ctx, undefined, (card) => fromCents(timeoutPenaltyCents(card, amount, days, appealed === true))),
  },
  {
    name: 'PENALTY_STALL',
    nameZh: '停滞罚款',
    category: 'express',
    rules: ['X-PEN-STALL'],
    help: L('Stalled-trail penalty in USD: $1.20 when a trail has had no update for more than 48 hours (exactly 48 h is not a stall).', '轨迹停滞罚款（美元）：超过 48 小时无更新罚 1.20 美元（正好 48 小时不算）。'),
    args: [{ name: 'hours_without_update', nameZh: '无更新小时', kind: 'number', min: 0, help: L('Hours since the last tracking event', '距最近一次物流事件的小时数') }, RATES_ARG],
    result: 'money',
    examples: [{ formula: 'PENALTY_STALL(49)', result: '1.20' }],
    impl: ([hours], ctx) => withCard(ctx, undefined, (card) => (hours > card.express.stallHours ? fromCents(toCents(card.express.penaltyStall)) : 0)),
  },
  {
    name: 'PENALTY_UPLOAD',
    nameZh: '上传罚款',
    category: 'express',
    rules: ['X-PEN-UPLOAD'],
    help: L('Failed-upload penalty in USD: $0.50 per failed tracking-number upload.', '单号上传失败罚款（美元）：每次失败 0.50 美元。'),
    args: [{ name: 'failed_uploads', nameZh: '失败次数', kind: 'integer', min: 0, max: 1e9, help: L('Number of failed uploads', '上传失败次数') }, RATES_ARG],
    result: 'money',
    examples: [{ formula: 'PENALTY_UPLOAD(3)', result: '1.50' }],
    impl: ([n], ctx) => withCard(ctx, undefined, (card) => fromCents(n * toCents(card.express.penaltyUpload))),
  },
  {
    name: 'UPLOAD_BY',
    nameZh: '上传截止',
    category: 'express',
    rules: ['X-UPLOAD'],
    help: L('Deadline to upload the tracking number: payment + 24 hours.', '上传运单号的截止时间：付款时间 + 24 小时。'),
    args: [paidArg, RATES_ARG],
    result: 'date',
    examples: [{ formula: 'UPLOAD_BY("2024-06-01 10:00")', result: '2024-06-02 10:00' }],
    impl: ([paid], ctx) => withCard(ctx, paid, (card) => paid + card.express.uploadHours * HOUR_MS),
  },
  {
    name: 'UPLOAD_LATE',
    nameZh: '上传逾期',
    category: 'express',
    rules: ['X-UPLOAD'],
    help: L('TRUE when the tracking number was uploaded more than 24 hours after payment.', '付款后超过 24 小时才上传运单号时为 TRUE。'),
    args: [paidArg, { name: 'uploaded_at', nameZh: '上传时间', kind: 'date', help: L('When the tracking number was uploaded', '运单号上传时间') }, RATES_ARG],
    result: 'bool',
    examples: [{ formula: 'UPLOAD_LATE("2024-06-01 10:00", "2024-06-02 10:01")', result: 'TRUE' }],
    impl: ([paid, uploaded], ctx) =>
      withCard(ctx, paid, (card) =>
        uploaded < paid
          ? valueError('uploaded_at is before paid_at: check the two dates', '上传时间早于付款时间：请检查两个日期')
          : uploaded - paid > card.express.uploadHours * HOUR_MS,
      ),
  },
  {
    name: 'NODES_MISSING',
    nameZh: '缺失节点',
    category: 'express',
    rules: ['X-NODES'],
    help: L(
      '"" when a tracking trail (a range of event texts, English or Chinese) has at least 7 events and every required node (placed, picked up, export customs, import customs, out for delivery, delivered); else what is missing.',
      '物流轨迹（事件文本区域，中英文均可）至少 7 条事件且包含全部必需节点（下单、揽收、出口清关、进口清关、派送、签收）时返回空，否则列出缺失项。',
    ),
    args: [
      {
        name: 'events',
        nameZh: '事件',
        kind: 'texts',
        help: L(
          'Range of tracking event texts: one per cell, or a whole trail in one cell with one event per line (as exports give it)',
          '物流事件文本区域：每格一条，或整条轨迹放在一格、每行一条事件（导出文件的格式）',
        ),
      },
      RATES_ARG,
    ],
    result: 'text',
    examples: [{ formula: 'NODES_MISSING(C2:C8)', result: 'missing: import customs, delivered (signed)' }],
    impl: ([events], ctx) =>
      withCard(ctx, undefined, (card) => describeMissing(missingNodes(events, card.express.requiredNodes), card.express.minEvents) || ''),
  },
  {
    name: 'DOCS_REQUIRED',
    nameZh: '所需单证',
    category: 'express',
    rules: ['X-DOCS'],
    help: L('"" or the customs documents a destination needs (RU, BR, MX: commercial invoice and the buyer\'s tax id).', '目的国需要的清关单证（RU、BR、MX：商业发票及买家税号），无要求时返回空。'),
    args: [countryArg(), RATES_ARG],
    result: 'text',
    examples: [{ formula: 'DOCS_REQUIRED("RU")', result: 'commercial invoice; INN (Russian tax id)' }],
    impl: ([country], ctx) =>
      withCard(ctx, undefined, (card) => {
        const docs = card.express.docs[country];
        return docs && docs.length ? joinL(docs.map(docLabel)) : '';
      }),
  },
  {
    name: 'DEST_BLOCKED',
    nameZh: '禁运目的地',
    category: 'express',
    rules: ['X-BLOCKED'],
    help: L('TRUE for sanctioned or embargoed destinations (KP, SY and any your rate card adds).', '受制裁或禁运的目的地（KP、SY 及费率卡中添加的）为 TRUE。'),
    args: [countryArg(), RATES_ARG],
    result: 'bool',
    examples: [{ formula: 'DEST_BLOCKED("朝鲜")', result: 'TRUE' }],
    impl: ([country], ctx) => withCard(ctx, undefined, (card) => card.express.blocked.includes(country)),
  },
  {
    name: 'OFFLINE_ELIGIBLE',
    nameZh: '线下快递资格',
    category: 'express',
    rules: ['X-ELIGIBLE'],
    help: L(
      'TRUE when each of the last 3 months has GMV ≥ $50,000 and fulfilment rate ≥ 95% (the KA path to Offline Express). Give two ranges of monthly values, oldest first.',
      '最近 3 个月每月 GMV ≥ 5 万美元且履约率 ≥ 95% 时为 TRUE（线下快递 KA 通道）。传入两个按月区域，旧月在前。',
    ),
    args: [
      { name: 'monthly_gmv', nameZh: '月GMV', kind: 'numbers', min: 0, help: L('Monthly GMV in USD, oldest first (at least 3 months)', '每月 GMV（美元），旧月在前（至少 3 个月）') },
      { name: 'fulfilment_rate', nameZh: '履约率', kind: 'numbers', percent: true, help: L('Monthly fulfilment rate (0.95 or 95%), oldest first', '每月履约率（0.95 或 95%），旧月在前') },
      RATES_ARG,
    ],
    result: 'bool',
    examples: [{ formula: 'OFFLINE_ELIGIBLE({60000;52000;51000}, {0.97;0.96;0.95})', result: 'TRUE' }],
    impl: ([gmv, rates], ctx) =>
      withCard(ctx, undefined, (card) => {
        const k = card.express.kaMonths;
        if (gmv.length < k || rates.length < k) {
          return valueError(`needs ${k} months of GMV and fulfilment rate, got ${gmv.length} and ${rates.length}`, `需要 ${k} 个月的 GMV 和履约率，实际为 ${gmv.length} 和 ${rates.length} 个`);
        }
        const lastG = (gmv as number[]).slice(-k);
        const lastR = (rates as number[]).slice(-k);
        return lastG.every((g) => toCents(g) >= toCents(card.express.kaMonthlyGmv)) && lastR.every((r) => r >= card.express.kaFulfilmentRate - 1e-12);
      }),
  },
  {
    name: 'OFFLINE_READY',
    nameZh: '线下快递入驻',
    category: 'express',
    rules: ['X-ONBOARD'],
    help: L(
      '"" when the Offline Express onboarding requirements hold, else each one that fails: business licence valid for more than 6 months, not a sole proprietorship, 5 complete delivered trails with one carrier in the last 3 months, 5 consecutive successful status returns. Hong Kong, Macao, Taiwan and overseas entities are told to add notarised documents.',
      '满足线下快递入驻要求时返回空，否则列出每条不满足的要求：营业执照有效期超过 6 个月、非个体工商户、近 3 个月同一物流商 5 条完整妥投轨迹、连续 5 次成功回传状态。港澳台及境外主体会提示补充公证认证文件。',
    ),
    args: [
      {
        name: 'licence_months_left',
        nameZh: '执照剩余月数',
        kind: 'number',
        noEnd: true,
        min: 0,
        help: L('Months the business licence is still valid (0 if expired; 长期 / long-term when it has no end date); exactly 6 is not enough', '营业执照剩余有效月数（已过期填 0；无固定期限填“长期”）；正好 6 个月不满足'),
      },
      {
        name: 'entity_type',
        nameZh: '主体类型',
        kind: 'text',
        help: L(
          'Seller entity, English or Chinese: 企业 / company, 个体工商户 / sole proprietor, 港澳台 / Hong Kong company, 境外 / overseas or a country\'s company (美国公司, US company)',
          '卖家主体类型，中英文均可：企业 / company、个体工商户 / sole proprietor、港澳台 / 香港公司、境外 / overseas 或某国公司（美国公司、US company）',
        ),
      },
      { name: 'complete_trails_3m', nameZh: '完整轨迹数', kind: 'integer', min: 0, max: 1e9, help: L('Complete delivered trails with one carrier in the last 3 months', '近 3 个月同一物流商的完整妥投轨迹条数') },
      { name: 'consecutive_status_ok', nameZh: '连续成功回传', kind: 'integer', min: 0, max: 1e9, help: L('Consecutive successful status returns (API or manual upload test)', '连续成功回传状态次数（API 或手动上传测试）') },
      RATES_ARG,
    ],
    result: 'text',
    examples: [
      { formula: 'OFFLINE_READY(7, "企业", 5, 5)', result: '""' },
      { formula: 'OFFLINE_READY(6, "company", 5, 5)', result: 'business licence valid for 6 more month(s): needs more than 6' },
      { formula: 'OFFLINE_READY(12, "个体工商户", 4, 5)', result: 'entity type sole proprietorship: not eligible; 4 complete delivered trail(s) with one carrier in the last 3 months: needs 5' },
    ],
    impl: ([months, entity, trails, status], ctx) =>
      withCard(ctx, undefined, (card) => {
        const types = entityTypesOf(entity);
        if (!types.length) {
          return valueError(
            `entity_type: ${show(entity)} is not an entity type this function reads: write 企业 / company, 个体工商户 / sole proprietor, 港澳台 / Hong Kong company or 境外 / overseas company`,
            `主体类型：无法识别 ${show(entity)}；请填写 企业 / company、个体工商户 / sole proprietor、港澳台 / 香港公司 或 境外 / overseas`,
          );
        }
        const gaps = onboardingGaps(card, months, types, trails, status);
        return gaps.length ? joinL(gaps) : '';
      }),
  },
  {
    name: 'EXPRESS_VS_STANDARD',
    nameZh: '线下对比标准',
    category: 'express',
    rules: ['X-COMPARE'],
    help: L(
      'Expected extra cost in USD per order of offline express over AliExpress Standard: (offline_cost − standard_cost) + loss_rate × min(order_value, $100 compensation cap) + $2 first-order subsidy when first_order. Positive: Standard is cheaper.',
      '线下快递相对速卖通无忧标准每单的预期额外成本（美元）：（线下运费 − 标准运费）+ 丢件率 × min(订单金额, 100 美元赔付上限) + 首单时 2 美元补贴。正数表示标准物流更划算。',
    ),
    args: [
      { name: 'order_value', nameZh: '订单金额', kind: 'money', min: 0, help: L('Order value, USD (Standard compensates a lost parcel up to $100)', '订单金额（美元；标准物流丢件最高赔付 100 美元）') },
      { name: 'offline_cost', nameZh: '线下运费', kind: 'money', min: 0, help: L('Shipping cost with offline express, USD', '线下快递运费（美元）') },
      { name: 'standard_cost', nameZh: '标准运费', kind: 'money', min: 0, help: L('Shipping cost with AliExpress Standard Shipping, USD', '速卖通无忧标准运费（美元）') },
      { name: 'loss_rate', nameZh: '丢件率', kind: 'rate', optional: true, help: L('Share of parcels lost: 0.02 or 2%; default 0', '丢件率：0.02 或 2%；默认 0') },
      { name: 'first_order', nameZh: '首单', kind: 'bool', optional: true, help: L("TRUE for a new merchant's first order (Standard gives a $2 subsidy); default FALSE", '新商家首单填 TRUE（标准物流补贴 2 美元）；默认 FALSE') },
      RATES_ARG,
    ],
    result: 'money',
    examples: [
      { formula: 'EXPRESS_VS_STANDARD(120, 18.3, 13.6)', result: '4.70' },
      { formula: 'EXPRESS_VS_STANDARD(120, 18.3, 13.6, 2%, TRUE)', result: '8.70' },
    ],
    impl: ([value, offline, standard, lossRate, firstOrder], ctx) =>
      withCard(ctx, undefined, (card) => fromCents(expressVsStandardCents(card, value, offline, standard, lossRate ?? 0, firstOrder === true))),
  },
];
