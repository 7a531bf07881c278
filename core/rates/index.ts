/**
 * Rate cards: choosing the built-in card in force on a date, validating a card, and reading or
 * writing a card as the 2-D key/value table a user edits in a sheet.
 *
 * Table layout (one row per number, in any order, header row optional):
 *   | key                      | value       | note (ignored on read)          |
 *   | card.id                  | my-what-if  |                                 |
 *   | gift.tiers.emerging.fee  | 3.0         | [G-FEE] base fee, CNY           |
 *   | gift.tiers.mature.countries | US, FR, DE, 英国 | countries in any spelling  |
 * Rows a user leaves out keep the value of the built-in card in force on the card's
 * `card.effective` date, so a what-if card can be a single row.
 */
import { RuleError, valueError, naError, isRuleError } from '../errors';
import { toNumber, toRate, toText, toDate, isoDay, isEmpty, show, fold, type Cell } from '../coerce';
import { countryCode } from '../countries';
import { entityIdOf } from '../entities';
import { RateCardSchema, type RateCard } from './schema';
import { BUILTIN_CARDS } from './builtin';
import { L, type Text } from '../text';

export { RateCardSchema, TIER_NAMES, type RateCard, type TierName } from './schema';
import { TIER_NAMES } from './schema';
export { BUILTIN_CARDS, STANDARD_2024 } from './builtin';

const effectiveMs = (c: RateCard) => Date.parse(`${c.card.effective}T00:00:00Z`);

/** The built-in card in force at an instant (epoch ms), or #N/A before the first card. */
export function cardFor(atMs: number, cards: readonly RateCard[] = BUILTIN_CARDS): RateCard | RuleError {
  let found: RateCard | undefined;
  for (const c of cards) if (effectiveMs(c) <= atMs && (!found || effectiveMs(c) >= effectiveMs(found))) found = c;
  if (found) return found;
  const first = cards[0];
  return naError(
    `no rate card in force on ${isoDay(atMs)}; the earliest is ${first.card.id}, effective ${first.card.effective}`,
    `${isoDay(atMs)} 没有生效的费率卡；最早的是 ${first.card.id}，自 ${first.card.effective} 起生效`,
  );
}

/** The newest built-in card. */
export const latestCard = (): RateCard => BUILTIN_CARDS[BUILTIN_CARDS.length - 1];

const ISSUE_TEXT: Record<string, Text> = {
  too_small: L('is below the allowed minimum', '低于允许的最小值'),
  too_big: L('is above the allowed maximum', '高于允许的最大值'),
  invalid_type: L('has the wrong type', '类型错误'),
  invalid_format: L('has the wrong format', '格式错误'),
  invalid_value: L('is not one of the allowed values', '不是允许的取值'),
  unrecognized_keys: L('is not a rate-card key', '不是费率卡的键'),
};

function describeIssue(issue: { code: string; path: PropertyKey[]; minimum?: unknown; maximum?: unknown; inclusive?: boolean; expected?: unknown; values?: unknown[] }): Text {
  if (issue.code === 'invalid_type' && issue.expected === 'int') return L('must be a whole number', '必须是整数');
  if (issue.code === 'too_small' && issue.inclusive === false) {
    return L(`must be greater than ${String(issue.minimum)}`, `必须大于 ${String(issue.minimum)}`);
  }
  if (issue.code === 'too_big' && issue.inclusive === false) {
    return L(`must be less than ${String(issue.maximum)}`, `必须小于 ${String(issue.maximum)}`);
  }
  const base = ISSUE_TEXT[issue.code] ?? L('is invalid', '无效');
  const extra =
    issue.minimum !== undefined ? ` (${String(issue.minimum)})` : issue.maximum !== undefined ? ` (${String(issue.maximum)})` : issue.values ? ` (${issue.values.join(', ')})` : '';
  return L(base.en + extra, base.zh + extra);
}

/** Validate a card object with the zod schema plus the cross-field rules; errors name the key (and row). */
export function validateCard(obj: unknown, rowOf: (key: string) => number | undefined = () => undefined): RateCard | RuleError {
  const r = RateCardSchema.safeParse(obj);
  const where = (key: string) => {
    const row = rowOf(key);
    return row === undefined ? L(`rate card ${key}`, `费率卡 ${key}`) : L(`rate card row ${row} (${key})`, `费率卡第 ${row} 行（${key}）`);
  };
  if (!r.success) {
    const issue = r.error.issues[0];
    const key = issue.path.map(String).join('.');
    const w = where(key);
    const d = describeIssue(issue as never);
    return valueError(`${w.en}: ${d.en}`, `${w.zh}：${d.zh}`);
  }
  const card = r.data;
  const seen = new Map<string, string>();
  for (const [tier, t] of Object.entries(card.gift.tiers)) {
    for (const c of t.countries) {
      const prev = seen.get(c);
      if (prev) {
        // Name the row the user typed: the later tier may only be inherited from the built-in card.
        const key = rowOf(`gift.tiers.${tier}.countries`) === undefined && rowOf(`gift.tiers.${prev}.countries`) !== undefined ? prev : tier;
        const other = key === tier ? prev : tier;
        const w = where(`gift.tiers.${key}.countries`);
        return valueError(`${w.en}: ${c} is also in tier ${other}; a country can be in one tier only`, `${w.zh}：${c} 也在等级 ${other} 中；一个国家只能属于一个等级`);
      }
      seen.set(c, tier);
    }
  }
  return card;
}

type Leaf = number | string | string[];
const isCountryList = (key: string) => /countries$|Countries$|^express\.blocked$/.test(key);

/** Flatten a card into [key, value] pairs in a stable order (the built-in card's order). */
function flatten(obj: unknown, prefix = '', out: [string, Leaf][] = []): [string, Leaf][] {
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v) || typeof v !== 'object' || v === null) out.push([key, v as Leaf]);
    else flatten(v, key, out);
  }
  return out;
}

/**
 * The note column of cardToTable, built on first use (issue 12: the Sheets formula script, which
 * never writes a card table, does not carry these texts).
 */
let notes: { keys: Record<string, Text>; groups: Record<string, Text> } | undefined;
const buildNotes = () => ({
  keys: {
    'card.id': L('name of this card', '此费率卡的名称'),
    'card.effective': L('date from which the card applies (YYYY-MM-DD)', '生效日期（YYYY-MM-DD）'),
    'card.source': L('where the numbers come from', '数据来源'),
    'gift.tiers.mature.fee': L('[G-FEE] base fee, mature markets, CNY', '[G-FEE] 成熟市场基础费用（人民币）'),
    'gift.tiers.emerging.fee': L('[G-FEE] base fee, key emerging markets, CNY', '[G-FEE] 重点新兴市场基础费用（人民币）'),
    'gift.tiers.long-tail.fee': L('[G-FEE] base fee, long-tail markets, CNY', '[G-FEE] 长尾市场基础费用（人民币）'),
    'gift.overweightAboveG': L('[G-OVERWEIGHT] grams above which the surcharge applies', '[G-OVERWEIGHT] 超过此克数加收附加费'),
    'gift.overweightSurcharge': L('[G-OVERWEIGHT] surcharge, CNY', '[G-OVERWEIGHT] 超重附加费（人民币）'),
    'gift.nfeCountries': L('[G-NFE] countries needing an NFe number', '[G-NFE] 需要 NFe 号的国家'),
    'gift.nfeSurcharge': L('[G-NFE] surcharge without NFe, CNY', '[G-NFE] 无 NFe 附加费（人民币）'),
    'gift.codCountries': L('[G-COD] cash-on-delivery markets, no gifts', '[G-COD] 货到付款市场，不提供小礼物'),
    'gift.confirmHours': L('[G-CONFIRM] hours to confirm shipped', '[G-CONFIRM] 确认发货时限（小时）'),
    'gift.freezeAfterFailures': L('[G-CONFIRM] failures in a row that freeze gifts', '[G-CONFIRM] 连续失败次数达到即冻结'),
    'gift.labelPrefix': L('[G-LABEL] gift label prefix', '[G-LABEL] 礼物面单前缀'),
    'gift.minStoreLevel': L('[G-ELIGIBLE] minimum store level (3 = L3)', '[G-ELIGIBLE] 最低店铺等级（3 = L3）'),
    'gift.minPositiveRate': L('[G-ELIGIBLE] minimum 90-day positive rate', '[G-ELIGIBLE] 90 天好评率下限'),
    'gift.maxDisputeRate': L('[G-ELIGIBLE] maximum 30-day dispute rate', '[G-ELIGIBLE] 30 天纠纷率上限'),
    'gift.conversionUplift': L('[G-ROI] conversion uplift', '[G-ROI] 转化率提升'),
    'gift.repeatRate': L('ROI default repeat rate', 'ROI 默认复购率'),
    'gift.repeatUplift': L('[G-ROI] repurchase uplift', '[G-ROI] 复购提升'),
    'gift.cpc': L('[G-ROI] off-site CPC, CNY', '[G-ROI] 站外单次点击成本（人民币）'),
    'express.uploadHours': L('[X-UPLOAD] hours after payment to upload', '[X-UPLOAD] 付款后上传单号时限（小时）'),
    'express.firstScanHours': L('[X-FIRSTSCAN] hours to first pickup scan', '[X-FIRSTSCAN] 首次揽收扫描时限（小时）'),
    'express.firstScanFrom': L('[X-FIRSTSCAN] count from payment or upload', '[X-FIRSTSCAN] 从付款（payment）或上传（upload）起算'),
    'express.minEvents': L('[X-NODES] minimum tracking events', '[X-NODES] 最少物流事件数'),
    'express.requiredNodes': L('[X-NODES] required nodes', '[X-NODES] 必需节点'),
    'express.penaltyUpload': L('[X-PEN-UPLOAD] USD per failed upload', '[X-PEN-UPLOAD] 每次上传失败罚款（美元）'),
    'express.stallHours': L('[X-PEN-STALL] hours without update', '[X-PEN-STALL] 无更新小时数'),
    'express.penaltyStall': L('[X-PEN-STALL] USD per stalled trail', '[X-PEN-STALL] 每条停滞轨迹罚款（美元）'),
    'express.timeoutDays': L('[X-PEN-TIMEOUT] days after payment', '[X-PEN-TIMEOUT] 付款后天数'),
    'express.timeoutRate': L('[X-PEN-TIMEOUT] share of order amount', '[X-PEN-TIMEOUT] 订单金额比例'),
    'express.timeoutCap': L('[X-PEN-TIMEOUT] cap, USD', '[X-PEN-TIMEOUT] 上限（美元）'),
    'express.blocked': L('[X-BLOCKED] blocked destinations', '[X-BLOCKED] 禁运目的地'),
    'express.kaMonthlyGmv': L('[X-ELIGIBLE] KA monthly GMV, USD', '[X-ELIGIBLE] KA 月 GMV（美元）'),
    'express.kaFulfilmentRate': L('[X-ELIGIBLE] KA fulfilment rate', '[X-ELIGIBLE] KA 履约率'),
    'express.kaMonths': L('[X-ELIGIBLE] consecutive months', '[X-ELIGIBLE] 连续月数'),
    'gift.reviewMarks': L('[G-REVIEW] marks every gift package front shows; "A / B" = either', '[G-REVIEW] 每个礼物包装正面须有的标识；“A / B”表示任一'),
    'gift.reviewDocuments': L('[G-REVIEW] documents every gift SKU submits', '[G-REVIEW] 每个礼物 SKU 须提交的资料'),
    'express.onboardLicenceMonths': L('[X-ONBOARD] licence valid for more than this many months', '[X-ONBOARD] 营业执照有效期须超过的月数'),
    'express.onboardTrails': L('[X-ONBOARD] complete delivered trails with one carrier', '[X-ONBOARD] 同一物流商完整妥投轨迹条数'),
    'express.onboardTrailMonths': L('[X-ONBOARD] …within this many months', '[X-ONBOARD] 轨迹统计的月数'),
    'express.onboardStatusReturns': L('[X-ONBOARD] consecutive successful status returns', '[X-ONBOARD] 连续成功回传状态次数'),
    'express.onboardRefused': L('[X-ONBOARD] entity types refused (company, sole_proprietor, hk_macao_taiwan, overseas)', '[X-ONBOARD] 不可入驻的主体类型（company、sole_proprietor、hk_macao_taiwan、overseas）'),
    'express.onboardNotarised': L('[X-ONBOARD] entity types that add notarised and authenticated documents', '[X-ONBOARD] 须补充公证认证文件的主体类型'),
    'express.standardLossCap': L('[X-COMPARE] Standard compensation cap for a lost parcel, USD', '[X-COMPARE] 无忧标准丢件赔付上限（美元）'),
    'express.standardFirstOrderSubsidy': L('[X-COMPARE] Standard first-order subsidy for new merchants, USD', '[X-COMPARE] 无忧标准新商家首单补贴（美元）'),
  } as Record<string, Text>,
  groups: {
    categories: L('[G-REVIEW] category words of this group', '[G-REVIEW] 此品类组的品类词'),
    marks: L('[G-REVIEW] marks this group adds; "A / B" = either', '[G-REVIEW] 此品类组另需的包装标识；“A / B”表示任一'),
    documents: L('[G-REVIEW] documents this group adds; "A / B" = either', '[G-REVIEW] 此品类组另需的资料；“A / B”表示任一'),
  } as Record<string, Text>,
});

const REVIEW_GROUP_KEY = /^gift\.reviewGroups\.[a-z0-9][a-z0-9_-]*\.(categories|marks|documents)$/;

function noteFor(key: string): Text {
  const { keys, groups } = (notes ??= buildNotes());
  return (
    keys[key] ??
    (REVIEW_GROUP_KEY.test(key) ? groups[key.slice(key.lastIndexOf('.') + 1)] : undefined) ??
    (key.startsWith('gift.tiers.') ? L('[G-FEE] countries in this tier', '[G-FEE] 此等级的国家') : key.startsWith('express.docs.') ? L('[X-DOCS] documents this destination needs', '[X-DOCS] 此目的国所需单证') : L('', ''))
  );
}

export const TABLE_HEADER = { en: ['key', 'value', 'note'], zh: ['键', '值', '说明'] } as const;

/** A card as the editable 2-D table (header + one row per value). */
export function cardToTable(card: RateCard, lang: 'en' | 'zh' = 'en'): (string | number)[][] {
  const rows: (string | number)[][] = [[...TABLE_HEADER[lang]]];
  for (const [key, v] of flatten(card)) rows.push([key, Array.isArray(v) ? v.join(', ') : v, noteFor(key)[lang]]);
  return rows;
}

function templateLeaf(key: string, base: RateCard): Leaf | undefined {
  if (/^express\.docs\.[A-Za-z]{2}$/.test(key)) return [];
  // [G-REVIEW] a new category group is three rows gift.reviewGroups.NAME.categories / marks / documents.
  if (REVIEW_GROUP_KEY.test(key)) return [];
  let cur: unknown = base;
  for (const part of key.split('.')) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'object' && cur !== null && !Array.isArray(cur) ? undefined : (cur as Leaf);
}

function setPath(obj: Record<string, unknown>, key: string, value: unknown) {
  const parts = key.split('.');
  let cur = obj;
  // A new [G-REVIEW] group starts empty: the rows the user leaves out of it are empty lists.
  if (REVIEW_GROUP_KEY.test(key)) {
    const groups = (obj.gift as Record<string, Record<string, unknown>>).reviewGroups;
    // Own property only: a group named like an Object method ("constructor") is a new group, never the inherited one.
    if (!Object.prototype.hasOwnProperty.call(groups, parts[2])) groups[parts[2]] = { categories: [], marks: [], documents: [] };
  }
  for (const p of parts.slice(0, -1)) cur = cur[p] as Record<string, unknown>;
  cur[parts[parts.length - 1]] = value;
}

/** Keys holding a fraction 0..1: read like a rate argument (0.95, "95%" or 95 → 0.95) [G-ELIGIBLE] [X-PEN-TIMEOUT] [X-ELIGIBLE]. */
export const RATE_KEYS: ReadonlySet<string> = new Set(['gift.minPositiveRate', 'gift.maxDisputeRate', 'gift.repeatRate', 'express.timeoutRate', 'express.kaFulfilmentRate']);

/** [X-FIRSTSCAN] what people type for "count from payment / upload". */
const FIRST_SCAN_FROM: readonly [RegExp, string][] = [
  [/^(payment|paid|pay|paid at|payment time|付款|支付|付款时间|支付时间|从付款|自付款)$/i, 'payment'],
  [/^(upload|uploaded|upload time|uploaded at|上传|上传时间|从上传|自上传|上传单号)$/i, 'upload'],
];

function parseValue(key: string, tmpl: Leaf, raw: Cell): Leaf | RuleError {
  if (key === 'card.effective') {
    const d = toDate(raw);
    return isRuleError(d) ? d : isoDay(d);
  }
  if (typeof tmpl === 'number') {
    if (isEmpty(raw)) return valueError('needs a number', '需要一个数字');
    return RATE_KEYS.has(key) ? toRate(raw) : toNumber(raw);
  }
  // Excel desktop hands an empty cell of a range as 0: for a text or list value that means empty.
  if (raw === 0) raw = '';
  if (key === 'express.firstScanFrom' && typeof raw === 'string') {
    const s = fold(raw).trim();
    for (const [re, v] of FIRST_SCAN_FROM) if (re.test(s)) return v;
    return s;
  }
  if (typeof tmpl === 'string') return isEmpty(raw) ? '' : toText(raw);
  if (isEmpty(raw)) return [];
  const t = toText(raw);
  if (isRuleError(t)) return t;
  const items = t.split(/[,;，；、\n]+/).map((s) => s.trim()).filter(Boolean);
  if (/^express\.onboard(?:Refused|Notarised)$/.test(key)) {
    // [X-ONBOARD] entity types as ids or as people write them (个体工商户, overseas); unknown ones fail the schema, naming the row.
    return items.map((it) => entityIdOf(it) ?? it);
  }
  if (!isCountryList(key)) return items;
  const codes: string[] = [];
  for (const it of items) {
    const c = countryCode(it);
    if (!c) return valueError(`unknown country ${show(it)}`, `无法识别的国家 ${show(it)}`);
    codes.push(c);
  }
  return codes;
}

/**
 * Read a card from a 2-D table as a user typed it (first column keys, second values).
 * Errors name the row (1-based, as the sheet shows it relative to the table's top).
 */
export function cardFromTable(table: unknown, cards: readonly RateCard[] = BUILTIN_CARDS): RateCard | RuleError {
  if (!Array.isArray(table) || table.length === 0 || !table.every(Array.isArray)) {
    return valueError('rate card must be a range of key / value rows', '费率卡必须是“键 / 值”两列的区域');
  }
  const rows = table as Cell[][];
  const keyRows = new Map<string, number>();
  const values: [string, Cell, number][] = [];
  let repeated: RuleError | undefined;
  for (let i = 0; i < rows.length; i++) {
    const [k, v] = rows[i] ?? []; // a sparse array from Node has holes
    // Excel desktop hands the empty cells of a range as 0: a key cell 0 is an empty row.
    if (isEmpty(k) || k === 0) continue;
    const key = typeof k === 'string' ? k.normalize('NFKC').trim() : typeof k === 'number' || typeof k === 'boolean' ? String(k) : show(k);
    if (i === 0 && (TABLE_HEADER.en as readonly string[]).concat(TABLE_HEADER.zh).includes(key.toLowerCase())) continue;
    if (keyRows.has(key)) {
      repeated ??= valueError(`rate card row ${i + 1} (${key}): repeats row ${keyRows.get(key)}`, `费率卡第 ${i + 1} 行（${key}）：与第 ${keyRows.get(key)} 行重复`);
      continue;
    }
    keyRows.set(key, i + 1);
    values.push([key, v, i + 1]);
  }
  if (values.length === 0) return valueError('rate card range has no key / value rows', '费率卡区域没有“键 / 值”行');
  // Not a card at all (an orders sheet, another table): say so rather than name its first odd row.
  const newest = cards[cards.length - 1];
  if (values.length > 1 && !values.some(([key]) => templateLeaf(key, newest) !== undefined)) {
    const seen = values.slice(0, 3).map(([key]) => show(key));
    return valueError(
      `this range is not a rate card: none of its first-column texts is a rate-card key such as gift.tiers.mature.fee (it starts ${seen.join(', ')}); use a sheet made by Insert rate card`,
      `该区域不是费率卡：第一列没有费率卡的键（如 gift.tiers.mature.fee；开头为 ${seen.join('、')}）；请使用“插入费率卡”生成的工作表`,
    );
  }
  if (repeated) return repeated;
  // The base: the built-in card in force on the user card's effective date (or the newest).
  const effRow = values.find(([k]) => k === 'card.effective');
  let base = cards[cards.length - 1];
  if (effRow) {
    const d = toDate(effRow[1]);
    if (isRuleError(d)) return valueError(`rate card row ${effRow[2]} (card.effective): ${d.en}`, `费率卡第 ${effRow[2]} 行（card.effective）：${d.zh}`);
    const inForce = cardFor(d, cards);
    if (!isRuleError(inForce)) base = inForce;
  }
  // A card is plain JSON data; a JSON copy works in every host (Apps Script has no structuredClone).
  const obj = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const [key, raw, row] of values) {
    const tmpl = templateLeaf(key, base);
    if (tmpl === undefined) {
      return valueError(`rate card row ${row}: ${show(key)} is not a rate-card key (see the built-in card for the keys)`, `费率卡第 ${row} 行：${show(key)} 不是费率卡的键（键名见内置费率卡）`);
    }
    const v = parseValue(key, tmpl, raw);
    if (isRuleError(v)) return valueError(`rate card row ${row} (${key}): ${v.en}`, `费率卡第 ${row} 行（${key}）：${v.zh}`);
    setPath(obj, key, v);
  }
  // [G-FEE] A row that puts a country in a tier MOVES it there: it leaves the tiers the user did not
  // state (inherited from the built-in card). Two of the user's own rows naming one country stay an
  // error (validateCard names the row).
  const tiers = (obj.gift as { tiers: Record<string, { countries: unknown }> }).tiers;
  const stated = TIER_NAMES.filter((t) => keyRows.has(`gift.tiers.${t}.countries`));
  if (stated.length) {
    const moved = new Set<string>();
    for (const t of stated) for (const c of tiers[t].countries as string[]) moved.add(c);
    for (const t of TIER_NAMES) {
      if (stated.includes(t)) continue;
      tiers[t].countries = (tiers[t].countries as string[]).filter((c) => !moved.has(c));
    }
  }
  return validateCard(obj, (key) => keyRows.get(key) ?? keyRows.get(key.split('.').slice(0, -1).join('.')));
}

// The built-in cards pass the same schema as a user's card: checked by the tests and at build time
// (core/builtin-check.ts, scripts/postbuild.mjs), not when the module loads (issue 12).
