/**
 * [X-ONBOARD] Seller entity types as people write them, in English and Chinese ("企业", "个体工商户",
 * "Hong Kong company", "境外公司"). The rate card says which types are refused and which must add
 * notarised and authenticated documents (express.onboardRefused / onboardNotarised); this module
 * only reads the words.
 */
import { countryCode } from './countries';
import { L, type Localized } from './text';

export const ENTITY_IDS = ['company', 'sole_proprietor', 'hk_macao_taiwan', 'overseas'] as const;
export type EntityId = (typeof ENTITY_IDS)[number];

interface EntityDef {
  id: EntityId;
  label: Localized;
  /** Tested against the folded, lower-cased text. */
  patterns: RegExp[];
}

/** "not a sole proprietor", "非个体": a negation right before the words of a type. */
const NEGATED_BEFORE = /(?:\bnot\s+(?:an?\s+)?|\bnon[\s-]?|非|不是|并非)$/;

export const ENTITIES: readonly EntityDef[] = [
  {
    id: 'sole_proprietor',
    label: L('sole proprietorship', '个体工商户'),
    patterns: [
      /\bsole[\s-]*(?:proprietor(?:ship)?s?|trader|owner)\b|\bself[\s-]*employed\b|\bindividual(?:\s+(?:business|seller|merchant|proprietor))?\b|\bpersonal\b/,
      /个体工商户|个体户|个体经营|个体|个人独资|个人卖家|个人商家|个人/,
    ],
  },
  {
    id: 'hk_macao_taiwan',
    label: L('Hong Kong, Macao or Taiwan entity', '港澳台主体'),
    patterns: [/\bhong\s*kong\b|\bhk\b|\bmaca[ou]\b|\btaiwan(?:ese)?\b|\bhkmt\b/, /港澳台|香港|澳门|澳門|台湾|臺灣|台灣/],
  },
  {
    id: 'overseas',
    label: L('overseas entity', '境外主体'),
    patterns: [/\boverseas\b|\bforeign\b|\boffshore\b|\babroad\b|\bnon[\s-]*(?:chinese|mainland|resident)\b/, /境外|海外|外国|国外|外资/],
  },
  {
    id: 'company',
    label: L('company', '企业'),
    patterns: [
      /\bcompany\b|\benterprise\b|\bcorporat(?:e|ion)\b|\bco\.?,?\s*ltd\b|\bltd\b|\blimited\b|\bllc\b|\binc\b|\bgmbh\b|\bpartnership\b|\bfirm\b|\bbusiness\b|\bmainland\b/,
      /企业|公司|有限|股份|合伙|法人|集团|大陆|内地|工厂|厂/,
    ],
  },
];

const BY_ID = new Map(ENTITIES.map((e) => [e.id, e] as const));
export const entityLabel = (id: EntityId): Localized => BY_ID.get(id)!.label;

/** 'yes' when a match of p in s is not negated, 'negated' when every match is, 'no' without a match. */
function affirmed(p: RegExp, s: string): 'yes' | 'negated' | 'no' {
  const g = new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`);
  let seen = false;
  for (let m = g.exec(s); m; m = g.exec(s)) {
    seen = true;
    if (!NEGATED_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index))) return 'yes';
    if (m[0].length === 0) g.lastIndex++;
  }
  return seen ? 'negated' : 'no';
}

/**
 * The entity types a text names ("香港公司" → hk_macao_taiwan and company; "个体工商户" →
 * sole_proprietor). Empty when the text names none. A negated type ("非个体", "not a sole
 * proprietor") is not named; a text that only says "not a sole proprietor" names a company.
 */
export function entityTypesOf(text: string): EntityId[] {
  const s = text.normalize('NFKC').toLowerCase().trim();
  const out: EntityId[] = [];
  let notSole = false;
  for (const e of ENTITIES) {
    const r = e.patterns.map((p) => affirmed(p, s));
    if (r.includes('yes')) out.push(e.id);
    else if (e.id === 'sole_proprietor' && r.includes('negated')) notSole = true;
  }
  // "非个体工商户" / "not a sole proprietor" and nothing else: a business that is not a sole proprietorship.
  if (!out.length && notSole) out.push('company');
  // "美国公司", "US company", "德国 GmbH": the place is a country other than China.
  if (!out.includes('overseas') && !out.includes('hk_macao_taiwan')) {
    const place = placeOf(s);
    // In ENTITIES order (before company), as the other types are listed.
    if (place) out.splice(out[out.length - 1] === 'company' ? out.length - 1 : out.length, 0, place);
  }
  return out;
}

/**
 * What a text says besides the words of the types, read as a country: HK / MO / TW →
 * hk_macao_taiwan, any other country but China → overseas; undefined when the rest is not exactly a
 * country ("深圳某某科技" is not, "美国" and "USA" are).
 */
function placeOf(s: string): EntityId | undefined {
  let rest = s;
  for (const e of ENTITIES) for (const p of e.patterns) rest = rest.replace(new RegExp(p.source, 'g'), ' ');
  rest = rest.replace(/[\s\p{P}]+/gu, ' ').trim();
  if (!rest || rest.length > 40) return undefined;
  const code = countryCode(rest);
  if (!code || code === 'CN') return undefined;
  return code === 'HK' || code === 'MO' || code === 'TW' ? 'hk_macao_taiwan' : 'overseas';
}

/** One entity id for a rate-card list item: the id itself, or the words of one type ("个体工商户"). */
export function entityIdOf(text: string): EntityId | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((ENTITY_IDS as readonly string[]).includes(t)) return t as EntityId;
  const ids = entityTypesOf(text);
  return ids.length === 1 ? ids[0] : ids.find((x) => x !== 'company');
}
