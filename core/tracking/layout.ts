/**
 * Fixed-width layouts of the carrier table's patterns (issue 12: TRACK_VALID near the floor). A
 * format's pattern is read once into the positions it can take; for every length of number, when all
 * ways the pattern can reach that length put the groups the checks read (serial, cd, service,
 * country, container) at the same offsets, the checks read them by offset instead of from a regex
 * match (no match array, no substrings). When exactly one way exists and the pattern has no
 * look-ahead, the shape itself is checked by position (a class per position, no regex at all).
 *
 * Only the subset of regex syntax the table uses is understood (literals, classes, \d, groups,
 * alternation, ?, {n}, {n,m}, look-aheads); anything else gives no layout and the caller keeps the
 * regex. A class is a mask over 0-9 and A-Z: the verdict only counts numbers made of those characters,
 * so a mask check also rejects every other character.
 */

type Mask = Uint8Array; // 36 entries: 0-9 then A-Z
type Node =
  | { t: 'set'; mask: Mask }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; no: number; body: Node }
  | { t: 'look'; body: Node }
  | { t: 'rep'; min: number; max: number; body: Node };

class Unsupported extends Error {}

/** Index of a character in 0-9A-Z, 36 for any other. */
export const charIndex = (k: number): number => (k >= 48 && k <= 57 ? k - 48 : k >= 65 && k <= 90 ? k - 55 : 36);

function maskOf(pred: (ch: string) => boolean): Mask {
  const m = new Uint8Array(36);
  for (let i = 0; i < 36; i++) if (pred('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i])) m[i] = 1;
  return m;
}

function parse(src: string): { node: Node; look: boolean } {
  let i = 0;
  let group = 0;
  let look = false;
  const peek = () => src[i];
  function alt(): Node {
    const alts = [seq()];
    while (peek() === '|') {
      i++;
      alts.push(seq());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  }
  function seq(): Node {
    const items: Node[] = [];
    while (i < src.length && peek() !== '|' && peek() !== ')') items.push(quant(atom()));
    return { t: 'seq', items };
  }
  function atom(): Node {
    const ch = src[i++];
    if (ch === '(') {
      let node: Node;
      if (src.startsWith('?:', i)) {
        i += 2;
        node = alt();
      } else if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
        i += 2;
        look = true;
        const before = group;
        node = { t: 'look', body: alt() };
        if (group !== before) throw new Unsupported('capture in a look-ahead');
      } else if (src.startsWith('?<', i) && src[i + 2] !== '=' && src[i + 2] !== '!') {
        const end = src.indexOf('>', i);
        if (end < 0) throw new Unsupported('group name');
        i = end + 1;
        const no = ++group;
        node = { t: 'group', no, body: alt() };
      } else if (src[i] === '?') {
        throw new Unsupported('group kind');
      } else {
        const no = ++group;
        node = { t: 'group', no, body: alt() };
      }
      if (src[i++] !== ')') throw new Unsupported('unbalanced group');
      return node;
    }
    if (ch === '[') {
      let neg = false;
      if (src[i] === '^') {
        neg = true;
        i++;
      }
      const parts: ((c: string) => boolean)[] = [];
      while (i < src.length && src[i] !== ']') {
        let a = src[i++];
        if (a === '\\') {
          const e = src[i++];
          if (e === 'd') {
            parts.push((c) => c >= '0' && c <= '9');
            continue;
          }
          if (/[A-Za-z0-9]/.test(e)) throw new Unsupported(`class escape \\${e}`);
          a = e;
        }
        if (src[i] === '-' && src[i + 1] !== ']' && i + 1 < src.length) {
          const b = src[i + 1];
          if (b === '\\') throw new Unsupported('escaped range end');
          i += 2;
          parts.push((c) => c >= a && c <= b);
        } else parts.push((c) => c === a);
      }
      if (src[i++] !== ']') throw new Unsupported('unterminated class');
      return { t: 'set', mask: maskOf((c) => parts.some((p) => p(c)) !== neg) };
    }
    if (ch === '\\') {
      const e = src[i++];
      if (e === 'd') return { t: 'set', mask: maskOf((c) => c >= '0' && c <= '9') };
      if (/[A-Za-z0-9]/.test(e ?? 'a')) throw new Unsupported(`escape \\${e}`);
      return { t: 'set', mask: maskOf((c) => c === e) };
    }
    if (ch === '.') return { t: 'set', mask: maskOf(() => true) };
    if ('^$)|*+?{}]'.includes(ch)) throw new Unsupported(`token ${ch}`);
    return { t: 'set', mask: maskOf((c) => c === ch) };
  }
  function quant(node: Node): Node {
    const ch = peek();
    let min: number;
    let max: number;
    if (ch === '?') [min, max] = [0, 1];
    else if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) throw new Unsupported('quantifier');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length - 1;
    } else return node;
    i++;
    if (peek() === '?') throw new Unsupported('lazy quantifier');
    return { t: 'rep', min, max, body: node };
  }
  const node = alt();
  if (i !== src.length) throw new Unsupported('trailing text');
  return { node, look };
}

/** One way through the pattern: the class of each position and where each group landed. */
interface Path {
  readonly sets: readonly Mask[];
  readonly caps: ReadonlyMap<number, readonly [number, number]>;
}

const MAX_PATHS = 4096;

function paths(node: Node, maxLen: number): Path[] {
  const cat = (a: Path[], b: Path[]): Path[] => {
    const out: Path[] = [];
    for (const x of a) {
      for (const y of b) {
        if (x.sets.length + y.sets.length > maxLen) continue;
        const caps = new Map(x.caps);
        const off = x.sets.length;
        for (const [g, [s, e]] of y.caps) caps.set(g, [s + off, e + off]);
        out.push({ sets: [...x.sets, ...y.sets], caps });
        if (out.length > MAX_PATHS) throw new Unsupported('too many ways');
      }
    }
    return out;
  };
  const empty: Path[] = [{ sets: [], caps: new Map() }];
  switch (node.t) {
    case 'set':
      return [{ sets: [node.mask], caps: new Map() }];
    case 'look':
      return empty;
    case 'seq': {
      let acc = empty;
      for (const it of node.items) acc = cat(acc, paths(it, maxLen));
      return acc;
    }
    case 'alt':
      return node.alts.flatMap((a) => paths(a, maxLen));
    case 'group':
      return paths(node.body, maxLen).map((p) => {
        const caps = new Map(p.caps);
        caps.set(node.no, [0, p.sets.length]);
        return { sets: p.sets, caps };
      });
    case 'rep': {
      const body = paths(node.body, maxLen);
      if (node.max > 1 && body.some((p) => p.caps.size > 0)) throw new Unsupported('repeated capture');
      const out: Path[] = [];
      let acc = empty;
      for (let k = 0; k <= Math.min(node.max, maxLen); k++) {
        if (k >= node.min) out.push(...acc);
        if (out.length > MAX_PATHS) throw new Unsupported('too many ways');
        if (k === Math.min(node.max, maxLen)) break;
        acc = cat(acc, body);
        if (acc.length === 0) break;
      }
      return out;
    }
  }
}

/**
 * The layout of one length: `at` holds [start, end) of each group number asked for (-1, -1 when the
 * group does not take part); `mask` (length × 37, 1 = allowed; the 37th entry, any character outside 0-9A-Z, is never allowed) when the shape can be checked by
 * position alone, else undefined (test the regex).
 */
export interface Layout {
  readonly at: Int32Array;
  readonly mask?: Uint8Array;
  /**
   * The same shape as runs, for a quick scan: runs[3k] = kind (0 digits, 1 A-Z, 2 one character
   * whose code is runs[3k+1], 3 look up `mask`, 4 any of 0-9A-Z), runs[3k+1] = start or the character, runs[3k+2] =
   * end; for kind 2 the position is runs[3k+2] - 1.
   */
  readonly runs?: Int32Array;
}

/** A mask's kind: 0 digits only, 1 A-Z only, 2 one character (returned as 100 + its index), 4 any of 0-9A-Z, 3 other. */
function maskKind(m: Mask): number {
  let digits = 0;
  let letters = 0;
  let one = -1;
  for (let i = 0; i < 36; i++) {
    if (!m[i]) continue;
    if (i < 10) digits++;
    else letters++;
    one = i;
  }
  if (digits === 10 && letters === 0) return 0;
  if (digits === 0 && letters === 26) return 1;
  if (digits === 10 && letters === 26) return 4;
  if (digits + letters === 1) return 100 + one;
  return 3;
}

function runsOf(sets: readonly Mask[]): Int32Array {
  const out: number[] = [];
  for (let p = 0; p < sets.length; ) {
    const k = maskKind(sets[p]);
    if (k >= 100) {
      const i = k - 100;
      out.push(2, i < 10 ? 48 + i : 55 + i, p + 1);
      p++;
      continue;
    }
    let q = p + 1;
    while (q < sets.length && maskKind(sets[q]) === k) q++;
    out.push(k, p, q);
    p = q;
  }
  return Int32Array.from(out);
}

/**
 * Layouts by length for a pattern (unanchored source, as the table writes it), for the group
 * numbers in `groups` (their order is the order of `at`, two entries each). null for a length no
 * way of the pattern reaches; undefined for a length where the groups can sit at different offsets
 * (use the regex's match). Returns undefined when the pattern uses syntax this reader does not know.
 */
export function compileLayouts(source: string, maxLen: number, groups: readonly number[]): (Layout | null | undefined)[] | undefined {
  let parsed: { node: Node; look: boolean };
  let all: Path[];
  try {
    parsed = parse(source);
    all = paths(parsed.node, maxLen);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  const out: (Layout | null | undefined)[] = new Array(maxLen + 1).fill(null);
  const byLen = new Map<number, Path[]>();
  for (const p of all) {
    const a = byLen.get(p.sets.length);
    if (a) a.push(p);
    else byLen.set(p.sets.length, [p]);
  }
  for (const [n, ps] of byLen) {
    const at = new Int32Array(groups.length * 2).fill(-1);
    groups.forEach((g, j) => {
      const c = ps[0].caps.get(g);
      if (c) [at[2 * j], at[2 * j + 1]] = c;
    });
    const same = ps.every((p) =>
      groups.every((g, j) => {
        const c = p.caps.get(g);
        return c ? c[0] === at[2 * j] && c[1] === at[2 * j + 1] : at[2 * j] === -1;
      }),
    );
    if (!same) {
      out[n] = undefined;
      continue;
    }
    let mask: Uint8Array | undefined;
    if (ps.length === 1 && !parsed.look) {
      // 37 entries a position: 0-9, A-Z, then any other character (never allowed).
      mask = new Uint8Array(n * 37);
      ps[0].sets.forEach((m, pos) => mask!.set(m, pos * 37));
    }
    out[n] = { at, mask, runs: mask ? runsOf(ps[0].sets) : undefined };
  }
  return out;
}

/**
 * A format's prepend_if test (a regex run on the serial) by position, for the shape the table uses:
 * `^(?!P).+` or `^(?!P).+$` with P fixed-width (USPS 91…, OnTrac C/D): the serial is not empty and
 * does not start with P. Undefined for any other shape (the caller runs the regex on the serial).
 */
export function compileNotPrefix(matches: string): ((s: string, from: number, to: number) => boolean) | undefined {
  const m = /^\^\(\?!([^()|]*)\)\.\+\$?$/.exec(matches);
  if (!m) return undefined;
  let all: Path[];
  try {
    const parsed = parse(m[1]);
    if (parsed.look) return undefined;
    all = paths(parsed.node, 64);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  if (all.length !== 1) return undefined;
  const sets = all[0].sets;
  const w = sets.length;
  return (s, from, to) => {
    if (to - from < 1) return false;
    if (to - from < w) return true;
    for (let i = 0; i < w; i++) if (sets[i][charIndex(s.charCodeAt(from + i))] !== 1) return true;
    return false;
  };
}
