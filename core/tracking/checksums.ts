/**
 * The six check-digit algorithms of CARRIERS.md "Checksum algorithms", implemented exactly as its
 * pseudo-code says (indexes from the left, 0-based). Each takes the serial (after `prepend_if`) and
 * the check-digit character, and allocates nothing: they run once per cell in a million-row column.
 * An unknown algorithm name is rejected when the carrier table is loaded (fail closed, see table.ts).
 */

export const CHECKSUM_NAMES = ['mod10', 'mod7', 's10', 'luhn', 'sum_product_with_weightings_and_modulo', 'mod_37_36'] as const;
export type ChecksumName = (typeof CHECKSUM_NAMES)[number];

/** Parameters as the table spells them (only the ones each algorithm uses are read). */
export interface ChecksumParams {
  readonly name: ChecksumName;
  readonly evens_multiplier?: number;
  readonly odds_multiplier?: number;
  readonly reverse?: boolean;
  readonly weightings?: readonly number[];
  readonly modulo1?: number;
  readonly modulo2?: number;
}

const C0 = 48; // '0'

/** charValue: digit → its value; letter → (ASCII − 3) mod 10 (A→2, B→3 … I→0, J→1; UPS's mapping). */
export function charValue(code: number): number {
  return code >= C0 && code <= 57 ? code - C0 : (code - 3) % 10;
}

/** The last step of mod10 and luhn: 0 when the total ends in 0, else what brings it to the next ten. */
const tensComplement = (total: number): number => (total % 10 === 0 ? 0 : 10 - (total % 10));

/** The last step of S10: r = S mod 11; 0 → 5, 1 → 0, else 11 − r. */
function s10Step(total: number): number {
  const r = total % 11;
  return r === 0 ? 5 : r === 1 ? 0 : 11 - r;
}

/** mod10 with optional even/odd multipliers and reversed reading (USPS IMpb N). */
export function mod10(seq: string, evens: number | undefined, odds: number | undefined, reverse: boolean): number {
  const n = seq.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let x = charValue(seq.charCodeAt(reverse ? n - 1 - i : i));
    if (odds && (i & 1) === 1) x *= odds;
    else if (evens && (i & 1) === 0) x *= evens;
    total += x;
  }
  return tensComplement(total);
}

/** mod7: the whole serial read as one integer, mod 7, by string arithmetic (serials can exceed 2^53). */
export function mod7(seq: string): number {
  let r = 0;
  for (let i = 0; i < seq.length; i++) r = (r * 10 + (seq.charCodeAt(i) - C0)) % 7;
  return r;
}

export const S10_WEIGHTS: readonly number[] = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10: Σ d·[8,6,4,2,3,5,9,7]; r = S mod 11; 0 → 5, 1 → 0, else 11 − r. */
export function s10(seq: string, weights: readonly number[] = S10_WEIGHTS): number {
  let s = 0;
  const n = Math.min(seq.length, weights.length);
  for (let i = 0; i < n; i++) s += (seq.charCodeAt(i) - C0) * weights[i];
  return s10Step(s);
}

/** Standard Luhn over the serial; doubling starts at its right-most digit. */
export function luhn(seq: string): number {
  let total = 0;
  for (let i = 0, j = seq.length - 1; j >= 0; i++, j--) {
    let x = seq.charCodeAt(j) - C0;
    if ((i & 1) === 0) {
      x *= 2;
      if (x > 9) x -= 9;
    }
    total += x;
  }
  return tensComplement(total);
}

/** (Σ d·w mod m1) mod m2, zipping serial and weights (stops at the shorter). */
export function sumProduct(seq: string, weights: readonly number[], m1: number, m2: number): number {
  let s = 0;
  const n = Math.min(seq.length, weights.length);
  for (let i = 0; i < n; i++) s += (seq.charCodeAt(i) - C0) * weights[i];
  return (s % m1) % m2;
}

export const ALNUM36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 MOD 37,36 hybrid (DPD): returns the index of the check character in 0-9A-Z. */
export function mod3736(seq: string): number {
  const M = 36;
  let r = M;
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    // A=10 … Z=35; lower-case letters fold to upper-case.
    const v = c >= C0 && c <= 57 ? c - C0 : (c >= 97 ? c - 32 : c) - 55;
    r += v;
    if (r > M) r -= M;
    r *= 2;
    if (r > M) r -= M + 1;
  }
  let e = M + 1 - r;
  if (e === M) e = 0;
  return e;
}

/**
 * Index in 0-9A-Z of the check character a serial should carry (a digit for all but MOD 37,36),
 * or -1 for an algorithm this code does not know (fail closed).
 * mod7 yields 0..6 only, so '7', '8', '9' can never be a valid DHL check digit.
 */
export function checkIndex(p: ChecksumParams, seq: string): number {
  switch (p.name) {
    case 'mod10':
      return mod10(seq, p.evens_multiplier, p.odds_multiplier, p.reverse === true);
    case 'mod7':
      return mod7(seq);
    case 's10':
      return s10(seq, p.weightings ?? S10_WEIGHTS);
    case 'luhn':
      return luhn(seq);
    case 'sum_product_with_weightings_and_modulo':
      return sumProduct(seq, p.weightings ?? [], p.modulo1 ?? 11, p.modulo2 ?? 10);
    case 'mod_37_36':
      return mod3736(seq);
    default:
      return -1;
  }
}

/** The expected check character ('' when the algorithm is unknown). */
export function expectedCheck(p: ChecksumParams, seq: string): string {
  const k = checkIndex(p, seq);
  return k < 0 ? '' : ALNUM36[k];
}

/** Does the check character pass? Fails closed for an unknown algorithm. */
export function verifyCheck(p: ChecksumParams, seq: string, cd: string): boolean {
  const k = checkIndex(p, seq);
  if (k < 0 || cd.length !== 1) return false;
  let c = cd.charCodeAt(0);
  if (c >= 97 && c <= 122) c -= 32;
  return ALNUM36.charCodeAt(k) === c;
}

// ── the linear algorithms as one weighted sum (TRACK_VALID's hot path) ────────────────────────────

/**
 * mod10, mod7, s10 and sum_product all read a sequence as Σ value(character) · weight(position) and
 * then take one step from that total to the check character. For a serial of a known length (a
 * layout fixes it) that is a weight per position, a value per character code and a table from total
 * to check character: one loop and one lookup whatever the algorithm, no switch, no substring.
 * luhn and mod_37_36 are not of this kind (undefined: their string versions are used).
 */
export interface WeightedCheck {
  /** Weight of each serial position, from the serial's start. */
  readonly weights: Int32Array;
  /** Value of each character code below 128; only 0-9 and A-Z are ever read. */
  readonly values: Int32Array;
  /** What a fixed prefix read before the serial (prepend_if's content) adds to the total. */
  readonly base: number;
  /** The char code of the check character for each total (0: no character of 0-9A-Z). */
  readonly check: Uint8Array;
}

/** Each character code's value below 128 as the algorithm reads it: its digit, mod10's charValue for a letter, else code − 48. */
const DIGIT_VALUES = Int32Array.from({ length: 128 }, (_, k) => k - C0);
const CHAR_VALUES = Int32Array.from({ length: 128 }, (_, k) => charValue(k));
export const checksumValues = (p: ChecksumParams | undefined): Int32Array => (p?.name === 'mod10' ? CHAR_VALUES : DIGIT_VALUES);

/** Biggest total a WeightedCheck tabulates (the table's formats stay below 42 × 9 × 34). */
const MAX_TOTAL = 1 << 16;

/**
 * checkIndex(p, prefix + serial) for every serial of `serialLength` characters from 0-9A-Z, as a
 * weighted sum (read it with weightedCheckAt). Undefined for an algorithm that is not a weighted sum.
 */
export function weightedCheck(p: ChecksumParams, serialLength: number, prefix = ''): WeightedCheck | undefined {
  const n = prefix.length + serialLength;
  const w = new Int32Array(n);
  const values = checksumValues(p);
  let finish: (total: number) => number;
  switch (p.name) {
    case 'mod10': {
      // The i-th character read (from the right when reversed) is multiplied by odds / evens.
      const odds = p.odds_multiplier || 1;
      const evens = p.evens_multiplier || 1;
      for (let j = 0; j < n; j++) w[j] = ((p.reverse ? n - 1 - j : j) & 1) === 1 ? odds : evens;
      finish = tensComplement;
      break;
    }
    case 'mod7':
      // (r·10 + d) mod 7, character by character = Σ d · (10^(n−1−j) mod 7), mod 7.
      for (let j = n - 1, x = 1; j >= 0; j--, x = (x * 10) % 7) w[j] = x;
      finish = (t) => t % 7;
      break;
    case 's10':
    case 'sum_product_with_weightings_and_modulo': {
      const ws = p.name === 's10' ? (p.weightings ?? S10_WEIGHTS) : (p.weightings ?? []);
      for (let j = 0; j < n && j < ws.length; j++) w[j] = ws[j];
      const m1 = p.modulo1 ?? 11;
      const m2 = p.modulo2 ?? 10;
      finish = p.name === 's10' ? s10Step : (t) => (t % m1) % m2;
      break;
    }
    default:
      return undefined;
  }
  // Over 0-9A-Z (values 0–42) the totals stay small and non-negative: tabulate every one.
  if (w.some((x) => x < 0)) return undefined;
  let base = 0;
  for (let j = 0; j < prefix.length; j++) {
    if (!/^[0-9A-Z]$/.test(prefix[j])) return undefined;
    base += values[prefix.charCodeAt(j)] * w[j];
  }
  let max = base;
  for (let j = prefix.length; j < n; j++) max += w[j] * 42;
  if (max > MAX_TOTAL) return undefined;
  const check = new Uint8Array(max + 1);
  for (let t = 0; t <= max; t++) {
    const k = finish(t);
    check[t] = k >= 0 && k < 36 ? ALNUM36.charCodeAt(k) : 0;
  }
  return { weights: w.slice(prefix.length), values, base, check };
}

/** The char code of the check character for the serial s[from, from + weights.length), by a WeightedCheck. */
export function weightedCheckAt(c: WeightedCheck, s: string, from: number): number {
  const w = c.weights;
  const values = c.values;
  let t = c.base;
  for (let j = 0; j < w.length; j++) t += values[s.charCodeAt(from + j)] * w[j];
  return c.check[t];
}
