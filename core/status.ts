/** [G-STATUS] Small-Gift status and error codes with a plain explanation and the fix, en/zh. */
import { L, type Localized } from './text';

export interface StatusInfo {
  readonly code: string;
  readonly meaning: Localized;
  readonly fix: Localized;
}

export const GIFT_STATUSES: readonly StatusInfo[] = [
  {
    code: 'PENDING',
    meaning: L('Waiting: the gift order is queued and not yet dispatched.', '等待中：礼物订单已排队，尚未发出。'),
    fix: L(
      'Nothing to do yet. Once shipped, click "confirm shipped" within 48 hours or the gift is cancelled.',
      '暂无需处理。发货后须在 48 小时内点击“确认发货”，否则礼物会被自动取消。',
    ),
  },
  {
    code: 'FAILED',
    meaning: L('Failed: the gift was not dispatched; the detail says why.', '失败：礼物未能发出，原因见详情。'),
    fix: L(
      'Check the usual causes: gift stock not moved to the gift-only warehouse; trigger threshold set wrongly; label not printed on the gift channel (needs an SG label). 3 failures in a row freeze the feature.',
      '排查常见原因：礼物库存未移入礼物专用仓；触发门槛设置错误；面单未走礼物渠道（需 SG 开头的面单）。连续 3 次失败将冻结该功能。',
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
    fix: L(
      'Check the destination is in a gift tier and is not a cash-on-delivery market (EG, PK), then complete the destination qualification.',
      '确认目的国属于礼物费率等级且不是货到付款市场（EG、PK），然后补齐目的国资质。',
    ),
  },
];

/** Normalise what people type: "err 407", "ERR407", "407", "pending". */
export function findStatus(raw: string): StatusInfo | undefined {
  const s = raw.normalize('NFKC').trim().toUpperCase().replace(/[\s_]+/g, '');
  const m = /^(?:ERR-?)?(\d{3})$/.exec(s);
  const code = m ? `ERR-${m[1]}` : s;
  return GIFT_STATUSES.find((x) => x.code === code);
}
