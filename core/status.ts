/**
 * [G-STATUS] Small-Gift status and error codes with a plain explanation and the fix, en/zh.
 * The fix texts quote the rate card in force ([G-CONFIRM] hours and freeze count, [G-LABEL] prefix,
 * [G-COD] countries), never numbers written into the text.
 */
import { latestCard, type RateCard } from './rates';
import { L, type Localized } from './text';

export interface StatusInfo {
  readonly code: string;
  readonly meaning: Localized;
  readonly fix: Localized;
}

/** The card fields the status texts quote. */
export type StatusCard = { gift: Pick<RateCard['gift'], 'confirmHours' | 'labelPrefix' | 'freezeAfterFailures' | 'codCountries'> };

/** The known statuses and codes, their texts built from a rate card (default: the newest built-in card). */
export function giftStatuses(card: StatusCard = latestCard()): readonly StatusInfo[] {
  const g = card.gift;
  const n = g.freezeAfterFailures;
  const freezeEn = n === 1 ? 'A single failure freezes the feature.' : `${n} failures in a row freeze the feature.`;
  const cod = g.codCountries.join(', ');
  const codZh = g.codCountries.join('、');
  return [
    {
      code: 'PENDING',
      meaning: L('Waiting: the gift order is queued and not yet dispatched.', '等待中：礼物订单已排队，尚未发出。'),
      fix: L(
        `Nothing to do yet. Once shipped, click "confirm shipped" within ${g.confirmHours} hours or the gift is cancelled.`,
        `暂无需处理。发货后须在 ${g.confirmHours} 小时内点击“确认发货”，否则礼物会被自动取消。`,
      ),
    },
    {
      code: 'FAILED',
      meaning: L('Failed: the gift was not dispatched; the detail says why.', '失败：礼物未能发出，原因见详情。'),
      fix: L(
        `Check the usual causes: gift stock not moved to the gift-only warehouse; trigger threshold set wrongly; label not printed on the gift channel (needs a label whose code starts with ${g.labelPrefix}). ${freezeEn}`,
        `排查常见原因：礼物库存未移入礼物专用仓；触发门槛设置错误；面单未走礼物渠道（需 ${g.labelPrefix} 开头的面单）。连续 ${n} 次失败将冻结该功能。`,
      ),
    },
    {
      code: 'ERR-407',
      meaning: L('ERR-407: packaging not registered.', 'ERR-407：包装未备案。'),
      fix: L(
        'Use platform packaging, or get your own packaging pre-approved before shipping; unapproved own packaging is refused.',
        '使用平台包装，或在发货前完成自有包装备案；未备案的自有包装会被拒收。',
      ),
    },
    {
      code: 'ERR-211',
      meaning: L('ERR-211: destination qualification missing.', 'ERR-211：目的国资质缺失。'),
      fix: cod
        ? L(
            `Check the destination is in a gift tier and is not a cash-on-delivery market (${cod}), then complete the destination qualification.`,
            `确认目的国属于礼物费率等级且不是货到付款市场（${codZh}），然后补齐目的国资质。`,
          )
        : L('Check the destination is in a gift tier, then complete the destination qualification.', '确认目的国属于礼物费率等级，然后补齐目的国资质。'),
    },
  ];
}

/** The statuses with the texts of the newest built-in card (kept for existing importers). */
export const GIFT_STATUSES: readonly StatusInfo[] = giftStatuses();

/** Separators people put between a code and its detail, or inside a code ("ERR 407", "ERR_407"). */
const ERR_CODE = /(?:^|[^A-Z0-9])(?:ERR|ERROR|错误码|错误代码|错误)[\s_\-‐‑–—:：#]*(\d{3})(?!\d)/;
const BARE_CODE = /^(\d{3})(?!\d)/;
const FAILED_WORD = /^(?:(?:GIFT|STATUS|礼物|状态)[\s:：\-]*)?(?:FAILED|FAILURE|FAIL|已失败|发货失败|赠送失败|礼物失败|失败)(?=$|[\s:：\-–—,，.。;；(（/|])/;
const PENDING_WORD = /^(?:(?:GIFT|STATUS|礼物|状态)[\s:：\-]*)?(?:PENDING|WAITING|PROCESSING|IN[\s_-]*PROGRESS|QUEUED|等待中|等待|待处理|处理中|排队中|待发货)(?=$|[\s:：\-–—,，.。;；(（/|])/;

/**
 * The status code a cell stands for: 'PENDING', 'FAILED' or 'ERR-ddd' (any three digits, known or
 * not), read the way people type it: any case, spacing, full-width, Chinese words, with detail text
 * after it ("ERR-407: packaging not registered", "ERR-407 包装未备案", "Failed - stock", "等待中").
 * Undefined when the text is none of these.
 */
export function statusCodeOf(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.normalize('NFKC').trim().toUpperCase();
  if (!s) return undefined;
  const m = ERR_CODE.exec(s) ?? BARE_CODE.exec(s);
  if (m) return `ERR-${m[1]}`;
  if (FAILED_WORD.test(s)) return 'FAILED';
  if (PENDING_WORD.test(s)) return 'PENDING';
  return undefined;
}

/**
 * TRUE when a gift status means the gift failed [G-STATUS]: FAILED (in any wording) and EVERY
 * "ERR-ddd" code, known or not (an error code is a failure even when this rule book does not name it).
 */
export function isFailureStatus(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  const c = statusCodeOf(raw);
  return c === 'FAILED' || (c !== undefined && c.startsWith('ERR-'));
}

/**
 * The known status a cell stands for, with texts from `card` (default: the newest built-in card):
 * "err 407", "ERR407", "407", "pending", "等待中", "ERR-407: packaging not registered", "Failed - stock".
 * Undefined for unknown text and for ERR codes the rule book does not name (see isFailureStatus).
 */
export function findStatus(raw: string, card?: StatusCard): StatusInfo | undefined {
  const code = statusCodeOf(raw);
  if (!code) return undefined;
  return (card ? giftStatuses(card) : GIFT_STATUSES).find((x) => x.code === code);
}
