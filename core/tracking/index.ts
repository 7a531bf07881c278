/**
 * Tracking numbers [X-FORMAT] (GitHub issue 3): platform-strict validation with a specific reason,
 * cleaning as a separate explicit step, and carrier detection. The carrier table is data (data.ts),
 * validated and compiled once (table.ts); the checksums follow CARRIERS.md exactly (checksums.ts).
 *
 * Policy (README "tracking"):
 * - A number counts only AS TYPED: any character other than A–Z / 0–9 (space, dash, full-width,
 *   lower-case letter…) fails with BAD_CHARACTER, even when TRACK_CLEAN would fix it. So
 *   checkTracking(c, x).valid implies cleanTracking(x) === x.
 * - valid is TRUE only for VALID_CHECKSUM (a passing check digit) or VALID_FORMAT_ONLY (the matching
 *   format has no check digit, e.g. YunExpress YT…, Cainiao LP…). A carrier with no known format
 *   (JCEX) gives NOT_CHECKABLE, which is NOT valid: we say so rather than guess.
 * - DHL: the platform wants exactly 10 digits; the 11-digit waybill and J… piece IDs fail as "DHL".
 */
import { fold, show } from '../coerce';
import { countryLabel } from '../countries';
import { L, type Localized } from '../text';
import { ALNUM36, checkIndex, checksumValues, expectedCheck, verifyCheck, weightedCheck, weightedCheckAt, type WeightedCheck } from './checksums';
import { compileLayouts, compileNotPrefix, charIndex, type Layout } from './layout';
import { UPU_COUNTRIES, isReservedService, s10Service } from './s10';
import { TABLE, aliasKey, type Carrier, type Format, type FormatRef } from './table';

export type TrackCode =
  | 'VALID_CHECKSUM'
  | 'VALID_FORMAT_ONLY'
  | 'NOT_CHECKABLE'
  | 'EMPTY'
  | 'BAD_CHARACTER'
  | 'WRONG_LENGTH'
  | 'WRONG_FORMAT'
  | 'BAD_CHECK_DIGIT'
  | 'UNKNOWN_COUNTRY'
  | 'RESERVED_SERVICE'
  | 'UNSUPPORTED_CARRIER';

export interface TrackResult {
  /** TRUE only for VALID_CHECKSUM or VALID_FORMAT_ONLY (format has no check digit). */
  valid: boolean;
  code: TrackCode;
  /** Empty (both languages) when valid, else a specific bilingual reason. */
  reason: Localized;
  /** Canonical carrier id the carrier argument resolved to (e.g. 'dhl'). */
  carrier?: string;
  /** Id of the matching format (e.g. 'dhl_express'). */
  format?: string;
  /** Extra: information for a valid number (e.g. "format only, no check digit", the S10 service class). */
  note?: Localized;
}

export { TABLE as trackingTable, compileTable as compileCarrierTable, aliasKey as carrierAliasKey } from './table';
export type { Carrier as TrackingCarrier, Format as TrackingFormat, FormatRef as TrackingFormatRef, Table as TrackingTable } from './table';
export { FORMAT_DATA as TRACKING_FORMAT_DATA, CARRIER_DATA as TRACKING_CARRIER_DATA } from './data';
export * as trackingChecksums from './checksums';
export { UPU_COUNTRIES, isReservedService, s10Service } from './s10';

const EMPTY_TEXT = L('', '');
const X = '[X-FORMAT]';

// ── carrier names ──────────────────────────────────────────────────────────────────────────────────

const resolveCache = new Map<string, Carrier | null>();

function carrierOf(name: string): Carrier | undefined {
  let c = resolveCache.get(name);
  if (c === undefined) {
    c = TABLE().byAlias.get(aliasKey(name)) ?? chainMatch(name) ?? brandMatch(name) ?? null;
    if (resolveCache.size < 1000) resolveCache.set(name, c);
  }
  return c ?? undefined;
}

/** ERP routing chains ("CN-DHL>>DHL Express", "US-FedEx>>OSTK-FedEx"): the last hop that names a carrier. */
function chainMatch(name: string): Carrier | undefined {
  if (typeof name !== 'string' || !name.includes('>>')) return undefined;
  const hops = name.split('>>').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const c = TABLE().byAlias.get(aliasKey(hops[i])) ?? brandMatch(hops[i]);
    if (c) return c;
  }
  return undefined;
}

/** Carriers whose aliases are generic words ("Post", "挂号小包", "Registered Air Mail"): a brand in the same name wins over them. */
const GENERIC_CARRIERS = new Set(['upu']);
const ASCII_ALNUM = /[0-9a-z]/;

let aliasList: { key: string; carrier: Carrier; generic: boolean; asciiStart: boolean; asciiEnd: boolean }[] | undefined;
function aliases() {
  if (!aliasList) {
    aliasList = [...TABLE().byAlias].map(([key, carrier]) => ({
      key,
      carrier,
      generic: GENERIC_CARRIERS.has(carrier.id),
      asciiStart: ASCII_ALNUM.test(key[0]),
      asciiEnd: ASCII_ALNUM.test(key[key.length - 1]),
    }));
  }
  return aliasList;
}

/**
 * A carrier named inside a longer service name, as real AliExpress exports write them: "菜鸟无忧物流-标准",
 * "燕文航空挂号小包", "YunExpress Global Direct line", "UPS Expedited", "DHL_ES", "4PX Singapore Post".
 * The name is cut into tokens (spaces, punctuation, and every switch between Latin letters / digits
 * and Chinese); an alias matches where it starts and ends on token edges (an English alias) or
 * anywhere (Chinese). A brand beats a generic word ("挂号小包", "Post"); then the longest alias wins,
 * then the leftmost. Undefined when no alias is found.
 */
function brandMatch(name: string): Carrier | undefined {
  if (typeof name !== 'string') return undefined;
  const parts = name.normalize('NFKC').toLowerCase().split(/[\s\p{P}\p{S}]+/u);
  let key = '';
  const edges = new Set<number>([0]);
  for (const p of parts) {
    if (!p) continue;
    // Latin/digit ↔ other script switches are token edges too ("DHL电商" → dhl | 电商).
    for (const run of p.match(/[0-9a-z]+|[^0-9a-z]+/g) ?? []) {
      edges.add(key.length);
      key += run;
      edges.add(key.length);
    }
  }
  if (!key || key.length > 200) return undefined;
  let best: { carrier: Carrier; generic: boolean; len: number; at: number } | undefined;
  for (const a of aliases()) {
    if (a.key.length > key.length) continue;
    let at = key.indexOf(a.key);
    while (at >= 0) {
      if ((!a.asciiStart || edges.has(at)) && (!a.asciiEnd || edges.has(at + a.key.length))) break;
      at = key.indexOf(a.key, at + 1);
    }
    if (at < 0) continue;
    const better =
      !best ||
      (best.generic && !a.generic) ||
      (best.generic === a.generic && (a.key.length > best.len || (a.key.length === best.len && at < best.at)));
    if (better) best = { carrier: a.carrier, generic: a.generic, len: a.key.length, at };
  }
  return best?.carrier;
}

/**
 * 'DHL', '顺丰', 'China Post', 'aliexpress standard', and service names that contain a carrier's brand
 * ('UPS Expedited', '菜鸟无忧物流-标准', 'DHL_ES') → canonical carrier id (undefined when unknown).
 */
export function resolveCarrier(name: string): string | undefined {
  return typeof name === 'string' ? carrierOf(name)?.id : undefined;
}

/** The main carrier names, as offered in the spreadsheet's list for the carrier argument. */
export function mainCarrierNames(): string[] {
  return TABLE()
    .carriers.filter((c) => c.main)
    .map((c) => c.main as string);
}

/** Display label of a canonical carrier id. */
export function carrierLabel(id: string): Localized | undefined {
  return TABLE().byId.get(id)?.label;
}

// ── cleaning ───────────────────────────────────────────────────────────────────────────────────────

const DASHES = /[-‐‑‒–—―−﹣－_]/;
const STRIP = /[\s\u00a0\u200b-\u200d\u2060\ufeff\u3000\-‐‑‒–—―−﹣－_]+/g;

/** Spaces, dashes and zero-width characters removed, full-width folded (NFKC), upper-cased. */
export function cleanTracking(number: string): string {
  if (typeof number !== 'string') return '';
  return fold(number).replace(STRIP, '').toUpperCase();
}

// ── reasons ────────────────────────────────────────────────────────────────────────────────────────

const fail = (code: TrackCode, carrier: Carrier | undefined, reason: Localized, format?: string): TrackResult => ({
  valid: false,
  code,
  reason,
  carrier: carrier?.id,
  format,
});

/** "China Post: " / "中国邮政：" */
const pre = (c: Carrier) => ({ en: `${c.label.en}: `, zh: `${c.label.zh}：` });
const whoOf = (c: Carrier | undefined) => (c ? pre(c) : { en: '', zh: '' });

function describeChar(ch: string): Localized {
  if (ch === '\u3000') return L('a full-width space', '全角空格');
  if (ch === '\t') return L('a tab', '制表符');
  if (ch === '\n' || ch === '\r') return L('a line break', '换行符');
  if (/\s/.test(ch)) return L('a space', '空格');
  if (DASHES.test(ch)) return L(`a dash "${ch}"`, `连字符“${ch}”`);
  const f = fold(ch);
  if (f !== ch && /^[0-9A-Za-z]$/.test(f)) return L(`the full-width character "${ch}"`, `全角字符“${ch}”`);
  if (/^[a-z]$/.test(ch)) return L(`the lower-case letter "${ch}"`, `小写字母“${ch}”`);
  if (/^[\u200b-\u200d\u2060\ufeff]$/.test(ch)) return L('an invisible zero-width character', '不可见的零宽字符');
  return L(`the character "${ch}"`, `字符“${ch}”`);
}

function lengthsText(ranges: readonly (readonly [number, number])[]): Localized {
  const set = new Set<number>();
  let many = false;
  for (const [a, b] of ranges) {
    if (b - a > 3) many = true;
    for (let n = a; n <= b && set.size < 64; n++) set.add(n);
  }
  const all = [...set].sort((x, y) => x - y);
  if (many || all.length > 6) {
    const lo = all[0];
    const hi = all[all.length - 1];
    return L(`${lo}–${hi}`, `${lo}–${hi}`);
  }
  if (all.length === 1) return L(String(all[0]), String(all[0]));
  return L(`${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`, all.join('、'));
}

const carrierRanges = (c: Carrier) => c.refs.map((r) => [r.format.min, r.format.max] as const);

/** Excel scientific notation typed or pasted as text: 3.31881E+09. */
const SCI_RE = /^[+-]?\d+(?:[.,]\d+)?E\+?\d+$/i;

function lostDigits(c: Carrier | undefined, what: string): TrackResult {
  return fail(
    'WRONG_FORMAT',
    c,
    L(
      `${what} is a number that has lost digits (Excel keeps only 15 significant digits and shows long numbers as 3.31881E+09): format the tracking column as Text and type or paste the number again ${X}`,
      `${what} 是已丢失位数的数字（Excel 只保留 15 位有效数字，长数字会显示成 3.31881E+09）：请把单号列设置为“文本”格式后重新输入或粘贴 ${X}`,
    ),
  );
}

const codePoints = (s: string) => Array.from(s).length;

function badCharacter(c: Carrier, s: string, i: number): TrackResult {
  if (SCI_RE.test(s.trim())) return lostDigits(c, show(s));
  const ch = String.fromCodePoint(s.codePointAt(i) as number);
  const pos = codePoints(s.slice(0, i)) + 1;
  const what = describeChar(ch);
  let more = 0;
  for (const x of Array.from(s.slice(i + ch.length))) if (!/^[0-9A-Z]$/.test(x)) more++;
  const moreT = more ? L(` (and ${more} more)`, `（另有 ${more} 处）`) : EMPTY_TEXT;
  const clean = cleanTracking(s);
  const cleanT =
    clean && clean !== s && /^[0-9A-Z]+$/.test(clean) && clean.length <= 64
      ? L(`; TRACK_CLEAN gives "${clean}"`, `；TRACK_CLEAN 得到“${clean}”`)
      : EMPTY_TEXT;
  if (c.platformDigits) {
    const n = codePoints(s);
    return fail(
      'BAD_CHARACTER',
      c,
      L(
        `${c.label.en.split(' ')[0]} wants exactly ${c.platformDigits} digits; this has ${n} characters including ${what.en} at position ${pos}${moreT.en} ${X}${cleanT.en}`,
        `${c.label.zh.split(' ')[0]} 单号必须正好是 ${c.platformDigits} 位数字；此单号有 ${n} 个字符，第 ${pos} 位是${what.zh}${moreT.zh} ${X}${cleanT.zh}`,
      ),
    );
  }
  const p = pre(c);
  return fail(
    'BAD_CHARACTER',
    c,
    L(
      `${p.en}${what.en} at position ${pos}${moreT.en}: the platform takes the number as typed, capital letters and digits only, no spaces or dashes ${X}${cleanT.en}`,
      `${p.zh}第 ${pos} 位是${what.zh}${moreT.zh}：平台按输入原样校验单号，只能包含大写字母和数字，不能有空格或连字符 ${X}${cleanT.zh}`,
    ),
  );
}

// ── checking ───────────────────────────────────────────────────────────────────────────────────────

/** Valid results are shared objects, one per carrier format (no allocation per valid cell). */
const validCache = new Map<FormatRef, TrackResult>();
function validResult(c: Carrier, r: FormatRef, note?: Localized): TrackResult {
  const f = r.format;
  const code: TrackCode = f.checksum ? 'VALID_CHECKSUM' : 'VALID_FORMAT_ONLY';
  if (note) return { valid: true, code, reason: EMPTY_TEXT, carrier: c.id, format: f.id, note };
  let v = validCache.get(r);
  if (!v) {
    v = Object.freeze({
      valid: true,
      code,
      reason: EMPTY_TEXT,
      carrier: c.id,
      format: f.id,
      note: f.checksum
        ? undefined
        : L(`${f.name.en}: format only, this carrier publishes no check digit`, `${f.name.zh}：仅校验格式，该承运商没有公开校验位`),
    }) as TrackResult;
    validCache.set(r, v);
  }
  return v;
}

/** Format-level verdict for a pattern match: undefined = passes; else the failure. */
/** A match of a format's numbered-group pattern; its parts are read with `part` and the format's group numbers. */
type Parts = RegExpExecArray;
const part = (m: Parts, i: number): string => (i ? (m[i] ?? '') : '');
/** Match a format (numbered groups: exec allocates no groups object); null when the pattern does not fit. */
const matchParts = (f: Format, s: string): Parts | null => f.reN.exec(s);

function formatFailure(c: Carrier | undefined, f: Format, g: Parts, quick = false): TrackResult | undefined {
  if (f.s10) {
    const service = part(g, f.idx.service);
    if (isReservedService(service)) {
      if (quick) return QUICK_FAIL;
      const who = whoOf(c);
      return fail(
        'RESERVED_SERVICE',
        c,
        L(
          `${who.en}service letters ${service} are reserved by the UPU and never issued (S10: J… and K… are not valid) ${X}`,
          `${who.zh}业务代码 ${service} 为万国邮联保留字母，从不签发（S10 标准中 J… 和 K… 无效）${X}`,
        ),
        f.id,
      );
    }
    const country = part(g, f.idx.country);
    if (!UPU_COUNTRIES.has(country)) {
      if (quick) return QUICK_FAIL;
      const who = whoOf(c);
      return fail(
        'UNKNOWN_COUNTRY',
        c,
        L(
          `${who.en}the last two letters ${country} are not the code of a UPU member country (S10 numbers end in the issuing post's country, e.g. CN) ${X}`,
          `${who.zh}末两位字母 ${country} 不是万国邮联成员国代码（S10 单号以发出国代码结尾，如 CN）${X}`,
        ),
        f.id,
      );
    }
  }
  if (f.container && !f.container.includes(part(g, f.idx.container))) {
    if (quick) return QUICK_FAIL;
      const who = whoOf(c);
    return fail(
      'WRONG_FORMAT',
      c,
      L(
        `${who.en}${f.name.en} must start with a container type ${f.container.join(', ')}; this starts with ${part(g, f.idx.container)} ${X}`,
        `${who.zh}${f.name.zh} 必须以箱型代码 ${f.container.join('、')} 开头；此单号以 ${part(g, f.idx.container)} 开头 ${X}`,
      ),
      f.id,
    );
  }
  if (f.checksum) {
    let seq = part(g, f.idx.serial);
    if (f.prepend && f.prepend.re.test(seq)) seq = f.prepend.content + seq;
    const cd = part(g, f.idx.cd);
    if (!verifyCheck(f.checksum, seq, cd)) {
      if (quick) return QUICK_FAIL;
      const who = whoOf(c);
      const want = expectedCheck(f.checksum, seq);
      return fail(
        'BAD_CHECK_DIGIT',
        c,
        L(
          `${who.en}bad check digit for ${f.name.en}: the check digit is ${cd}, expected ${want} (probably a typo or a copy error) ${X}`,
          `${who.zh}${f.name.zh} 校验位错误：校验位是 ${cd}，应为 ${want}（可能输错或复制出错）${X}`,
        ),
        f.id,
      );
    }
  }
  return undefined;
}

/** The carrier-specific constraints of a ref (China Post = S10 ending CN; EMS = E… service). */
function refFailure(c: Carrier, r: FormatRef, g: Parts, quick = false): TrackResult | undefined {
  if (r.countries && !r.countries.has(part(g, r.format.idx.country))) {
    if (quick) return QUICK_FAIL;
    const want = [...r.countries].join('/');
    const from = countryLabel(part(g, r.format.idx.country));
    return fail(
      'WRONG_FORMAT',
      c,
      L(
        `${c.label.en} numbers end in ${want}; this is a UPU number from ${from.en} (use that country's post as the carrier) ${X}`,
        `${c.label.zh}单号以 ${want} 结尾；此单号是${from.zh}的万国邮联单号（请把承运商写成该国邮政）${X}`,
      ),
      r.format.id,
    );
  }
  if (r.service && !r.service.test(part(g, r.format.idx.service))) {
    if (quick) return QUICK_FAIL;
    return fail(
      'WRONG_FORMAT',
      c,
      L(
        `${c.label.en} numbers start with E (EMS service); this starts with ${part(g, r.format.idx.service)}, another China Post service: use "China Post" as the carrier ${X}`,
        `${c.label.zh}单号以 E 开头（EMS 业务）；此单号以 ${part(g, r.format.idx.service)} 开头，属于中国邮政其他业务：承运商请写“中国邮政” ${X}`,
      ),
      r.format.id,
    );
  }
  return undefined;
}


/** Returned instead of a reason when only the verdict is wanted (TRACK_VALID over a million rows). */
const QUICK_FAIL: TrackResult = Object.freeze({ valid: false, code: 'WRONG_FORMAT', reason: EMPTY_TEXT }) as TrackResult;

function checkWith(c: Carrier, s: string, quick = false): TrackResult {
  const n = s.length;
  // 1. Characters as typed [X-FORMAT].
  let allDigits = true;
  let blank = true;
  for (let i = 0; i < n; i++) {
    const k = s.charCodeAt(i);
    if (k >= 48 && k <= 57) {
      blank = false;
      continue;
    }
    if (k >= 65 && k <= 90) {
      allDigits = false;
      blank = false;
      continue;
    }
    if (quick) return QUICK_FAIL;
    if (blank) {
      // Leading whitespace only: keep looking for a non-blank character.
      let j = i;
      while (j < n && /\s/.test(s[j])) j++;
      if (j === n) return fail('EMPTY', c, L(`${c.label.en}: no tracking number (the cell is empty)`, `${c.label.zh}：没有物流单号（单元格为空）`));
    }
    return badCharacter(c, s, i);
  }
  if (quick && (n === 0 || c.refs.length === 0)) return QUICK_FAIL;
  if (n === 0) return fail('EMPTY', c, L(`${c.label.en}: no tracking number (the cell is empty)`, `${c.label.zh}：没有物流单号（单元格为空）`));
  if (c.refs.length === 0) {
    return fail(
      'NOT_CHECKABLE',
      c,
      L(
        `${c.label.en} publishes no tracking-number format, so this number cannot be checked (not counted as valid); confirm it on ${c.label.en}'s own tracking page`,
        `${c.label.zh}没有公开的单号格式，无法校验此单号（不计为有效）；请在${c.label.zh}官网查询确认`,
      ),
    );
  }
  // 2. The platform rule for the carrier (DHL: exactly 10 digits) [X-FORMAT].
  if (c.platformDigits && (n !== c.platformDigits || !allDigits)) {
    if (quick) return QUICK_FAIL;
    const name = c.label.en.split(' ')[0];
    const nameZh = c.label.zh.split(' ')[0];
    let hint = EMPTY_TEXT;
    for (const r of c.refs) {
      const m = matchParts(r.format, s);
      if (m && !formatFailure(c, r.format, m)) {
        hint = L(` (it looks like a ${r.format.name.en}; the platform needs the ${c.platformDigits}-digit waybill number)`, `（看起来是${r.format.name.zh}；平台需要 ${c.platformDigits} 位运单号）`);
        break;
      }
    }
    if (n !== c.platformDigits) {
      return fail(
        'WRONG_LENGTH',
        c,
        L(`${name} wants exactly ${c.platformDigits} digits; this has ${n}${hint.en} ${X}`, `${nameZh} 单号必须正好是 ${c.platformDigits} 位数字；此单号为 ${n} 位${hint.zh} ${X}`),
      );
    }
    let i = 0;
    while (i < n && s.charCodeAt(i) <= 57) i++;
    return fail(
      'WRONG_FORMAT',
      c,
      L(
        `${name} wants exactly ${c.platformDigits} digits; this has the letter ${s[i]} at position ${i + 1}${hint.en} ${X}`,
        `${nameZh} 单号必须正好是 ${c.platformDigits} 位数字；第 ${i + 1} 位是字母 ${s[i]}${hint.zh} ${X}`,
      ),
    );
  }
  // 3. The carrier's formats, in table order: the first that passes wins; else the first failure of a matching pattern.
  let firstFailure: TrackResult | undefined;
  for (let k = 0; k < c.refs.length; k++) {
    const r = c.refs[k];
    const f = r.format;
    if (n < f.min || n > f.max) continue;
    const g = matchParts(f, s);
    if (g === null) continue;
    const bad = formatFailure(c, f, g, quick) ?? refFailure(c, r, g, quick);
    if (!bad) {
      if (quick) return validResult(c, r);
      const svc = f.s10 ? s10Service(part(g, f.idx.service)) : undefined;
      return validResult(c, r, svc ? L(`UPU S10, ${svc.en}, from ${countryLabel(part(g, f.idx.country)).en}`, `万国邮联 S10，${svc.zh}，发自${countryLabel(part(g, f.idx.country)).zh}`) : undefined);
    }
    firstFailure ??= bad;
  }
  if (firstFailure) return firstFailure;
  if (quick) return QUICK_FAIL;
  // 4. No pattern fits: wrong length, or the right length in the wrong shape.
  const ranges = carrierRanges(c);
  const p = pre(c);
  if (!ranges.some(([a, b]) => n >= a && n <= b)) {
    const lens = lengthsText(ranges);
    return fail(
      'WRONG_LENGTH',
      c,
      L(`${p.en}numbers have ${lens.en} characters; this has ${n} ${X}`, `${p.zh}单号应为 ${lens.zh} 位；此单号为 ${n} 位 ${X}`),
    );
  }
  const shapes = c.refs.filter((r, i, a) => a.findIndex((x) => x.format === r.format) === i).map((r) => r.format.shape);
  const shown = shapes.slice(0, 4);
  const etc = shapes.length > 4 ? L(' or …', ' 或 …') : EMPTY_TEXT;
  return fail(
    'WRONG_FORMAT',
    c,
    L(
      `${p.en}${show(s)} fits none of its formats: ${shown.map((x) => x.en).join(' or ')}${etc.en} ${X}`,
      `${p.zh}${show(s)} 不符合任何格式：${shown.map((x) => x.zh).join(' 或 ')}${etc.zh} ${X}`,
    ),
  );
}

function unsupported(name: unknown): TrackResult {
  const list = mainCarrierNames().join(', ');
  return fail(
    'UNSUPPORTED_CARRIER',
    undefined,
    L(
      `unsupported carrier ${show(name)}: use one of ${list} (or a Chinese name such as 顺丰, 燕文, 云途, 菜鸟, 中国邮政)`,
      `不支持的承运商 ${show(name)}：请使用 ${list}（或中文名，如 顺丰、燕文、云途、菜鸟、中国邮政）`,
    ),
  );
}

/** Check a tracking number AS TYPED against a carrier's platform rule, format and check digit [X-FORMAT]. */
export function checkTracking(carrier: string, number: string): TrackResult {
  const c = typeof carrier === 'string' ? carrierOf(carrier) : undefined;
  if (!c) return unsupported(carrier);
  return checkCell(c, number);
}

function checkCell(c: Carrier, x: unknown): TrackResult {
  if (typeof x === 'string') return checkWith(c, x);
  if (x === null || x === undefined) return checkWith(c, '');
  if (typeof x === 'number') {
    // An Excel number cell: read an exact integer as its digits; anything Excel may have rounded is a reason.
    if (!Number.isFinite(x) || !Number.isInteger(x) || x < 0 || x >= 1e15) return lostDigits(c, String(x));
    const r = checkWith(c, String(x));
    if (r.valid || x < 1e9) return r;
    return {
      ...r,
      reason: L(
        `${r.reason.en} (the cell is a number: if Excel shows it like 3.31881E+09, digits may be lost; format the column as Text)`,
        `${r.reason.zh}（该单元格是数字：如果 Excel 显示为 3.31881E+09 之类，位数可能已丢失；请把该列设置为“文本”格式）`,
      ),
    };
  }
  const what = typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : x instanceof Date ? 'a date' : show(x);
  const whatZh = typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : x instanceof Date ? '日期' : show(x);
  return fail('WRONG_FORMAT', c, L(`${c.label.en}: not a tracking number (got ${what}) ${X}`, `${c.label.zh}：不是物流单号（得到 ${whatZh}）${X}`));
}

/**
 * checkTracking for a raw spreadsheet cell: text as typed, an Excel number read as its digits (or a
 * reason when Excel may have rounded it), empty cells, booleans and dates handled. Never throws.
 */
export function checkTrackingCell(carrier: unknown, number: unknown): TrackResult {
  const c = typeof carrier === 'string' ? carrierOf(carrier) : typeof carrier === 'number' ? carrierOf(String(carrier)) : undefined;
  if (!c) return unsupported(carrier);
  return checkCell(c, number);
}

/** A verdict for a raw cell pair, with `valid` judging a typed number for a resolved carrier. */
function verdict(carrier: unknown, number: unknown, valid: (c: Carrier, s: string) => boolean): boolean {
  const c = typeof carrier === 'string' ? carrierOf(carrier) : typeof carrier === 'number' ? carrierOf(String(carrier)) : undefined;
  if (!c) return false;
  if (typeof number === 'string') return valid(c, number);
  if (typeof number === 'number') return Number.isInteger(number) && number >= 0 && number < 1e15 && valid(c, String(number));
  return false;
}

/**
 * Only the verdict of checkTrackingCell (what TRACK_VALID returns), without building a reason: the
 * same checks, stopping at the first failure. Equal to checkTrackingCell(carrier, number).valid.
 */
export const isValidTrackingCell = (carrier: unknown, number: unknown): boolean => verdict(carrier, number, quickValid);

/** The verdict from the pattern checks TRACK_WHY runs, no reason built (checkWith's quick mode). */
const patternValid = (c: Carrier, s: string): boolean => checkWith(c, s, true).valid;

/** isValidTrackingCell by the pattern checks instead of the offsets below (what the Sheets build runs). */
export const isValidByPattern = (carrier: unknown, number: unknown): boolean => verdict(carrier, number, patternValid);

/**
 * Build switch, set only by the Sheets server library (webpack/sheets.config.js, DefinePlugin): there
 * TRACK_VALID's verdict comes from the pattern checks (patternValid) and the offset machinery below,
 * about 10 KB, is left out of the script Sheets loads for every formula cell (issue 12). It pays off
 * over hundreds of thousands of rows (npm run bench: tracking), more than one Sheets custom-function
 * call is handed in its 30 seconds. Same verdicts either way (test/tracking/fast-path.test.ts).
 */
declare const AE_VERDICT_BY_PATTERN: boolean | undefined;
const BY_PATTERN = typeof AE_VERDICT_BY_PATTERN !== 'undefined' && AE_VERDICT_BY_PATTERN === true;

// ── the verdict alone, by offsets (TRACK_VALID over a million rows) ───────────────────────────────

/** Where a layout keeps each group (two entries each): serial, cd, service, country, container. */
const SERIAL = 0;
const CD = 2;
const SERVICE = 4;
const COUNTRY = 6;
const CONTAINER = 8;

const sub = (s: string, at: Int32Array, k: number): string => (at[k] < 0 ? '' : s.slice(at[k], at[k + 1]));

/** A set of two-character codes (countries) as a 36 × 36 table over 0-9A-Z, for reading by offsets. */
function pairTable(set: ReadonlySet<string>): Uint8Array {
  const t = new Uint8Array(36 * 36);
  for (const code of set) {
    if (code.length !== 2) continue;
    const a = charIndex(code.charCodeAt(0));
    const b = charIndex(code.charCodeAt(1));
    if (a < 36 && b < 36) t[a * 36 + b] = 1;
  }
  return t;
}
/** Is the group at[k] of s in the set? By the pair table when the group is two characters. */
function groupIn(set: ReadonlySet<string>, table: Uint8Array, s: string, at: Int32Array, k: number): boolean {
  const a = at[k];
  if (a >= 0 && at[k + 1] - a === 2) {
    const x = charIndex(s.charCodeAt(a));
    const y = charIndex(s.charCodeAt(a + 1));
    return x < 36 && y < 36 && table[x * 36 + y] === 1;
  }
  return set.has(sub(s, at, k));
}
let upuTable: Uint8Array | undefined;

/**
 * Ref r of carrier c as a checker for numbers made of 0-9 / A-Z (one class for every ref, so the hot
 * call stays monomorphic): the same verdict as matching r's pattern and finding no formatFailure /
 * refFailure, read by offsets from the format's layout for the number's length; the regex match
 * only where the layout cannot say.
 */
class RefChecker {
  private readonly f: Format;
  /** By length: what to check, resolved once (null: no way of the pattern has that length; undefined: the regex match decides). */
  private readonly plans: (LengthPlan | null | undefined)[] = [];
  private readonly upu: Uint8Array | undefined;
  private readonly countries: ReadonlySet<string> | undefined;
  private readonly countryTable: Uint8Array | undefined;
  /** Character values of the checksum (a digit's value is its digit in every algorithm). */
  private readonly values: Int32Array;
  private readonly prependTest: ((s: string, a: number, b: number) => boolean) | undefined;
  constructor(
    private readonly c: Carrier,
    private readonly r: FormatRef,
  ) {
    const f = (this.f = r.format);
    const { serial, cd, service, country, container } = f.idx;
    const layouts = compileLayouts(f.pattern, f.max, [serial, cd, service, country, container].map((g) => g || -1));
    if (layouts) this.plans = layouts.map((l, n) => (l ? lengthPlan(f, l, n) : l));
    this.upu = f.s10 ? (upuTable ??= pairTable(UPU_COUNTRIES)) : undefined;
    this.countries = r.countries;
    this.countryTable = r.countries ? pairTable(r.countries) : undefined;
    this.values = checksumValues(f.checksum);
    const prepend = f.prepend;
    // prepend_if by position where its shape allows (no substring, no regex), else the regex on the serial.
    this.prependTest = prepend ? (compileNotPrefix(prepend.re.source) ?? ((s: string, a: number, b: number) => prepend.re.test(a < 0 ? '' : s.slice(a, b)))) : undefined;
  }
  private slow(s: string): boolean {
    const g = matchParts(this.f, s);
    return g !== null && !formatFailure(this.c, this.f, g, true) && !refFailure(this.c, this.r, g, true);
  }
  /** Can a number of n characters pass? (Its length is in the format's range and some way of the pattern reaches it.) */
  takes(n: number): boolean {
    return n >= this.f.min && n <= this.f.max && this.plans[n] !== null;
  }
  /** The characters a number of n characters (a length it takes) may hold, checked by its position masks: 2 digits only, 1 0-9A-Z, 0 not checked. */
  masked(n: number): number {
    const p = this.plans[n];
    return p?.runs === undefined ? 0 : p.digitsOnly ? 2 : 1;
  }
  /**
   * Does s (n characters of 0-9A-Z, a length the ref takes) pass the ref? The verdict of matching
   * its pattern and finding no formatFailure / refFailure, read by offsets; the regex where no
   * layout says. Where the layout has runs, the check digit's sum is taken in the same pass as the shape.
   */
  passes(s: string, n: number): boolean {
    const f = this.f;
    const p = this.plans[n];
    if (!p) return this.slow(s);
    let total = -1;
    if (p.runs !== undefined) {
      total = scanRuns(p.runs, p.mask, p.weights, this.values, s);
      if (total < 0) return false;
    } else if (!f.reN.test(s)) return false;
    const at = p.at;
    if (this.upu !== undefined) {
      if (at[SERVICE] >= 0 && at[SERVICE + 1] > at[SERVICE]) {
        if (isReservedService(s[at[SERVICE]])) return false;
      }
      if (!groupIn(UPU_COUNTRIES, this.upu, s, at, COUNTRY)) return false;
    }
    if (f.container && !f.container.includes(sub(s, at, CONTAINER))) return false;
    if (f.checksum !== undefined) {
      if (at[CD] < 0 || at[CD + 1] - at[CD] !== 1) return false;
      const prepended = this.prependTest !== undefined && this.prependTest(s, at[SERIAL], at[SERIAL + 1]);
      const sum = prepended ? p.sumPrepended : p.sum;
      let want: number;
      if (sum === undefined) want = ALNUM36.charCodeAt(checkIndex(f.checksum, (prepended ? f.prepend!.content : '') + sub(s, at, SERIAL)));
      else if (!prepended && total >= 0) want = sum.check[total];
      else want = weightedCheckAt(sum, s, at[SERIAL]);
      if (want !== s.charCodeAt(at[CD])) return false;
    }
    if (this.countries !== undefined && !groupIn(this.countries, this.countryTable!, s, at, COUNTRY)) return false;
    if (this.r.service && !this.r.service.test(sub(s, at, SERVICE))) return false;
    return true;
  }
}

/** What a format checks in numbers of one length, all that does not depend on the number resolved once (one shape for every plan). */
interface LengthPlan {
  readonly at: Int32Array;
  /** The shape by runs and position mask (see Layout); undefined: the format's regex tests it. */
  readonly runs: Int32Array | undefined;
  readonly mask: Uint8Array;
  /** Does the mask allow digits only? */
  readonly digitsOnly: boolean;
  /** The check digit as a weighted sum of the serial, without and with prepend_if's content (undefined: checkIndex on the serial). */
  readonly sum: WeightedCheck | undefined;
  readonly sumPrepended: WeightedCheck | undefined;
  /** sum's weights at the serial's offsets in the whole number (zeros without a sum), read while the shape is scanned. */
  readonly weights: Int32Array;
}

function lengthPlan(f: Format, l: Layout, n: number): LengthPlan {
  const from = l.at[SERIAL];
  const serialLength = from < 0 ? 0 : l.at[SERIAL + 1] - from;
  const sum = f.checksum ? weightedCheck(f.checksum, serialLength) : undefined;
  const weights = new Int32Array(n);
  if (sum) weights.set(sum.weights, Math.max(from, 0));
  let digitsOnly = l.mask !== undefined;
  for (let i = 0; digitsOnly && i < n; i++) for (let k = 10; k < 37; k++) if (l.mask![i * 37 + k] !== 0) digitsOnly = false;
  return {
    at: l.at,
    runs: l.runs,
    mask: l.mask ?? new Uint8Array(0),
    digitsOnly,
    sum,
    sumPrepended: f.checksum && f.prepend ? weightedCheck(f.checksum, serialLength, f.prepend.content) : undefined,
    weights,
  };
}

/**
 * The shape check of a layout by runs (digits, letters, one character, 0-9A-Z, else the position mask) and,
 * in the same pass, Σ values[char] · weights[position] (the check digit's weighted sum): -1 when the
 * shape does not fit, else the sum. A digit's value is the same in every algorithm (its digit).
 */
function scanRuns(runs: Int32Array, mask: Uint8Array, weights: Int32Array, values: Int32Array, s: string): number {
  let t = 0;
  for (let r = 0; r < runs.length; r += 3) {
    const kind = runs[r];
    const end = runs[r + 2];
    if (kind === 0) {
      for (let i = runs[r + 1]; i < end; i++) {
        const k = s.charCodeAt(i) - 48;
        if (k < 0 || k > 9) return -1;
        t += k * weights[i];
      }
    } else if (kind === 2) {
      const k = s.charCodeAt(end - 1);
      if (k !== runs[r + 1]) return -1;
      t += values[k] * weights[end - 1];
    } else if (kind === 1) {
      for (let i = runs[r + 1]; i < end; i++) {
        const k = s.charCodeAt(i);
        if (k < 65 || k > 90) return -1;
        t += values[k] * weights[i];
      }
    } else if (kind === 4) {
      for (let i = runs[r + 1]; i < end; i++) {
        const k = s.charCodeAt(i);
        if (k < 48 || k > 90 || (k > 57 && k < 65)) return -1;
        t += values[k] * weights[i];
      }
    } else {
      for (let i = runs[r + 1]; i < end; i++) {
        const k = s.charCodeAt(i);
        if (mask[i * 37 + charIndex(k)] === 0) return -1;
        t += values[k] * weights[i];
      }
    }
  }
  return t;
}

/** checkWith(c, s, true).valid, compiled once per carrier: no match array or substrings for the common formats. */
function compileQuick(c: Carrier): (s: string) => boolean {
  const refs = c.refs.map((r) => new RefChecker(c, r));
  const digits = c.platformDigits ?? 0;
  const max = Math.max(0, ...c.refs.map((r) => r.format.max));
  // For each length, the refs that can take it, in table order (the first that passes wins).
  const byLength: RefChecker[][] = [];
  // By length, the characters every ref that takes the length checks by position (2 digits only,
  // 1 0-9A-Z, 0 some ref does not): there the separate character scan is skipped, as the masks
  // reject any other character.
  const byMask = new Uint8Array(max + 1);
  for (let n = 0; n <= max; n++) {
    byLength[n] = refs.filter((r) => r.takes(n));
    byMask[n] = Math.min(2, ...byLength[n].map((r) => r.masked(n)));
  }
  return (s) => {
    const n = s.length;
    if (n === 0 || n > max) return false;
    if (digits !== 0) {
      // The platform rule (DHL: exactly 10 digits) [X-FORMAT].
      if (n !== digits) return false;
      if (byMask[n] !== 2) {
        for (let i = 0; i < n; i++) {
          const k = s.charCodeAt(i);
          if (k < 48 || k > 57) return false;
        }
      }
    } else if (byMask[n] === 0) {
      for (let i = 0; i < n; i++) {
        const k = s.charCodeAt(i);
        if (!((k >= 48 && k <= 57) || (k >= 65 && k <= 90))) return false;
      }
    }
    const candidates = byLength[n];
    for (let k = 0; k < candidates.length; k++) if (candidates[k].passes(s, n)) return true;
    return false;
  };
}
const quickCache = new Map<Carrier, (s: string) => boolean>();
function quickOf(c: Carrier): (s: string) => boolean {
  let q = quickCache.get(c);
  if (!q) quickCache.set(c, (q = BY_PATTERN ? (s) => patternValid(c, s) : compileQuick(c)));
  return q;
}
const quickValid = (c: Carrier, s: string): boolean => quickOf(c)(s);

/**
 * A TRACK_VALID cell reader for one range call: the carrier text is resolved once per distinct text
 * in a row of equal names (the common column of one carrier), the number checked by offsets.
 * Returns undefined where the general path must answer (not two non-blank texts).
 */
export function trackValidReader(): (carrier: unknown, number: unknown) => boolean | undefined {
  // The carrier texts met in this range (a handful), compared by identity first: a column repeats
  // the same few strings.
  const names: string[] = [];
  const checks: (((s: string) => boolean) | null)[] = [];
  let lastName: string | undefined;
  let last: ((s: string) => boolean) | null = null;
  return (carrier, number) => {
    if (typeof carrier !== 'string' || typeof number !== 'string') return undefined;
    if (carrier !== lastName) {
      let j = names.indexOf(carrier);
      if (j < 0) {
        const k = carrier.length ? carrier.charCodeAt(0) : 0;
        // Blank or space-led names take the general path (the carrier argument's "required" error).
        if (!(k > 0x20 && k !== 0x7f && !(k >= 0x80 && /^\s/.test(carrier)))) return undefined;
        const c = carrierOf(carrier);
        if (names.length >= 16) {
          names.length = 0;
          checks.length = 0;
        }
        j = names.push(carrier) - 1;
        checks.push(c ? quickOf(c) : null);
      }
      lastName = carrier;
      last = checks[j];
    }
    return last !== null && last(number);
  };
}

// ── detection ──────────────────────────────────────────────────────────────────────────────────────

export interface DetectedCarrier {
  carrier: string;
  label: Localized;
  format: string;
  /** TRUE when the number passed the format's check digit (FALSE: the format has none). */
  checksum: boolean;
}

let detectRefs: Map<Format, { carrier: Carrier; ref: FormatRef }[]> | undefined;
function refsByFormat() {
  if (!detectRefs) {
    detectRefs = new Map();
    for (const c of TABLE().carriers) {
      for (const ref of c.refs) {
        if (ref.detect === 'no') continue;
        let a = detectRefs.get(ref.format);
        if (!a) detectRefs.set(ref.format, (a = []));
        a.push({ carrier: c, ref });
      }
    }
  }
  return detectRefs;
}

/**
 * Every carrier whose format the number fits, most likely first: a passing check digit above a bare
 * pattern, a verified format above a folk one, a more specific carrier (EMS: E…CN) above a general one.
 * Identification, not validation: the number is cleaned first (TRACK_VALID stays strict).
 */
export function detectCarriers(number: string): DetectedCarrier[] {
  const s = cleanTracking(typeof number === 'string' ? number : '');
  if (!s || s.length > 64 || !/^[0-9A-Z]+$/.test(s)) return [];
  const found: { d: DetectedCarrier; score: number; order: number }[] = [];
  const seen = new Set<string>();
  let order = 0;
  for (const [f, owners] of refsByFormat()) {
    if (s.length < f.min || s.length > f.max) continue;
    const g = matchParts(f, s);
    if (!g) continue;
    if (formatFailure(undefined, f, g, true)) continue;
    const fits = owners.filter((o) => o.ref.detect !== 'fallback' && !refFailure(o.carrier, o.ref, g, true));
    const chosen = fits.length ? fits : owners.filter((o) => o.ref.detect === 'fallback');
    for (const o of chosen) {
      if (seen.has(o.carrier.id)) continue;
      seen.add(o.carrier.id);
      const score = (f.checksum ? 4 : 0) + (f.verified ? 2 : 0) + (o.ref.service ? 1 : 0);
      const label = o.ref.detect === 'fallback' && part(g, f.idx.country) ? L(`${o.carrier.label.en} (${countryLabel(part(g, f.idx.country)).en})`, `${o.carrier.label.zh}（${countryLabel(part(g, f.idx.country)).zh}）`) : o.carrier.label;
      found.push({ d: { carrier: o.carrier.id, label, format: f.id, checksum: Boolean(f.checksum) }, score, order: order++ });
    }
  }
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  return found.map((x) => x.d);
}

/** Format-level check of one format id (ignores the platform rule); undefined when the id is unknown. */
export function checkFormat(formatId: string, number: string): TrackResult | undefined {
  const f = TABLE().formats.get(formatId);
  if (!f) return undefined;
  const m = typeof number === 'string' ? matchParts(f, number) : null;
  if (!m) return fail('WRONG_FORMAT', undefined, L(`does not fit ${f.name.en}: ${f.shape.en}`, `不符合${f.name.zh}：${f.shape.zh}`), f.id);
  const bad = formatFailure(undefined, f, m);
  return bad ?? { valid: true, code: f.checksum ? 'VALID_CHECKSUM' : 'VALID_FORMAT_ONLY', reason: EMPTY_TEXT, format: f.id };
}
