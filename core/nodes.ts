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
  /** Tested against the folded, lower-cased event text; an event may stand for several nodes. */
  patterns: RegExp[];
  /**
   * Negations and failures, tested in the same clause as the pattern that matched: such a clause does
   * NOT stand for the node ("Not delivered", "未妥投", "签收失败", "Awaiting pickup", "清关失败"), while
   * "已揽收，等待运输" still is a pickup (the waiting is another clause).
   */
  guards?: RegExp[];
}

/** "Not yet / waiting / planned": the event says the node has NOT happened (any node but "placed"). */
const NOT_YET_EN = /\bnot\b|n't\b|\bnever\b|\bno\s+(pickup|pick-up|collection|delivery|scan)\b|\bun-?(delivered|deliverable|successful|able|collected|cleared|signed|claimed)\b|\bawait(s|ing)?\b|\bwaiting\b|\bpending\b|\bscheduled\b|\brequest(ed)?\b|\bbooked\b|\bplanned\b/;
const NOT_YET_ZH = /未|待|等待|预约|计划/;
/** "Tried and failed": the node did not complete (delivered, picked up, customs). */
const FAILED_EN = /\bfail(ed|ure|s)?\b|\battempt(ed|s)?\b|\bexception\b|\brefus(ed|al)\b|\breject(ed|ion)?\b|\bunable\b|\bcancel{1,2}ed\b|\breturn(ed)? to (the )?(sender|shipper|origin)\b|\bheld\b|\bdetained\b|\bseized\b|\bon hold\b|\babsent\b/;
const FAILED_ZH = /失败|拒|异常|无法|不成功|退回|退件|取消|扣留|扣关|查验|滞留/;
const NEGATED = [NOT_YET_EN, NOT_YET_ZH, FAILED_EN, FAILED_ZH];

export const NODES: readonly NodeDef[] = [
  {
    id: 'delivered',
    label: L('delivered (signed)', '已签收'),
    patterns: [/\bdelivered\b/, /\bsigned\b/, /签收|妥投|已送达|投递成功|已交付/],
    guards: NEGATED,
  },
  {
    id: 'out_for_delivery',
    label: L('out for delivery', '派送中'),
    patterns: [/out for delivery|with (the )?courier for delivery|on (the|its) way to (the )?(recipient|buyer)|delivery attempt|attempted delivery/, /派送|派件|投递中|正在投递|安排投递/],
    // A failed delivery attempt ("派送失败", "Delivery attempted - recipient not available") still shows
    // the parcel was out for delivery; only "not yet" wordings of this node are negations here.
    guards: [/\bnot (yet )?(out for|on (its|the) way)|\b(await(ing)?|pending|scheduled( for)?|waiting for) (delivery|dispatch)\b/, /(未|待|等待|预约)(派送|派件|投递)/],
  },
  {
    id: 'import_customs',
    label: L('import customs', '进口清关'),
    patterns: [/import (customs|clearance)|customs clearance (in|at) (the )?destination|arrived? (in|at) (the )?destination (country|customs)|destination customs|cleared customs in/, /进口清关|进口报关|目的国清关|到达目的国海关|目的地海关|清关完成/],
    guards: NEGATED,
  },
  {
    id: 'export_customs',
    label: L('export customs', '出口清关'),
    patterns: [/export (customs|clearance)|customs (export|declaration)|departed? from (the )?origin( country)?|origin customs|left (the )?origin country/, /出口清关|出口报关|出口海关|离开始发国|始发国出口|已出口/],
    guards: NEGATED,
  },
  {
    id: 'picked_up',
    label: L('picked up', '已揽收'),
    patterns: [/picked up|pick-up|pickup|collected|accepted by (the )?carrier|shipment received|received by (the )?carrier|acceptance/, /揽收|揽件|已收件|收寄|已取件|已接收/],
    // "Ready for pickup" / "available for pickup" is the buyer collecting at the destination, not the carrier.
    guards: [...NEGATED, /\b(ready|available) for (pickup|pick-up|collection)\b/, /安排揽|可自提|待取/],
  },
  {
    id: 'placed',
    label: L('order placed', '已下单'),
    patterns: [/order (placed|created|received|confirmed)|shipment information received|label created|shipping label|electronic information|pre-?advice/, /下单|订单已创建|订单创建|已生成运单|电子信息|已预报|创建订单/],
  },
];

const BY_ID = new Map(NODES.map((n) => [n.id, n] as const));
export const nodeLabel = (id: NodeId): Localized => BY_ID.get(id)!.label;

/**
 * The nodes one event text stands for (usually one, none for an in-transit scan). A negated or
 * failed event ("Not delivered - recipient absent", "未揽收", "清关失败") does not stand for its node.
 */
export function nodesOf(event: string): NodeId[] {
  const s = event.normalize('NFKC').toLowerCase();
  const clauses = CLAUSE_BREAK.test(s) ? s.split(CLAUSE_SPLIT) : [s];
  const out: NodeId[] = [];
  for (const n of NODES) {
    for (const c of clauses) {
      if (!n.patterns.some((p) => p.test(c))) continue;
      if (n.guards && n.guards.some((g) => g.test(c))) continue;
      out.push(n.id);
      break;
    }
  }
  return out;
}

/** Clause breaks inside one event text ("已揽收，等待运输", "Picked up, delivery scheduled"). */
const CLAUSE_BREAK = /[,;!?，。；！？、]|\.(?!\d)/;
const CLAUSE_SPLIT = /[,;!?，。；！？、]|\.(?!\d)/g;

/**
 * How exports join several tracking events in ONE cell (the 物流轨迹 column of an AliExpress / ERP
 * export): line breaks, "|", "；" / ";", or " > ". The one splitter for functions and the audit.
 */
export const TRAIL_SEPARATOR = /\r\n|[\r\n\u2028\u2029]|\s*[|；;]\s*|\s+>\s+/;

/** The events of one trail cell, trimmed, blanks dropped ("订单已创建\n已揽收" → 2 events). */
export function splitTrail(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(TRAIL_SEPARATOR)) {
    const t = part.trim();
    if (t) out.push(t);
  }
  return out;
}
