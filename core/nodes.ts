/**
 * [X-NODES] The tracking-trail nodes a platform trail must contain, with the English and Chinese
 * wordings carriers and ERPs use for them. Matching is by keyword; the rate card says which nodes
 * are required and how many events a trail needs.
 */
import { L, type Localized } from './text';

export const NODE_IDS = ['placed', 'picked_up', 'export_customs', 'import_customs', 'out_for_delivery', 'delivered'] as const;
export type NodeId = (typeof NODE_IDS)[number];

interface NodeDef {
  id: NodeId;
  label: Localized;
  /** Tested against the folded, lower-cased event text. Order matters: first match wins per event. */
  patterns: RegExp[];
}

export const NODES: readonly NodeDef[] = [
  {
    id: 'delivered',
    label: L('delivered (signed)', '已签收'),
    patterns: [/\bdelivered\b(?!.*\battempt)/, /\bsigned\b/, /签收|妥投|已送达|投递成功|已交付/],
  },
  {
    id: 'out_for_delivery',
    label: L('out for delivery', '派送中'),
    patterns: [/out for delivery|with (the )?courier for delivery|on (the|its) way to (the )?(recipient|buyer)|delivery attempt/, /派送|派件|投递中|正在投递|安排投递/],
  },
  {
    id: 'import_customs',
    label: L('import customs', '进口清关'),
    patterns: [/import (customs|clearance)|customs clearance (in|at) (the )?destination|arrived? (in|at) (the )?destination (country|customs)|destination customs|cleared customs in/, /进口清关|进口报关|目的国清关|到达目的国海关|目的地海关|清关完成/],
  },
  {
    id: 'export_customs',
    label: L('export customs', '出口清关'),
    patterns: [/export (customs|clearance)|customs (export|declaration)|departed? from (the )?origin( country)?|origin customs|left (the )?origin country/, /出口清关|出口报关|出口海关|离开始发国|始发国出口|已出口/],
  },
  {
    id: 'picked_up',
    label: L('picked up', '已揽收'),
    patterns: [/picked up|pick-up|pickup|collected|accepted by (the )?carrier|shipment received|received by (the )?carrier|acceptance/, /揽收|揽件|已收件|收寄|已取件|已接收/],
  },
  {
    id: 'placed',
    label: L('order placed', '已下单'),
    patterns: [/order (placed|created|received|confirmed)|shipment information received|label created|shipping label|electronic information|pre-?advice/, /下单|订单已创建|订单创建|已生成运单|电子信息|已预报|创建订单/],
  },
];

const BY_ID = new Map(NODES.map((n) => [n.id, n] as const));
export const nodeLabel = (id: NodeId): Localized => BY_ID.get(id)!.label;

/** The nodes one event text stands for (usually one, none for an in-transit scan). */
export function nodesOf(event: string): NodeId[] {
  const s = event.normalize('NFKC').toLowerCase();
  const out: NodeId[] = [];
  for (const n of NODES) if (n.patterns.some((p) => p.test(s))) out.push(n.id);
  return out;
}
