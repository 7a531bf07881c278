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
   * Negations and failures that govern the node word: the words right before or right after a
   * pattern's match (negatedAt). "Not delivered", "未妥投", "签收失败", "Awaiting pickup", "清关失败" do
   * NOT stand for the node; "Delivered on 2nd attempt", "Delivered - left with neighbour (not at
   * home)", "出口清关完成（查验后放行）" still do (the negation is about something else).
   */
  adjacent?: boolean;
  /**
   * Whole-clause exclusions, tested in the same clause as the match: such a clause does NOT stand for
   * the node ("ready for pickup" is the buyer collecting; "returned to sender" is a return).
   */
  guards?: RegExp[];
}

/*
 * Adjacent negations. English: a negation word ending the text before the node word, allowing
 * auxiliaries in between ("not delivered", "has not yet been delivered", "awaiting pickup", "to be
 * picked up", "held at import customs"); or a failure / not-yet word right after it, allowing only
 * separators and the node's own nouns ("pickup failed", "import customs clearance - exception",
 * "pickup scheduled"). Chinese: a negation right before (未妥投, 待揽收, 拒绝签收, 无法签收) or a failure
 * right after (签收失败, 进口清关异常).
 */
const PRE_EN =
  /(?:\bnot|n't|\bnever|\bno|\bawait(?:s|ing|ed)?|\bwaiting(?:\s+for)?|\bpending|\bfailed(?:\s+to)?|\bunsuccessful|\bunable\s+to|\bcannot|\bcould\s+not|\battempt(?:ed|ing)?\s+to|\bto\s+be|\bwill\s+be|\bready\s+to\s+be|\b(?:held|detained|seized|stuck|blocked)\s+(?:at|in|by|during))(?:\s+(?:yet|been|be|being|the|a|an|for|of|at|in|successfully|properly))*[\s\-–—:：]*$/;
const POST_EN =
  /^(?:[\s\-–—:：()]+(?:customs|clearance|declaration|inspection|process(?:ing)?|has|have|had|was|is|been|got|status|attempt))*[\s\-–—:：()]+(?:fail(?:ed|s|ure)?|unsuccessful|exception|error|refused|rejected|cancell?ed|scheduled|requested|booked|planned|pending|awaited|on\s+hold|held|detained|seized|blocked|not\s+(?:yet\s+)?(?:done|completed?|successful|possible|cleared|made))\b/;
const PRE_ZH = /(?:未|没有?|待|等待|等候|预约|计划|拒绝|拒|无法|不能|未能|尚未|暂未|无人|不予)(?:被|进行|完成|办理)?$/;
const POST_ZH = /^[\s（(：:\-]*(?:失败|异常|不成功|未成功|未完成|受阻|被拒|扣留|扣关|滞留|暂停|中止|取消)/;

/** The match [start, end) of a node word in clause c is negated by the words around it. */
function negatedAt(c: string, start: number, end: number): boolean {
  const pre = c.slice(Math.max(0, start - 48), start);
  const post = c.slice(end, end + 48);
  return PRE_EN.test(pre) || PRE_ZH.test(pre) || POST_EN.test(post) || POST_ZH.test(post);
}

/** Returns to the sender: the "delivered" or "signed" of such a clause is the seller getting it back. */
const RETURNED = [/\breturn(?:ed|ing)?\s+to\s+(?:the\s+)?(?:sender|shipper|seller|origin)\b|\b(?:back\s+)?to\s+(?:the\s+)?(?:sender|shipper)\b/, /退回|退件|退运|退还|返还发件人/];

export const NODES: readonly NodeDef[] = [
  {
    id: 'delivered',
    label: L('delivered (signed)', '已签收'),
    patterns: [/\bdelivered\b/, /\bsigned\b/, /签收|妥投|已送达|投递成功|已交付/],
    adjacent: true,
    guards: RETURNED,
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
    patterns: [/import (customs|clearance)|customs clearance (in|at) (the )?destination|arrived? (in|at) (the )?destination (country|customs)|destination customs|cleared customs in/, /进口清关|进口报关|进口海关|目的国清关|到达目的国海关|目的国海关|目的地海关|(?<!出口)清关完成/],
    adjacent: true,
  },
  {
    id: 'export_customs',
    label: L('export customs', '出口清关'),
    patterns: [/export (customs|clearance)|customs (export|declaration)|departed? from (the )?origin( country)?|origin customs|left (the )?origin country/, /出口清关|出口报关|出口海关|离开始发国|始发国出口|已出口/],
    adjacent: true,
  },
  {
    id: 'picked_up',
    label: L('picked up', '已揽收'),
    patterns: [/picked up|pick-up|pickup|collected|accepted by (the )?carrier|shipment received|received by (the )?carrier|acceptance/, /揽收|揽件|已收件|收寄|已取件|已接收/],
    adjacent: true,
    // "Ready for pickup" / "available for pickup" is the buyer collecting at the destination, not the carrier.
    guards: [/\b(ready|available) for (pickup|pick-up|collection)\b/, /安排揽|可自提|待取/],
  },
  {
    id: 'placed',
    label: L('order placed', '已下单'),
    patterns: [/order (placed|created|received|confirmed)|shipment information received|label created|shipping label|electronic information|pre-?advice/, /下单|订单已创建|订单创建|已生成运单|电子信息|已预报|创建订单/],
  },
];

/** Global twins of the patterns, to look at every match in a clause. */
const ALL_MATCHES = new Map<RegExp, RegExp>(NODES.flatMap((n) => n.patterns.map((p) => [p, new RegExp(p.source, p.flags.includes('g') ? p.flags : p.flags + 'g')] as const)));

/** Some match of a node's patterns in clause c that is not negated by its neighbouring words. */
function affirmed(n: NodeDef, c: string): boolean {
  for (const p of n.patterns) {
    if (!p.test(c)) continue;
    if (!n.adjacent) return true;
    const g = ALL_MATCHES.get(p)!;
    g.lastIndex = 0;
    for (let m = g.exec(c); m; m = g.exec(c)) {
      if (!negatedAt(c, m.index, m.index + m[0].length)) return true;
      if (m[0].length === 0) g.lastIndex++;
    }
  }
  return false;
}

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
      if (!affirmed(n, c)) continue;
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
/**
 * The same cuts as TRAIL_SEPARATOR (the parts are trimmed anyway), found without a leading `\s*` /
 * `\s+` tried from every position: linear on any text (32,767 spaces included).
 */
const TRAIL_CUT = /\r\n|[\r\n\u2028\u2029|；;]|(?<=\s)>(?=\s)/;

/** The events of one trail cell, trimmed, blanks dropped ("订单已创建\n已揽收" → 2 events). */
export function splitTrail(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(TRAIL_CUT)) {
    const t = part.trim();
    if (t) out.push(t);
  }
  return out;
}
