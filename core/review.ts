/**
 * [G-REVIEW] The gift-pool review of a gift SKU: which package marks and documents a SKU needs (from
 * the rate card: gift.reviewMarks, gift.reviewDocuments and the category groups gift.reviewGroups),
 * and whether free text as sellers type it ("NOT FOR SALE、LOGO", "实物图、成分说明、无侵权声明",
 * "photo, material, IP statement") names them. The words for each requirement, in English and
 * Chinese, live here (like the tracking-node words of nodes.ts); a requirement the card names that
 * this vocabulary does not know is matched by its own name ("UKCA").
 */
import type { RateCard } from './rates';
import { L, joinL, type Localized, type Text } from './text';

interface ItemDef {
  label: Localized;
  /** Tested against the folded, lower-cased text. */
  patterns: RegExp[];
}

/** Canonical names (as rate cards write them, case-insensitive) → label and words. */
const ITEMS: Record<string, ItemDef> = {
  'not for sale': {
    label: L('NOT FOR SALE', 'NOT FOR SALE（非卖品）标识'),
    patterns: [/\bnot[\s_-]*for[\s_-]*sale\b/, /非卖品|非卖|非售品|非销售品/],
  },
  logo: {
    label: L('brand logo', '品牌 logo'),
    patterns: [/\blogos?\b|\bbrand[\s-]*(?:mark|name|label)\b|\btrademark\b/, /商标|品牌标识|品牌标志|品牌名/],
  },
  ce: { label: L('CE mark', 'CE 标志'), patterns: [/\bce\b/] },
  fcc: { label: L('FCC mark', 'FCC 标志'), patterns: [/\bfcc\b/] },
  photo: {
    label: L('product photo', '实物图'),
    patterns: [/\bphotos?\b|\bpictures?\b|\bimages?\b|\bpics?\b|\bphotographs?\b/, /实物图|实拍图|实拍|产品图|商品图|图片|照片|主图|实物照/],
  },
  material: {
    label: L('material / ingredients', '材质 / 成分说明'),
    // "material safety data sheet" is an MSDS, not the material description.
    patterns: [/\bmaterials?\b(?![\s-]*safety)|\bingredients?\b|\bcomposition\b|\bfabric\b/, /材质|材料|成分|原料|配料|面料/],
  },
  'non-infringement statement': {
    label: L('non-infringement statement', '无侵权声明'),
    patterns: [
      /\bnon[\s-]*infringement\b|\b(?:ip|intellectual[\s-]*property|infringement|copyright|trademark)[\s-]*(?:statement|declaration|undertaking|letter|commitment)\b/,
      /无侵权|不侵权|非侵权|侵权声明|侵权承诺|知识产权声明|知识产权承诺|版权声明/,
    ],
  },
  'filing number': {
    label: L('filing number', '备案号'),
    patterns: [/\bfiling(?:[\s-]*(?:number|no\.?|#|code))?\b|\b(?:registration|record|licen[cs]e|permit)[\s-]*(?:number|no\.?|#)\b/, /备案号|备案编号|备案凭证|备案|注册证|批准文号|许可证号/],
  },
  msds: {
    label: L('MSDS', 'MSDS'),
    patterns: [/\bm?sds\b|\bmaterial[\s-]*safety[\s-]*data[\s-]*sheet\b|\bsafety[\s-]*data[\s-]*sheet\b/, /化学品安全技术说明书|安全技术说明书|安全数据表|物质安全资料表/],
  },
};

/** The category groups the built-in card names, for labels; other groups show their key. */
const GROUP_LABELS: Record<string, Localized> = {
  electronics: L('electronics', '电子产品'),
  'food-cosmetics': L('food and cosmetics', '食品和化妆品'),
};
const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
export const reviewGroupLabel = (key: string): Localized => own(GROUP_LABELS, key) ?? L(key, key);

const fold = (s: string) => s.normalize('NFKC').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words of a name no vocabulary knows: the name itself, on word boundaries for Latin letters and digits. */
function ownPattern(name: string): RegExp {
  const n = fold(name).trim();
  return new RegExp(`(?<![a-z0-9])${escape(n).replace(/\s+/g, '[\\s_-]*')}(?![a-z0-9])`);
}

const itemOf = (name: string): ItemDef | undefined => own(ITEMS, fold(name).trim().replace(/\s+/g, ' '));

/** Display text of one requirement name ("CE" → "CE mark" / "CE 标志"); unknown names as written. */
export const reviewLabel = (name: string): Localized => itemOf(name)?.label ?? L(name.trim(), name.trim());

/** The alternatives of a requirement: "CE / FCC" → ["CE", "FCC"] (one of them suffices). */
export const alternatives = (req: string): string[] => req.split('/').map((s) => s.trim()).filter(Boolean);

/** A requirement as a phrase: "CE mark or FCC mark" / "CE 标志或 FCC 标志". */
export function requirementLabel(req: string): Localized {
  const alts = alternatives(req).map(reviewLabel);
  return joinL(alts, ' or ', '或');
}

/*
 * A negation that governs the words: right before ("no CE", "without logo", "无CE", "缺少照片", "未印
 * NOT FOR SALE") or right after ("CE: no", "logo missing", "照片缺失", "CE（无）", "备案号待补").
 * Separators between items (, ; 、 line breaks) end the reach of a negation.
 */
const PRE = /(?:\bno|\bnot|\bwithout|\bmissing|\black(?:s|ing)?|\bneeds?|\bpending|\bto\s+add|无|没有|没|缺少|缺失|缺|未印|未加|未提供|未上传|未|不含|需要|需|待补|待)[\s:：]*$/;
const POST = /^[\s:：(（-]*(?:no\b|none\b|missing\b|pending\b|lacking\b|absent\b|n\/a\b|tbd\b|not\s+(?:yet\s+)?(?:provided|printed|added|available|done|submitted)\b|无|没有|缺失|缺少|缺|待补|待提供|未提供|未上传|未印|未加|否)/;

function affirmedIn(p: RegExp, s: string): boolean {
  const g = new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
  for (let m = g.exec(s); m; m = g.exec(s)) {
    const pre = s.slice(Math.max(0, m.index - 16), m.index);
    const post = s.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (!PRE.test(pre) && !POST.test(post)) return true;
    if (m[0].length === 0) g.lastIndex++;
  }
  return false;
}

/** Does the text name this one item (not negated)? */
export function mentions(text: string, name: string): boolean {
  const s = fold(text);
  const def = itemOf(name);
  const patterns = def ? def.patterns : [ownPattern(name)];
  return patterns.some((p) => affirmedIn(p, s));
}

/** Does the text meet a requirement (any one of its alternatives)? */
export const meets = (text: string, req: string): boolean => alternatives(req).some((a) => mentions(text, a));

/** The card's category groups a category text falls in ("Phone accessories > cases" → electronics). */
export function reviewGroupsOf(card: RateCard, category: string): string[] {
  const s = fold(category);
  const out: string[] = [];
  for (const [key, g] of Object.entries(card.gift.reviewGroups)) {
    const hit = g.categories.some((w) => {
      const t = fold(w).trim();
      if (!t) return false;
      // Latin words on word boundaries, with a plural ("cosmetic" / "cosmetics"); Chinese words anywhere.
      return /[a-z0-9]/.test(t)
        ? new RegExp(`(?<![a-z0-9])${escape(t).replace(/\s+/g, '[\\s_-]*')}(?:s|es)?(?![a-z0-9])`).test(s)
        : s.includes(t);
    });
    if (hit) out.push(key);
  }
  return out;
}

export interface SkuGaps {
  /** Category groups the SKU falls in. */
  groups: string[];
  /** Unmet mark requirements, with the group that adds each ('' = every SKU). */
  marks: { req: string; group: string }[];
  /** Unmet document requirements, likewise. */
  documents: { req: string; group: string }[];
}

/** [G-REVIEW] What a gift SKU lacks for the gift-pool review (empty lists when it is ready). */
export function skuGaps(card: RateCard, category: string, marks: string, documents: string): SkuGaps {
  const groups = reviewGroupsOf(card, category);
  const g = card.gift;
  const need = (base: readonly string[], pick: (k: string) => readonly string[]) => {
    const out: { req: string; group: string }[] = [];
    const seen = new Set<string>();
    const add = (req: string, group: string) => {
      const k = fold(req).replace(/\s+/g, '');
      if (!seen.has(k)) {
        seen.add(k);
        out.push({ req, group });
      }
    };
    for (const r of base) add(r, '');
    for (const k of groups) for (const r of pick(k)) add(r, k);
    return out;
  };
  return {
    groups,
    marks: need(g.reviewMarks, (k) => g.reviewGroups[k].marks).filter((x) => !meets(marks, x.req)),
    documents: need(g.reviewDocuments, (k) => g.reviewGroups[k].documents).filter((x) => !meets(documents, x.req)),
  };
}

const withGroup = (x: { req: string; group: string }): Text => {
  const r = requirementLabel(x.req);
  if (!x.group) return r;
  const g = reviewGroupLabel(x.group);
  return L(`${r.en} (${g.en})`, `${r.zh}（${g.zh}）`);
};

/** The gaps as one bilingual phrase, "" when the SKU is ready for the review. */
export function describeSkuGaps(gaps: SkuGaps): Localized | '' {
  const parts: Text[] = [];
  if (gaps.marks.length) {
    const names = joinL(gaps.marks.map(withGroup), ', ', '、');
    parts.push(L(`package front lacks ${names.en}`, `包装正面缺少${names.zh}`));
  }
  if (gaps.documents.length) {
    const names = joinL(gaps.documents.map(withGroup), ', ', '、');
    parts.push(L(`documents lack ${names.en}`, `送审资料缺少${names.zh}`));
  }
  return parts.length ? joinL(parts) : '';
}
