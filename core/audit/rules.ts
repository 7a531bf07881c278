/**
 * The audit's row rules, as data (DESIGN.md "Rules are data"): each names the RULES.md id it
 * checks, the columns it needs and a check(record, card, ctx) → findings. Every number comes from
 * the rate card and every rule reuses the helpers the spreadsheet functions use, so an audit and
 * a formula always agree.
 */
import { isRuleError } from '../errors';
import { toCents, fold, HOUR_MS, DAY_MS } from '../coerce';
import { countryLabel, countryName } from '../countries';
import { docLabel } from '../docs';
import { findStatus, isFailureStatus, statusCodeOf } from '../status';
import { L, joinL, type Text } from '../text';
import type { RateCard } from '../rates';
import { giftTier } from '../functions/gifts';
import { timeoutPenaltyCents, missingNodes, describeMissing } from '../functions/express';
import { checkTrackingCell } from '../tracking';
import type { Field, Severity } from './types';
import type { NodeId } from '../nodes';
import { isNoGiftStatus, type OrderRecord } from './record';
import { describeSkuGaps, skuGaps } from '../review';

/** A finding before the session adds row, order id, country and week. Costs in integer cents. */
export interface RawFinding {
  rule: string;
  severity: Severity;
  message: Text;
  cnyCents: number;
  usdCents: number;
  /** [X-FORMAT] the carrier name is not in the carrier table: the session reports it once per distinct name, not per row. */
  unknownCarrier?: string;
  /** The carrier and number this finding is about when a row holds several (a split carrier:number cell). */
  shipment?: { carrier: string; tracking: string };
}

export interface RuleContext {
  /** "Now" for open orders, epoch ms. */
  now: number;
  /** Is this field mapped to a column? */
  mapped(f: Field): boolean;
  /** The row's Small-Gift fee in CNY cents ([G-FEE]), or the rule error saying why there is none; undefined without a gift. */
  fee: number | Text | undefined;
  /** Keys already reported by rules that report once per audit, not per order (a gift SKU [G-REVIEW]). Optional, additive. */
  seen?: Set<string>;
}

export interface AuditRule {
  /** RULES.md id (or 'DATA' for unreadable cells). */
  id: string;
  /** Title without the card's numbers (the report uses titleFor with the card in use). */
  title: Text;
  /** Title with the numbers of a rate card, e.g. "Tracking number uploaded late (24 h)". */
  titleFor?(card: RateCard): Text;
  /** Columns that must all be mapped for the rule to run. */
  needs: readonly Field[];
  /** Columns of which at least one must be mapped. */
  anyOf?: readonly Field[];
  /** Runs over all rows at the end (ordering across rows), not per row. */
  crossRow?: boolean;
  check(rec: OrderRecord, card: RateCard, ctx: RuleContext): RawFinding[] | RawFinding | undefined;
}

/** The columns of SG_SKU_CHECK [G-REVIEW]: with all three, a gift-SKU sheet (no order ids) can be audited. */
export const SKU_REVIEW_FIELDS: readonly Field[] = ['skuCategory', 'packagingMarks', 'skuDocuments'];

const GIFT_ANY: readonly Field[] = ['giftWeight', 'giftShippedAt', 'labelCode', 'giftStatus', 'giftConfirmedAt'];

export const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const hours = (ms: number): string => String(Math.round((ms / HOUR_MS) * 10) / 10);
const days = (ms: number): string => String(Math.round((ms / DAY_MS) * 10) / 10);
const money = (cents: number): string => (cents / 100).toFixed(2);

const NO_TEXT = L('', '');
const INCLUDED_IN_TRIGGER = L(' (counted in the avoidable gift fee of [G-TRIGGER], not again here)', '（已计入 [G-TRIGGER] 的可避免礼物费用，此处不重复计算）');

const f = (rule: string, severity: Severity, message: Text, cnyCents = 0, usdCents = 0): RawFinding => ({ rule, severity, message, cnyCents, usdCents });

/** Any of the fields unreadable in this row: the rule skips it (a DATA finding already says why). */
const anyBad = (rec: OrderRecord, fields: readonly Field[]) => fields.some((x) => rec.bad.has(x));

/**
 * [X-NODES] missingNodes of a trail, memoised by the trail's text for one rate card's node list:
 * exports repeat the same carrier event texts on many rows. Bounded; a pure function, so the
 * result is the same as calling missingNodes directly.
 */
const trailCache = new Map<string, { count: number; missing: NodeId[] }>();
let trailCacheKey: readonly NodeId[] | undefined;
function trailNodes(trail: string, required: readonly NodeId[]) {
  if (trailCacheKey !== required) {
    trailCache.clear();
    trailCacheKey = required;
  }
  let r = trailCache.get(trail);
  if (!r) {
    r = missingNodes([trail], required); // missingNodes splits the cell into its events
    if (trailCache.size >= 20_000) trailCache.clear();
    trailCache.set(trail, r);
  }
  return r;
}

/** The known status a gift-status cell stands for, with the texts of the card in use; memoised per card and text. */
const statusCache = new Map<string, ReturnType<typeof findStatus> | null>();
let statusCard: RateCard | undefined;
function statusOf(raw: string, card: RateCard) {
  if (statusCard !== card) {
    statusCache.clear();
    statusCard = card;
  }
  let s = statusCache.get(raw);
  if (s === undefined) {
    s = findStatus(raw, card) ?? null;
    if (statusCache.size < 1_000) statusCache.set(raw, s);
  }
  return s ?? undefined;
}

/** A tracking-number result code that means "this carrier's format cannot be checked", not "wrong". */
const NOT_CHECKABLE = /UNSUPPORTED|UNKNOWN_CARRIER|NOT_CHECKABLE|NO_FORMAT/i;

/**
 * [X-DOCS] A document name of the rate card is invoice-like (commercial invoice, 商业发票, factura…)
 * or else tax-id-like (INN, CNPJ/CPF, RFC, 税号…): keyed by TYPE, in either language, so a card
 * written `商业发票, INN` maps the same columns as `commercial invoice, INN`.
 */
const INVOICE_DOC = /invoice|发票|票据|factura|fatura|rechnung|счет|счёт|инвойс/i;
export const isInvoiceDoc = (name: string): boolean => INVOICE_DOC.test(fold(name));

/** [G-TRIGGER] fires on this row: the whole gift fee is avoidable (so its surcharges are not counted again). */
const belowThreshold = (rec: OrderRecord): boolean =>
  rec.hasGift && rec.amountCents !== undefined && rec.thresholdCents !== undefined && rec.amountCents < rec.thresholdCents;

/** The row says it has no gift ("无", "no gift" in the gift-status column). */
const saysNoGift = (rec: OrderRecord): boolean => rec.giftStatus !== undefined && isNoGiftStatus(rec.giftStatus);

/**
 * [G-PACK] The gift ships in the seller's own packaging that is not pre-approved: it will be refused,
 * so it is not charged. Needs both packaging columns (without the approval column nothing is known);
 * an empty approval cell on an own-packaging gift is no approval.
 */
export function giftRefused(rec: OrderRecord, mapped: (f: Field) => boolean): boolean {
  return (
    mapped('packagingApproved') &&
    rec.ownPackaging === true &&
    rec.packagingApproved !== true &&
    !rec.bad.has('ownPackaging') &&
    !rec.bad.has('packagingApproved') &&
    !saysNoGift(rec)
  );
}

/** "gift SKU "GS-01" (phone accessories)" for messages; the parts that are known. */
function skuName(rec: OrderRecord): Text {
  const sku = rec.giftSku?.trim();
  const cat = rec.skuCategory?.trim();
  const en = `gift SKU${sku ? ` ${JSON.stringify(sku)}` : ''}${cat ? ` (${cat})` : ''}`;
  const zh = `礼物 SKU${sku ? ` ${JSON.stringify(sku)}` : ''}${cat ? `（${cat}）` : ''}`;
  return L(en, zh);
}

export const AUDIT_RULES: readonly AuditRule[] = [
  {
    id: 'X-FORMAT',
    title: L('Tracking number format', '运单号格式'),
    needs: ['carrier', 'trackingNumber'],
    check(rec) {
      if (rec.tracking === undefined || rec.tracking.trim() === '' || rec.carrier === undefined || rec.carrier.trim() === '') return;
      const r = checkTrackingCell(rec.carrier, rec.trackingCell ?? rec.tracking);
      if (r.valid) return;
      if (r.code === 'UNSUPPORTED_CARRIER') {
        // One warning per distinct carrier name (session.ts), not one per row.
        return { ...f('X-FORMAT', 'warning', L(r.reason.en, r.reason.zh)), unknownCarrier: rec.carrier.trim() };
      }
      const sev: Severity = NOT_CHECKABLE.test(r.code) ? 'info' : 'error';
      return f('X-FORMAT', sev, L(`tracking number ${JSON.stringify(rec.tracking)} (${rec.carrier}): ${r.reason.en}`, `运单号 ${JSON.stringify(rec.tracking)}（${rec.carrier}）：${r.reason.zh}`));
    },
  },
  {
    id: 'X-UPLOAD',
    title: L('Tracking number uploaded late', '运单号上传超时'),
    titleFor: (c) => L(`Tracking number uploaded late (${c.express.uploadHours} h)`, `运单号上传超时（${c.express.uploadHours} 小时）`),
    needs: ['paidAt', 'uploadedAt'],
    check(rec, card, ctx) {
      if (rec.paidAt === undefined || anyBad(rec, ['uploadedAt'])) return;
      const limit = card.express.uploadHours * HOUR_MS;
      if (rec.uploadedAt === undefined) {
        // No upload time: late only when nothing was uploaded and the deadline has passed.
        if (rec.tracking !== undefined || !(ctx.now - rec.paidAt > limit)) return;
        return f('X-UPLOAD', 'warning', L(
          `no tracking number uploaded ${hours(ctx.now - rec.paidAt)} h after payment (limit ${card.express.uploadHours} h)`,
          `付款后 ${hours(ctx.now - rec.paidAt)} 小时仍未上传运单号（时限 ${card.express.uploadHours} 小时）`,
        ));
      }
      if (rec.uploadedAt < rec.paidAt) {
        return f('DATA', 'error', L(`uploaded at ${stamp(rec.uploadedAt)} is before paid at ${stamp(rec.paidAt)}: check the two dates`, `上传时间 ${stamp(rec.uploadedAt)} 早于付款时间 ${stamp(rec.paidAt)}：请检查两个日期`));
      }
      if (!(rec.uploadedAt - rec.paidAt > limit)) return;
      return f('X-UPLOAD', 'warning', L(
        `tracking number uploaded ${hours(rec.uploadedAt - rec.paidAt)} h after payment (limit ${card.express.uploadHours} h): fulfilment warning`,
        `运单号在付款后 ${hours(rec.uploadedAt - rec.paidAt)} 小时才上传（时限 ${card.express.uploadHours} 小时）：履约预警`,
      ));
    },
  },
  {
    id: 'X-PEN-UPLOAD',
    title: L('Failed tracking-number uploads', '运单号上传失败'),
    needs: ['uploadFailures'],
    check(rec, card) {
      const n = rec.uploadFailures;
      if (!n) return;
      const usd = n * toCents(card.express.penaltyUpload);
      return f('X-PEN-UPLOAD', 'error', L(`${n} failed tracking-number upload(s) × $${card.express.penaltyUpload.toFixed(2)} = $${money(usd)}`, `运单号上传失败 ${n} 次 × ${card.express.penaltyUpload.toFixed(2)} 美元 = ${money(usd)} 美元`), 0, usd);
    },
  },
  {
    id: 'X-FIRSTSCAN',
    title: L('First pickup scan late', '首次揽收扫描超时'),
    titleFor: (c) => L(`First pickup scan late (${c.express.firstScanHours} h)`, `首次揽收扫描超时（${c.express.firstScanHours} 小时）`),
    needs: ['paidAt', 'firstScanAt'],
    check(rec, card, ctx) {
      const x = card.express;
      const fromUpload = x.firstScanFrom === 'upload';
      const base = fromUpload ? rec.uploadedAt : rec.paidAt;
      if (base === undefined || anyBad(rec, ['firstScanAt'])) return;
      const limit = x.firstScanHours * HOUR_MS;
      const from = fromUpload ? L('upload', '上传') : L('payment', '付款');
      if (rec.firstScanAt === undefined) {
        if (rec.deliveredAt !== undefined || !(ctx.now - base > limit)) return;
        return f('X-FIRSTSCAN', 'warning', L(`no pickup scan ${hours(ctx.now - base)} h after ${from.en} (limit ${x.firstScanHours} h)`, `${from.zh}后 ${hours(ctx.now - base)} 小时仍无揽收扫描（时限 ${x.firstScanHours} 小时）`));
      }
      if (!(rec.firstScanAt - base > limit)) return;
      return f('X-FIRSTSCAN', 'warning', L(`first pickup scan ${hours(rec.firstScanAt - base)} h after ${from.en} (limit ${x.firstScanHours} h)`, `首次揽收扫描在${from.zh}后 ${hours(rec.firstScanAt - base)} 小时（时限 ${x.firstScanHours} 小时）`));
    },
  },
  {
    id: 'X-PEN-STALL',
    title: L('Tracking trail stalled', '轨迹停滞'),
    titleFor: (c) => L(`Tracking trail stalled (> ${c.express.stallHours} h without update)`, `轨迹停滞（超过 ${c.express.stallHours} 小时无更新）`),
    needs: ['lastEventAt', 'deliveredAt'],
    check(rec, card, ctx) {
      if (rec.lastEventAt === undefined || rec.deliveredAt !== undefined || anyBad(rec, ['deliveredAt'])) return;
      const x = card.express;
      const gap = ctx.now - rec.lastEventAt;
      if (gap < 0) {
        return f('DATA', 'error', L(`last tracking event ${stamp(rec.lastEventAt)} is after the audit time ${stamp(ctx.now)}`, `最后轨迹时间 ${stamp(rec.lastEventAt)} 晚于审核时间 ${stamp(ctx.now)}`));
      }
      if (!(gap > x.stallHours * HOUR_MS)) return; // exactly 48 h is not a stall
      const usd = toCents(x.penaltyStall);
      return f('X-PEN-STALL', 'error', L(`no tracking update for ${hours(gap)} h (since ${stamp(rec.lastEventAt)}; limit ${x.stallHours} h): $${money(usd)}`, `已 ${hours(gap)} 小时无轨迹更新（自 ${stamp(rec.lastEventAt)}；时限 ${x.stallHours} 小时）：${money(usd)} 美元`), 0, usd);
    },
  },
  {
    id: 'X-PEN-TIMEOUT',
    title: L('Delivery timeout', '妥投超时'),
    titleFor: (c) => L(`Delivery timeout (> ${c.express.timeoutDays} days)`, `妥投超时（超过 ${c.express.timeoutDays} 天）`),
    needs: ['paidAt', 'deliveredAt', 'orderAmount'],
    check(rec, card, ctx) {
      if (rec.paidAt === undefined || rec.amountCents === undefined || anyBad(rec, ['deliveredAt', 'appeal'])) return;
      const end = rec.deliveredAt ?? ctx.now;
      const d = (end - rec.paidAt) / DAY_MS;
      const usd = timeoutPenaltyCents(card, rec.amountCents / 100, d, rec.appealed === true);
      if (!usd) return;
      const x = card.express;
      const what = rec.deliveredAt !== undefined
        ? L(`delivered ${days(end - rec.paidAt)} days after payment`, `付款后 ${days(end - rec.paidAt)} 天才妥投`)
        : L(`not delivered ${days(end - rec.paidAt)} days after payment`, `付款后 ${days(end - rec.paidAt)} 天仍未妥投`);
      const penalty = f('X-PEN-TIMEOUT', 'error', L(
        `${what.en} (limit ${x.timeoutDays}), no valid appeal: ${x.timeoutRate * 100}% of $${money(rec.amountCents)}, capped at $${x.timeoutCap} = $${money(usd)}`,
        `${what.zh}（时限 ${x.timeoutDays} 天），无有效申诉：订单金额 ${money(rec.amountCents)} 美元的 ${x.timeoutRate * 100}%，上限 ${x.timeoutCap} 美元 = ${money(usd)} 美元`,
      ), 0, usd);
      if (!rec.appealFiled) return penalty;
      // RULES.md [X-PEN-TIMEOUT]: a filed appeal whose outcome is unknown does not waive the penalty.
      return [penalty, f('X-PEN-TIMEOUT', 'info', L(
        `an appeal was filed, outcome unknown: the $${money(usd)} penalty is counted; it is waived only if the appeal is upheld`,
        `已申诉、结果未知：已计入 ${money(usd)} 美元罚款；仅在申诉成立后免罚`,
      ))];
    },
  },
  {
    id: 'X-NODES',
    title: L('Tracking trail incomplete', '物流轨迹节点不全'),
    needs: ['deliveredAt'],
    anyOf: ['eventCount', 'events'],
    check(rec, card) {
      // A trail is judged once it is complete (delivered); an open trail still gains events.
      if (rec.deliveredAt === undefined || anyBad(rec, ['eventCount', 'events'])) return;
      if (rec.eventCount === undefined && rec.events === undefined) return;
      const x = card.express;
      const r = rec.events ? { ...trailNodes(rec.events, x.requiredNodes) } : { count: 0, missing: [] };
      if (rec.eventCount !== undefined) r.count = rec.eventCount;
      const why = describeMissing(r, x.minEvents);
      if (!why) return;
      return f('X-NODES', 'warning', L(`delivered trail: ${why.en}`, `已妥投轨迹：${why.zh}`));
    },
  },
  {
    id: 'X-DOCS',
    title: L('Customs documents missing', '清关单证缺失'),
    needs: ['destination'],
    anyOf: ['commercialInvoice', 'taxId'],
    check(rec, card, ctx) {
      const docs = rec.country ? card.express.docs[rec.country] : undefined;
      if (!docs || !docs.length || anyBad(rec, ['commercialInvoice', 'taxId'])) return;
      const missing: string[] = [];
      for (const d of docs) {
        const isInvoice = isInvoiceDoc(d);
        if (isInvoice ? ctx.mapped('commercialInvoice') && rec.invoice !== true : ctx.mapped('taxId') && rec.taxId === undefined) missing.push(d);
      }
      if (!missing.length) return;
      const c = countryLabel(rec.country);
      const names = joinL(missing.map(docLabel), ', ', '、');
      return f('X-DOCS', 'error', L(`${c.en} needs ${names.en}: missing, the number fails the customs check`, `${c.zh} 需要${names.zh}：缺失，单号将无法通过清关校验`));
    },
  },
  {
    id: 'X-BLOCKED',
    title: L('Blocked destination', '禁运目的地'),
    needs: ['destination'],
    check(rec, card) {
      if (!rec.country || !card.express.blocked.includes(rec.country)) return;
      const c = countryLabel(rec.country);
      return f('X-BLOCKED', 'error', L(`${c.en} is a sanctioned or embargoed destination: do not ship`, `${c.zh} 为受制裁或禁运目的地：不得发货`));
    },
  },
  {
    id: 'G-COD',
    title: L('Gift to a cash-on-delivery market', '向货到付款市场赠送礼物'),
    needs: ['destination'],
    anyOf: GIFT_ANY,
    check(rec, card) {
      if (!rec.hasGift || !rec.country || !card.gift.codCountries.includes(rec.country)) return;
      const why = giftTier(card, rec.country); // the same #N/A text SG_FEE gives
      return isRuleError(why) ? f('G-COD', 'error', L(why.en, why.zh)) : undefined;
    },
  },
  {
    id: 'G-FEE',
    title: L('Gift destination without a fee tier', '礼物目的国无费率等级'),
    needs: ['destination'],
    anyOf: GIFT_ANY,
    check(rec, card, ctx) {
      if (!rec.hasGift || !rec.country || card.gift.codCountries.includes(rec.country)) return;
      const fee = ctx.fee;
      if (fee === undefined || typeof fee === 'number') return;
      return f('G-FEE', 'warning', L(fee.en, fee.zh));
    },
  },
  {
    id: 'G-OVERWEIGHT',
    title: L('Gift overweight', '礼物超重'),
    titleFor: (c) => L(`Gift overweight (> ${c.gift.overweightAboveG} g)`, `礼物超重（超过 ${c.gift.overweightAboveG} 克）`),
    needs: ['giftWeight'],
    check(rec, card, ctx) {
      const g = card.gift;
      if (!rec.hasGift || rec.giftWeight === undefined || !(rec.giftWeight > g.overweightAboveG)) return;
      const avoidable = belowThreshold(rec);
      const cny = typeof ctx.fee === 'number' && !avoidable ? toCents(g.overweightSurcharge) : 0;
      const also = avoidable ? INCLUDED_IN_TRIGGER : NO_TEXT;
      return f('G-OVERWEIGHT', 'warning', L(`gift weighs ${rec.giftWeight} g, above ${g.overweightAboveG} g: +¥${g.overweightSurcharge.toFixed(2)}${also.en}`, `礼物重 ${rec.giftWeight} 克，超过 ${g.overweightAboveG} 克：加收 ¥${g.overweightSurcharge.toFixed(2)}${also.zh}`), cny);
    },
  },
  {
    id: 'G-NFE',
    title: L('Gift without NFe', '礼物缺少 NFe'),
    // The countries come from the card (gift.nfeCountries), never from the code.
    titleFor: (c) => {
      const n = c.gift.nfeCountries;
      if (!n.length) return L('Gift without NFe', '礼物缺少 NFe');
      return L(`${n.map((x) => countryName(x, 'en')).join(' / ')} gift without NFe`, `${n.map((x) => countryName(x, 'zh')).join('、')}礼物缺少 NFe`);
    },
    needs: ['destination', 'nfe'],
    check(rec, card, ctx) {
      const g = card.gift;
      if (!rec.hasGift || !g.nfeCountries.includes(rec.country) || rec.nfe === true || anyBad(rec, ['nfe'])) return;
      const avoidable = belowThreshold(rec);
      const cny = typeof ctx.fee === 'number' && !avoidable ? toCents(g.nfeSurcharge) : 0;
      const also = avoidable ? INCLUDED_IN_TRIGGER : NO_TEXT;
      const c = countryLabel(rec.country);
      return f('G-NFE', 'warning', L(`gift to ${c.en} without an NFe number: +¥${g.nfeSurcharge.toFixed(2)} local delivery surcharge${also.en}`, `寄往${c.zh}的礼物没有 NFe 号：加收 ¥${g.nfeSurcharge.toFixed(2)} 本地派送附加费${also.zh}`), cny);
    },
  },
  {
    id: 'G-CONFIRM',
    title: L('Gift not confirmed shipped in time', '礼物未按时确认发货'),
    titleFor: (c) => L(`Gift not confirmed shipped within ${c.gift.confirmHours} h`, `礼物未在 ${c.gift.confirmHours} 小时内确认发货`),
    needs: ['giftShippedAt', 'giftConfirmedAt'],
    check(rec, card, ctx) {
      if (!rec.hasGift || rec.giftShippedAt === undefined || anyBad(rec, ['giftConfirmedAt'])) return;
      const h = card.gift.confirmHours;
      const limit = h * HOUR_MS;
      if (rec.giftConfirmedAt === undefined) {
        if (!(ctx.now - rec.giftShippedAt > limit)) return;
        return f('G-CONFIRM', 'error', L(`gift shipped ${stamp(rec.giftShippedAt)} and not confirmed within ${h} h: cancelled, counts as a failed dispatch`, `礼物于 ${stamp(rec.giftShippedAt)} 发货，${h} 小时内未确认发货：已自动取消，计为一次发货失败`));
      }
      if (!(rec.giftConfirmedAt - rec.giftShippedAt > limit)) return;
      return f('G-CONFIRM', 'error', L(`gift confirmed ${hours(rec.giftConfirmedAt - rec.giftShippedAt)} h after shipping (limit ${h} h): cancelled, counts as a failed dispatch`, `礼物在发货后 ${hours(rec.giftConfirmedAt - rec.giftShippedAt)} 小时才确认（时限 ${h} 小时）：已自动取消，计为一次发货失败`));
    },
  },
  {
    id: 'G-STATUS',
    title: L('Gift failed (status / error code)', '礼物失败（状态或错误码）'),
    needs: ['giftStatus'],
    check(rec, card) {
      // FAILED / 失败 (with or without detail text) and any ERR-ddd code, known or not; PENDING, SHIPPED, 已发货… are not.
      if (!rec.hasGift || rec.giftStatus === undefined || !isFailureStatus(rec.giftStatus)) return;
      const raw = rec.giftStatus.trim();
      const s = statusOf(raw, card);
      if (!s) {
        return f('G-STATUS', 'warning', L(
          `gift failed with status ${JSON.stringify(raw)}, not a code this audit knows: read the error detail in the gift backend and fix the cause before the next gift`,
          `礼物失败，状态 ${JSON.stringify(raw)} 不是本审核已知的代码：请在礼物后台查看错误详情，并在下次赠送前排除原因`,
        ));
      }
      const as = s.code === raw.toUpperCase() || statusCodeOf(raw) === raw.toUpperCase() ? NO_TEXT : L(` (status: ${JSON.stringify(raw)})`, `（状态：${JSON.stringify(raw)}）`);
      return f('G-STATUS', 'warning', L(`${s.meaning.en}${as.en} Fix: ${s.fix.en}`, `${s.meaning.zh}${as.zh}处理：${s.fix.zh}`));
    },
  },
  {
    id: 'G-CONFIRM-FREEZE',
    title: L('Gift failures in a row: feature freeze', '礼物连续失败：功能将被冻结'),
    titleFor: (c) => L(`${c.gift.freezeAfterFailures} gift failures in a row: feature freeze`, `礼物连续失败 ${c.gift.freezeAfterFailures} 次：功能将被冻结`),
    needs: ['giftShippedAt'],
    anyOf: ['giftConfirmedAt', 'giftStatus'],
    crossRow: true,
    check: () => undefined, // see session.ts: consecutive by gift shipped time across rows
  },
  {
    id: 'G-LABEL',
    title: L('Gift label not from the gift channel', '礼物面单非礼物渠道'),
    needs: ['labelCode'],
    check(rec, card) {
      const raw = rec.labelCode;
      if (!rec.hasGift || raw === undefined || raw.trim() === '') return;
      const code = fold(raw).trim().toUpperCase();
      const p = card.gift.labelPrefix.toUpperCase();
      const norm = (s: string) => fold(s).replace(/[\s-]+/g, '').toUpperCase();
      if (rec.tracking && norm(rec.tracking) === norm(raw)) {
        return f('G-LABEL', 'error', L(`gift label ${JSON.stringify(raw)} is the main order's tracking number: the gift needs its own ${p} label`, `礼物面单 ${JSON.stringify(raw)} 与主订单运单号相同：礼物需要单独的 ${p} 面单`));
      }
      if (code.startsWith(p)) return;
      return f('G-LABEL', 'error', L(`gift label ${JSON.stringify(raw)} does not start with "${p}": print it from the gift backend`, `礼物面单 ${JSON.stringify(raw)} 不以 "${p}" 开头：请从礼物后台打印面单`));
    },
  },
  {
    id: 'G-TRIGGER',
    title: L('Gift on an order below the threshold', '订单金额未达赠礼门槛'),
    needs: ['orderAmount', 'giftThreshold'],
    check(rec, _card, ctx) {
      if (!rec.hasGift || rec.amountCents === undefined || rec.thresholdCents === undefined) return;
      if (rec.amountCents >= rec.thresholdCents) return; // exact cents, as SG_TRIGGER
      const cny = typeof ctx.fee === 'number' ? ctx.fee : 0;
      return f('G-TRIGGER', 'warning', L(`gift given on a $${money(rec.amountCents)} order, below the $${money(rec.thresholdCents)} threshold: check the trigger setting`, `订单金额 ${money(rec.amountCents)} 美元低于赠礼门槛 ${money(rec.thresholdCents)} 美元却赠送了礼物：请检查触发门槛设置`), cny);
    },
  },
  {
    id: 'G-PACK',
    title: L('Gift in own packaging not pre-approved: refused', '自备包材未预审：礼物将被拒收'),
    needs: ['ownPackaging', 'packagingApproved'],
    check(rec, _card, ctx) {
      if (!giftRefused(rec, ctx.mapped)) return;
      const sku = rec.giftSku?.trim() ? L(` (gift SKU ${JSON.stringify(rec.giftSku.trim())})`, `（礼物 SKU ${JSON.stringify(rec.giftSku.trim())}）`) : NO_TEXT;
      const state = rec.packagingApproved === undefined ? L('no pre-approval recorded', '未记录预审结果') : L('not pre-approved', '未通过预审');
      return f('G-PACK', 'error', L(
        `gift in its own packaging, ${state.en}${sku.en}: the gift will be refused (not charged); get the packaging pre-approved or use platform packaging (ERR-407 = packaging not registered)`,
        `礼物使用自备包材，${state.zh}${sku.zh}：礼物将被拒收（不收费）；请先完成包材预审或改用平台包材（ERR-407 = 包材未备案）`,
      ));
    },
  },
  {
    id: 'G-REVIEW',
    title: L('Gift SKU not ready for the gift-pool review', '礼物 SKU 不满足礼物池审核要求'),
    needs: SKU_REVIEW_FIELDS,
    check(rec, card, ctx) {
      const { skuCategory: cat, packagingMarks: marks, skuDocuments: docs } = rec;
      if ((cat === undefined && marks === undefined && docs === undefined) || saysNoGift(rec)) return;
      // One finding per gift SKU (an order export repeats the SKU on every order that carries it).
      const key = rec.giftSku?.trim() ? `sku\u0001${fold(rec.giftSku).trim().toUpperCase()}` : `row\u0001${cat ?? ''}\u0001${marks ?? ''}\u0001${docs ?? ''}`;
      if (ctx.seen) {
        if (ctx.seen.has(key)) return;
        ctx.seen.add(key);
      }
      // The same judgement as SG_SKU_CHECK(category, packaging_marks, documents).
      const why = describeSkuGaps(skuGaps(card, cat ?? '', marks ?? '', docs ?? ''));
      const noCat = cat === undefined || cat.trim() === '';
      const catNote = noCat ? L(' (no category: the marks and documents of electronics, food and cosmetics were not checked)', '（未填品类：未检查电子产品、食品和化妆品另需的标识和资料）') : NO_TEXT;
      const name = skuName(rec);
      if (!why) {
        return noCat ? f('G-REVIEW', 'info', L(`${name.en}: ready for the review as far as checked${catNote.en}`, `${name.zh}：已检查项目均满足审核要求${catNote.zh}`)) : undefined;
      }
      return f('G-REVIEW', 'error', L(`${name.en}: ${why.en}; the gift-pool review will reject it${catNote.en}`, `${name.zh}：${why.zh}；礼物池审核将不通过${catNote.zh}`));
    },
  },
];

/** Findings of unreadable cells, and their title. */
export const DATA_RULE = { id: 'DATA', title: L('Unreadable cell', '无法识别的单元格') } as const;

/** Titles by rule id, without the numbers of a rate card (for tables; see ruleTitle). */
export const RULE_TITLES: Record<string, Text> = Object.fromEntries([...AUDIT_RULES.map((r) => [r.id, r.title]), [DATA_RULE.id, DATA_RULE.title]]);

/**
 * The title of a rule with the numbers of the rate cards in use ("Delivery timeout (> 30 days)"):
 * built from the cards, never hard-coded; when the cards disagree, the title without numbers.
 */
export function ruleTitle(id: string, cards: readonly RateCard[] = []): Text | undefined {
  const rule = AUDIT_RULES.find((r) => r.id === id);
  if (!rule) return RULE_TITLES[id];
  if (!rule.titleFor || !cards.length) return rule.title;
  const titles = cards.map((c) => rule.titleFor!(c));
  return titles.every((t) => t.en === titles[0].en && t.zh === titles[0].zh) ? titles[0] : rule.title;
}
